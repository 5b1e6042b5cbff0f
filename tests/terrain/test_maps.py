"""Terrain maps of a window of the 240 m grid: the window crop, the cached horizon map,
the assembled light/slope dataset and the NetCDF + PNG output."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
import xarray as xr

from lunarbase.errors import LunarbaseError, QueryError
from lunarbase.terrain import maps
from lunarbase.terrain.dem import latlon_to_xy, slope_map_deg
from lunarbase.terrain.maps import (
    MAP_LAYERS,
    cached_horizon_map,
    terrain_maps,
    window,
    write_maps,
)

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
    """The first call builds (reporting progress up to 1), a second identical call reads the
    cache and returns the same values; another observer height is a new entry."""
    dem = window(*SHACKLETON_FLOOR, 0.5)
    ticks: list[float] = []
    first = cached_horizon_map(dem, n_azimuths=N_AZ, observer_height_m=0.0, progress=ticks.append)
    assert len(fresh_cache) == 1
    assert ticks and ticks[-1] == pytest.approx(1.0)
    assert all(0.0 <= t <= 1.0 for t in ticks)
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
) -> tuple[xr.Dataset, list[tuple[str, float]]]:
    """terrain_maps of Shackleton's floor with an empty cache (so the horizons are built),
    and the progress ticks it reported."""
    ticks: list[tuple[str, float]] = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LUNARBASE_CACHE_DIR", str(tmp_path_factory.mktemp("maps-cache")))
        ds = terrain_maps(
            *SHACKLETON_FLOOR,
            0.5,
            **PERIOD,
            observer_height_m=0.0,
            horizon_azimuths=N_AZ,
            progress=lambda stage, f: ticks.append((stage, f)),
        )
    return ds, ticks


def test_terrain_maps_has_every_layer_on_the_window(
    shackleton: tuple[xr.Dataset, list[tuple[str, float]]],
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
    shackleton: tuple[xr.Dataset, list[tuple[str, float]]],
) -> None:
    """Shackleton's floor: PSR everywhere, no Sun, the whole period one night."""
    ds, _ = shackleton
    assert bool(ds.psr.all())
    assert float(ds.illumination_fraction.max()) == 0.0
    assert (ds.longest_night_h.values == 14 * 24.0).all()


def test_terrain_maps_reports_progress_by_stage(
    shackleton: tuple[xr.Dataset, list[tuple[str, float]]],
) -> None:
    """Progress goes through horizons then light, ending each stage at 1."""
    _, ticks = shackleton
    stages = [s for s, _ in ticks]
    assert set(stages) == {"horizons", "light"}
    assert stages.index("light") > max(i for i, s in enumerate(stages) if s == "horizons")
    assert ticks[-1] == ("light", 1.0)
    assert ("light", 0.0) in ticks
    assert max(f for s, f in ticks if s == "horizons") == pytest.approx(1.0)


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
    """terrain_maps.nc (NetCDF3, psr as int8) and one PNG per layer in a created nested
    folder, no temporary files left; the NetCDF reads back to the same values."""
    ds = synthetic_dataset()
    out = tmp_path / "a" / "b"
    written = write_maps(ds, out)
    assert set(written) == {"netcdf", *MAP_LAYERS}
    assert written["netcdf"] == out / "terrain_maps.nc"
    for name in MAP_LAYERS:
        assert written[name] == out / f"{name}.png"
        assert written[name].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
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


def test_write_maps_round_trips_real_terrain_maps(
    shackleton: tuple[xr.Dataset, list[tuple[str, float]]], tmp_path: Path
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
