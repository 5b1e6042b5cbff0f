"""He-3 mining sites anywhere: the criteria off the pole (mare edge, Earth view over a level
horizon, LDEM_4 slope), their weighting, regions, and the ranking on the real grade map."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from lunarbase.constants import MOON_RADIUS_M
from lunarbase.data.wac_tio2 import LatLonGrid
from lunarbase.errors import QueryError
from lunarbase.geometry import great_circle_km
from lunarbase.sites.mining import (
    GRID_STEP_DEG,
    MARE_EDGE_SCALE_KM,
    MINING_WEIGHTS,
    cell_mean_wt_pct,
    mare_edge_km,
    mining_scores,
    rank_mining_sites,
    region_mask,
)
from lunarbase.terrain import LightSettings, earth_visible_fraction_level, global_slope_deg
from tests.cli.helpers import invoke
from tests.fast import QUICK

KM_PER_DEG = MOON_RADIUS_M * np.pi / 180.0 / 1000.0

MONTHS = LightSettings(dt.date(2035, 1, 1), dt.date(2035, 3, 1), 6.0, 2.0, 360, 330.0)
"""Two months at 6 h: the libration's monthly cycle and a whole lunar night, quickly."""

FEATURES = pd.DataFrame(
    {"lat": [8.35, 27.3], "lon": [30.83, 147.9], "diameter_km": [875.75, 275.5]},
    index=["Mare Tranquillitatis", "Mare Moscoviense"],
)


def test_mare_edge_is_the_distance_to_the_nearest_highland_point() -> None:
    """Points along the equator 1 deg apart, mare from 5 E: the point at 7 E lies 3 deg
    (91.0 km) from the highland point at 4 E; highland points score 0 km."""
    lon = np.arange(0.0, 11.0)
    got = mare_edge_km(np.zeros_like(lon), lon, lon >= 5.0)
    np.testing.assert_allclose(got[7], 3.0 * KM_PER_DEG, rtol=1e-9)
    np.testing.assert_allclose(got[:5], 0.0)
    assert np.isinf(mare_edge_km(np.zeros(3), np.arange(3.0), np.ones(3, bool))).all()


def test_a_cell_takes_the_mean_of_the_fine_pixels_inside_it() -> None:
    """Four pixels of 0.25 deg in the mining cell 0-0.5 N, 0-0.5 E (values 1, 2, 3, NaN:
    mean 2), one at 179.9 W (= 180.1 E) in the cell 180-180.5 E, and a cell with no pixel
    is NaN."""
    assert GRID_STEP_DEG == 0.5  # the layout below assumes it
    lat, lon = np.array([0.125, 0.375]), np.array([-179.875, 0.125, 0.375])
    values = np.array([[9.0, 1.0, 2.0], [np.nan, 3.0, np.nan]])
    fine = LatLonGrid(values, lat, lon, {})
    got = cell_mean_wt_pct(fine, np.array([0.25, 0.25, 0.25]), np.array([0.25, 180.25, 90.25]))
    np.testing.assert_allclose(got[:2], [2.0, 9.0])
    assert np.isnan(got[2])


def test_scores_weigh_the_normalised_criteria_by_hand() -> None:
    """A site at the best grade, flat, on the digging depth, far inside a mare and always in
    view of the Earth scores 1; a second at half the grade, half the steepest slope, half the
    depth, one scale from the edge and never seeing the Earth scores the weighted sum."""
    criteria = pd.DataFrame(
        {
            "he3_ppb": [10.0, 5.0],
            "slope_deg": [0.0, 7.5],
            "regolith_depth_m": [6.0, 1.5],
            "mare_edge_km": [np.inf, MARE_EDGE_SCALE_KM],
            "earth_visible_fraction": [1.0, 0.0],
        }
    )
    got = mining_scores(criteria, best_he3_ppb=10.0, max_slope_deg=15.0, mining_depth_m=3.0)
    w = MINING_WEIGHTS
    expected = (
        0.5 * w["he3_ppb"]
        + 0.5 * w["slope_deg"]
        + 0.5 * w["regolith_depth_m"]
        + (1.0 - np.exp(-1.0)) * w["mare_edge_km"]
    ) / sum(w.values())
    np.testing.assert_allclose(got, [1.0, expected], rtol=1e-12)


def test_regions_are_hemispheres_or_named_features() -> None:
    lat, lon = np.array([0.0, 0.0, 8.5, 27.0]), np.array([10.0, 200.0, 31.4, 147.5])
    np.testing.assert_array_equal(region_mask("nearside", lat, lon, FEATURES), [1, 0, 1, 0])
    np.testing.assert_array_equal(region_mask("farside", lat, lon, FEATURES), [0, 1, 0, 1])
    np.testing.assert_array_equal(region_mask("mare moscoviense", lat, lon, FEATURES), [0, 0, 0, 1])
    with pytest.raises(QueryError, match="region 'Atlantis': not one of moon, nearside"):
        region_mask("Atlantis", lat, lon, FEATURES)


def test_the_earth_is_always_up_at_the_sub_earth_point_never_on_the_far_side(
    mirror: Path,
) -> None:
    """Over a level horizon (the DE421 librations): always at 0 N 0 E and 60 E, never at
    180 E, part of the time near the limb (90 E, within the +-8 deg libration band)."""
    got = earth_visible_fraction_level(np.zeros(4), np.array([0.0, 60.0, 180.0, 90.0]), MONTHS)
    np.testing.assert_allclose(got[:3], [1.0, 1.0, 0.0])
    assert 0.2 < got[3] < 0.8


def test_ldem4_slope_is_gentle_in_a_mare_and_steep_on_a_crater_wall(mirror: Path) -> None:
    """Mare Tranquillitatis near Apollo 11 (0.67 N, 23.47 E) is flat at LDEM_4's ~15 km
    baseline; the inner wall of Tycho (centre 43.31 S, 348.78 E, 85 km across; 1.5 deg of
    longitude, ~33 km, east of the centre) is not."""
    mare, wall = global_slope_deg(np.array([0.67, -43.31]), np.array([23.47, 348.78 + 1.5]))
    assert mare < 2.0 and wall > 5.0


def test_the_best_sites_of_a_region_are_spaced_and_lit_like_the_equator(mirror: Path) -> None:
    """On a synthetic grid: the richer cell wins, a steep cell is never picked, two picks lie
    at least the spacing apart, and a site off the pole has half the time in sunlight and a
    night of about half a synodic month (354 h)."""
    lat, lon = (a.ravel() for a in np.meshgrid([8.0, 8.5], [30.0, 30.5, 31.0], indexing="ij"))
    criteria = pd.DataFrame(
        {
            "lat_deg": lat,
            "lon_deg": lon,
            "he3_ppb": [5.0, 9.0, 9.0, 5.0, 9.5, 5.0],
            "tio2_wt_pct": 7.0,
            "slope_deg": [1.0, 1.0, 1.0, 1.0, 30.0, 1.0],  # the richest is too steep
            "regolith_depth_m": 5.0,
            "mare_edge_km": 100.0,
            "earth_visible_fraction": 1.0,
        }
    )
    got = rank_mining_sites(
        criteria,
        region="moon",
        top=6,
        spacing_km=20.0,
        max_slope_deg=15.0,
        mining_depth_m=3.0,
        settings=MONTHS,
        features=FEATURES,
    ).table
    assert (got.iloc[0]["lat_deg"], got.iloc[0]["lon_deg"]) == (8.0, 30.5)
    assert len(got) == 3  # and the far corners, 21 km away; the rest within 20 km or steep
    assert 30.0 not in got["slope_deg"].to_numpy()
    for i in range(len(got)):
        for j in range(i):
            d = great_circle_km(
                got.lat_deg.iloc[i], got.lon_deg.iloc[i], got.lat_deg.iloc[j], got.lon_deg.iloc[j]
            )
            assert d >= 20.0
    assert got["place"].str.contains("in Mare Tranquillitatis").all()
    assert got["illumination_fraction"].between(0.4, 0.6).all()
    assert got["longest_night_h"].between(330.0, 370.0).all()


@pytest.mark.slow
def test_he3_sites_of_the_moon_lie_in_the_high_titanium_maria(mirror: Path) -> None:
    """``lunarbase sites --objective he3``: the best sites lie in maria (Mare
    Tranquillitatis holds the nearside's richest LP GRS bins, as Cameron 1991 found), on
    gentle ground, and an unknown region is a one-line error (on the WAC-resolution grade map
    too)."""
    proc = invoke("sites", "--objective", "he3", "--top", "3", "--json")
    assert proc.returncode == 0, proc.stderr
    sites = json.loads(proc.stdout)["candidates"]
    assert len(sites) == 3 and sites[0]["mare_edge_km"] > 0.0
    assert "Mare Tranquillitatis" in sites[0]["place"]
    assert all(s["slope_deg"] <= 15.0 and s["he3_ppb"] > 5.0 for s in sites)
    proc = invoke("sites", "--objective", "he3", "--region", "Atlantis")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "Atlantis" in proc.stderr


@pytest.mark.slow
def test_the_grade_comes_from_the_wac_map_not_the_lp_bins(mirror: Path) -> None:
    """Mare Moscoviense (27.3 N, 147.9 E) is a small high-Ti mare inside one LP GRS bin of
    mostly highland: at WAC resolution its best cell's grade is well above the bin's (7.1 vs
    2.4 ppb with ilrs-2035's model, factor > 2 asserted). Its mare-edge distance stays 0:
    mare and highland still come from LP's FeO bins."""
    from lunarbase import scenario
    from lunarbase.resources import containing_cell, load_grs, resource_maps

    proc = invoke("sites", "--objective", "he3", "--region", "Mare Moscoviense", "--json")
    assert proc.returncode == 0, proc.stderr
    best = json.loads(proc.stdout)["candidates"][0]
    grs = load_grs()
    lp = resource_maps(grs, scenario.load("ilrs-2035").resources)["he3_ppb"].values
    bin_ppb = float(lp[containing_cell(grs, best["lat_deg"], best["lon_deg"])])
    assert best["he3_ppb"] > 2.0 * bin_ppb
    assert "in Mare Moscoviense" in best["place"]


@pytest.mark.slow
def test_commercial_he3s_point_is_the_nearside_best(mirror: Path) -> None:
    """commercial-he3's point (10.25 N, 24.25 E) is the nearside's rank 1 on the
    WAC-resolution grade map, in Mare Tranquillitatis, as its [sources] say (on LP's bins it
    was 10.75 N, 24.75 E, one 0.5-degree cell away)."""
    from lunarbase import scenario

    sc = scenario.load("commercial-he3")
    assert sc.site.lat_deg is not None and sc.site.lon_deg is not None
    proc = invoke("sites", "commercial-he3", "--objective", "he3", "--region", "nearside", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    best = data["candidates"][0]
    d_km = great_circle_km(sc.site.lat_deg, sc.site.lon_deg, best["lat_deg"], best["lon_deg"])
    assert d_km < 1.0  # the same grid cell's centre
    assert "in Mare Tranquillitatis" in best["place"]


def test_commercial_he3_mines_where_its_company_says_and_states_its_claim() -> None:
    """commercial-he3 follows Interlune to the equatorial near side (GeekWire 2026): its base
    and harvesters stand in Mare Tranquillitatis, far from the pole, and its press claim
    (>= 10 kg/yr from five harvesters) is a stated figure, not an input."""
    from lunarbase import scenario
    from lunarbase.sites import named_features, place_name

    sc = scenario.load("commercial-he3")
    assert sc.site.lat_deg is not None and sc.site.lon_deg is not None
    assert abs(sc.site.lat_deg) < 30.0 and abs((sc.site.lon_deg + 180.0) % 360.0 - 180.0) < 90.0
    assert (
        "in Mare Tranquillitatis"
        in place_name(sc.site.lat_deg, sc.site.lon_deg, named_features())[0]
    )
    assert sc.scenario.claimed_he3_kg_per_year == 10.0 and sc.operations.n_miners == 5


@pytest.mark.slow
def test_a_base_in_mare_tranquillitatis_runs_end_to_end(mirror: Path, tmp_path: Path) -> None:
    """``lunarbase run`` with ``[site] lat_deg = 8.5, lon_deg = 31.4`` (on the suite's fast
    settings): the base is named in Mare Tranquillitatis, lit over a level horizon, mined at
    its mare grade, and the report says so without the polar horizon's note."""
    path = tmp_path / "mare.toml"
    path.write_text(QUICK + "[site]\nlat_deg = 8.5\nlon_deg = 31.4\n", encoding="utf-8")
    proc = invoke("run", str(path), "--out", str(tmp_path / "out"), "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    base = data["sites"]["base"]
    assert base["place"].startswith("in Mare Tranquillitatis") and base["horizon"] == "flat"
    assert data["resources"]["mining_he3_ppb"] > 5.0
    assert data["operations"]["totals"]["he3_kg_total"] > 0.0
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "in Mare Tranquillitatis" in page and "level horizon" in page
    assert "LOLA polar DEMs out to" not in page
    assert data["sites"]["he3_mining_sites"]["candidates"]
