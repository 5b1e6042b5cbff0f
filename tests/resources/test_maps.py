"""Resource map files: the bins resampled onto the GeoTIFF grid, the lunar geographic CRS of
the GeoTIFFs and the CF attributes of the NetCDF."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
import rasterio
import rioxarray
import xarray as xr
from affine import Affine
from pyproj import CRS

from lunarbase.errors import DataError
from lunarbase.geometry import LONLAT_PROJ4, moon_crs
from lunarbase.mapfiles import write
from lunarbase.resources.maps import (
    LAYERS,
    PNG_LAYERS,
    RASTER_STEP_DEG,
    bin_raster_index,
    map_files,
    resource_maps,
)
from lunarbase.resources.regions import containing_cell
from lunarbase.scenario import Resources

MOON_GEOGRAPHIC = "Moon (2015) - Sphere / Ocentric"
EARTH_SEMI_MAJOR_M = 6_378_137.0


@pytest.fixture(scope="module")
def written(
    grs: xr.Dataset, small_cfg: Resources, tmp_path_factory: pytest.TempPathFactory
) -> tuple[xr.Dataset, dict[str, Path], Path]:
    """resource_maps of the real LP GRS bins, what the writer wrote of them, and the folder."""
    folder = tmp_path_factory.mktemp("resource-maps")
    return resource_maps(grs, small_cfg), write(map_files(small_cfg, grs=grs), folder), folder


def tif_crs(path: Path) -> CRS:
    """The CRS a GeoTIFF declares, as GDAL reads it back."""
    with rasterio.open(path) as src:
        return CRS.from_wkt(src.crs.to_wkt())


def test_moon_crs_names_the_projects_geographic_frame() -> None:
    """The project's lat/lon PROJ string is IAU_2015:30100, on the 1737.4 km sphere."""
    named = moon_crs(LONLAT_PROJ4)
    assert named.name == MOON_GEOGRAPHIC and named.to_authority() == ("IAU_2015", "30100")
    assert named.equals(CRS.from_proj4(LONLAT_PROJ4), ignore_axis_order=True)


def test_bins_tile_the_raster_grid_exactly(grs: xr.Dataset) -> None:
    """Every 0.5 deg pixel lies in one bin: the bin containing its centre (containing_cell),
    north up, longitudes -180..180; each bin gets its area's worth of pixels."""
    index = bin_raster_index(grs)
    assert index.shape == (360, 720) and RASTER_STEP_DEG == 0.5
    assert float(index.lat[0]) == 89.75 and float(index.lat[-1]) == -89.75
    assert float(index.lon[0]) == -179.75 and float(index.lon[-1]) == 179.75
    for lat, lon in [(-89.75, 129.75), (-85.25, -0.25), (0.25, 179.75), (44.75, -120.25)]:
        cell = int(index.sel(lat=lat, lon=lon))
        assert cell == containing_cell(grs, lat, lon), (lat, lon)
    counts = np.bincount(index.values.ravel(), minlength=grs.sizes["cell"])
    # each bin covers exactly its lat x lon extent: (extent in deg^2) / (0.5 deg)^2 pixels
    extent_px = (grs["lat_max"] - grs["lat_min"]) * (grs["lon_max"] - grs["lon_min"]) / 0.25
    np.testing.assert_array_equal(counts, np.rint(extent_px.values).astype(int))


def test_bins_off_the_pixel_grid_or_missing_are_a_data_error(grs: xr.Dataset) -> None:
    """A bin edge between pixel edges, or a hole in the tiling, is refused, not blurred."""
    shifted = grs.assign_coords(lat_min=grs["lat_min"] + 0.1)
    with pytest.raises(DataError, match="off the"):
        bin_raster_index(shifted)
    with pytest.raises(DataError, match="tile"):
        bin_raster_index(grs.isel(cell=slice(1, None)))


WAC_LAYERS = ("tio2_wac_wt_pct", "he3_ppb_wac")


def test_wac_resolution_geotiffs_match_the_blended_map(
    written: tuple[xr.Dataset, dict[str, Path], Path],
) -> None:
    """The WAC-resolution TiO2 GeoTIFF is the blended grid, north up, on the Moon, with
    Mare Moscoviense (27 N 147.5 E) where the point query reads it."""
    from lunarbase.resources.tio2 import tio2_at

    _, paths, _ = written
    tif = rioxarray.open_rasterio(paths["tio2_wac_wt_pct_geotiff"]).squeeze()
    assert tif.shape == (1944, 5000)
    assert tif.y.values[0] > tif.y.values[-1]  # north up
    assert tif_crs(paths["tio2_wac_wt_pct_geotiff"]).name == MOON_GEOGRAPHIC
    value = float(tif.sel(y=27.0, x=147.5, method="nearest"))
    assert value == pytest.approx(tio2_at(27.0, 147.5)[0], rel=1e-6)


def test_write_maps_lists_every_file(written: tuple[xr.Dataset, dict[str, Path], Path]) -> None:
    """netcdf, one PNG per PNG layer, one GeoTIFF per layer, and TiO2 and He-3 at WAC
    resolution (two GeoTIFFs and a PNG); nothing else in the folder."""
    layers, paths, folder = written
    tifs = {f"{name}_geotiff" for name in (*layers.data_vars, *WAC_LAYERS)}
    assert set(paths) == {"netcdf", *PNG_LAYERS, *tifs, "he3_ppb_wac"}
    for key in tifs:
        assert paths[key].name == key.removesuffix("_geotiff") + ".tif"
        assert paths[key].read_bytes()[:4] in (b"II*\x00", b"MM\x00*")
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in paths.values())


def test_geotiffs_are_geographic_on_the_moon(
    written: tuple[xr.Dataset, dict[str, Path], Path],
) -> None:
    """Each GeoTIFF is latitude/longitude on the Moon's 1737.4 km sphere (not Earth's), named
    as the IAU's, the same CRS as the project's lat/lon PROJ string."""
    layers, paths, _ = written
    for name in layers.data_vars:
        crs = tif_crs(paths[f"{name}_geotiff"])
        assert crs.is_geographic and crs.name == MOON_GEOGRAPHIC, name
        assert crs.ellipsoid is not None
        assert crs.ellipsoid.semi_major_metre == crs.ellipsoid.semi_minor_metre == 1_737_400.0
        assert crs.ellipsoid.semi_major_metre != EARTH_SEMI_MAJOR_M
        assert crs.equals(CRS.from_proj4(LONLAT_PROJ4), ignore_axis_order=True)


def test_geotiff_pixels_hold_their_bins_values(
    written: tuple[xr.Dataset, dict[str, Path], Path], grs: xr.Dataset
) -> None:
    """North-up 0.5 deg grid from (-180 E, 90 N); a pixel centre is the coordinate rioxarray
    reads; the pixel under each bin's middle holds that bin's value, bit for bit, for every
    bin and layer; NaN is the nodata; units and long_name are in the tags."""
    layers, paths, _ = written
    mid_lat = (grs["lat_min"].values + grs["lat_max"].values) / 2
    mid_lon = (grs["lon_min"].values + grs["lon_max"].values) / 2
    for name in layers.data_vars:
        path = paths[f"{name}_geotiff"]
        with rasterio.open(path) as src:
            assert src.transform == Affine(0.5, 0.0, -180.0, 0.0, -0.5, 90.0)
            assert src.shape == (360, 720)
            assert src.nodata is not None and math.isnan(src.nodata)
            assert src.tags()["units"] == layers[name].attrs["units"]
            assert src.tags()["long_name"].startswith(LAYERS[str(name)].title)
            assert src.xy(2, 3) == (-178.25, 88.75)  # pixel centre, no half-pixel shift
            rows, cols = rasterio.transform.rowcol(src.transform, mid_lon, mid_lat)
            values = src.read(1)
        np.testing.assert_array_equal(values[rows, cols], layers[name].values, err_msg=name)
    back = rioxarray.open_rasterio(paths["th_ppm_geotiff"])
    np.testing.assert_allclose(back.x, -179.75 + 0.5 * np.arange(720))
    np.testing.assert_allclose(back.y, 89.75 - 0.5 * np.arange(360))
    # Shackleton (89.67 S, 129.78 E) lies in the bin containing_cell finds
    th = back.sel(band=1).sel(x=129.78, y=-89.67, method="nearest")
    assert float(th) == layers["th_ppm"].values[containing_cell(grs, -89.67, 129.78)]


def test_netcdf_has_the_cf_latitude_longitude_grid_mapping(
    written: tuple[xr.Dataset, dict[str, Path], Path],
) -> None:
    """CF-1.8: the bin centres are latitude/longitude auxiliary coordinates in
    degrees_north/degrees_east without fill values; every layer names the ``crs`` grid
    mapping, latitude_longitude on a 1737.4 km sphere, whose CRS (with or without crs_wkt) is
    the GeoTIFFs'; the per-bin values are unchanged."""
    layers, paths, _ = written
    with xr.open_dataset(paths["netcdf"], engine="scipy") as back:
        assert back.attrs["Conventions"] == "CF-1.8"
        gm = dict(back["crs"].attrs)
        for name in layers.data_vars:
            assert back[name].attrs["grid_mapping"] == "crs", name
            assert back[name].attrs["long_name"] == LAYERS[str(name)].title
            np.testing.assert_array_equal(back[name].values, layers[name].values)
        for coord, standard_name, units in (
            ("lat", "latitude", "degrees_north"),
            ("lon", "longitude", "degrees_east"),
        ):
            assert back[coord].attrs["standard_name"] == standard_name
            assert back[coord].attrs["units"] == units
            assert "_FillValue" not in back[coord].encoding
        assert {"lat", "lon"} <= set(back["he3_ppb"].coords)
    assert gm["grid_mapping_name"] == "latitude_longitude"
    assert gm["semi_major_axis"] == gm["semi_minor_axis"] == 1_737_400.0
    assert MOON_GEOGRAPHIC in gm["crs_wkt"]
    geotiff = tif_crs(paths["he3_ppb_geotiff"])
    for crs in (CRS.from_cf(gm), CRS.from_cf({k: v for k, v in gm.items() if k != "crs_wkt"})):
        assert crs.equals(geotiff, ignore_axis_order=True)
        assert crs.ellipsoid is not None and crs.ellipsoid.semi_major_metre == 1_737_400.0
    assert CRS.from_cf(gm).name == MOON_GEOGRAPHIC
