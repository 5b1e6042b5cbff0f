"""Sun and Earth directions from DE421 in the Moon ME frame, against known geometry."""

from __future__ import annotations

import numpy as np
import pytest

from lunarbase.ephemeris import directions, sub_point_deg, time_grid
from lunarbase.errors import QueryError


@pytest.fixture(scope="module")
def year() -> object:
    return directions(time_grid("2026-01-01", "2027-01-01", 6.0))


def test_subsolar_latitude_stays_within_the_lunar_obliquity(year: object) -> None:
    """The Moon's equator is tilted 1.54 deg to the ecliptic (Cassini's laws; Eckhardt 1981,
    Moon Planets 25:3), so the sub-solar latitude stays within about +-1.6 deg."""
    lat, _ = sub_point_deg(year.sun)  # type: ignore[attr-defined]
    assert 1.45 < lat.max() < 1.65
    assert -1.65 < lat.min() < -1.45


def test_subsolar_longitude_advances_one_synodic_turn(year: object) -> None:
    """Mean synodic month 29.530589 d (Meeus 1998, Astronomical Algorithms, ch. 49):
    the sub-solar point moves 360 / 29.53 = 12.19 deg per day (westward)."""
    _, lon = sub_point_deg(year.sun)  # type: ignore[attr-defined]
    rate = -np.degrees(np.unwrap(np.radians(lon)))
    per_day = (rate[-1] - rate[0]) / ((len(lon) - 1) * 0.25)
    assert per_day == pytest.approx(360.0 / 29.530589, abs=0.02)


def test_earth_seen_from_the_pole_swings_within_libration(year: object) -> None:
    """Optical libration in latitude reaches +-6.7 deg (Meeus 1998, ch. 53), so the Earth's
    elevation seen from the south pole stays within about +-7 deg."""
    lat, _ = sub_point_deg(year.earth)  # type: ignore[attr-defined]
    elevation_at_south_pole = -lat
    assert 6.0 < np.abs(elevation_at_south_pole).max() < 7.2


def test_shapes_for_scalar_and_array_times() -> None:
    one = directions(np.datetime64("2030-06-01T12:00:00"))
    many = directions(time_grid("2030-06-01", "2030-06-02", 1.0))
    assert one.sun.shape == (1, 3) and many.sun.shape == (24, 3)
    np.testing.assert_allclose(np.linalg.norm(many.earth, axis=1), 1.0)
    assert 3.5e8 < many.earth_distance_m.mean() < 4.1e8


@pytest.mark.parametrize(
    ("start", "end", "step", "match"),
    [
        ("2030-01-02", "2030-01-01", 1.0, "empty or reversed"),
        ("2030-01-01", "2030-01-01", 1.0, "empty or reversed"),
        ("2030-01-01", "2030-01-02", 0.0, "must be positive"),
        ("2049-01-01", "2051-01-01", 1.0, "outside the ephemeris"),
    ],
)
def test_bad_time_ranges(start: str, end: str, step: float, match: str) -> None:
    with pytest.raises(QueryError, match=match):
        time_grid(start, end, step)
