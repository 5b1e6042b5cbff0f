"""The sites stage on the real south-polar grid (LOLA 240 m and the PGDA Site01 10 m tile):
where the ranking puts the best sites, the chosen base, and bad constraints."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from lunarbase import pipeline, scenario
from lunarbase.errors import ScenarioError
from lunarbase.geometry import great_circle_km
from tests.cli.helpers import cli, invoke

CHANGE7_TARGET = (-88.8, 123.4)
"""ILL-11 (validation-figures.md): Chang'e-7's reported target, "peak near the southeast ridge
of Shackleton", 88.8 S 123.4 E (provisional, a secondary source)."""

CONNECTING_RIDGE_CREST = (-89.451, 222.857)
"""The connecting ridge's crest, lit 0.851 of 2035 with a 2 m mast on a 480 m search grid
(issue 22; session note of issue 13), 350 m from where the 720 m grid's climb stopped (0.81)."""

ARTEMIS_III_FEATURES = ("Shackleton", "de Gerlache", "Slater")
"""Named features of the Artemis III regions nearest the pole (programmes.md, NASA Aug 2022):
Peak Near Shackleton, Connecting Ridge (and its Extension) between Shackleton and de Gerlache,
de Gerlache Rim 1 and 2. Slater is the crater beside the peak near Shackleton."""


@pytest.fixture(scope="module")
def top5(mirror: Path) -> dict:
    proc = invoke("sites", "--top", "5", "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.usefixtures("default_chain")
def test_top_five_hold_the_change7_target_and_the_connecting_ridge_crest(top5: dict) -> None:
    """One of the five lies within 1 km of Chang'e-7's target; one stands within 3 km of the
    connecting ridge's crest (the Site01 tile covers it) and is lit at least 0.84 of the
    scenario's year with its 2 m mast, as the crest is (the ridge's flanks are darker: the
    climb from the search cell's centre alone stopped at 0.81); all lie around Shackleton and
    de Gerlache, the Artemis III regions nearest the pole."""
    sites = top5["candidates"]
    assert len(sites) == 5
    lat = np.array([s["lat_deg"] for s in sites])
    lon = np.array([s["lon_deg"] for s in sites])
    assert great_circle_km(*CHANGE7_TARGET, lat, lon).min() < 1.0
    ridge = [
        s
        for s in sites
        if great_circle_km(*CONNECTING_RIDGE_CREST, s["lat_deg"], s["lon_deg"]) < 3.0
    ]
    assert ridge and ridge[0]["dem"] == "site01_10m"
    assert ridge[0]["illumination_fraction"] >= 0.84
    for s in sites:
        assert any(name in s["place"] for name in ARTEMIS_III_FEATURES), s["place"]
    for i, a in enumerate(sites):  # the minimum spacing holds
        for b in sites[:i]:
            assert great_circle_km(a["lat_deg"], a["lon_deg"], b["lat_deg"], b["lon_deg"]) >= 3.0
    assert top5["choice"] == "best" and top5["base"]["score"] == sites[0]["score"]
    assert [s["score"] for s in sites] == sorted((s["score"] for s in sites), reverse=True)


@pytest.mark.usefixtures("default_chain")
def test_asking_for_fewer_sites_gives_the_first_of_the_same_ranking(
    mirror: Path, top5: dict
) -> None:
    """The refined pool does not shrink with --top, so the best 3 are the first 3 of the 5."""
    proc = invoke("sites", "--top", "3", "--json")
    assert proc.returncode == 0, proc.stderr
    three = [
        (s["lat_deg"], s["lon_deg"], s["score"]) for s in json.loads(proc.stdout)["candidates"]
    ]
    five = [(s["lat_deg"], s["lon_deg"], s["score"]) for s in top5["candidates"]]
    assert three == five[:3]


@pytest.mark.usefixtures("default_chain")
def test_an_explicit_base_is_compared_with_the_best(mirror: Path) -> None:
    """The scenario's own site (on the ridge's flank, -89.45, 222.7) is kept as the base and
    its shortfall against the best site is given criterion by criterion."""
    sc = scenario.with_overrides(scenario.load(), {"site.lat_deg": -89.45, "site.lon_deg": 222.7})
    sites = pipeline.Chain(sc).run(until="sites").sites
    assert sites is not None and sites.choice == "explicit"
    assert (sites.base.lat_deg, sites.base.lon_deg) == (-89.45, 222.7)
    versus = sites.base_vs_best
    assert versus["score"]["difference"] < 0.0
    light = versus["illumination_fraction"]
    assert light["difference"] == pytest.approx(light["base"] - light["best"])
    assert light["base"] == pytest.approx(sites.base.illumination_fraction)
    assert set(versus) >= {"slope_deg", "distance_to_psr_km", "longest_night_h"}


@pytest.mark.usefixtures("default_chain")
def test_a_base_off_the_pole_is_placed_in_its_mare_with_no_polar_criteria(mirror: Path) -> None:
    """A base in Mare Tranquillitatis (8.5 N, 31.4 E): named in the mare, lit over a level
    horizon about half the time with a night of about half a synodic month, the Earth always
    up, and neither a PSR distance nor a comparison with the polar best site."""
    sc = scenario.with_overrides(scenario.load(), {"site.lat_deg": 8.5, "site.lon_deg": 31.4})
    sites = pipeline.Chain(sc).run(until="sites").sites
    assert sites is not None and sites.choice == "explicit"
    base = sites.to_dict()["base"]
    assert base["place"].startswith("in Mare Tranquillitatis")
    assert base["horizon"] == "flat" and 0.45 < base["illumination_fraction"] < 0.55
    assert 330.0 < base["longest_night_h"] < 370.0 and base["earth_visible_fraction"] == 1.0
    assert "distance_to_psr_km" not in base and "score" not in base and base["he3_ppb"] > 5.0
    assert base["slope_deg"] < 5.0 and sites.base_vs_best == {}


@pytest.mark.usefixtures("default_chain")
def test_constraints_no_pixel_meets_are_a_one_line_error(mirror: Path) -> None:
    sc = scenario.with_overrides(scenario.load(), {"sites.min_illumination_fraction": 0.999})
    with pytest.raises(ScenarioError, match=r"no pixel within 4\.0 deg of the pole meets"):
        pipeline.Chain(sc).run(until="sites")
    proc = cli("sites", "--set", "sites.min_illumination_fraction=0.99")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("lunarbase: error")]
    assert len(errors) == 1 and "min_illumination_fraction = 0.99" in errors[0]


def test_weights_that_sum_to_zero_are_a_one_line_error() -> None:
    zero = "\n".join(f"{w} = 0.0" for w in scenario.Sites().model_dump() if w.startswith("weight_"))
    with pytest.raises(ScenarioError, match="weights sum to zero"):
        scenario.parse(f"[sites]\n{zero}\n")
    with pytest.raises(ScenarioError, match="give both lat_deg and lon_deg"):
        scenario.parse("[site]\nlat_deg = -89.0\n")


@pytest.mark.parametrize(("refined_cells", "top", "refined"), [(3, 1, 3), (1, 2, 4), (30, 12, 30)])
def test_refined_cells_sets_the_pool_at_least_twice_top(
    refined_cells: int, top: int, refined: int
) -> None:
    """``sites.refined_cells`` cells are refined, or twice ``top`` when that is more."""
    from lunarbase.sites.stage import pool_size

    cfg = scenario.Sites(refined_cells=refined_cells, top=top)
    assert pool_size(cfg) == refined
