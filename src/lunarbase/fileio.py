"""Atomic file output: write to a temporary file beside the target, then rename, so a failed
or interrupted run never leaves half a file. Also the georeferencing every map writer shares:
GeoTIFF with its CRS (rioxarray) and the CF grid mapping of a NetCDF.

References
----------
.. [1] Eaton, B. et al. (2020) NetCDF Climate and Forecast (CF) Metadata Conventions, version
   1.8, section 5.6 (horizontal coordinate reference systems, grid mappings and projections)
   and Appendix F (grid mappings). https://cfconventions.org/cf-conventions/v1.8/
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from lunarbase.errors import LunarbaseError

if TYPE_CHECKING:
    import xarray as xr
    from pyproj import CRS

CF_CONVENTIONS = "CF-1.8"
"""The ``Conventions`` global attribute of the NetCDF maps [1]_."""

GRID_MAPPING_VARIABLE = "crs"
"""Name of the CF grid-mapping variable of the NetCDF maps [1]_."""


def atomic_write(path: Path, write: Callable[[Path], object], mode: int = 0o644) -> None:
    """Call ``write(tmp)`` on a temporary file next to ``path``, then rename it to ``path``."""
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.chmod(tmp, mode)  # mkstemp makes 0600; outputs are meant to be shared
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    atomic_write(path, lambda tmp: tmp.write_bytes(data))


def atomic_savefig(fig: Any, path: Path) -> None:
    """Save a matplotlib figure as PNG at ``path`` atomically."""
    atomic_write(path, lambda tmp: fig.savefig(tmp, format="png", bbox_inches="tight"))


@contextmanager
def output_folder(folder: Path | str) -> Iterator[Path]:
    """Create ``folder`` if needed and yield it; any OS error while creating it or writing
    inside the ``with`` block becomes a one-line :class:`LunarbaseError` naming the folder."""
    path = Path(folder)
    try:
        path.mkdir(parents=True, exist_ok=True)
        yield path
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise LunarbaseError(f"--out {path}: cannot write output there ({reason})") from None


def with_grid_mapping(ds: xr.Dataset, crs: CRS) -> xr.Dataset:
    """A copy of ``ds`` that states its CRS the CF way [1]_ (section 5.6, Appendix F).

    Adds the scalar grid-mapping variable :data:`GRID_MAPPING_VARIABLE` (int32 0) whose
    attributes are ``crs.to_cf()`` (``grid_mapping_name``, ``semi_major_axis`` and
    ``semi_minor_axis`` [m], the projection parameters and ``crs_wkt``, a WKT2 string), points
    every data variable's ``grid_mapping`` attribute at it and sets ``Conventions``. The
    coordinates' own CF attributes (``standard_name``, ``units``) are the caller's, who knows
    what they are.

    Parameters
    ----------
    ds : xarray.Dataset
        Map layers.
    crs : pyproj.CRS
        Their CRS, e.g. :func:`lunarbase.geometry.moon_crs`.

    Returns
    -------
    xarray.Dataset
    """
    layers = list(ds.data_vars)
    # A data variable, not a coordinate: xarray would list a coordinate in each layer's
    # ``coordinates`` attribute, and a grid mapping is no coordinate.
    out = ds.assign({GRID_MAPPING_VARIABLE: ((), np.int32(0), crs.to_cf())})
    for name in layers:
        out[name].attrs["grid_mapping"] = GRID_MAPPING_VARIABLE
    out.attrs["Conventions"] = CF_CONVENTIONS
    return out


def netcdf_encoding(ds: xr.Dataset) -> dict[str, dict[str, Any]]:
    """``to_netcdf`` encoding that writes no ``_FillValue`` on coordinates (CF-1.8 section 5
    [1]_: coordinates have no missing values; xarray would add NaN to float ones)."""
    return {str(name): {"_FillValue": None} for name in ds.coords}


def atomic_write_geotiff(
    layer: xr.DataArray,
    path: Path,
    crs: CRS,
    *,
    x_dim: str = "x",
    y_dim: str = "y",
    long_name: str | None = None,
) -> None:
    """Write one 2-D map layer as a single-band GeoTIFF at ``path`` atomically (rioxarray).

    The affine transform comes from the pixel-centre coordinates (a pixel is an area, its
    corner half a pixel from its centre; rows run north to south, i.e. ``y_dim`` decreasing),
    so GIS tools place every pixel where the xarray coordinates say. Float layers get NaN as
    nodata; ``units`` and ``long_name`` go into the file's metadata tags and the band
    description is the long name.

    Parameters
    ----------
    layer : xarray.DataArray
        Values on (``y_dim``, ``x_dim``) pixel centres, evenly spaced, in the CRS's units
        ([m] for a projection, [deg] for latitude/longitude). Booleans are written as uint8.
    path : pathlib.Path
        The ``.tif`` to write.
    crs : pyproj.CRS
        CRS of the coordinates, e.g. :func:`lunarbase.geometry.moon_crs`.
    x_dim, y_dim : str, optional
        Names of the horizontal (easting, longitude) and vertical (northing, latitude) dims.
    long_name : str, optional
        Description of the layer; default the layer's ``long_name`` attribute or its name.

    Raises
    ------
    ValueError
        The coordinates are not evenly spaced (a GeoTIFF grid must be).
    """
    import rioxarray  # noqa: F401  (registers the .rio accessor)

    for dim in (x_dim, y_dim):
        step = np.diff(np.asarray(layer[dim], dtype=float))
        if step.size and not np.allclose(step, step[0], rtol=1e-9, atol=0.0):
            raise ValueError(f"{layer.name}: {dim} is not evenly spaced; a GeoTIFF grid must be")
    values = layer.transpose(y_dim, x_dim)
    if values.sizes[y_dim] > 1 and float(values[y_dim][1]) > float(values[y_dim][0]):
        values = values.isel({y_dim: slice(None, None, -1)})  # north up
    if values.dtype == bool:
        values = values.astype(np.uint8)
    units = layer.attrs.get("units")
    tags = {"long_name": long_name or str(layer.attrs.get("long_name", layer.name))}
    if units is not None:
        tags["units"] = str(units)
    raster: Any = values.drop_attrs(deep=False).assign_attrs(tags)
    raster = raster.rio.set_spatial_dims(x_dim=x_dim, y_dim=y_dim, inplace=False)
    raster = raster.rio.write_crs(crs.to_wkt(), inplace=False)
    if np.issubdtype(raster.dtype, np.floating):
        raster = raster.rio.write_nodata(np.nan, encoded=False, inplace=False)
    atomic_write(path, lambda tmp: raster.rio.to_raster(tmp, driver="GTiff", compress="deflate"))
