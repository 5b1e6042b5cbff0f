"""Horizon profiles: elevation angle of the highest terrain in each azimuth from an observer.

The horizon is traced on the multi-resolution polar DEM stack (near terrain from the finest
grid, distant terrain from the coarse one), as polar illumination studies do [1]_ [2]_. Each
sample is placed on the sphere in 3-D, so the fall of the surface with distance (about
d^2 / 2R, 18 m at 8 km) is exact and horizons below 0 deg are kept. Azimuths are measured
clockwise from map +y in the grid frame (:func:`lunarbase.terrain.dem.grid_frame`).

References
----------
.. [1] Mazarico, E., Neumann, G. A., Smith, D. E., Zuber, M. T. & Torrence, M. H. (2011)
   Illumination conditions of the lunar polar regions using LOLA topography. Icarus
   211:1066-1081, doi:10.1016/j.icarus.2010.10.030 (horizon method, 240 m DEMs to 75 deg).
.. [2] Glaser, P. et al. (2014) Illumination conditions at the lunar south pole using high
   resolution Digital Terrain Models from LOLA. Icarus 243:78-90,
   doi:10.1016/j.icarus.2014.08.013
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from lunarbase.constants import MOON_RADIUS_M
from lunarbase.errors import QueryError
from lunarbase.terrain.dem import PolarTerrain

if TYPE_CHECKING:
    import xarray as xr

NEAR_FIELD_PIXELS = 8
"""Terrain this many pixels around an observer is ray-marched from the pixel itself; beyond,
the line sweep's half-pixel lattice offset changes angles by < atan(0.5 / 8) in azimuth."""


@dataclass(frozen=True)
class Horizon:
    """Horizon of one observer.

    Attributes
    ----------
    azimuth_deg : numpy.ndarray
        Grid azimuths, clockwise from map +y. [deg]
    elevation_deg : numpy.ndarray
        Elevation angle of the horizon in each azimuth (may be negative). [deg]
    x_m, y_m : float
        Observer map position. [m]
    ground_m : float
        Ground height under the observer. [m]
    observer_height_m : float
        Observer height above ground. [m]
    """

    azimuth_deg: NDArray[np.float64]
    elevation_deg: NDArray[np.float64]
    x_m: float
    y_m: float
    ground_m: float
    observer_height_m: float

    def at(self, azimuth_deg: NDArray[np.float64]) -> NDArray[np.float64]:
        """Horizon elevation [deg] at arbitrary azimuths, linear and periodic in azimuth."""
        az = np.append(self.azimuth_deg, self.azimuth_deg[0] + 360.0)
        el = np.append(self.elevation_deg, self.elevation_deg[0])
        return np.interp(np.mod(azimuth_deg, 360.0), az, el)


def sample_distances_m(
    terrain: PolarTerrain, x_m: float, y_m: float, max_distance_m: float
) -> NDArray[np.float64]:
    """Distances along the rays from (x, y) [m]: each grid's pixel size out to the farthest
    corner of that grid, then the next coarser grid's, so every grid is sampled at its own
    resolution."""
    parts = []
    start = float(terrain.grids[0].attrs["pixel_size_m"])
    for grid in terrain.grids:
        step = float(grid.attrs["pixel_size_m"])
        half = step / 2.0
        gx, gy = np.asarray(grid.x, float), np.asarray(grid.y, float)
        cx = np.array([gx[0] - half, gx[-1] + half])
        cy = np.array([gy[0] + half, gy[-1] - half])
        reach = float(np.hypot(np.abs(cx - x_m).max(), np.abs(cy - y_m).max()))
        stop = min(reach, max_distance_m)
        if stop > start:
            parts.append(np.arange(start, stop, step))
            start = stop
    return np.concatenate(parts) if parts else np.array([start])


@dataclass(frozen=True)
class DemStack:
    """A polar DEM stack flattened for :func:`.horizon_kernel.point_rays`: every grid's
    heights [m] end to end (``flat``), and per grid its start in ``flat``, (ny, nx), the
    (x, y) of its first pixel centre [m] and its pixel size [m]."""

    flat: NDArray[np.float32]
    offset: NDArray[np.int64]
    shape: NDArray[np.int64]
    corner: NDArray[np.float64]
    size: NDArray[np.float64]


_STACKS: dict[tuple[int, ...], tuple[PolarTerrain, DemStack]] = {}
"""The flattened stacks of the last :data:`STACKS_KEPT` terrains seen in this process, by the
ids of their grids (each kept with its terrain, so the ids stay its own)."""

STACKS_KEPT = 4
"""Flattened stacks kept per process [count]: the real polar stack and a few test terrains."""


def dem_stack(terrain: PolarTerrain) -> DemStack:
    """``terrain``'s grids flattened once per process (:class:`DemStack`); the oldest of more
    than :data:`STACKS_KEPT` is dropped, so terrains made one after another are not kept."""
    key = tuple(id(g) for g in terrain.grids)
    if key not in _STACKS:
        while len(_STACKS) >= STACKS_KEPT:
            del _STACKS[next(iter(_STACKS))]
        values = [np.asarray(g.values) for g in terrain.grids]
        _STACKS[key] = (
            terrain,
            DemStack(
                # float32 as the LOLA grids load (one compiled kernel for every terrain)
                np.concatenate([v.ravel() for v in values]).astype(np.float32, copy=False),
                np.cumsum([0] + [v.size for v in values[:-1]]).astype(np.int64),
                np.array([v.shape for v in values], dtype=np.int64),
                np.array([(float(g.x[0]), float(g.y[0])) for g in terrain.grids]),
                np.array([float(g.attrs["pixel_size_m"]) for g in terrain.grids]),
            ),
        )
    return _STACKS[key][1]


def point_horizon(
    terrain: PolarTerrain,
    x_m: float,
    y_m: float,
    *,
    observer_height_m: float,
    n_azimuths: int = 360,
    max_distance_m: float = 330_000.0,
) -> Horizon:
    """Horizon of an observer at map point (x, y) [m] and ``observer_height_m`` above ground.

    Samples without data (outside every grid, or NaN holes) never raise the horizon.

    Raises
    ------
    QueryError
        The observer's own position has no elevation data.
    """
    ground, which = terrain.elevation_m(x_m, y_m)
    if int(which) < 0:
        raise QueryError(f"point x={x_m:.0f} m, y={y_m:.0f} m is outside the polar DEMs")
    from lunarbase.terrain.horizon_kernel import point_rays  # numba: horizons only

    # Grids finer than the one under the observer do not cover it; start from that one.
    dist = sample_distances_m(PolarTerrain(terrain.grids[int(which) :]), x_m, y_m, max_distance_m)
    az = np.arange(n_azimuths, dtype=np.float64) * (360.0 / n_azimuths)
    stack = dem_stack(terrain)
    sin_max = point_rays(
        stack.flat,
        stack.offset,
        stack.shape,
        stack.corner,
        stack.size,
        int(which),
        float(x_m),
        float(y_m),
        dist,
        np.radians(az),
        MOON_RADIUS_M + float(ground) + observer_height_m,
        MOON_RADIUS_M,
    )
    return Horizon(
        az,
        np.degrees(np.arcsin(np.clip(sin_max, -1.0, 1.0))),
        float(x_m),
        float(y_m),
        float(ground),
        observer_height_m,
    )


def _covers(grid: xr.DataArray, dem: xr.DataArray) -> bool:
    """Whether ``grid`` has ``dem``'s pixel size and extent at least ``dem``'s."""
    same = float(grid.attrs["pixel_size_m"]) == float(dem.attrs["pixel_size_m"])
    gx, gy, dx, dy = (np.asarray(a, float) for a in (grid.x, grid.y, dem.x, dem.y))
    return (
        same
        and gx.min() <= dx.min()
        and gx.max() >= dx.max()
        and gy.min() <= dy.min()
        and (gy.max() >= dy.max())
    )


AZIMUTH_CHUNK = 16
"""Azimuths handed to the kernels per call (one thread each); progress is reported between."""


def horizon_map(
    dem: xr.DataArray,
    *,
    n_azimuths: int = 360,
    observer_height_m: float,
    radius_m: float | None = MOON_RADIUS_M,
    context: Sequence[tuple[xr.DataArray, float]] = (),
    progress: Callable[[int, int], None] | None = None,
) -> xr.DataArray:
    """Horizon elevation [deg] of every pixel of ``dem`` in ``n_azimuths`` grid azimuths.

    Terrain within :data:`NEAR_FIELD_PIXELS` is ray-marched from each pixel; beyond, a line
    sweep (:mod:`lunarbase.terrain.horizon_kernel`) over ``dem`` finds the horizon point.
    ``context`` adds grids covering more ground, each as ``(grid, min_distance_m)``: terrain
    on it at least that far away also counts (a multi-resolution horizon: e.g. the whole
    240 m grid beyond the near field, then the 1787 m grid beyond 10 km), so massifs beyond
    the DEM's edge set the horizon too. ``radius_m=None`` treats the ground as flat (for
    comparison with planar tools such as GRASS ``r.horizon``). Pixels with no data get NaN;
    directions with no terrain ahead get -90. Azimuths run in parallel threads, in blocks of
    :data:`AZIMUTH_CHUNK`; ``progress(done, n_azimuths)`` is called before the first block
    and after each.

    Returns
    -------
    xarray.DataArray, dims (y, x, azimuth), float32 [deg]
    """
    import xarray as xr

    from lunarbase.terrain.horizon_kernel import far_field, near_field  # numba: maps only

    if n_azimuths < 1:
        raise QueryError(f"n_azimuths = {n_azimuths} must be >= 1")
    xs, ys = np.meshgrid(np.asarray(dem.x, float), np.asarray(dem.y, float))
    x, y = xs.ravel(), ys.ravel()
    values = np.ascontiguousarray(dem.values, dtype=np.float64)
    pz = values.ravel() + observer_height_m
    flat = radius_m is None
    radius = MOON_RADIUS_M if radius_m is None else radius_m
    azimuths = np.arange(n_azimuths, dtype=np.float64) * (360.0 / n_azimuths)
    rad = np.radians(azimuths)
    out = np.full((x.size, n_azimuths), -90.0, dtype=np.float32)
    step = float(dem.attrs["pixel_size_m"])
    pad = NEAR_FIELD_PIXELS + 2
    padded = np.pad(values, pad, constant_values=np.nan)
    near = (NEAR_FIELD_PIXELS + 0.5) * step
    # The DEM's own sweep is redundant when a context grid of the same resolution covers it.
    sources = (
        []
        if any(_covers(g, dem) for g, _ in context)
        else [(values, float(dem.x[0]), float(dem.y[0]), step, near)]
    )
    for grid, min_distance_m in context:
        g_step = float(grid.attrs["pixel_size_m"])
        g_values = np.ascontiguousarray(grid.values, dtype=np.float64)
        sources.append((g_values, float(grid.x[0]), float(grid.y[0]), g_step, min_distance_m))
    if progress is not None:
        progress(0, n_azimuths)
    for k0 in range(0, n_azimuths, AZIMUTH_CHUNK):
        chunk = rad[k0 : k0 + AZIMUTH_CHUNK]
        near_field(padded, pad, chunk, NEAR_FIELD_PIXELS, step, values, observer_height_m,
                   np.inf if flat else radius, out, k0)  # fmt: skip
        for g_values, gx0, gy0, g_step, min_distance_m in sources:
            min_sep = max(1, int(np.ceil(max(min_distance_m, near) / g_step)))
            far_field(g_values, gx0, gy0, g_step, chunk, x, y, pz, observer_height_m, radius,
                      flat, min_sep, out, k0)  # fmt: skip
        if progress is not None:
            progress(min(n_azimuths, k0 + AZIMUTH_CHUNK), n_azimuths)
    out[np.isnan(pz)] = np.nan
    return xr.DataArray(
        out.reshape((*dem.shape, n_azimuths)),
        dims=("y", "x", "azimuth"),
        coords={"y": dem.y, "x": dem.x, "azimuth": ("azimuth", azimuths, {"units": "deg"})},
        name="horizon_deg",
        attrs={
            "units": "deg",
            "long_name": "horizon elevation angle; azimuth clockwise from map +y",
            "observer_height_m": observer_height_m,
            "radius_m": "flat" if radius_m is None else radius_m,
            "pixel_size_m": dem.attrs["pixel_size_m"],
        },
    )


def horizon_map_reference(
    dem: xr.DataArray, *, n_azimuths: int = 360, observer_height_m: float
) -> xr.DataArray:
    """Slow reference: :func:`point_horizon` (exact ray marching) at every pixel, for tests."""
    import xarray as xr

    terrain = PolarTerrain((dem,))
    out = np.full((*dem.shape, n_azimuths), np.nan, dtype=np.float32)
    ny, nx = dem.shape
    reach = float(dem.attrs["pixel_size_m"]) * float(np.hypot(ny, nx))
    for r, yv in enumerate(np.asarray(dem.y, float)):
        for c, xv in enumerate(np.asarray(dem.x, float)):
            if np.isnan(dem.values[r, c]):
                continue
            h = point_horizon(
                terrain,
                xv,
                yv,
                observer_height_m=observer_height_m,
                n_azimuths=n_azimuths,
                max_distance_m=reach,
            )
            out[r, c] = h.elevation_deg
    return xr.DataArray(out, dims=("y", "x", "azimuth"), coords={"y": dem.y, "x": dem.x})
