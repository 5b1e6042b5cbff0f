"""Resource maps made ready for files (:func:`map_files`; :mod:`lunarbase.mapfiles` writes them):
NetCDF of every per-bin layer, GeoTIFF of every layer on a regular latitude/longitude grid, and
PNG maps of He-3, Th and REE.

The maps are the Lunar Prospector GRS 5-degree bins (Prettyman et al. 2006) [1]_: equal-area
bins, 5 deg in latitude and 4.5 to 360 deg in longitude. The PNGs draw them as rectangles of
their true edges on an equirectangular (plate carree) grid, with a colour bar in the layer's
unit and, as context, the mare outline: the contour of LP FeO at the scenario's mare threshold
(``mare_feo_threshold_wt_pct``). The NetCDF is the per-bin table, written with xarray's
``scipy`` engine (netCDF3, no extra dependency), with CF-1.8 attributes [2]_: ``lat``/``lon``
are the bins' centres (auxiliary coordinates, ``degrees_north``/``degrees_east``) and every
layer's ``grid_mapping`` is ``latitude_longitude`` on the 1737.4 km sphere. The GeoTIFFs resample
each layer without loss onto :data:`RASTER_STEP_DEG` pixels (every bin edge lies on a pixel
edge, so each pixel lies in one bin), north up, longitudes -180..180 as the bin edges are, in
the IAU 2015 "Moon (2015) - Sphere / Ocentric" CRS (``IAU_2015:30100``, R = 1737.4 km) [3]_,
so GIS tools put them on the Moon.

References
----------
.. [1] Prettyman, T. H. et al. (2006) JGR 111, E12007, doi:10.1029/2005JE002656.
.. [2] Eaton, B. et al. (2020) NetCDF Climate and Forecast (CF) Metadata Conventions 1.8,
   section 5.6 and Appendix F (latitude_longitude). https://cfconventions.org/
.. [3] Archinal, B. A. et al. (2018) Report of the IAU Working Group on Cartographic Coordinates
   and Rotational Elements: 2015. Celest. Mech. Dyn. Astr. 130:22,
   doi:10.1007/s10569-017-9805-5
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import xarray as xr

from lunarbase.errors import DataError
from lunarbase.fileio import with_grid_mapping
from lunarbase.geometry import LONLAT_PROJ4, moon_crs, wrap_lon_180
from lunarbase.mapfiles import Layer, MapFiles, layer_table
from lunarbase.resources.grades import grs_fluence, grs_he3_ppb
from lunarbase.resources.inventory import InventoryInputs
from lunarbase.resources.kreep import kreep_fraction, ree_ppm
from lunarbase.resources.regions import load_grs
from lunarbase.resources.regolith import regolith_thickness_m

if TYPE_CHECKING:
    from pyproj import CRS

LAYERS = layer_table(
    Layer("he3_ppb", "He-3 mass fraction in the regolith", "ppb", "viridis"),
    Layer(
        "solar_wind_fluence",
        "Solar-wind fluence relative to the mean (magnetotail shielding)",
        "1",
        "viridis",
    ),
    Layer("tio2_wt_pct", "TiO2 (Lunar Prospector GRS)", "wt%", "viridis"),
    Layer("th_ppm", "Th (Lunar Prospector GRS)", "ppm", "magma"),
    Layer("ree_sum_ppm", "Total REE (15386 pattern scaled by Th)", "ppm", "cividis"),
    Layer("kreep_fraction", "KREEP fraction (Th / 15386 Th)", "1", "viridis"),
    Layer("regolith_depth_m", "Regolith depth", "m", "viridis"),
)
"""The layers of :func:`resource_maps`, by name: the title is the ``long_name`` in the NetCDF
and GeoTIFF files (the He-3 one with the grade model) and the title of a PNG."""

PNG_LAYERS = ("he3_ppb", "th_ppm", "ree_sum_ppm")
"""Layers drawn as PNG."""

RASTER_STEP_DEG = 0.5
"""Pixel size of the GeoTIFFs in latitude and longitude [deg]: the coarsest on which every edge
of the LP GRS 5-degree bins lies (latitude edges every 2.5 deg, longitude widths 4.5, 7.5...)."""

COORD_CF = {
    "lat": ("latitude", "degrees_north", "bin centre latitude (the pole for a polar-cap bin)"),
    "lon": ("longitude", "degrees_east", "bin centre longitude (0..360)"),
    "lat_min": (None, "degrees_north", "southern edge of the bin"),
    "lat_max": (None, "degrees_north", "northern edge of the bin"),
    "lon_min": (None, "degrees_east", "western edge of the bin (-180..180)"),
    "lon_max": (None, "degrees_east", "eastern edge of the bin (-180..180)"),
}
"""CF attributes of the bins' coordinates in the NetCDF: name -> (standard_name, units,
long_name)."""


def resource_maps(grs: xr.Dataset, cfg: InventoryInputs) -> xr.Dataset:
    """Per-bin resource layers for the report.

    Parameters
    ----------
    grs : xarray.Dataset
        LP GRS table (``load("lpgrs_5deg")``).
    cfg : lunarbase.resources.inventory.InventoryInputs
        He grade model, atom ratio and depths (the scenario's ``[resources]`` table will do).

    Returns
    -------
    xarray.Dataset
        ``he3_ppb`` [ppb], ``tio2_wt_pct`` [wt%], ``th_ppm`` [ppm], ``ree_sum_ppm`` [ppm],
        ``kreep_fraction`` [-], ``regolith_depth_m`` [m] and ``solar_wind_fluence`` (normalised,
        [-]) on ``cell``, with the bins' coordinates; ``attrs["crs"]`` is the bins' CRS (a PROJ
        string).

    References
    ----------
    .. [1] See :mod:`lunarbase.resources.grades`, :mod:`lunarbase.resources.fluence` and
       :mod:`lunarbase.resources.kreep`.
    """
    import xarray as xr

    tio2 = grs["TiO2_wt_pct"].values
    th = grs["Th_ppm"].values
    layers = {
        "he3_ppb": grs_he3_ppb(
            grs, he3_model=cfg.he3_model, he4_he3_atom_ratio=cfg.he4_he3_atom_ratio
        ),
        "solar_wind_fluence": grs_fluence(grs),
        "tio2_wt_pct": np.asarray(tio2, dtype=float),
        "th_ppm": np.asarray(th, dtype=float),
        "ree_sum_ppm": ree_ppm(th)["total"],
        "kreep_fraction": kreep_fraction(th),
        "regolith_depth_m": regolith_thickness_m(grs["FeO_wt_pct"].values, cfg),
    }
    data_vars = {k: ("cell", v, {"units": LAYERS[k].unit}) for k, v in layers.items()}
    attrs = {"source": grs.attrs.get("citation", "Lunar Prospector GRS (Prettyman et al. 2006)")}
    attrs["he3_model"] = cfg.he3_model
    attrs["crs"] = grs.attrs.get("crs", LONLAT_PROJ4)
    return xr.Dataset(data_vars, coords=grs.coords, attrs=attrs)


def netcdf_ready(maps: xr.Dataset, provenance: Mapping[str, Any] | None = None) -> xr.Dataset:
    """A copy of ``maps`` that netCDF3 can store (int32 bin ids, string global attributes),
    with CF-1.8 attributes [2]_: ``standard_name``/``units``/``long_name`` of the bins'
    coordinates (:data:`COORD_CF`), each layer's ``long_name`` (:data:`LAYERS`), and the
    ``latitude_longitude`` grid mapping of :func:`raster_crs` (``semi_major_axis`` =
    ``semi_minor_axis`` = 1737400 m [3]_) named by each layer's ``grid_mapping``."""
    ds = maps.copy()
    ds = ds.assign_coords(cell=ds["cell"].astype("int32"))
    ds["cell"].attrs["long_name"] = "Lunar Prospector GRS bin (row of the table)"
    for name, (standard_name, units, long_name) in COORD_CF.items():
        if name in ds.coords:
            cf = {"units": units, "long_name": long_name}
            ds[name].attrs = cf if standard_name is None else {"standard_name": standard_name, **cf}
    for name, layer in LAYERS.items():
        if name in ds.data_vars:
            ds[name].attrs["long_name"] = layer.title
    attrs = {k: str(v) for k, v in ds.attrs.items()}
    for key, value in (provenance or {}).items():
        if isinstance(value, Mapping):
            value = " ".join(f"{k}={v}" for k, v in value.items())
        attrs[f"provenance_{key}"] = str(value)
    ds.attrs = attrs
    return with_grid_mapping(ds, raster_crs(maps))


def raster_crs(grs: xr.Dataset) -> CRS:
    """The CRS of the bins, ``grs.attrs["crs"]`` (default
    :data:`lunarbase.geometry.LONLAT_PROJ4`), as the named IAU 2015 lunar CRS
    (``IAU_2015:30100``, planetocentric latitude/longitude on the 1737.4 km sphere) [3]_.

    Returns
    -------
    pyproj.CRS
    """
    return moon_crs(str(grs.attrs.get("crs", LONLAT_PROJ4)))


def bin_raster_index(grs: xr.Dataset, step_deg: float = RASTER_STEP_DEG) -> xr.DataArray:
    """For each pixel of a global latitude/longitude grid, the position along ``cell`` of the
    bin that contains it.

    Parameters
    ----------
    grs : xarray.Dataset
        LP GRS table with the bin edges ``lat_min``, ``lat_max`` [deg] and ``lon_min``,
        ``lon_max`` [deg E, -180..180].
    step_deg : float, optional
        Pixel size [deg]; every bin edge must lie on a pixel edge.

    Returns
    -------
    xarray.DataArray
        int (lat, lon): pixel centres ``lat`` from 90 - step/2 down to -90 + step/2 [deg]
        (north up) and ``lon`` from -180 + step/2 to 180 - step/2 [deg E].

    Raises
    ------
    DataError
        A bin edge is off the pixel grid, or the bins do not tile the sphere exactly once.
    """
    n_lat, n_lon = round(180.0 / step_deg), round(360.0 / step_deg)
    edges = {
        "lat_max": (90.0 - grs["lat_max"].values) / step_deg,
        "lat_min": (90.0 - grs["lat_min"].values) / step_deg,
        "lon_min": (grs["lon_min"].values + 180.0) / step_deg,
        "lon_max": (grs["lon_max"].values + 180.0) / step_deg,
    }
    pixel = {}
    for name, position in edges.items():
        pixel[name] = np.rint(position).astype(int)
        if not np.allclose(position, pixel[name], rtol=0.0, atol=1e-6):
            raise DataError(f"{name}: a bin edge is off the {step_deg:g} deg pixel grid")
    r0, r1, c0, c1 = pixel["lat_max"], pixel["lat_min"], pixel["lon_min"], pixel["lon_max"]
    index = np.full((n_lat, n_lon), -1, dtype=np.int32)
    for k in range(r0.size):
        index[r0[k] : r1[k], c0[k] : c1[k]] = k
    covered = int(np.sum((r1 - r0) * (c1 - c0)))
    if covered != index.size or (index < 0).any() or r0.min() < 0 or c0.min() < 0:
        raise DataError("the bins do not tile the latitude/longitude grid exactly once")
    lat = 90.0 - (np.arange(n_lat) + 0.5) * step_deg
    lon = -180.0 + (np.arange(n_lon) + 0.5) * step_deg
    return xr.DataArray(index, dims=("lat", "lon"), coords={"lat": lat, "lon": lon})


def draw_map(
    grs: xr.Dataset,
    values: np.ndarray,
    *,
    title: str,
    unit: str,
    cmap: str = "viridis",
    mare_feo_wt_pct: float | None = None,
) -> Any:
    """Equirectangular map of per-bin values as a matplotlib Figure (no pyplot state).

    Parameters
    ----------
    grs : xarray.Dataset
        LP GRS table with the bin edges ``lat_min``, ``lat_max``, ``lon_min``, ``lon_max``
        [deg, deg E in -180..180] and, for the outline, ``FeO_wt_pct``.
    values : numpy.ndarray
        One value per bin, in ``unit``.
    title, unit : str
        Title and colour-bar unit.
    cmap : str, optional
        Matplotlib colour map.
    mare_feo_wt_pct : float, optional
        FeO contour [wt%] drawn as the mare outline; None draws none.

    Returns
    -------
    matplotlib.figure.Figure
    """
    from matplotlib.collections import PolyCollection
    from matplotlib.figure import Figure

    lat0, lat1 = grs["lat_min"].values, grs["lat_max"].values
    lon0, lon1 = grs["lon_min"].values, grs["lon_max"].values
    corners = [(lon0, lat0), (lon1, lat0), (lon1, lat1), (lon0, lat1)]
    boxes = np.stack([np.stack(c, axis=-1) for c in corners], axis=1)  # (cell, 4, 2)
    fig = Figure(figsize=(10, 5.4), dpi=110, layout="constrained")
    ax = fig.add_subplot()
    coll = PolyCollection(list(boxes), array=np.asarray(values, dtype=float), cmap=cmap)
    coll.set_edgecolor("face")
    coll.set_linewidth(0.2)
    ax.add_collection(coll)
    if mare_feo_wt_pct is not None:
        lon_c = wrap_lon_180(grs["lon"].values)
        ax.tricontour(
            lon_c,
            np.asarray(grs["lat"].values, dtype=float),
            np.asarray(grs["FeO_wt_pct"].values, dtype=float),
            levels=[mare_feo_wt_pct],
            colors="white",
            linewidths=0.8,
        )
        label = f"mare outline (FeO = {mare_feo_wt_pct:g} wt%)"
        ax.plot([], [], color="white", lw=0.8, label=label)
        ax.legend(loc="lower left", fontsize=8, facecolor="0.3", labelcolor="white")
    ax.set_xlim(-180, 180)
    ax.set_ylim(-90, 90)
    ax.set_aspect("equal")
    ax.set_xticks(np.arange(-180, 181, 60))
    ax.set_yticks(np.arange(-90, 91, 30))
    ax.set_xlabel("longitude [deg E]")
    ax.set_ylabel("latitude [deg]")
    ax.set_title(f"{title} [{unit}] -- Lunar Prospector GRS 5-degree bins (Prettyman et al. 2006)")
    fig.colorbar(coll, ax=ax, label=f"{title} [{unit}]", shrink=0.85)
    return fig


WAC_LAYERS = layer_table(
    Layer("tio2_wac_wt_pct", "TiO2, LROC WAC blended into LP GRS", "wt%", "viridis"),
    Layer("he3_ppb_wac", "He-3 mass fraction at WAC resolution", "ppb", "viridis"),
)
"""Layers at WAC resolution (70 S-70 N; :mod:`.tio2`), written as GeoTIFF; the He-3 one also as
PNG."""


def _wac_resolution(cfg: InventoryInputs) -> tuple[dict[str, Layer], dict[str, Any], Any]:
    """TiO2 and He-3 at WAC resolution (70 S-70 N; :mod:`.tio2`): their layers (the He-3 one
    naming the grade model), rasters north up, and the He-3 PNG figure."""
    from matplotlib.figure import Figure

    from lunarbase.resources.tio2 import he3_grid_ppb, tio2_map

    m = tio2_map()
    he3 = he3_grid_ppb(m, he3_model=cfg.he3_model, he4_he3_atom_ratio=cfg.he4_he3_atom_ratio)
    coords = {"lat": m.grid.lat[::-1], "lon": m.grid.lon}  # north up
    spec = WAC_LAYERS["he3_ppb_wac"]
    layers = {
        **WAC_LAYERS,
        "he3_ppb_wac": Layer(
            spec.name,
            f"He-3 mass fraction ({cfg.he3_model}) at WAC resolution",
            spec.unit,
            spec.cmap,
        ),
    }
    rasters = {}
    for name, values in (("tio2_wac_wt_pct", m.grid.values), ("he3_ppb_wac", he3)):
        layer = xr.DataArray(np.asarray(values)[::-1], dims=("lat", "lon"), coords=coords)
        rasters[name] = layer.assign_attrs(units=layers[name].unit)
    fig = Figure(figsize=(10, 4.6), dpi=110, layout="constrained")
    ax = fig.add_subplot()
    extent = (-180.0, 180.0, float(m.grid.lat[0] - 0.036), float(m.grid.lat[-1] + 0.036))
    image = ax.imshow(he3, origin="lower", extent=extent, cmap=spec.cmap, interpolation="none")
    ax.set_xlabel("longitude [deg E]")
    ax.set_ylabel("latitude [deg]")
    ax.set_title(f"He-3 ({cfg.he3_model}) [ppb] -- TiO2 of the LROC WAC blended into LP GRS")
    fig.colorbar(image, ax=ax, label="He-3 [ppb]", shrink=0.85)
    return layers, rasters, fig


def map_files(
    cfg: InventoryInputs,
    *,
    provenance: Mapping[str, Any] | None = None,
    grs: xr.Dataset | None = None,
) -> MapFiles:
    """``resources_maps.nc``, one GeoTIFF ``<layer>.tif`` per layer of :func:`resource_maps`, one
    PNG per layer of :data:`PNG_LAYERS`, and TiO2 and He-3 at WAC resolution (GeoTIFFs
    ``tio2_wac_wt_pct.tif``, ``he3_ppb_wac.tif`` and the PNG ``he3_ppb_wac.png``), made ready for
    :func:`lunarbase.mapfiles.write`.

    Parameters
    ----------
    cfg : lunarbase.resources.inventory.InventoryInputs
        He grade model, atom ratio and depths (the scenario's ``[resources]`` table will do).
    provenance : mapping, optional
        Added to the NetCDF attributes (``provenance_<key>``).
    grs : xarray.Dataset, optional
        LP GRS table; loaded when omitted.

    Returns
    -------
    lunarbase.mapfiles.MapFiles

    Raises
    ------
    DataError
        The bins do not tile a :data:`RASTER_STEP_DEG` grid (see :func:`bin_raster_index`).
    """
    grs = load_grs(grs)
    maps = resource_maps(grs, cfg)
    he3 = LAYERS["he3_ppb"]
    layers = {
        **LAYERS,
        "he3_ppb": Layer(he3.name, f"{he3.title} ({cfg.he3_model})", he3.unit, he3.cmap),
    }
    index = bin_raster_index(grs)
    rasters = {
        name: index.copy(data=np.asarray(maps[name].values)[index.values]).assign_attrs(
            units=maps[name].attrs.get("units", "1")
        )
        for name in LAYERS
    }
    figures = {
        name: draw_map(
            grs,
            np.asarray(maps[name].values),
            title=layers[name].title,
            unit=layers[name].unit,
            cmap=layers[name].cmap,
            mare_feo_wt_pct=cfg.mare_feo_threshold_wt_pct,
        )
        for name in PNG_LAYERS
    }
    wac_layers, wac_rasters, wac_figure = _wac_resolution(cfg)
    return MapFiles(
        stem="resources_maps",
        netcdf=netcdf_ready(maps, provenance),
        layers={**layers, **wac_layers},
        rasters={**rasters, **wac_rasters},
        crs=raster_crs(grs),
        x_dim="lon",
        y_dim="lat",
        figures={**figures, "he3_ppb_wac": wac_figure},
    )
