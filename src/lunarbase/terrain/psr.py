"""Permanently shadowed regions from the LOLA south PSR catalogue (polygons >= 5 km^2).

References
----------
.. [1] Mazarico, E. et al. (2011) Illumination conditions of the lunar polar regions using LOLA
   topography. Icarus 211:1066-1081, doi:10.1016/j.icarus.2010.10.030
"""

from __future__ import annotations

from functools import cache

import numpy as np
from numpy.typing import NDArray


@cache
def _rings() -> tuple[NDArray[np.float64], ...]:
    from lunarbase.data import psr_polygons

    return tuple(psr_polygons())


def _inside(ring: NDArray[np.float64], x: float, y: float) -> bool:
    """Even-odd rule point-in-polygon test."""
    xs, ys = ring[:, 0], ring[:, 1]
    xn, yn = np.roll(xs, -1), np.roll(ys, -1)
    crosses = (ys > y) != (yn > y)
    with np.errstate(divide="ignore", invalid="ignore"):
        x_cross = xs + (y - ys) * (xn - xs) / (yn - ys)
    return bool(np.count_nonzero(crosses & (x < x_cross)) % 2)


def in_psr(x_m: float, y_m: float) -> bool:
    """Whether a map point [m] lies inside a catalogued south-polar PSR polygon [1]_."""
    for ring in _rings():
        (x0, y0), (x1, y1) = ring.min(axis=0), ring.max(axis=0)
        if x0 <= x_m <= x1 and y0 <= y_m <= y1 and _inside(ring, x_m, y_m):
            return True
    return False


def distance_to_psr_km(x_m: float, y_m: float) -> float:
    """Distance [km] from a map point to the nearest catalogued PSR (0 inside one), measured
    to polygon vertices (the catalogue's vertices are ~100 m apart)."""
    if in_psr(x_m, y_m):
        return 0.0
    best = min(float(np.min(np.hypot(r[:, 0] - x_m, r[:, 1] - y_m))) for r in _rings())
    return best / 1000.0
