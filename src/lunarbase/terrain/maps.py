"""Terrain and light maps of a south-polar window: horizons (cached), light statistics, slope,
made ready for NetCDF (CF-1.8), GeoTIFF and PNG (:func:`map_files`; :mod:`lunarbase.mapfiles`
writes them).

The files carry the LOLA south polar stereographic CRS on the 1737.4 km sphere as the IAU 2015
"Moon (2015) - Sphere / Ocentric / South Polar" (``IAU_2015:30135``) [1]_, in the CF grid
mapping ``polar_stereographic`` of the NetCDF [2]_ and in each GeoTIFF, so GIS tools put them on
the Moon.

References
----------
.. [1] Archinal, B. A. et al. (2018) Report of the IAU Working Group on Cartographic Coordinates
   and Rotational Elements: 2015. Celest. Mech. Dyn. Astr. 130:22,
   doi:10.1007/s10569-017-9805-5
.. [2] Eaton, B. et al. (2020) NetCDF Climate and Forecast (CF) Metadata Conventions 1.8,
   section 5.6 and Appendix F (polar_stereographic). https://cfconventions.org/
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, cast

import numpy as np
import xarray as xr

from lunarbase.cache import cache_key, cached_array
from lunarbase.data import load
from lunarbase.errors import QueryError
from lunarbase.fileio import with_grid_mapping
from lunarbase.geometry import POLAR_STEREO_PROJ4, check_latlon, moon_crs
from lunarbase.mapfiles import Layer, MapFiles, layer_table
from lunarbase.terrain.dem import hillshade, latlon_to_xy, slope_map_deg
from lunarbase.terrain.horizon import horizon_map
from lunarbase.terrain.lightmap import light_maps

CONTEXT_MARGIN_M = 60_000.0
"""The 240 m grid is swept this far around the window; farther terrain comes from the 1787 m
grid (a 1.8 km-smoothed peak 60 km away is lower by tens of metres, < 0.05 deg)."""

FAR_MIN_DISTANCE_M = 40_000.0
"""Terrain on the 1787 m grid counts beyond this distance [m]."""

HORIZON_MAP_CACHE_VERSION = 2
"""Bump when :func:`lunarbase.terrain.horizon.horizon_map` changes, to rebuild cached maps."""


MAP_LAYERS = layer_table(
    Layer("illumination_fraction", "Mean visible solar-disk fraction", "1", "inferno"),
    Layer("earth_visible_fraction", "Fraction of time Earth is in view", "1", "viridis"),
    Layer("longest_night_h", "Longest continuous darkness [h]", "h", "magma_r"),
    Layer("psr", "Permanently shadowed (18.6-yr cycle)", "1", "Blues"),
    Layer("slope_deg", "Slope [deg]", "deg", "cividis"),
    Layer("elevation_m", "Elevation above 1737.4 km [m]", "m", "terrain"),
)
"""Layers drawn as PNG and written as GeoTIFF, by name; the title is the layer's ``long_name``
in the files."""

MAP_AXES = {
    "x": ("projection_x_coordinate", "x, toward 90 E (south polar stereographic)", "X"),
    "y": ("projection_y_coordinate", "y, toward 0 E (south polar stereographic)", "Y"),
}
"""CF attributes of the map coordinates [m]: dim -> (standard_name, long_name, axis)."""


def window(center_lat_deg: float, center_lon_deg: float, half_width_km: float) -> xr.DataArray:
    """The 240 m south-polar grid cropped to a square around a point.

    Raises
    ------
    QueryError
        A bad coordinate, or a window that does not lie on the 240 m grid.
    """
    check_latlon(center_lat_deg, center_lon_deg)
    if not half_width_km > 0:
        raise QueryError(f"half width {half_width_km} km must be positive")
    grid = cast(xr.DataArray, load("ldem_75s_240m"))
    cx, cy = (float(v) for v in latlon_to_xy(center_lat_deg, center_lon_deg))
    h = half_width_km * 1000.0
    xs, ys = np.asarray(grid.x), np.asarray(grid.y)
    if cx - h < xs[0] or cx + h > xs[-1] or cy + h > ys[0] or cy - h < ys[-1]:
        raise QueryError(
            f"window of {half_width_km} km around {center_lat_deg}, {center_lon_deg} leaves the "
            f"240 m DEM (it reaches {xs[-1] / 1000:.0f} km from the pole in x and y)"
        )
    return grid.sel(x=slice(cx - h, cx + h), y=slice(cy + h, cy - h))


def horizon_context(dem: xr.DataArray) -> list[tuple[xr.DataArray, float]]:
    """The grids beyond a window of the 240 m grid that set its horizons, as
    :func:`lunarbase.terrain.horizon.horizon_map` takes them: the 240 m grid to
    :data:`CONTEXT_MARGIN_M` around the window, then the 1787 m grid beyond
    :data:`FAR_MIN_DISTANCE_M`."""
    inner = cast(xr.DataArray, load("ldem_75s_240m"))
    far = cast(xr.DataArray, load("ldem_75s_1787m"))
    x0, x1 = float(dem.x[0]) - CONTEXT_MARGIN_M, float(dem.x[-1]) + CONTEXT_MARGIN_M
    y0, y1 = float(dem.y[0]) + CONTEXT_MARGIN_M, float(dem.y[-1]) - CONTEXT_MARGIN_M
    return [(inner.sel(x=slice(x0, x1), y=slice(y0, y1)), 0.0), (far, FAR_MIN_DISTANCE_M)]


def cached_horizon_map(
    dem: xr.DataArray,
    *,
    n_azimuths: int,
    observer_height_m: float,
    progress: Callable[[int, int], None] | None = None,
) -> xr.DataArray:
    """Multi-resolution horizon map of a window of the 240 m grid (:func:`horizon_context`),
    cached on disk by DEM hash and parameters (a second call with the same inputs reads the
    cache); ``progress(done, total)`` counts the azimuths of a build."""
    context = horizon_context(dem)
    far = context[-1][0]
    key = cache_key(
        "horizon_map",
        HORIZON_MAP_CACHE_VERSION,
        dem=dem.attrs.get("sha256", ""),
        far=far.attrs.get("sha256", ""),
        x=[float(dem.x[0]), float(dem.x[-1]), dem.sizes["x"]],
        y=[float(dem.y[0]), float(dem.y[-1]), dem.sizes["y"]],
        n_azimuths=n_azimuths,
        observer_height_m=observer_height_m,
        margin_m=CONTEXT_MARGIN_M,
        far_min_m=FAR_MIN_DISTANCE_M,
    )

    def build() -> np.ndarray:
        hm = horizon_map(
            dem,
            n_azimuths=n_azimuths,
            observer_height_m=observer_height_m,
            context=context,
            progress=progress,
        )
        return np.asarray(hm.values)

    values = cached_array(key, build)
    azimuths = np.arange(n_azimuths) * (360.0 / n_azimuths)
    return xr.DataArray(
        values,
        dims=("y", "x", "azimuth"),
        coords={"y": dem.y, "x": dem.x, "azimuth": azimuths},
        name="horizon_deg",
        attrs={"units": "deg", "observer_height_m": observer_height_m},
    )


def terrain_maps(
    center_lat_deg: float,
    center_lon_deg: float,
    half_width_km: float,
    *,
    start: dt.date | str,
    end: dt.date | str,
    step_h: float,
    observer_height_m: float,
    horizon_azimuths: int,
    step_px: int = 1,
    progress: Callable[[str, int, int], None] | None = None,
) -> xr.Dataset:
    """Elevation, slope and light statistics of every pixel of a window of the 240 m grid.

    Parameters
    ----------
    center_lat_deg, center_lon_deg : float
        Window centre [deg, deg E].
    half_width_km : float
        Half width of the square window [km].
    start, end : datetime.date or str
        Light period (UTC dates, ``end`` excluded).
    step_h : float
        Time step of the light statistics [h].
    observer_height_m : float
        Observer height above the ground [m].
    horizon_azimuths : int
        Azimuth sectors of the horizon maps [count].
    step_px : int, default 1
        Keep every ``step_px``-th pixel of the 240 m grid in x and y (2: 480 m pixels, a
        quarter of the work). Horizons still see the full 240 m grid around the window; the
        slope is that of the 240 m grid at the pixels kept.
    progress : callable, optional
        ``progress(step, done, total)`` for the ``horizons`` (azimuths) and ``light``
        (pixels) steps.
    """
    if step_px < 1:
        raise QueryError(f"step_px = {step_px} must be >= 1")
    full = window(center_lat_deg, center_lon_deg, half_width_km)
    dem = full[::step_px, ::step_px].assign_attrs(
        pixel_size_m=float(full.attrs["pixel_size_m"]) * step_px
    )

    def tick(step: str) -> Callable[[int, int], None] | None:
        return None if progress is None else lambda done, total: progress(step, done, total)

    hm = cached_horizon_map(
        dem,
        n_azimuths=horizon_azimuths,
        observer_height_m=observer_height_m,
        progress=tick("horizons"),
    )
    light = light_maps(hm, start=start, end=end, step_h=step_h, progress=tick("light"))
    ds = light.assign(
        elevation_m=dem.drop_attrs().assign_attrs(units="m"),
        slope_deg=dem.copy(data=slope_map_deg(full)[::step_px, ::step_px])
        .drop_attrs()
        .assign_attrs(units="deg"),
    )
    ds.attrs.update(
        {
            "crs": dem.attrs["crs"],
            "dem": dem.attrs["dataset"],
            "dem_sha256": dem.attrs["sha256"],
            "center_lat_deg": center_lat_deg,
            "center_lon_deg": center_lon_deg,
            "half_width_km": half_width_km,
            "horizon_azimuths": horizon_azimuths,
            "pixel_size_m": dem.attrs["pixel_size_m"],
        }
    )
    return ds


def map_files(ds: xr.Dataset) -> MapFiles:
    """``terrain_maps.nc``, one GeoTIFF and one PNG per layer of :data:`MAP_LAYERS`, made
    ready for :func:`lunarbase.mapfiles.write`.

    ``terrain_maps.nc`` (NetCDF3 via scipy, ``psr`` as int8) follows CF-1.8 [2]_: x and y
    [m] are ``projection_x_coordinate``/``projection_y_coordinate``, and every layer's
    ``grid_mapping`` names the ``crs`` variable (``polar_stereographic`` on a sphere with
    ``semi_major_axis`` = ``semi_minor_axis`` = 1737400 m [1]_, plus its WKT2 in ``crs_wkt``).
    ``<layer>.tif`` is the same layer as a GeoTIFF in that CRS (``psr`` as uint8 0/1, float
    layers with NaN as nodata), north up, pixel corners half a pixel from the coordinates.

    Parameters
    ----------
    ds : xarray.Dataset
        :func:`terrain_maps` output, or any dataset with the :data:`MAP_LAYERS` on (y, x)
        pixel centres [m] of the south polar stereographic grid; its ``crs`` attribute (a PROJ
        string, default :data:`lunarbase.geometry.POLAR_STEREO_PROJ4`) says which.

    Returns
    -------
    lunarbase.mapfiles.MapFiles
    """
    crs = moon_crs(str(ds.attrs.get("crs", POLAR_STEREO_PROJ4)))
    nc = ds.assign(psr=ds["psr"].astype(np.int8))
    for name, layer in MAP_LAYERS.items():
        nc[name].attrs.setdefault("long_name", layer.title)
    for dim, (standard_name, long_name, axis) in MAP_AXES.items():
        nc[dim].attrs.update(standard_name=standard_name, long_name=long_name, units="m", axis=axis)
    return MapFiles(
        stem="terrain_maps",
        netcdf=with_grid_mapping(nc, crs),
        layers=MAP_LAYERS,
        rasters={name: ds[name] for name in MAP_LAYERS},
        crs=crs,
        figures={name: _figure(ds, layer) for name, layer in MAP_LAYERS.items()},
    )


def _figure(ds: xr.Dataset, layer: Layer) -> Any:
    """One layer drawn on the window in km (a matplotlib Figure, no pyplot state)."""
    from matplotlib.figure import Figure

    x0, x1, y0, y1 = (float(v) / 1000 for v in (ds.x[0], ds.x[-1], ds.y[-1], ds.y[0]))
    fig = Figure(figsize=(7, 6), dpi=110)
    ax = fig.add_subplot()
    image = ax.imshow(
        np.asarray(ds[layer.name], float),
        extent=(x0, x1, y0, y1),
        cmap=layer.cmap,
        origin="upper",
    )
    fig.colorbar(image, ax=ax, shrink=0.85)
    ax.set_title(f"{layer.title}\n{ds.attrs.get('period_utc', '')}", fontsize=10)
    ax.set_xlabel("x [km] (toward 90 E)")
    ax.set_ylabel("y [km] (toward 0 E)")
    return fig


BASEMAP_STEP_PX = 2
"""Decimation of the 240 m grid for the basemap [px]: 480 m pixels, 8-bit grey, keeps the
report's sites figure under ~1 MB."""


def basemap(half_width_km: float) -> xr.DataArray:
    """Hillshade [0-255, uint8] of the 240 m grid within ``half_width_km`` of the pole in x and
    y, every :data:`BASEMAP_STEP_PX`-th pixel, on x, y [m] (the report's sites map)."""
    dem = cast(xr.DataArray, load("ldem_75s_240m"))
    h = half_width_km * 1e3
    sub = dem.sel(x=slice(-h, h), y=slice(h, -h))[::BASEMAP_STEP_PX, ::BASEMAP_STEP_PX]
    sub.attrs["pixel_size_m"] = float(dem.attrs["pixel_size_m"]) * BASEMAP_STEP_PX
    shade = np.round(hillshade(sub) * 255).astype(np.uint8)  # 8 bits are plenty for grey
    return xr.DataArray(
        shade,
        dims=("y", "x"),
        coords={"y": sub.y, "x": sub.x},
        name="hillshade",
        attrs={
            "units": "1",
            "dem": dem.attrs["dataset"],
            "pixel_size_m": sub.attrs["pixel_size_m"],
        },
    )
