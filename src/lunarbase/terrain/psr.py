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


@cache
def _bounds() -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Lower-left and upper-right corners (n_rings, 2) of every ring's bounding box [m]."""
    return (
        np.array([r.min(axis=0) for r in _rings()]),
        np.array([r.max(axis=0) for r in _rings()]),
    )


def in_psr_catalogue(x_m: ArrayLike, y_m: ArrayLike) -> NDArray[np.bool_]:
    """Whether map points [m] lie inside a catalogued south-polar PSR polygon [1]_
    (matplotlib's point-in-polygon test, each polygon only against points in its bounds;
    matplotlib is imported only when a point falls in some polygon's bounds, which spares a
    point query far from any PSR 0.13 s)."""
    x, y = np.broadcast_arrays(np.asarray(x_m, float), np.asarray(y_m, float))
    points = np.column_stack([x.ravel(), y.ravel()])
    inside = np.zeros(points.shape[0], dtype=bool)
    lower, upper = _bounds()
    for ring, lo, hi in zip(_rings(), lower, upper, strict=True):
        near = np.all((points >= lo) & (points <= hi), axis=1)
        if near.any():
            from matplotlib.path import Path

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
