"""Horizon maps (line sweep + near field) against the exact per-pixel ray march, and light
maps against the point model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import xarray as xr
from hypothesis import given, settings
from hypothesis import strategies as st
from numba import njit

from lunarbase.constants import MOON_RADIUS_M
from lunarbase.ephemeris import directions, time_grid
from lunarbase.terrain.horizon import Horizon, horizon_map, horizon_map_reference
from lunarbase.terrain.horizon_kernel import _sweep_line
from lunarbase.terrain.illumination import light_series
from lunarbase.terrain.lightmap import light_maps


def grid(z: np.ndarray, size: float, cx: float, cy: float) -> xr.DataArray:
    ny, nx = z.shape
    return xr.DataArray(
        z.astype(float),
        dims=("y", "x"),
        coords={"y": cy - (np.arange(ny) - (ny - 1) / 2) * size,
                "x": cx + (np.arange(nx) - (nx - 1) / 2) * size},
        attrs={"pixel_size_m": size, "sha256": "synthetic"},
    )  # fmt: skip


def cone_dem(n: int = 61, size: float = 100.0) -> xr.DataArray:
    offs = (np.arange(n) - (n - 1) / 2) * size
    xx, yy = np.meshgrid(offs, -offs)
    z = np.clip(800.0 - np.hypot(xx - 1500.0, yy + 700.0) * 0.4, 0.0, None)
    z += 30.0 * np.sin(xx / 700.0) * np.cos(yy / 900.0)  # rough ground
    return grid(z, size, 60_000.0, -20_000.0)


@njit(cache=True)
def line_tangents(
    z: np.ndarray, step_m: float, radius_m: float, observer_height_m: float, min_separation: int
) -> np.ndarray:
    """The far field's line sweep on one line of heights [m] (index growing in the look
    direction), every point an observer: the index of each point's tangent point, -1 where
    there is none."""
    n = z.shape[0]
    out = np.empty(n, dtype=np.int64)
    every = np.ones(n, dtype=np.bool_)
    stack = np.empty(n, dtype=np.int64)
    _sweep_line(z, np.arange(n) * step_m, np.empty(n), stack, radius_m, observer_height_m,
                min_separation, every, 0, out)  # fmt: skip
    return out


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(-500, 500), min_size=2, max_size=60), st.floats(0, 20))
def test_sweep_finds_the_steepest_point_ahead(heights: list[float], h_obs: float) -> None:
    """The hull tangent equals a brute-force max of slopes (with the curvature term)."""
    z = np.array(heights)
    step, radius = 50.0, 2.0e5  # a small planet makes curvature matter
    got = line_tangents(z, step, radius, h_obs, 1)
    s = np.arange(z.size) * step
    zr = z - s**2 / (2 * radius)
    for j in range(z.size - 1):
        slopes = (zr[j + 1 :] - zr[j] - h_obs) / (s[j + 1 :] - s[j])
        assert (zr[got[j]] - zr[j] - h_obs) / (s[got[j]] - s[j]) == pytest.approx(
            slopes.max(), rel=1e-9, abs=1e-12
        )
    assert got[-1] == -1


def test_min_separation_skips_near_points() -> None:
    z = np.array([0.0, 100.0, 0.0, 0.0, 10.0])
    assert line_tangents(z, 1.0, np.inf, 0.0, 1)[0] == 1
    assert line_tangents(z, 1.0, np.inf, 0.0, 3)[0] == 4


@pytest.mark.slow  # the exact ray march is a pure-Python reference
@pytest.mark.parametrize("observer_height_m", [0.0, 10.0])
def test_map_matches_the_exact_ray_march(observer_height_m: float) -> None:
    dem = cone_dem()
    fast = horizon_map(dem, n_azimuths=24, observer_height_m=observer_height_m).values
    slow = horizon_map_reference(dem, n_azimuths=24, observer_height_m=observer_height_m).values
    both = (fast > -89) & (slow > -89)
    assert both.mean() > 0.9
    diff = np.abs(fast - slow)[both]
    # The sweep takes the tangent of the nearest lattice point (up to half a pixel off, so up
    # to atan(0.5 / 8.5) = 3.4 deg off in azimuth) beyond the 8-pixel near field, which is
    # marched exactly: most angles agree to numerical noise, a few percent by tenths of a
    # degree where the horizon changes fast with azimuth.
    assert np.median(diff) < 0.02
    assert np.percentile(diff, 95) < 0.4


def test_real_crop_matches_the_exact_ray_march(mirror: Path) -> None:
    from lunarbase.data import load

    crop = load("ldem_75s_240m").isel(y=slice(700, 730), x=slice(760, 790))
    fast = horizon_map(crop, n_azimuths=36, observer_height_m=0.0).values
    slow = horizon_map_reference(crop, n_azimuths=36, observer_height_m=0.0).values
    both = (fast > -89) & (slow > -89)
    diff = np.abs(fast - slow)[both]
    print(f"\nhorizon map vs ray march: median {np.median(diff):.4f} deg, "
          f"p95 {np.percentile(diff, 95):.3f} deg")  # fmt: skip
    assert np.median(diff) < 0.02
    assert np.percentile(diff, 95) < 0.3


def test_flat_mode_cone_angle() -> None:
    """A flat world: a 1000 m cone peak 10 km east is seen at atan(1000 / 10000)."""
    n, size = 251, 100.0
    offs = (np.arange(n) - (n - 1) / 2) * size
    xx, yy = np.meshgrid(offs, -offs)
    z = np.clip(1000.0 - np.hypot(xx - 10_000.0, yy) * 0.5, 0.0, None)
    hm = horizon_map(grid(z, size, 0.0, 0.0), n_azimuths=4, radius_m=None, observer_height_m=0.0)
    centre = hm.sel(x=0.0, y=0.0).values
    assert centre[1] == pytest.approx(np.degrees(np.arctan(0.1)), abs=0.01)  # azimuth 90 = +x
    assert centre[3] == pytest.approx(0.0, abs=1e-9)


def test_nan_pixels_get_nan_and_holes_never_raise_the_horizon() -> None:
    dem = cone_dem()
    holed = dem.copy(data=dem.values.copy())
    holed.values[10:20, 40:50] = np.nan
    full = horizon_map(dem, n_azimuths=16, observer_height_m=0.0).values
    with_hole = horizon_map(holed, n_azimuths=16, observer_height_m=0.0).values
    assert np.isnan(with_hole[15, 45]).all()
    ok = ~np.isnan(with_hole)
    # Exact: a hole never adds terrain. The sweep's tangent is chosen from a lattice point up to
    # half a pixel away, so another tangent may read up to a few tenths higher from the pixel.
    assert np.percentile(with_hole[ok] - full[ok], 99.9) <= 1e-4
    assert (with_hole[ok] <= full[ok] + 0.5).all()


def test_context_grid_adds_distant_terrain() -> None:
    """A 3 km massif 40 km away on a coarse context grid raises the horizon toward it."""
    dem = grid(np.zeros((21, 21)), 100.0, 0.0, 0.0)
    n, size = 101, 1000.0
    offs = (np.arange(n) - (n - 1) / 2) * size
    xx, yy = np.meshgrid(offs, -offs)
    far = grid(3000.0 * np.exp(-((xx - 40_000.0) ** 2 + yy**2) / 2e7), size, 0.0, 0.0)
    alone = horizon_map(dem, n_azimuths=4, observer_height_m=0.0).values[10, 10]
    with_far = horizon_map(
        dem, n_azimuths=4, context=[(far, 10_000.0)], observer_height_m=0.0
    ).values[10, 10]
    expected = np.degrees(np.arctan((3000.0 - 40_000.0**2 / (2 * MOON_RADIUS_M)) / 40_000.0))
    assert with_far[1] == pytest.approx(expected, abs=0.1)
    assert alone[1] < 0.0 and with_far[3] < 0.0


@pytest.fixture(scope="module")
def ridge_maps(mirror: Path) -> tuple[xr.DataArray, xr.Dataset]:
    from lunarbase.data import load

    crop = load("ldem_75s_240m").isel(y=slice(800, 820), x=slice(700, 720))
    hm = horizon_map(crop, n_azimuths=90, observer_height_m=0.0)
    return hm, light_maps(hm, start="2030-01-01", end="2030-07-01", step_h=3.0, psr_step_h=48.0)


def test_light_maps_match_the_point_model(ridge_maps: tuple[xr.DataArray, xr.Dataset]) -> None:
    """The binned-direction map statistics against the time series of the same horizon."""
    hm, maps = ridge_maps
    dirs = directions(time_grid("2030-01-01", "2030-07-01", 3.0))
    for r, c in [(2, 3), (10, 10), (17, 5), (6, 15)]:
        h = Horizon(hm.azimuth.values, hm.values[r, c].astype(float), float(hm.x[c]),
                    float(hm.y[r]), 0.0, 0.0)  # fmt: skip
        stats = light_series(h, dirs, 3.0).stats()
        got = maps.isel(y=r, x=c)
        assert float(got.illumination_fraction) == pytest.approx(
            stats["illumination_fraction"], abs=0.002
        )
        assert float(got.longest_night_h) == stats["longest_night_h"]
        # Earth: 0.25 deg histogram bins against the exact series.
        assert float(got.earth_visible_fraction) == pytest.approx(
            stats["earth_visible_fraction"], abs=0.02
        )


def test_shackleton_floor_is_psr_and_a_lit_summit_is_not(mirror: Path) -> None:
    from lunarbase.terrain.maps import cached_horizon_map, window

    # Shackleton's floor, ~4 km below a rim 10 km away: the rim comes from the context grids.
    dem = window(-89.67, 129.78, 1.0)
    hm = cached_horizon_map(dem, n_azimuths=36, observer_height_m=0.0)
    maps = light_maps(hm, start="2030-01-01", end="2030-02-01", step_h=12.0, psr_step_h=72.0)
    assert bool(maps.psr.all())
    assert float(maps.illumination_fraction.max()) == 0.0
    rim = window(-88.81, 123.64, 0.5)  # the well-lit summit near Slater (Chang'e-7 target)
    rim_maps = light_maps(
        cached_horizon_map(rim, n_azimuths=36, observer_height_m=0.0),
        start="2030-01-01", end="2030-02-01", step_h=12.0, psr_step_h=72.0,
    )  # fmt: skip
    assert not bool(rim_maps.psr.any())


def test_psr_map_is_the_psr_layer_of_light_maps(
    ridge_maps: tuple[xr.DataArray, xr.Dataset],
) -> None:
    from lunarbase.terrain.lightmap import psr_map

    hm, maps = ridge_maps
    np.testing.assert_array_equal(psr_map(hm, psr_step_h=48.0).values, maps.psr.values)


def test_psr_area_counts_sphere_area_not_map_area() -> None:
    """A mask that is True everywhere to 10 deg from the pole has the area of that spherical
    cap, 2 pi R^2 (1 - cos 10 deg) = 2.85e5 km^2; summing map pixels would give 1.5 % more at
    its edge (stereographic scale factor). Pixels of 2 km: the rim quantisation is < 0.3 %."""
    from lunarbase.geometry import polar_radius_m
    from lunarbase.terrain.psr import psr_area_km2

    half = float(polar_radius_m(10.0)) + 4000.0
    axis = np.arange(-half, half, 2000.0) + 1000.0
    mask = xr.DataArray(np.ones((axis.size, axis.size), bool), coords={"y": axis[::-1], "x": axis},
                        dims=("y", "x"))  # fmt: skip
    cap_km2 = 2 * np.pi * (MOON_RADIUS_M / 1000.0) ** 2 * (1 - np.cos(np.radians(10.0)))
    assert psr_area_km2(mask, colatitude_max_deg=10.0) == pytest.approx(cap_km2, rel=0.003)
    ring = psr_area_km2(mask, colatitude_max_deg=10.0, colatitude_min_deg=5.0)
    inner = psr_area_km2(mask, colatitude_max_deg=5.0)
    assert ring + inner == pytest.approx(psr_area_km2(mask, colatitude_max_deg=10.0), rel=1e-12)
