"""Permanently shadowed regions from the LOLA south PSR catalogue (polygons >= 5 km^2).

References
----------
.. [1] Mazarico, E. et al. (2011) Illumination conditions of the lunar polar regions using LOLA
   topography. Icarus 211:1066-1081, doi:10.1016/j.icarus.2010.10.030
"""

from __future__ import annotations

from functools import cache

import numpy as np
from numpy.typing import ArrayLike, NDArray


@cache
def _rings() -> tuple[NDArray[np.float64], ...]:
    from lunarbase.data import psr_polygons

    return tuple(psr_polygons())


def in_psr_catalogue(x_m: ArrayLike, y_m: ArrayLike) -> NDArray[np.bool_]:
    """Whether map points [m] lie inside a catalogued south-polar PSR polygon [1]_
    (matplotlib's point-in-polygon test, each polygon only against points in its bounds)."""
    from matplotlib.path import Path

    x, y = np.broadcast_arrays(np.asarray(x_m, float), np.asarray(y_m, float))
    points = np.column_stack([x.ravel(), y.ravel()])
    inside = np.zeros(points.shape[0], dtype=bool)
    for ring in _rings():
        near = np.all((points >= ring.min(axis=0)) & (points <= ring.max(axis=0)), axis=1)
        if near.any():
            inside[near] |= Path(ring).contains_points(points[near])
    return inside.reshape(x.shape)


def in_psr(x_m: float, y_m: float) -> bool:
    """Whether one map point [m] lies inside a catalogued south-polar PSR polygon [1]_."""
    return bool(in_psr_catalogue(x_m, y_m))


def distance_to_psr_km(x_m: float, y_m: float) -> float:
    """Distance [km] from a map point to the nearest catalogued PSR (0 inside one), measured
    to polygon vertices (the catalogue's vertices are ~100 m apart)."""
    if in_psr(x_m, y_m):
        return 0.0
    best = min(float(np.min(np.hypot(r[:, 0] - x_m, r[:, 1] - y_m))) for r in _rings())
    return best / 1000.0
