"""The point criteria shared by ``lunarbase point``, the terrain stage and the sites stage."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lunarbase import scenario
from lunarbase.terrain import LightSettings, light_settings, point_criteria, point_light

SETTINGS = LightSettings(
    start=dt.date(2026, 1, 1),
    end=dt.date(2026, 2, 1),
    step_h=6.0,
    observer_height_m=2.0,
    horizon_azimuths=90,
    horizon_max_distance_km=330.0,
)


def test_light_settings_come_from_the_terrain_table() -> None:
    """Every light setting is the scenario field of the same name."""
    cfg = scenario.load().terrain
    settings = light_settings(cfg)
    for name, value in settings.as_kwargs().items():
        assert getattr(cfg, name) == value


def test_point_criteria_match_the_light_series(mirror: Path) -> None:
    """The criteria's light statistics are those of the series at the same settings."""
    crit = point_criteria(-89.45, 222.7, SETTINGS)
    series = point_light(-89.45, 222.7, **SETTINGS.as_kwargs())
    assert crit.light is not None
    for key, value in series.stats().items():
        assert getattr(crit, key) == pytest.approx(value, rel=1e-12)
    assert crit.period_utc == "2026-01-01/2026-02-01" and crit.step_h == 6.0
    assert crit.in_psr is False and crit.distance_to_psr_km is not None


def test_off_the_polar_dems_only_elevation(mirror: Path) -> None:
    """Off the polar DEMs the JSON has the elevation fields and no light keys."""
    crit = point_criteria(8.0, 22.5, SETTINGS)
    assert crit.light is None and crit.dem == "ldem_4"
    assert set(crit.to_dict()) == {
        "elevation_m",
        "slope_deg",
        "dem",
        "dem_resolution_m",
        "x_m",
        "y_m",
        "lat_deg",
        "lon_deg",
    }


def test_flat_horizon_light_off_the_polar_dems(mirror: Path) -> None:
    """Near the equator against a level horizon the Sun is up about half the time, nights
    last ~two weeks and Earth is always up on the nearside; points on the DEMs are untouched."""
    from lunarbase.terrain.point import with_flat_horizon_light

    off = with_flat_horizon_light(point_criteria(0.674, 23.473, SETTINGS), SETTINGS)
    assert off.horizon == "flat" and off.light is not None
    assert off.sunlit_any_fraction == pytest.approx(0.5, abs=0.03)
    assert 300.0 < (off.longest_night_h or 0.0) < 360.0
    assert off.earth_visible_fraction == 1.0
    assert "in_psr" not in off.to_dict() and off.to_dict()["horizon"] == "flat"
    on = point_criteria(-89.45, 222.7, SETTINGS)
    assert with_flat_horizon_light(on, SETTINGS) is on and on.horizon == "dem"
