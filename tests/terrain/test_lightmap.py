"""Light maps: direction binning, the per-pixel visibility kernels on hand-made horizons and
directions, and light_maps / psr_map on tiny synthetic horizon maps near the pole."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import xarray as xr

from lunarbase.constants import SOLAR_DISK_RADIUS_DEG
from lunarbase.ephemeris import period_directions, sub_point_deg
from lunarbase.terrain import lightmap
from lunarbase.terrain.dem import grid_frame
from lunarbase.terrain.illumination import disk_fraction_visible, longest_run
from lunarbase.terrain.lightmap import (
    EARTH_BIN_DEG,
    NODAL_CYCLE,
    SUN_LAT_QUANTILES,
    SUN_LON_BIN_DEG,
    earth_histogram,
    ever_visible,
    kernel_array,
    light_maps,
    pixel_frames,
    psr_map,
    series_light,
    strided_order,
    sun_quantiles,
    weighted_visibility,
)

R_SUN = SOLAR_DISK_RADIUS_DEG
PERIOD = {"start": "2026-01-01", "end": "2026-01-15", "step_h": 6.0}
N_STEPS = 56  # 14 days every 6 h
PSR_STEP_H = 48.0


def unit(lat_deg: np.ndarray | float, lon_deg: np.ndarray | float) -> np.ndarray:
    la, lo = np.radians(lat_deg), np.radians(lon_deg)
    return np.stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)], axis=-1)


def local(el_deg: list[float] | np.ndarray, az_deg: list[float] | np.ndarray) -> np.ndarray:
    """Directions (n, 3) at elevation / grid azimuth in an identity frame (x, y, up): azimuth
    is measured from +y toward +x, as the kernel does."""
    el, az = np.radians(np.asarray(el_deg, float)), np.radians(np.asarray(az_deg, float))
    return np.ascontiguousarray(
        np.stack([np.cos(el) * np.sin(az), np.cos(el) * np.cos(az), np.sin(el)], axis=-1)
    )


def identity_frames(n: int) -> np.ndarray:
    return np.ascontiguousarray(np.broadcast_to(np.eye(3), (n, 3, 3)))


def as_kernels_take(
    hz: np.ndarray, frames: np.ndarray, v: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Horizons, frames and directions as :func:`light_maps` hands them to the kernels
    (:func:`lightmap.kernel_array`), so a test calls the kernel compiled for the maps."""
    return (
        kernel_array(hz, np.float32),
        kernel_array(frames, np.float64),
        kernel_array(v, np.float64),
    )


def flat(values: list[float], n_az: int = 8) -> np.ndarray:
    """Horizons (pixels, azimuths) [deg], each pixel level at its value (float32, as maps)."""
    return np.ascontiguousarray(np.repeat(np.array(values, np.float32)[:, None], n_az, axis=1))


# --- direction sets ---------------------------------------------------------------------------


def test_sparse_sun_series_is_kept_exactly() -> None:
    """With at most one sample per longitude bin every sample is kept, with weight 1/n."""
    lon = np.arange(100) * 3.0 + 0.1
    lat = np.linspace(-1.5, 1.5, 100)
    sun = unit(lat, lon)
    ds = sun_quantiles(sun)
    assert ds.vectors.shape == (100, 3)
    np.testing.assert_allclose(ds.weights, 1 / 100)
    order = np.argsort(sub_point_deg(ds.vectors)[1])
    np.testing.assert_allclose(ds.vectors[order], sun, atol=1e-12)


def test_dense_bin_is_split_into_equal_latitude_quantiles() -> None:
    """40 samples in one longitude bin become SUN_LAT_QUANTILES unit vectors of 1/8 weight
    each, ordered by latitude, each at the mean latitude of its 5 samples."""
    rng = np.random.default_rng(0)
    lat = rng.uniform(-1.5, 1.5, 40)
    lon = rng.uniform(10.0, 10.0 + SUN_LON_BIN_DEG, 40)
    ds = sun_quantiles(unit(lat, lon))
    assert ds.vectors.shape == (SUN_LAT_QUANTILES, 3)
    np.testing.assert_allclose(ds.weights, 1 / SUN_LAT_QUANTILES)
    np.testing.assert_allclose(np.linalg.norm(ds.vectors, axis=1), 1.0)
    got_lat, got_lon = sub_point_deg(ds.vectors)
    np.testing.assert_allclose(got_lat, np.sort(lat).reshape(8, 5).mean(axis=1), atol=1e-3)
    assert ((got_lon >= 10.0) & (got_lon < 10.0 + SUN_LON_BIN_DEG)).all()


def test_sun_weights_sum_to_one_and_stay_in_their_bins() -> None:
    """On a random series the weights sum to 1, every vector is a unit vector, and each
    bin's weight is its share of the samples."""
    rng = np.random.default_rng(1)
    lat = rng.uniform(-1.6, 1.6, 20_000)
    lon = rng.uniform(0.0, 360.0, 20_000)
    ds = sun_quantiles(unit(lat, lon))
    assert ds.weights.sum() == pytest.approx(1.0, rel=1e-12)
    np.testing.assert_allclose(np.linalg.norm(ds.vectors, axis=1), 1.0)
    n_bins = round(360 / SUN_LON_BIN_DEG)
    got_bins = np.minimum((sub_point_deg(ds.vectors)[1] / SUN_LON_BIN_DEG).astype(int), n_bins - 1)
    in_bins = np.minimum((lon / SUN_LON_BIN_DEG).astype(int), n_bins - 1)
    shares = np.bincount(in_bins, minlength=n_bins) / len(lon)
    np.testing.assert_allclose(np.bincount(got_bins, ds.weights, minlength=n_bins), shares)
    assert len(ds.weights) <= n_bins * SUN_LAT_QUANTILES


def test_sun_extremes_keep_each_bins_lowest_and_highest_latitude() -> None:
    """With extremes, each occupied bin gives its min- and max-latitude sample, weight 1."""
    rng = np.random.default_rng(2)
    lon = np.concatenate([rng.uniform(100.0, 100.5, 30), rng.uniform(359.6, 360.0, 30)])
    lat = rng.uniform(-1.5, 1.5, 60)
    ds = sun_quantiles(unit(lat, lon), extremes=True)
    np.testing.assert_array_equal(ds.weights, np.ones(4))
    got = np.sort(sub_point_deg(ds.vectors)[0])
    expected = np.sort([lat[:30].min(), lat[:30].max(), lat[30:].min(), lat[30:].max()])
    np.testing.assert_allclose(got, expected, atol=1e-9)


def test_earth_histogram_weights_and_bin_centres() -> None:
    """Time fractions sum to 1; repeated points share a cell; centres lie within half a bin
    of their samples, on both sides of longitude 0."""
    lat = np.array([3.01, 3.02, 3.03, -6.6, 0.1, 0.1])
    lon = np.array([359.9, 359.95, 359.99, 5.0, 0.1, 0.1])
    ds = earth_histogram(unit(lat, lon))
    assert ds.weights.sum() == pytest.approx(1.0)
    c_lat, c_lon = sub_point_deg(ds.vectors)
    c_lon = (c_lon + 180) % 360 - 180
    assert len(ds.weights) == 3
    cells = dict(zip(zip(np.round(c_lat, 3), np.round(c_lon, 3), strict=True), ds.weights,
                     strict=True))  # fmt: skip
    assert cells[(3.125, -0.125)] == pytest.approx(3 / 6)
    assert cells[(-6.625, 5.125)] == pytest.approx(1 / 6)
    assert cells[(0.125, 0.125)] == pytest.approx(2 / 6)
    assert EARTH_BIN_DEG == 0.25


def test_pixel_frames_match_grid_frame() -> None:
    """The vectorised frames equal the per-point grid_frame and are orthonormal."""
    x = np.array([0.0, 7690.2, -150_000.0, 90_000.0])
    y = np.array([0.0, -6402.7, 20_000.0, 180_000.0])
    frames = pixel_frames(x, y)
    for k in range(len(x)):
        np.testing.assert_allclose(frames[k], grid_frame(x[k], y[k]), atol=1e-12)
        np.testing.assert_allclose(frames[k] @ frames[k].T, np.eye(3), atol=1e-9)


# --- kernels on hand-made horizons ------------------------------------------------------------


def test_disk_fraction_against_a_level_horizon() -> None:
    """Level horizon: the disk centred on it is half visible, one radius above fully, one
    radius below not at all, and half a radius below shows the circular-segment area."""
    els = [0.0, R_SUN, -R_SUN, -R_SUN / 2, R_SUN / 2, 5.0, -5.0]
    hz, frames = flat([0.0]), identity_frames(1)
    v = local(els, [30.0] * len(els))
    out = [weighted_visibility(hz, frames, v[m : m + 1], np.ones(1), R_SUN, True)[0]
           for m in range(len(els))]  # fmt: skip
    # Area of a unit disk above a chord at distance 1/2: (pi/3 - sqrt(3)/4) / pi.
    seg = (np.pi / 3 - np.sqrt(3) / 4) / np.pi
    np.testing.assert_allclose(out, [0.5, 1.0, 0.0, seg, 1 - seg, 1.0, 0.0], atol=1e-9)


def test_weights_add_and_any_part_counts_without_partial() -> None:
    """Weighted sum over directions; with partial=False any sliver of the disk counts 1, and
    radius 0 tests the centre only."""
    hz = flat([0.0, 90.0, -90.0])
    frames = identity_frames(3)
    v = local([1.0, -R_SUN / 2, -1.0], [0.0, 120.0, 240.0])
    w = np.array([0.25, 0.5, 0.25])
    np.testing.assert_allclose(
        weighted_visibility(hz, frames, v, w, R_SUN, True),
        [0.25 + 0.5 * disk_fraction_visible(-R_SUN / 2, 0.0), 0.0, 1.0],
    )
    np.testing.assert_allclose(weighted_visibility(hz, frames, v, w, R_SUN, False), [0.75, 0, 1])
    np.testing.assert_allclose(weighted_visibility(hz, frames, v, w, 0.0, False), [0.25, 0, 1])


def test_ever_visible_is_any_part_of_the_disk_in_any_direction() -> None:
    """The PSR test's early-exit kernel agrees with the full weighted sum (column ``any``
    above 0) on random horizons and directions, and is False where the horizon is NaN."""
    rng = np.random.default_rng(3)
    level = rng.uniform(-2.0, 8.0, (300, 1))  # some pixels walled above every direction
    hz = np.ascontiguousarray((level + rng.uniform(-1.0, 1.0, (300, 36))).astype(np.float32))
    hz[7] = np.nan
    frames = identity_frames(300)
    v = local(rng.uniform(-3.0, 3.0, 40), rng.uniform(0.0, 360.0, 40))
    full = weighted_visibility(hz, frames, v, np.ones(40), R_SUN, False)
    got = ever_visible(*as_kernels_take(hz, frames, v), R_SUN)
    assert 0 < got.sum() < 299  # both outcomes occur
    np.testing.assert_array_equal(got, np.nan_to_num(full) > 0)
    assert not got[7]


@pytest.mark.parametrize("n", [0, 1, 2, 3, 720, 1440])
def test_strided_order_is_a_permutation_spread_over_the_range(n: int) -> None:
    order = strided_order(n)
    assert sorted(order.tolist()) == list(range(n))
    if n >= 720:  # the first 10 items leave no gap over a fifth of the range
        first = np.sort(order[:10])
        assert np.diff(np.r_[first, first[0] + n]).max() < n / 5


def test_horizon_is_interpolated_in_azimuth_with_wraparound() -> None:
    """Horizon 0, 10, 20, 30 deg at azimuths 0, 90, 180, 270: a disk centred at the linearly
    interpolated height is half visible (45 deg -> 5, 315 deg -> 15 across north)."""
    hz = np.ascontiguousarray(np.tile(np.array([0, 10, 20, 30], np.float32), (4, 1)))
    frames = identity_frames(4)
    cases = [(5.0, 45.0), (15.0, 315.0), (20.0, 180.0), (25.0, 225.0)]
    for el, az in cases:
        got = weighted_visibility(hz, frames, local([el], [az]), np.ones(1), R_SUN, True)
        np.testing.assert_allclose(got, 0.5, atol=1e-6, err_msg=f"el {el} az {az}")
    # 1 deg above the 5 deg interpolated horizon at 45 deg, but below the 10 deg at 90 deg.
    lit = weighted_visibility(hz, frames, local([6.0, 6.0], [45.0, 90.0]), np.ones(2) / 2,
                              0.0, False)  # fmt: skip
    np.testing.assert_allclose(lit, 0.5)


def test_nan_horizon_gives_nan_and_minus_one() -> None:
    """A pixel without data (NaN horizon) gives NaN visibility and -1 dark steps."""
    hz = flat([0.0, np.nan])
    frames = identity_frames(2)
    v = local([1.0, -1.0], [0.0, 0.0])
    vis = weighted_visibility(hz, frames, v, np.ones(2) / 2, R_SUN, True)
    assert vis[0] == pytest.approx(0.5) and np.isnan(vis[1])
    np.testing.assert_array_equal(
        series_light(*as_kernels_take(hz, frames, v), R_SUN)[:, 2], [1, -1]
    )


def direct_sums(hz: np.ndarray, v: np.ndarray, w: np.ndarray, radius: float) -> np.ndarray:
    """The kernels' sums in numpy, every pixel at every direction with no skyline shortcut, in
    identity frames: (pixels, 2) of the weighted visible fraction and any-of-the-disk."""
    n_az = hz.shape[1]
    el = np.degrees(np.arcsin(np.clip(v[:, 2], -1, 1)))
    pos = (np.degrees(np.arctan2(v[:, 0], v[:, 1])) % 360.0) / 360.0 * n_az
    i0, f = pos.astype(int) % n_az, pos - pos.astype(int)
    h = hz[:, i0] * (1 - f) + hz[:, (i0 + 1) % n_az] * f  # (pixels, directions)
    up = el + radius > h
    frac = disk_fraction_visible(el, h, radius) if radius > 0 else np.ones_like(h)
    return np.stack([(np.where(up, frac, 0.0) * w).sum(1), (up * w).sum(1)], axis=1)


def test_kernels_match_the_direct_sums() -> None:
    """The time-ordered kernel's mean Sun and any-of-the-disk fraction, and the weighted
    kernel (Sun disk and Earth centre), equal the direct sums on random horizons: the skyline
    shortcut (a disk wholly above the highest or below the lowest horizon) changes nothing,
    on walled, open and uneven pixels."""
    rng = np.random.default_rng(4)
    level = rng.uniform(-4.0, 6.0, (400, 1))
    level[:20], level[20:40] = 12.0, -12.0  # walled above, open below every direction
    hz = np.ascontiguousarray((level + rng.uniform(-1.5, 1.5, (400, 36))).astype(np.float32))
    frames = identity_frames(400)
    v = local(rng.uniform(-4.0, 8.0, 60), rng.uniform(0.0, 360.0, 60))
    w = np.full(60, 1 / 60)
    got = series_light(*as_kernels_take(hz, frames, v), R_SUN)
    direct = direct_sums(hz.astype(float), v, w, R_SUN)
    np.testing.assert_allclose(got[:, :2], direct, atol=1e-12)
    np.testing.assert_allclose(
        np.stack([weighted_visibility(hz, frames, v, w, R_SUN, p) for p in (True, False)], 1),
        direct,
        atol=1e-12,
    )
    centre = weighted_visibility(hz, frames, v, w, 0.0, False)
    np.testing.assert_allclose(centre, direct_sums(hz.astype(float), v, w, 0.0)[:, 1], atol=1e-12)
    assert ((got[:, 1] > 0) & (got[:, 1] < 1)).sum() > 100  # mostly pixels near the skyline
    assert (got[20:40, 1] == 1).all() and (got[:20, 1] == 0).all()
    hz[11] = np.nan
    assert series_light(*as_kernels_take(hz, frames, v), R_SUN)[11, 2] == -1


def test_longest_dark_steps_on_hand_made_series() -> None:
    """The longest run of steps with no part of the disk above the horizon, per pixel: a
    grazing disk (centre below, rim above) breaks a night."""
    els = [5.0, -5.0, -5.0, 5.0, -5.0, -5.0, -5.0, -R_SUN / 2, -5.0, -5.0, 20.0]
    v = local(els, np.linspace(0, 350, len(els)))
    hz = flat([0.0, 10.0, 90.0, -90.0])
    got = series_light(*as_kernels_take(hz, identity_frames(4), v), R_SUN)[:, 2]
    lit = [[e + R_SUN > h for e in els] for h in (0.0, 10.0, 90.0, -90.0)]
    assert [longest_run(~np.array(x)) for x in lit] == [3, 10, 11, 0]
    np.testing.assert_array_equal(got, [3, 10, 11, 0])


# --- light_maps / psr_map on synthetic horizon maps -------------------------------------------


def horizon_grid(values: np.ndarray, n_az: int = 16, height: float = 2.0) -> xr.DataArray:
    """A (y, x, azimuth) horizon map of 240 m pixels at the pole, level per pixel."""
    ny, nx = values.shape
    return xr.DataArray(
        np.repeat(values.astype(np.float32)[:, :, None], n_az, axis=2),
        dims=("y", "x", "azimuth"),
        coords={"y": -240.0 * np.arange(ny), "x": 240.0 * np.arange(nx),
                "azimuth": np.arange(n_az) * 360.0 / n_az},
        attrs={"units": "deg", "observer_height_m": height},
    )  # fmt: skip


@pytest.fixture(scope="module")
def synthetic_maps() -> tuple[xr.DataArray, xr.Dataset]:
    """Pixel (0, 0) at the pole level at 0 deg; walls of +90 and -90 deg; one hole."""
    values = np.array([[0.0, 90.0], [-90.0, np.nan]])
    hm = horizon_grid(values)
    return hm, light_maps(hm, **PERIOD, psr_step_h=PSR_STEP_H)


def test_light_maps_in_blocks_give_the_same_maps_and_count_pixels(
    synthetic_maps: tuple[xr.DataArray, xr.Dataset], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Blocks of one pixel: the same maps as one pass, and ``progress(done, total)`` after
    each block counting the pixels done of all of them."""
    hm, whole = synthetic_maps
    monkeypatch.setattr(lightmap, "LIGHT_BLOCK_PIXELS", 1)
    ticks: list[tuple[int, int]] = []
    maps = light_maps(
        hm, **PERIOD, psr_step_h=PSR_STEP_H, progress=lambda d, t: ticks.append((d, t))
    )
    xr.testing.assert_identical(maps, whole)
    assert ticks == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]


def test_walled_pixels_are_dark_and_open_pixels_lit(
    synthetic_maps: tuple[xr.DataArray, xr.Dataset],
) -> None:
    """A +90 deg wall: never Sun or Earth, the whole period is one night, PSR. A -90 deg
    horizon: always full Sun and Earth, no night, not PSR."""
    _, maps = synthetic_maps
    wall, open_ = maps.isel(y=0, x=1), maps.isel(y=1, x=0)
    assert float(wall.illumination_fraction) == 0.0
    assert float(wall.earth_visible_fraction) == 0.0
    assert float(wall.longest_night_h) == N_STEPS * PERIOD["step_h"]
    assert bool(wall.psr)
    assert float(open_.illumination_fraction) == pytest.approx(1.0, rel=1e-12)
    assert float(open_.earth_visible_fraction) == pytest.approx(1.0, rel=1e-12)
    assert float(open_.longest_night_h) == 0.0
    assert not bool(open_.psr)


def test_nodata_pixel_is_nan_and_not_psr(synthetic_maps: tuple[xr.DataArray, xr.Dataset]) -> None:
    """The pixel without data is NaN in every float layer and False in psr."""
    _, maps = synthetic_maps
    hole = maps.isel(y=1, x=1)
    for name in ("illumination_fraction", "earth_visible_fraction", "longest_night_h"):
        assert np.isnan(float(hole[name])), name
    assert not bool(hole.psr)
    assert maps.psr.dtype == bool


def test_level_pole_pixel_matches_the_time_series(
    synthetic_maps: tuple[xr.DataArray, xr.Dataset],
) -> None:
    """At the pole with a level horizon the Sun's elevation is minus the sub-solar latitude:
    the map's mean disk fraction, any-of-the-disk fraction, Earth-in-view fraction and longest
    night equal those of the 6-hourly series (a short series is binned without loss)."""
    _, maps = synthetic_maps
    d = period_directions(PERIOD["start"], PERIOD["end"], PERIOD["step_h"])
    assert len(d.times) == N_STEPS
    sun_el = -sub_point_deg(d.sun)[0]
    earth_el = -sub_point_deg(d.earth)[0]
    pole = maps.isel(y=0, x=0)
    assert float(pole.illumination_fraction) == pytest.approx(
        float(np.mean(disk_fraction_visible(sun_el, 0.0))), abs=1e-6
    )
    assert float(pole.sunlit_any_fraction) == pytest.approx(
        float(np.mean(sun_el + R_SUN > 0.0)), abs=1e-6
    )
    assert float(pole.earth_visible_fraction) == pytest.approx(float(np.mean(earth_el > 0)))
    night = longest_run(sun_el + R_SUN <= 0.0) * PERIOD["step_h"]
    assert float(pole.longest_night_h) == night


def test_light_maps_layers_and_attrs(synthetic_maps: tuple[xr.DataArray, xr.Dataset]) -> None:
    """Five (y, x) layers on the horizon map's coordinates, the periods and the observer
    height recorded in attrs; any of the disk is up at least as often as its mean fraction."""
    hm, maps = synthetic_maps
    assert set(maps.data_vars) == {
        "illumination_fraction", "sunlit_any_fraction", "earth_visible_fraction",
        "longest_night_h", "psr",
    }  # fmt: skip
    ok = maps.sunlit_any_fraction >= maps.illumination_fraction - 1e-12
    assert ok.where(maps.illumination_fraction.notnull(), True).all()
    for da in maps.data_vars.values():
        assert da.dims == ("y", "x")
    np.testing.assert_array_equal(maps.x, hm.x)
    np.testing.assert_array_equal(maps.y, hm.y)
    assert maps.attrs["period_utc"] == "2026-01-01/2026-01-15"
    assert maps.attrs["step_h"] == maps.attrs["night_step_h"] == 6.0
    assert maps.attrs["psr_step_h"] == PSR_STEP_H
    assert maps.attrs["psr_period_utc"] == f"{NODAL_CYCLE[0]}/{NODAL_CYCLE[1]}"
    assert maps.attrs["observer_height_m"] == 2.0
    assert maps.longest_night_h.attrs["units"] == "h"


def test_night_step_sets_the_longest_night_units() -> None:
    """With night_step_h = 12 the whole-period night of a walled pixel is 28 steps x 12 h,
    and the illumination layer is unchanged."""
    hm = horizon_grid(np.array([[90.0, 0.0]]), n_az=8)
    maps = light_maps(hm, **PERIOD, night_step_h=12.0, psr_step_h=PSR_STEP_H)
    assert maps.attrs["night_step_h"] == 12.0
    assert float(maps.longest_night_h[0, 0]) == 28 * 12.0
    assert float(maps.illumination_fraction[0, 0]) == 0.0
    night = float(maps.longest_night_h[0, 1])
    assert night % 12.0 == 0.0 and 0.0 <= night <= 14 * 24.0


def test_the_time_series_and_the_quantiles_give_the_same_sun() -> None:
    """A short series keeps every sample in its quantiles, so the Sun layers light_maps takes
    from the time series (night step = step) equal those of the quantile kernel (night
    step 12 h) on uneven horizons."""
    rng = np.random.default_rng(5)
    values = rng.uniform(-2.0, 3.0, (3, 3))
    hm = horizon_grid(values, n_az=16)
    hm.values += rng.uniform(-1.0, 1.0, hm.shape).astype(np.float32)
    assert len(sun_quantiles(period_directions(**PERIOD).sun).vectors) == N_STEPS
    in_order = light_maps(hm, **PERIOD, psr_step_h=PSR_STEP_H)
    binned = light_maps(hm, **PERIOD, night_step_h=12.0, psr_step_h=PSR_STEP_H)
    for name in ("illumination_fraction", "sunlit_any_fraction"):
        np.testing.assert_allclose(in_order[name], binned[name], rtol=0, atol=1e-12)
    assert 0 < float(in_order.sunlit_any_fraction.mean()) < 1


def test_psr_at_the_pole_switches_at_the_suns_highest_rim() -> None:
    """At the pole over the nodal cycle the Sun's centre rises at most to minus the lowest
    sub-solar latitude (~1.59 deg): a level horizon just above that plus the disk radius is a
    PSR, just below is not; a +90 wall is PSR and a hole is not."""
    nodal = period_directions(*NODAL_CYCLE, PSR_STEP_H)
    highest = float(np.max(-sub_point_deg(nodal.sun)[0]))
    assert 1.5 < highest < 1.7
    edge = highest + R_SUN
    hm = horizon_grid(np.array([[edge + 0.01, edge - 0.01], [90.0, np.nan]]), n_az=8)
    got = psr_map(hm, psr_step_h=PSR_STEP_H)
    np.testing.assert_array_equal(got.values, [[True, False], [True, False]])
    assert got.dims == ("y", "x") and got.name == "psr"
    assert got.attrs["psr_step_h"] == PSR_STEP_H


def test_real_crop_layers_stay_in_their_ranges(mirror: Path) -> None:
    """On a real 6 x 6 crop of the 240 m grid the fractions lie in [0, 1] (up to rounding of
    the weights) and the longest night within the period."""
    from lunarbase.data import load
    from lunarbase.terrain.horizon import horizon_map

    crop = load("ldem_75s_240m").isel(y=slice(700, 706), x=slice(760, 766))
    maps = light_maps(
        horizon_map(crop, n_azimuths=16, observer_height_m=0.0), **PERIOD, psr_step_h=PSR_STEP_H
    )
    for name in ("illumination_fraction", "earth_visible_fraction"):
        values = maps[name].values
        assert np.isfinite(values).all()
        assert ((values >= 0) & (values <= 1 + 1e-12)).all(), name
    night = maps.longest_night_h.values
    assert ((night >= 0) & (night <= N_STEPS * PERIOD["step_h"])).all()
    assert (night % PERIOD["step_h"] == 0).all()
