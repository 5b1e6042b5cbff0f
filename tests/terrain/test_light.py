"""Horizons and illumination on synthetic terrain, and the grid-frame pitfalls."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import xarray as xr
from hypothesis import given
from hypothesis import strategies as st

from lunarbase.constants import MOON_RADIUS_M
from lunarbase.ephemeris import Directions
from lunarbase.terrain.dem import PolarTerrain, grid_frame, latlon_to_xy
from lunarbase.terrain.horizon import point_horizon
from lunarbase.terrain.illumination import (
    disk_fraction_visible,
    elevation_azimuth_deg,
    light_series,
    longest_run,
)


def grid(z: np.ndarray, size: float, cx: float, cy: float) -> xr.DataArray:
    n = z.shape[0]
    offs = (np.arange(n) - (n - 1) / 2) * size
    return xr.DataArray(
        z,
        dims=("y", "x"),
        coords={"y": cy - offs, "x": cx + offs},
        attrs={"pixel_size_m": size, "dataset": "synthetic"},
    )


def test_flat_sphere_horizon_is_just_below_level() -> None:
    """On a bare sphere the nearest sample sets the horizon: -d/2R, tiny and negative."""
    terrain = PolarTerrain((grid(np.zeros((201, 201)), 100.0, 50_000.0, 0.0),))
    h = point_horizon(
        terrain, 50_000.0, 0.0, n_azimuths=36, max_distance_m=9_000.0, observer_height_m=0.0
    )
    assert (h.elevation_deg < 0).all()
    assert np.degrees(100.0 / (2 * MOON_RADIUS_M)) == pytest.approx(
        -h.elevation_deg.max(), rel=1e-2
    )


def test_observer_height_lowers_the_horizon_of_a_sphere() -> None:
    """From a 10 m mast the geometric dip is sqrt(2h/R) = 0.19 deg, reached at the distance
    of the geometric horizon, sqrt(2hR) = 5.9 km; sampling to 5 km comes within 5 %."""
    terrain = PolarTerrain((grid(np.zeros((201, 201)), 50.0, 50_000.0, 0.0),))
    h = point_horizon(
        terrain, 50_000.0, 0.0, observer_height_m=10.0, n_azimuths=8, max_distance_m=5_000.0
    )
    dip = np.degrees(np.sqrt(2 * 10.0 / MOON_RADIUS_M))
    assert -h.elevation_deg.max() == pytest.approx(dip, rel=0.05)


def test_a_cone_sets_the_horizon_in_its_direction_only() -> None:
    """A 1 km high cone 10 km to map +x of the observer: horizon ~ atan(1000/10000) toward
    azimuth 90 deg (less the sphere's fall over 10 km, 29 m), near level elsewhere."""
    n, size = 401, 100.0
    offs = (np.arange(n) - (n - 1) / 2) * size
    xx, yy = np.meshgrid(offs, -offs)
    cone = np.clip(1000.0 - np.hypot(xx - 10_000.0, yy) * 0.5, 0.0, None)
    terrain = PolarTerrain((grid(cone, size, 100_000.0, 0.0),))
    h = point_horizon(
        terrain, 100_000.0, 0.0, n_azimuths=360, max_distance_m=19_000.0, observer_height_m=0.0
    )
    expected = np.degrees(np.arctan((1000.0 - 10_000.0**2 / (2 * MOON_RADIUS_M)) / 10_000.0))
    assert h.elevation_deg[90] == pytest.approx(expected, abs=0.05)
    assert abs(h.elevation_deg[270]) < 0.05


def test_holes_never_raise_the_horizon() -> None:
    z = np.zeros((101, 101))
    z[40:60, 70:90] = np.nan
    terrain = PolarTerrain((grid(z, 100.0, 50_000.0, 0.0),))
    h = point_horizon(
        terrain, 50_000.0, 0.0, n_azimuths=36, max_distance_m=4_000.0, observer_height_m=0.0
    )
    assert (h.elevation_deg <= 0).all()


@given(st.floats(-3, 3), st.floats(-3, 3))
def test_disk_fraction_is_bounded_and_monotonic(sun: float, horizon: float) -> None:
    f = disk_fraction_visible(sun, horizon)
    assert 0.0 <= f <= 1.0
    assert disk_fraction_visible(sun + 0.1, horizon) >= f


def test_disk_fraction_edges() -> None:
    r = 0.2666
    np.testing.assert_allclose(
        disk_fraction_visible([1.0, -1.0, 0.5], [0.0, 0.0, 0.5]), [1, 0, 0.5]
    )
    assert disk_fraction_visible(r, 0.0) == pytest.approx(1.0)
    assert disk_fraction_visible(-r, 0.0) == pytest.approx(0.0)


def test_longest_run() -> None:
    assert longest_run([0, 1, 1, 0, 1, 1, 1, 0]) == 3
    assert longest_run([0, 0]) == 0
    assert longest_run([1, 1]) == 2


def test_sun_toward_the_pole_lights_a_pole_facing_slope() -> None:
    """Pitfall 1 (grid north is not true north): at a point on the 90 E meridian, a Sun low
    in the direction of the south pole lies toward map -x (grid azimuth 270 deg), and only
    terrain in that direction may hide it."""
    x, y = latlon_to_xy(-87.0, 90.0)
    frame = grid_frame(float(x), float(y))
    pole = np.array([0.0, 0.0, -1.0])
    toward_pole = pole - frame[2] * (pole @ frame[2])
    toward_pole /= np.linalg.norm(toward_pole)
    sun = np.cos(np.radians(1.0)) * toward_pole + np.sin(np.radians(1.0)) * frame[2]
    el, az = elevation_azimuth_deg(sun[None, :], frame)
    assert el[0] == pytest.approx(1.0, abs=1e-9)
    assert az[0] == pytest.approx(270.0, abs=1e-6)  # map -x at 90 E points to the pole
    # A terrain horizon that rises only toward map -x hides that Sun; one toward +x does not.
    from lunarbase.terrain.horizon import Horizon

    azs = np.arange(360.0)
    wall_west = np.where(np.abs(azs - 270) < 20, 5.0, -1.0)
    wall_east = np.where(np.abs(azs - 90) < 20, 5.0, -1.0)
    times = np.array(["2030-01-01"], dtype="datetime64[s]")
    dirs = Directions(times, sun[None, :], -sun[None, :], np.ones(1), np.ones(1))
    for wall, lit in ((wall_west, 0.0), (wall_east, 1.0)):
        h = Horizon(azs, wall, float(x), float(y), 0.0, 0.0)
        assert light_series(h, dirs, 1.0).frame["sun_fraction"].iloc[0] == pytest.approx(lit)


def test_light_series_statistics() -> None:
    columns = {
        "sun_fraction": np.array([1.0, 0.5, 0.0, 0.0, 0.0, 1.0]),
        "earth_visible": np.array([True] * 3 + [False] * 3),
    }
    times = np.datetime64("2026-01-01T00:00:00") + np.arange(6) * np.timedelta64(2, "h")
    from lunarbase.terrain.illumination import LightSeries

    series = LightSeries(times, columns, step_h=2.0)
    assert list(series.frame.index) == list(pd.DatetimeIndex(times))
    stats = series.stats()
    assert stats["illumination_fraction"] == pytest.approx(2.5 / 6)
    assert stats["sunlit_any_fraction"] == pytest.approx(0.5)
    assert stats["longest_night_h"] == 6.0
    assert stats["earth_visible_fraction"] == 0.5
