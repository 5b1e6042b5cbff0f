"""Site scoring rules: normalisation, weights, spacing of the picks, and IAU place names."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lunarbase.resources import containing_cells
from lunarbase.scenario import Sites
from lunarbase.sites import (
    NIGHT_SCALE_H,
    WEIGHTS,
    normalised,
    place_name,
    spaced_best,
    weighted_score,
)

VALUES = pd.DataFrame(
    {
        "illumination_fraction": [0.9, 0.5],
        "sunlit_any_fraction": [0.95, 0.6],
        "longest_night_h": [0.0, 2 * NIGHT_SCALE_H],
        "earth_visible_fraction": [0.5, 0.5],
        "slope_deg": [0.0, 30.0],
        "distance_to_psr_km": [0.0, 10.0],
        "he3_ppb": [2.0, 1.0],
        "th_ppm": [1.0, 0.5],
    }
)


def _weights(**only: float) -> dict[str, float]:
    return {w: only.get(w, 0.0) for w in WEIGHTS}


def test_each_criterion_is_normalised_by_its_rule() -> None:
    got = normalised(VALUES, max_slope_deg=15.0, best_he3_ppb=2.0, best_th_ppm=1.0)
    np.testing.assert_allclose(got["longest_night_h"], [1.0, 0.0])  # clipped at 0
    np.testing.assert_allclose(got["slope_deg"], [1.0, 0.0])
    np.testing.assert_allclose(got["distance_to_psr_km"], [1.0, np.exp(-1.0)])
    np.testing.assert_allclose(got["he3_ppb"], [1.0, 0.5])
    np.testing.assert_allclose(got["illumination_fraction"], VALUES["illumination_fraction"])
    assert pytest.approx(354.37, abs=0.01) == NIGHT_SCALE_H  # half a synodic month


def test_weights_are_relative_and_select_criteria() -> None:
    scores = normalised(VALUES, max_slope_deg=15.0, best_he3_ppb=2.0, best_th_ppm=1.0)
    only_light = weighted_score(scores, _weights(weight_illumination=3.0))
    np.testing.assert_allclose(only_light, VALUES["illumination_fraction"])
    half = weighted_score(scores, _weights(weight_illumination=1.0, weight_slope=1.0))
    np.testing.assert_allclose(half, [(0.9 + 1.0) / 2, (0.5 + 0.0) / 2])
    default = weighted_score(scores, {w: getattr(Sites(), w) for w in WEIGHTS})
    assert default[0] > default[1] and ((default >= 0) & (default <= 1)).all()


def test_picks_are_best_first_and_never_closer_than_the_spacing() -> None:
    rng = np.random.default_rng(1)
    x, y = rng.uniform(0, 10_000, (2, 400))
    score = rng.random(400)
    score[5] = np.nan  # not pickable
    picks = spaced_best(score, x, y, 12, 1500.0)
    assert 5 not in picks and len(picks) == 12
    assert list(score[picks]) == sorted(score[picks], reverse=True)
    assert picks[0] == int(np.nanargmax(score))
    for i, a in enumerate(picks):
        for b in picks[:i]:
            assert np.hypot(x[a] - x[b], y[a] - y[b]) >= 1500.0
    dense = spaced_best(score, x, y, 400, 0.0)  # no spacing: every pickable point, in order
    assert len(dense) == 399 and list(score[dense]) == sorted(score[dense], reverse=True)


FEATURES = pd.DataFrame(
    {
        "lat": [-89.67, -88.48, -88.03, -56.0, -89.5],
        "lon": [129.78, 271.66, 111.0, 180.0, 200.0],
        "diameter_km": [21.0, 32.7, 24.0, 2500.0, 1.0],
    },
    index=["Shackleton", "de Gerlache", "Slater", "Big Basin", "Tiny"],
)


def test_place_is_the_smallest_feature_the_point_lies_within() -> None:
    """A point on Shackleton's rim (10.5 km from its centre) is placed by Shackleton, not by
    the basin it also lies in, nor by a small crater's centre nearby."""
    lat = -89.67 + 10.5 / (1737.4 * np.pi / 180)  # 10.5 km toward the pole from the centre
    phrase, d = place_name(lat, 129.78, FEATURES)
    assert phrase == "on the rim of Shackleton" and d == pytest.approx(10.5, rel=0.01)
    inside, d_in = place_name(-88.48 + 0.1, 271.66, FEATURES)
    assert inside == f"{d_in:.0f} km from the centre of de Gerlache" and d_in < 16.35 * 0.8
    away = -88.03 + 50.0 / (1737.4 * np.pi / 180)  # 50 km north of Slater: within nothing
    assert place_name(away, 111.0, FEATURES.drop(index="Big Basin"))[0] == (
        "50 km from the centre of Slater"
    )


def test_bins_hold_their_points() -> None:
    grades = pd.DataFrame(
        {
            "lat_min": [-90.0, -87.5, -87.5],
            "lat_max": [-87.5, -82.5, -82.5],
            "lon_min": [-180.0, -180.0, 0.0],
            "lon_max": [180.0, 0.0, 180.0],
        }
    ).to_xarray()
    got = containing_cells(
        grades, np.array([-89.0, -85.0, -85.0, -87.5]), np.array([10, 350, 10, 90])
    )
    np.testing.assert_array_equal(got, [0, 1, 2, 2])


PLAINS = pd.DataFrame(
    {
        "lat": [8.35, 6.19, 0.0, 20.0],
        "lon": [30.83, 21.44, 40.0, 30.0],
        "diameter_km": [875.75, 26.0, 5.0, 100.0],
    },
    index=["Mare Tranquillitatis", "Arago", "Tiny", "Montes Fictus"],
)


def test_a_point_in_a_mare_is_in_it_and_a_crater_in_a_mare_names_the_mare() -> None:
    """A plain has no rim: a point inside its circle is "in" it; a point placed by a crater
    that lies in a mare is also said to be in the mare."""
    phrase, d = place_name(8.5, 31.4, PLAINS)
    assert phrase == f"in Mare Tranquillitatis, {d:.0f} km from its centre" and 15 < d < 20
    rim = 6.19 + 13.0 / (1737.4 * np.pi / 180)  # 13 km north of Arago's centre: on its rim
    assert place_name(rim, 21.44, PLAINS)[0] == "on the rim of Arago, in Mare Tranquillitatis"
    near_top = 20.0 + 45.0 / (1737.4 * np.pi / 180)  # 45 km from a massif's centre: no rim
    assert place_name(near_top, 30.0, PLAINS)[0].startswith("45 km from the centre of Montes")
    outside = 8.35 + 500.0 / (1737.4 * np.pi / 180)  # 500 km north: beyond its 438 km radius
    assert "in Mare" not in place_name(outside, 30.83, PLAINS)[0]
