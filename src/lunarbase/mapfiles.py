"""The one writer of map files: a CF-1.8 NetCDF of the whole map set, one GeoTIFF per layer and
one PNG per drawn figure, each written atomically into one folder.

The stages only *make* maps (:class:`MapFiles`: xarray Datasets on their grids, with one
:class:`Layer` spec per layer and, where they draw one, a matplotlib Figure); this module is the
only place that turns them into files (terrain: :func:`lunarbase.terrain.map_files`; resources:
:func:`lunarbase.resources.map_files`). The CF grid mapping and the GeoTIFF georeferencing are
those of :mod:`lunarbase.fileio` (Eaton et al. 2020, CF Conventions 1.8, section 5.6 and
Appendix F; the IAU 2015 lunar CRSs of Archinal et al. 2018, doi:10.1007/s10569-017-9805-5).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lunarbase.fileio import (
    atomic_savefig,
    atomic_write,
    atomic_write_geotiff,
    netcdf_encoding,
    output_folder,
)

if TYPE_CHECKING:
    import xarray as xr
    from pyproj import CRS


@dataclass(frozen=True)
class Layer:
    """One map layer as every file shows it.

    Attributes
    ----------
    name : str
        Variable name in the Dataset (and the file stem of its GeoTIFF and PNG).
    title : str
        What it is: the ``long_name`` in the NetCDF and GeoTIFF, the title of its PNG.
    unit : str
        Its unit (``"1"`` for a fraction), the ``units`` where the layer states none.
    cmap : str
        Matplotlib colour map of its PNG.
    """

    name: str
    title: str
    unit: str
    cmap: str


def layer_table(*layers: Layer) -> dict[str, Layer]:
    """The layers by name (the stages' layer tables)."""
    return {layer.name: layer for layer in layers}


@dataclass(frozen=True, eq=False)
class MapFiles:
    """A set of maps ready to write (:func:`write`).

    Attributes
    ----------
    stem : str
        File stem of the NetCDF (``<stem>.nc``).
    netcdf : xarray.Dataset
        The whole set, CF-ready (grid mapping attached, attributes netCDF3 can store).
    layers : dict of str to Layer
        The layers written as GeoTIFF, by name.
    rasters : dict of str to xarray.DataArray
        Each of ``layers`` on evenly spaced (``y_dim``, ``x_dim``) pixel centres in ``crs``.
    crs : pyproj.CRS
        CRS of the rasters.
    x_dim, y_dim : str
        Horizontal and vertical dims of the rasters.
    figures : dict of str to matplotlib.figure.Figure
        PNGs to write, by name (``<name>.png``).
    """

    stem: str
    netcdf: xr.Dataset
    layers: Mapping[str, Layer]
    rasters: Mapping[str, xr.DataArray]
    crs: CRS
    x_dim: str = "x"
    y_dim: str = "y"
    figures: Mapping[str, Any] = field(default_factory=dict)


def write(maps: MapFiles, out_dir: Path | str) -> dict[str, Path]:
    """Write ``<stem>.nc``, ``<layer>.tif`` per layer and ``<name>.png`` per figure into
    ``out_dir``, each atomically (a failed write leaves the old file).

    Returns
    -------
    dict of str to pathlib.Path
        ``netcdf``, ``<layer>_geotiff`` per layer and ``<name>`` per PNG.

    Raises
    ------
    LunarbaseError
        ``out_dir`` cannot be created or written.
    """
    nc = maps.netcdf
    written: dict[str, Path] = {}
    with output_folder(out_dir) as folder:
        path = folder / f"{maps.stem}.nc"
        atomic_write(
            path, lambda tmp: nc.to_netcdf(tmp, engine="scipy", encoding=netcdf_encoding(nc))
        )
        written["netcdf"] = path
        for name, layer in maps.layers.items():
            raster = maps.rasters[name]
            raster = raster.assign_attrs(units=raster.attrs.get("units", layer.unit))
            tif = folder / f"{name}.tif"
            atomic_write_geotiff(
                raster, tif, maps.crs, x_dim=maps.x_dim, y_dim=maps.y_dim, long_name=layer.title
            )
            written[f"{name}_geotiff"] = tif
        for name, fig in maps.figures.items():
            written[name] = folder / f"{name}.png"
            atomic_savefig(fig, written[name])
    return written
