"""Terrain maps of a window of the 240 m grid: the window crop, the cached horizon map,
the assembled light/slope dataset and the NetCDF + PNG output."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
import rasterio
import rioxarray
import xarray as xr
from pyproj import CRS, Transformer

from lunarbase.errors import LunarbaseError, QueryError
from lunarbase.geometry import POLAR_STEREO_PROJ4, moon_crs
from lunarbase.mapfiles import write
from lunarbase.terrain import maps
from lunarbase.terrain.dem import latlon_to_xy, slope_map_deg
from lunarbase.terrain.maps import (
    MAP_LAYERS,
    cached_horizon_map,
    map_files,
    terrain_maps,
    window,
)


def write_maps(ds: xr.Dataset, out_dir: Path) -> dict[str, Path]:
    """The terrain maps of ``ds`` written by the one writer of map files."""
    return write(map_files(ds), out_dir)


SHACKLETON_FLOOR = (-89.67, 129.78)
PIXEL_M = 240.0
N_AZ = 16
PERIOD = {"start": "2026-01-01", "end": "2026-01-15", "step_h": 6.0}


# --- window -----------------------------------------------------------------------------------


def test_window_is_the_complete_square_of_pixel_centres(mirror: Path) -> None:
    """Every 240 m pixel centre within half_width of the centre in x and y is in the window,
    and none beyond; y runs from north (+y) to south as in the grid; the DEM attrs stay."""
    h = 1500.0
    dem = window(*SHACKLETON_FLOOR, h / 1000.0)
    cx, cy = (float(v) for v in latlon_to_xy(*SHACKLETON_FLOOR))
    x, y = dem.x.values, dem.y.values
    assert (np.abs(x - cx) <= h).all() and (np.abs(y - cy) <= h).all()
    assert x[0] - PIXEL_M < cx - h and x[-1] + PIXEL_M > cx + h  # complete in x
    assert y[0] + PIXEL_M > cy + h and y[-1] - PIXEL_M < cy - h  # complete in y
    np.testing.assert_allclose(np.diff(x), PIXEL_M)
    np.testing.assert_allclose(np.diff(y), -PIXEL_M)
    assert dem.shape == (len(y), len(x)) and 12 <= len(x) <= 13
    assert np.isfinite(dem.values).all()
    for key in ("sha256", "crs", "dataset", "pixel_size_m"):
        assert key in dem.attrs


def test_window_values_are_the_grids(mirror: Path) -> None:
    """The window is a crop: its values equal the full grid's at the same coordinates."""
    from lunarbase.data import load

    dem = window(-88.81, 123.64, 0.5)
    full = load("ldem_75s_240m")
    np.testing.assert_array_equal(dem.values, full.sel(x=dem.x, y=dem.y).values)


@pytest.mark.parametrize(
    ("lat", "lon", "half_width_km"),
    [
        (-89.67, 129.78, 0.0),  # empty window
        (-89.67, 129.78, -1.0),  # negative half width
        (-89.67, 129.78, math.nan),  # NaN half width
        (-80.0, 0.0, 1.0),  # 80 S is 303 km from the pole: off the 184 km grid
        (-90.0, 0.0, 200.0),  # at the pole but wider than the grid
        (-84.5, 90.0, 20.0),  # centre on the grid (167 km), square crosses its edge
        (89.67, 129.78, 1.0),  # the north pole region
    ],
)
def test_window_rejects_bad_input(
    mirror: Path, lat: float, lon: float, half_width_km: float
) -> None:
    """A non-positive half width or a square leaving the 240 m grid is a QueryError."""
    with pytest.raises(QueryError):
        window(lat, lon, half_width_km)


@pytest.mark.parametrize(("lat", "lon"), [(math.nan, 0.0), (-89.0, math.nan)])
def test_window_rejects_nan_coordinates(mirror: Path, lat: float, lon: float) -> None:
    """A NaN latitude or longitude is a QueryError, not an empty window."""
    with pytest.raises(QueryError):
        window(lat, lon, 1.0)


# --- cached_horizon_map -----------------------------------------------------------------------


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """An empty cache folder, and a counter of horizon_map builds."""
    monkeypatch.setenv("LUNARBASE_CACHE_DIR", str(tmp_path / "cache"))
    calls: list[int] = []
    real = maps.horizon_map

    def counting(*args: object, **kwargs: object) -> xr.DataArray:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(maps, "horizon_map", counting)
    return calls


def test_horizon_map_is_built_once_then_read_from_the_cache(
    mirror: Path, fresh_cache: list[int]
) -> None:
    """The first call builds (counting azimuths up to all of them), a second identical call
    reads the cache and returns the same values; another observer height is a new entry."""
    dem = window(*SHACKLETON_FLOOR, 0.5)
    ticks: list[tuple[int, int]] = []
    first = cached_horizon_map(
        dem, n_azimuths=N_AZ, observer_height_m=0.0, progress=lambda d, t: ticks.append((d, t))
    )
    assert len(fresh_cache) == 1
    assert ticks and ticks[-1] == (N_AZ, N_AZ)
    assert ticks[0] == (0, N_AZ) and all(0 <= d <= t == N_AZ for d, t in ticks)
    again = cached_horizon_map(dem, n_azimuths=N_AZ, observer_height_m=0.0)
    assert len(fresh_cache) == 1
    np.testing.assert_array_equal(again.values, first.values)
    mast = cached_horizon_map(dem, n_azimuths=N_AZ, observer_height_m=10.0)
    assert len(fresh_cache) == 2
    # From a 10 m mast every terrain point is seen lower: the horizon never rises.
    assert (mast.values <= first.values + 1e-3).all()
    assert (mast.values < first.values).any()


def test_horizon_map_layout_and_shackleton_rim(mirror: Path) -> None:
    """(y, x, azimuth) on the DEM's coordinates, azimuths every 360/n deg; from Shackleton's
    floor the rim (from the context grid, ~10 km away) stands above the Sun's highest
    elevation at the pole (~1.6 deg plus the disk radius) in every direction."""
    dem = window(*SHACKLETON_FLOOR, 0.5)
    hm = cached_horizon_map(dem, n_azimuths=N_AZ, observer_height_m=0.0)
    assert hm.dims == ("y", "x", "azimuth")
    assert hm.shape == (*dem.shape, N_AZ)
    np.testing.assert_array_equal(hm.x, dem.x)
    np.testing.assert_array_equal(hm.y, dem.y)
    np.testing.assert_allclose(hm.azimuth, np.arange(N_AZ) * 22.5)
    assert hm.attrs["units"] == "deg" and hm.attrs["observer_height_m"] == 0.0
    assert np.isfinite(hm.values).all()
    assert float(hm.min()) > 1.9
    assert float(hm.max()) < 30.0


# --- terrain_maps / write_maps ----------------------------------------------------------------


@pytest.fixture(scope="module")
def shackleton(
    mirror: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[xr.Dataset, list[tuple[str, int, int]]]:
    """terrain_maps of Shackleton's floor with an empty cache (so the horizons are built),
    and the progress ticks it reported."""
    ticks: list[tuple[str, int, int]] = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LUNARBASE_CACHE_DIR", str(tmp_path_factory.mktemp("maps-cache")))
        ds = terrain_maps(
            *SHACKLETON_FLOOR,
            0.5,
            **PERIOD,
            observer_height_m=0.0,
            horizon_azimuths=N_AZ,
            progress=lambda step, done, total: ticks.append((step, done, total)),
        )
    return ds, ticks


def test_terrain_maps_has_every_layer_on_the_window(
    shackleton: tuple[xr.Dataset, list[tuple[str, int, int]]],
) -> None:
    """Every drawn layer is present on the window's grid; elevation is the DEM and slope
    its slope map; the window and settings are in attrs."""
    ds, _ = shackleton
    dem = window(*SHACKLETON_FLOOR, 0.5)
    assert set(MAP_LAYERS) <= set(ds.data_vars)
    for name in MAP_LAYERS:
        assert ds[name].dims == ("y", "x"), name
    np.testing.assert_array_equal(ds.elevation_m.values, dem.values)
    np.testing.assert_allclose(ds.slope_deg.values, slope_map_deg(dem))
    assert ds.elevation_m.attrs == {"units": "m"}
    assert ds.slope_deg.attrs == {"units": "deg"}
    assert ds.attrs["center_lat_deg"] == SHACKLETON_FLOOR[0]
    assert ds.attrs["half_width_km"] == 0.5
    assert ds.attrs["horizon_azimuths"] == N_AZ
    assert ds.attrs["dem_sha256"] == dem.attrs["sha256"]
    assert ds.attrs["period_utc"] == "2026-01-01/2026-01-15"


def test_terrain_maps_of_shackleton_floor_are_dark(
    shackleton: tuple[xr.Dataset, list[tuple[str, int, int]]],
) -> None:
    """Shackleton's floor: PSR everywhere, no Sun, the whole period one night."""
    ds, _ = shackleton
    assert bool(ds.psr.all())
    assert float(ds.illumination_fraction.max()) == 0.0
    assert (ds.longest_night_h.values == 14 * 24.0).all()


def test_terrain_maps_reports_progress_by_stage(
    shackleton: tuple[xr.Dataset, list[tuple[str, int, int]]],
) -> None:
    """Progress goes through horizons (counting azimuths) then light (counting pixels), each
    count rising to its total."""
    ds, ticks = shackleton
    steps = [s for s, _, _ in ticks]
    assert set(steps) == {"horizons", "light"}
    assert steps.index("light") > max(i for i, s in enumerate(steps) if s == "horizons")
    for step, total in (("horizons", N_AZ), ("light", ds.sizes["y"] * ds.sizes["x"])):
        done = [d for s, d, t in ticks if s == step and t == total]
        assert len(done) == steps.count(step), step  # every tick of a step has its total
        assert done == sorted(done) and done[-1] == total, step


def synthetic_dataset() -> xr.Dataset:
    """Every map layer on a 4 x 5 grid of 240 m pixels, psr boolean."""
    rng = np.random.default_rng(7)
    shape = (4, 5)
    coords = {"y": 10_000.0 - PIXEL_M * np.arange(4), "x": -5_000.0 + PIXEL_M * np.arange(5)}
    layers = {name: (("y", "x"), rng.uniform(0, 1, shape)) for name in MAP_LAYERS}
    layers["psr"] = (("y", "x"), rng.uniform(0, 1, shape) > 0.5)
    ds = xr.Dataset(layers, coords=coords, attrs={"period_utc": "2026-01-01/2026-01-15"})
    ds["longest_night_h"][0, 0] = np.nan
    return ds


def test_write_maps_writes_netcdf_and_one_png_per_layer(tmp_path: Path) -> None:
    """terrain_maps.nc (NetCDF3, psr as int8), one GeoTIFF and one PNG per layer in a created
    nested folder, no temporary files left; the NetCDF reads back to the same values."""
    ds = synthetic_dataset()
    out = tmp_path / "a" / "b"
    written = write_maps(ds, out)
    assert set(written) == {"netcdf", *MAP_LAYERS, *(f"{n}_geotiff" for n in MAP_LAYERS)}
    assert written["netcdf"] == out / "terrain_maps.nc"
    for name in MAP_LAYERS:
        assert written[name] == out / f"{name}.png"
        assert written[name].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert written[f"{name}_geotiff"] == out / f"{name}.tif"
        assert written[f"{name}_geotiff"].read_bytes()[:4] in (b"II*\x00", b"MM\x00*")
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written.values())
    assert written["netcdf"].read_bytes()[:3] == b"CDF"
    with xr.open_dataset(written["netcdf"], engine="scipy") as back:
        assert back.psr.dtype == np.int8
        np.testing.assert_array_equal(back.psr.values, ds.psr.values.astype(np.int8))
        for name in MAP_LAYERS:
            if name != "psr":
                np.testing.assert_allclose(back[name].values, ds[name].values, equal_nan=True)
        np.testing.assert_array_equal(back.x, ds.x)
        np.testing.assert_array_equal(back.y, ds.y)
        assert back.attrs["period_utc"] == ds.attrs["period_utc"]
    assert ds.psr.dtype == bool  # the caller's dataset is untouched
    assert ds.x.attrs == {} and ds.slope_deg.attrs == {} and "crs" not in ds.variables


def test_write_maps_round_trips_real_terrain_maps(
    shackleton: tuple[xr.Dataset, list[tuple[str, int, int]]], tmp_path: Path
) -> None:
    """The dataset terrain_maps makes (its attrs included) is writable as NetCDF3."""
    ds, _ = shackleton
    written = write_maps(ds, tmp_path)
    with xr.open_dataset(written["netcdf"], engine="scipy") as back:
        np.testing.assert_allclose(back.elevation_m.values, ds.elevation_m.values)
        assert bool(back.psr.astype(bool).all())
        assert back.attrs["dem_sha256"] == ds.attrs["dem_sha256"]


def test_write_maps_into_a_file_is_a_one_line_error(tmp_path: Path) -> None:
    """An output folder that cannot be created (a file is in the way) is a LunarbaseError
    naming the folder, and nothing is written."""
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    with pytest.raises(LunarbaseError, match=r"file\.txt"):
        write_maps(synthetic_dataset(), blocker / "maps")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"]


# --- georeferencing: GeoTIFF and CF NetCDF ----------------------------------------------------

MOON_SOUTH_POLAR = "Moon (2015) - Sphere / Ocentric / South Polar"
EARTH_SEMI_MAJOR_M = 6_378_137.0


def assert_same_projection(a: CRS, b: CRS) -> None:
    """Both CRSs are on the 1737.4 km sphere and map lat/lon points between 75 S and the pole
    to the same x, y [m] (to 1 micrometre): the same projection, whatever the names."""
    for crs in (a, b):
        assert crs.ellipsoid is not None
        assert crs.ellipsoid.semi_major_metre == 1_737_400.0
        assert crs.ellipsoid.semi_minor_metre == 1_737_400.0
    lat = np.repeat([-89.99, -89.67, -88.0, -85.0, -80.0, -75.0], 8)
    lon = np.tile(np.arange(0.0, 360.0, 45.0) + 7.0, 6)
    ax, ay = Transformer.from_crs(a.geodetic_crs, a, always_xy=True).transform(lon, lat)
    bx, by = Transformer.from_crs(b.geodetic_crs, b, always_xy=True).transform(lon, lat)
    np.testing.assert_allclose(ax, bx, rtol=0, atol=1e-6)
    np.testing.assert_allclose(ay, by, rtol=0, atol=1e-6)


def test_moon_crs_names_the_projects_polar_frame() -> None:
    """The project's PROJ string of the polar grids is IAU_2015:30135, the same projection
    (pyproj of the PROJ string agrees to 1 um); an Earth CRS is returned unnamed."""
    named = moon_crs(POLAR_STEREO_PROJ4)
    assert named.name == MOON_SOUTH_POLAR
    assert named.to_authority() == ("IAU_2015", "30135")
    assert_same_projection(named, CRS.from_proj4(POLAR_STEREO_PROJ4))
    x, y = Transformer.from_crs(named.geodetic_crs, named, always_xy=True).transform(129.78, -89.67)
    np.testing.assert_allclose((x, y), [float(v) for v in latlon_to_xy(*SHACKLETON_FLOOR)])
    assert moon_crs("+proj=longlat +ellps=WGS84 +no_defs").ellipsoid.semi_major_metre == (
        EARTH_SEMI_MAJOR_M
    )


@pytest.fixture(scope="module")
def synthetic_written(tmp_path_factory: pytest.TempPathFactory) -> tuple[xr.Dataset, dict]:
    """synthetic_dataset() with units, and what write_maps wrote of it."""
    ds = synthetic_dataset()
    ds["elevation_m"].attrs["units"] = "m"
    ds["longest_night_h"].attrs["units"] = "h"
    return ds, write_maps(ds, tmp_path_factory.mktemp("georef"))


def tif_crs(path: Path) -> CRS:
    """The CRS a GeoTIFF declares, as GDAL reads it back."""
    with rasterio.open(path) as src:
        return CRS.from_wkt(src.crs.to_wkt())


def test_geotiffs_are_in_the_lunar_south_polar_stereographic_crs(
    synthetic_written: tuple[xr.Dataset, dict],
) -> None:
    """Every GeoTIFF is polar stereographic about the south pole on the Moon's 1737.4 km
    sphere (not Earth's), named as the IAU's, and maps points as the project's PROJ string."""
    _, written = synthetic_written
    for name in MAP_LAYERS:
        crs = tif_crs(written[f"{name}_geotiff"])
        assert crs.is_projected and crs.name == MOON_SOUTH_POLAR, name
        assert crs.ellipsoid is not None and crs.ellipsoid.name == "Moon (2015) - Sphere"
        assert crs.ellipsoid.semi_major_metre != EARTH_SEMI_MAJOR_M
        assert crs.coordinate_operation is not None
        assert "Polar Stereographic" in crs.coordinate_operation.method_name
        to_latlon = Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True)
        assert to_latlon.transform(0.0, 0.0)[1] == pytest.approx(-90.0)  # origin: south pole
        assert_same_projection(crs, CRS.from_proj4(POLAR_STEREO_PROJ4))


def test_geotiff_pixel_centres_are_the_dataset_coordinates(
    synthetic_written: tuple[xr.Dataset, dict],
) -> None:
    """North up, 240 m pixels: the centre of pixel (row, col) is (x[col], y[row]) exactly --
    no half-pixel shift, no flip -- by the file's transform and by rioxarray's reading."""
    ds, written = synthetic_written
    path = written["elevation_m_geotiff"]
    with rasterio.open(path) as src:
        assert src.shape == (ds.sizes["y"], ds.sizes["x"])
        assert (src.transform.a, src.transform.e) == (PIXEL_M, -PIXEL_M)
        assert src.transform.b == src.transform.d == 0.0
        rows, cols = np.meshgrid(np.arange(4), np.arange(5), indexing="ij")
        x, y = src.transform @ (cols + 0.5, rows + 0.5)
        np.testing.assert_allclose(x, ds.x.values[cols], rtol=0, atol=1e-6)
        np.testing.assert_allclose(y, ds.y.values[rows], rtol=0, atol=1e-6)
        # a known pixel: the coordinates of (row 2, col 3) index back to it
        assert src.index(float(ds.x[3]), float(ds.y[2])) == (2, 3)
    back = rioxarray.open_rasterio(path)
    np.testing.assert_allclose(back.x, ds.x, rtol=0, atol=1e-6)
    np.testing.assert_allclose(back.y, ds.y, rtol=0, atol=1e-6)


def test_geotiff_values_nodata_and_tags_round_trip(
    synthetic_written: tuple[xr.Dataset, dict],
) -> None:
    """Float layers read back bit for bit with NaN as nodata (the NaN pixel stays NaN); psr is
    uint8 0/1 without nodata; units and long_name are in the tags."""
    ds, written = synthetic_written
    for name in MAP_LAYERS:
        with rasterio.open(written[f"{name}_geotiff"]) as src:
            values, tags = src.read(1), src.tags()
            assert tags["long_name"] == MAP_LAYERS[name].title
            assert src.descriptions == (MAP_LAYERS[name].title,)
            if name == "psr":
                assert values.dtype == np.uint8 and src.nodata is None
                np.testing.assert_array_equal(values, ds.psr.values.astype(np.uint8))
            else:
                assert src.nodata is not None and math.isnan(src.nodata), name
                np.testing.assert_array_equal(values, ds[name].values)
    with rasterio.open(written["longest_night_h_geotiff"]) as src:
        assert src.tags()["units"] == "h"
        assert np.isnan(src.read(1)[0, 0]) and src.read_masks(1)[0, 0] == 0


def test_netcdf_has_the_cf_polar_stereographic_grid_mapping(
    synthetic_written: tuple[xr.Dataset, dict],
) -> None:
    """CF-1.8: every layer names the ``crs`` grid mapping, polar_stereographic about the south
    pole on a 1737.4 km sphere; x/y are projection coordinates in m without fill values; the
    CRS from the CF attributes -- with or without crs_wkt -- is the GeoTIFFs'."""
    _, written = synthetic_written
    with xr.open_dataset(written["netcdf"], engine="scipy") as back:
        assert back.attrs["Conventions"] == "CF-1.8"
        gm = dict(back["crs"].attrs)
        for name in MAP_LAYERS:
            assert back[name].attrs["grid_mapping"] == "crs", name
        for dim in ("x", "y"):
            assert back[dim].attrs["standard_name"] == f"projection_{dim}_coordinate"
            assert back[dim].attrs["units"] == "m"
            assert back[dim].attrs["axis"] == dim.upper()
            assert "_FillValue" not in back[dim].encoding
    assert gm["grid_mapping_name"] == "polar_stereographic"
    assert gm["semi_major_axis"] == gm["semi_minor_axis"] == 1_737_400.0
    assert gm["latitude_of_projection_origin"] == -90.0
    assert gm["straight_vertical_longitude_from_pole"] == 0.0
    assert gm["scale_factor_at_projection_origin"] == 1.0
    assert MOON_SOUTH_POLAR in gm["crs_wkt"]
    from_wkt = CRS.from_cf(gm)
    assert from_wkt.name == MOON_SOUTH_POLAR
    from_params = CRS.from_cf({k: v for k, v in gm.items() if k != "crs_wkt"})
    geotiff = tif_crs(written["elevation_m_geotiff"])
    assert_same_projection(from_wkt, geotiff)
    assert_same_projection(from_params, geotiff)


def test_real_window_geotiff_puts_shackleton_where_the_project_does(
    shackleton: tuple[xr.Dataset, list[tuple[str, int, int]]], tmp_path: Path
) -> None:
    """A window of the real 240 m grid: Shackleton's floor, projected with the GeoTIFF's own
    CRS, falls on the project's x, y and on the pixel whose elevation the dataset has there."""
    ds, _ = shackleton
    written = write_maps(ds, tmp_path)
    crs = tif_crs(written["elevation_m_geotiff"])
    lat, lon = SHACKLETON_FLOOR
    x, y = Transformer.from_crs(crs.geodetic_crs, crs, always_xy=True).transform(lon, lat)
    np.testing.assert_allclose((x, y), [float(v) for v in latlon_to_xy(lat, lon)], atol=1e-6)
    with rasterio.open(written["elevation_m_geotiff"]) as src:
        row, col = src.index(x, y)
        assert src.tags()["units"] == "m"
        value = src.read(1)[row, col]
    nearest = ds.elevation_m.sel(x=x, y=y, method="nearest")
    assert (float(nearest.x), float(nearest.y)) == (float(ds.x[col]), float(ds.y[row]))
    assert value == nearest.values


def test_gdal_reads_the_netcdf_layers_where_the_geotiffs_are(
    synthetic_written: tuple[xr.Dataset, dict],
) -> None:
    """What QGIS does with terrain_maps.nc (GDAL's netCDF driver): each layer comes out with
    the GeoTIFF's transform, the lunar polar CRS and the same values."""
    _, written = synthetic_written
    with rasterio.Env() as env:
        if "netCDF" not in env.drivers():
            pytest.skip("this GDAL has no netCDF driver")
    for name in ("elevation_m", "longest_night_h"):
        with (
            rasterio.open(f"netcdf:{written['netcdf']}:{name}") as nc,
            rasterio.open(written[f"{name}_geotiff"]) as tif,
        ):
            assert nc.transform == tif.transform, name
            assert_same_projection(CRS.from_wkt(nc.crs.to_wkt()), CRS.from_wkt(tif.crs.to_wkt()))
            np.testing.assert_array_equal(nc.read(1), tif.read(1))
