"""Digital elevation models: polar stereographic grids, map <-> lat/lon, sampling, slope.

All polar grids share the LOLA south polar stereographic frame on the 1737.4 km sphere
(``+proj=stere +lat_0=-90 +lon_0=0 +k=1 +R=1737400``; rho = 2R tan((90 + lat)/2),
X = rho sin(lon), Y = rho cos(lon)), so they layer without reprojection [1]_. Point queries use
the finest grid that covers the point: PGDA Site01 (10 m) [2]_, LDEM_75S_120M at 240 m, the same
at 1787 m, and outside the polar cap the global LDEM_4 [1]_.

References
----------
.. [1] Smith, D. E. et al. (2017) Summary of the results from the Lunar Orbiter Laser Altimeter
   after seven years in lunar orbit. Icarus 283:70-91, doi:10.1016/j.icarus.2016.06.006
.. [2] Barker, M. K. et al. (2021) Improved LOLA elevation maps for south pole landing sites.
   Planet. Space Sci. 203, 105119, doi:10.1016/j.pss.2020.105119
.. [3] Horn, B. K. P. (1981) Hill shading and the reflectance map. Proc. IEEE 69(1):14-47.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

import numpy as np
from numpy.typing import ArrayLike, NDArray
from pyproj import CRS, Transformer

from lunarbase.constants import MOON_RADIUS_M
from lunarbase.geometry import LONLAT_PROJ4, POLAR_STEREO_PROJ4

POLAR_GRIDS = ("site01_10m", "ldem_75s_240m", "ldem_75s_1787m")
"""Polar DEMs, finest first."""


@cache
def _transformer(inverse: bool) -> Transformer:
    src, dst = CRS.from_proj4(LONLAT_PROJ4), CRS.from_proj4(POLAR_STEREO_PROJ4)
    if inverse:
        src, dst = dst, src
    return Transformer.from_crs(src, dst, always_xy=True)


def latlon_to_xy(lat_deg: ArrayLike, lon_deg: ArrayLike) -> tuple[NDArray, NDArray]:
    """South polar stereographic map coordinates [m] of planetocentric lat/lon [deg] (pyproj)."""
    x, y = _transformer(False).transform(np.asarray(lon_deg, float), np.asarray(lat_deg, float))
    return np.asarray(x), np.asarray(y)


def xy_to_latlon(x_m: ArrayLike, y_m: ArrayLike) -> tuple[NDArray, NDArray]:
    """Planetocentric lat [deg] and lon [deg E, 0..360] of map coordinates [m] (pyproj)."""
    lon, lat = _transformer(True).transform(np.asarray(x_m, float), np.asarray(y_m, float))
    return np.asarray(lat), np.mod(np.asarray(lon), 360.0)


def xy_to_unit_vector(x_m: ArrayLike, y_m: ArrayLike) -> NDArray:
    """Moon-fixed unit vectors (..., 3) of map points [m] (closed-form inverse stereographic).

    Frame: +x toward lon 0, +y toward lon 90 E, +z toward the north pole. Used in the horizon
    kernel where pyproj per-sample calls would dominate; a test checks it against pyproj.
    """
    x = np.asarray(x_m, float)
    y = np.asarray(y_m, float)
    # With k = rho / 2R: sin c = 2k / (1 + k^2), cos c = (1 - k^2) / (1 + k^2), and
    # (cos lon, sin lon) = (y, x) / rho -- no trigonometry needed.
    k2 = (x * x + y * y) / (4.0 * MOON_RADIUS_M**2)
    f = 1.0 / (MOON_RADIUS_M * (1.0 + k2))
    return np.stack([y * f, x * f, -(1.0 - k2) / (1.0 + k2)], axis=-1)


def grid_frame(x_m: float, y_m: float) -> NDArray:
    """Local frame at a map point: rows are map +x, map +y and up, as Moon-fixed unit vectors.

    The map axes are not east/north: on a polar grid local north points away from the south
    pole, so azimuths are measured in this grid frame for both terrain and the Sun.
    """
    d = 1.0
    up = xy_to_unit_vector(x_m, y_m)
    gx = xy_to_unit_vector(x_m + d, y_m) - xy_to_unit_vector(x_m - d, y_m)
    gy = xy_to_unit_vector(x_m, y_m + d) - xy_to_unit_vector(x_m, y_m - d)
    gx -= up * (gx @ up)
    gy -= up * (gy @ up)
    return np.stack([gx / np.linalg.norm(gx), gy / np.linalg.norm(gy), up])


class Grid(Protocol):
    """A (y, x) polar grid: an xarray DataArray from ``load`` or a numpy
    :class:`lunarbase.data.PolarGrid` (``values`` [m], ``x``/``y`` pixel centres [m], ``attrs``
    with ``pixel_size_m``)."""

    @property
    def values(self) -> Any: ...

    @property
    def x(self) -> Any: ...

    @property
    def y(self) -> Any: ...

    @property
    def attrs(self) -> dict[Any, Any]: ...

    @property
    def shape(self) -> tuple[int, ...]: ...


def bilinear(dem: Grid, x_m: ArrayLike, y_m: ArrayLike) -> NDArray:
    """Bilinear interpolation of a (y, x) polar grid at map points [m]; NaN outside the outer
    pixel centres or in holes."""
    values = np.asarray(dem.values)
    size = float(dem.attrs["pixel_size_m"])
    x, y = np.broadcast_arrays(np.asarray(x_m, float), np.asarray(y_m, float))
    col = (x - float(np.asarray(dem.x)[0])) / size
    row = (float(np.asarray(dem.y)[0]) - y) / size
    ny, nx = values.shape
    inside = (col >= 0) & (col <= nx - 1) & (row >= 0) & (row <= ny - 1)
    out = np.full(col.shape, np.nan)
    # Gather only inside points: a ray's far samples are off the fine grids (2x faster rays).
    col, row = col[inside], row[inside]
    c0 = np.minimum(col.astype(np.intp), nx - 2)  # col >= 0, so truncation is the floor
    r0 = np.minimum(row.astype(np.intp), ny - 2)
    fc = col - c0
    fr = row - r0
    out[inside] = (
        values[r0, c0] * (1 - fr) * (1 - fc)
        + values[r0, c0 + 1] * (1 - fr) * fc
        + values[r0 + 1, c0] * fr * (1 - fc)
        + values[r0 + 1, c0 + 1] * fr * fc
    )
    return out


@dataclass(frozen=True)
class PolarTerrain:
    """The polar DEM stack, finest first, for point queries and horizons."""

    grids: tuple[Grid, ...]

    def elevation_m(self, x_m: ArrayLike, y_m: ArrayLike) -> tuple[NDArray, NDArray]:
        """Height [m] from the finest grid with data at each point, and that grid's index."""
        x = np.asarray(x_m, float)
        y = np.asarray(y_m, float)
        out = np.full(np.broadcast(x, y).shape, np.nan)
        which = np.full(out.shape, -1, dtype=int)
        for i, grid in enumerate(self.grids):
            todo = np.isnan(out)
            if not todo.any():
                break
            xs, ys = np.broadcast_to(x, out.shape)[todo], np.broadcast_to(y, out.shape)[todo]
            z = bilinear(grid, xs, ys)
            got = ~np.isnan(z)
            idx = np.flatnonzero(todo)[got]
            out.flat[idx] = z[got]
            which.flat[idx] = i
        return out, which

    def slope_deg(self, x_m: float, y_m: float) -> float:
        """Surface slope [deg] at a point, by central differences on the finest covering grid."""
        _, which = self.elevation_m(x_m, y_m)
        if int(which) < 0:
            return float("nan")
        grid = self.grids[int(which)]
        d = float(grid.attrs["pixel_size_m"])
        zx = bilinear(grid, [x_m + d, x_m - d], [y_m, y_m])
        zy = bilinear(grid, [x_m, x_m], [y_m + d, y_m - d])
        gx = (zx[0] - zx[1]) / (2 * d)
        gy = (zy[0] - zy[1]) / (2 * d)
        return float(np.degrees(np.arctan(np.hypot(gx, gy))))


@cache
def polar_terrain() -> PolarTerrain:
    """The real polar DEM stack (Site01 10 m, LDEM_75S 240 m, LDEM_75S 1787 m) as numpy
    :class:`lunarbase.data.PolarGrid` objects, loaded once (``load(name)`` gives DataArrays)."""
    from lunarbase.data import polar_grid

    return PolarTerrain(tuple(polar_grid(name) for name in POLAR_GRIDS))


def global_elevation_m(lat_deg: float, lon_deg: float) -> float:
    """Height [m] from the global LDEM_4 grid, bilinear in lat/lon with longitude wrap."""
    from lunarbase.data import load

    dem = load("ldem_4")
    values = np.asarray(dem.values)
    row = (90.0 - lat_deg) * 4.0 - 0.5
    col = np.mod(lon_deg, 360.0) * 4.0 - 0.5
    r0 = int(np.clip(np.floor(row), 0, 718))
    fr = float(np.clip(row - r0, 0.0, 1.0))
    c0 = int(np.floor(col))
    fc = col - c0
    c0 %= 1440
    c1 = (c0 + 1) % 1440
    top = values[r0, c0] * (1 - fc) + values[r0, c1] * fc
    bottom = values[r0 + 1, c0] * (1 - fc) + values[r0 + 1, c1] * fc
    return float(top * (1 - fr) + bottom * fr)


def slope_map_deg(dem: Grid) -> NDArray[np.float32]:
    """Slope [deg] of every pixel of a (y, x) grid by central differences."""
    size = float(dem.attrs["pixel_size_m"])
    dzdy, dzdx = np.gradient(np.asarray(dem.values, float), size)
    return np.degrees(np.arctan(np.hypot(dzdx, dzdy))).astype(np.float32)


def hillshade(dem: Grid, azimuth_deg: float = 315.0, altitude_deg: float = 45.0) -> NDArray:
    """Lambertian hillshade in [0, 1] for plots [3]_; azimuth measured clockwise from map +y."""
    size = float(dem.attrs["pixel_size_m"])
    dzdy, dzdx = np.gradient(np.asarray(dem.values, float), size)
    az, alt = np.radians(azimuth_deg), np.radians(altitude_deg)
    # Rows run toward -y, so the map-y gradient is minus the row gradient.
    nx, ny = -dzdx, dzdy
    norm = np.sqrt(nx**2 + ny**2 + 1.0)
    light = np.array([np.sin(az) * np.cos(alt), np.cos(az) * np.cos(alt), np.sin(alt)])
    shade = (nx * light[0] + ny * light[1] + light[2]) / norm
    return np.clip(np.nan_to_num(shade, nan=0.0), 0.0, 1.0)
