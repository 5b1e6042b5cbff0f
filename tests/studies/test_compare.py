"""Programmes side by side: series by calendar year, milestones, who crosses first, and the
``lunarbase compare`` command."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from lunarbase.studies.compare import MILESTONES, first_to_cross, milestones
from tests.cli.helpers import assert_one_line_error, invoke
from tests.fast import QUICK


def _series(power: list[float], he3: list[float]) -> pd.DataFrame:
    return pd.DataFrame(
        {"surface_power_kw": power, "he3_shipped_kg": he3},
        index=pd.RangeIndex(2030, 2030 + len(power), name="year"),
    )


def test_milestones_are_the_first_year_above_each_threshold() -> None:
    series = _series([0, 0, 500, 500, 900], [0, 0, 0.5, 1.0, 250.0])
    assert milestones(series) == {
        "first_surface_power": 2032,
        "first_he3_shipped": 2032,
        "he3_1_kg_per_yr": 2033,  # exactly 1 kg counts
        "he3_100_kg_per_yr": 2034,
    }
    assert milestones(_series([0, 0], [0, 0]))["first_surface_power"] is None
    assert set(MILESTONES) == set(milestones(series))


def test_first_to_cross_names_the_earliest_and_ties() -> None:
    crossings = {
        "a": {"first_surface_power": 2031, "first_he3_shipped": None, "he3_1_kg_per_yr": 2035,
              "he3_100_kg_per_yr": None},
        "b": {"first_surface_power": 2031, "first_he3_shipped": 2033, "he3_1_kg_per_yr": 2034,
              "he3_100_kg_per_yr": None},
    }  # fmt: skip
    assert first_to_cross(crossings) == {
        "first_surface_power": ["a", "b"],
        "first_he3_shipped": ["b"],
        "he3_1_kg_per_yr": ["b"],
        "he3_100_kg_per_yr": [],
    }


def test_compare_two_scenarios_side_by_side(mirror: Path, tmp_path: Path) -> None:
    """Two quick programmes, one with twice the miners: series per calendar year from the
    development year, milestones, the stated assumptions with their sources, and a page that
    loads nothing from the network."""
    small, big = tmp_path / "small.toml", tmp_path / "big.toml"
    small.write_text(QUICK)
    big.write_text(
        QUICK.replace("[operations]\n", "[operations]\nn_miners = 10\n")
        + '[[missions]]\nname = "Probe"\ndate = 2028-01-01\nsource = "test"\n'
        + '[sources]\n"operations.n_miners" = "assumption: 5-20 (a test fleet)"\n'
    )
    proc = invoke("compare", str(small), str(big), "--out", str(tmp_path / "out"), "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    a, b = data["programmes"]["small"], data["programmes"]["big"]
    assert a["series"]["year"][:2] == [2029, 2030]  # development year, then operating year 1
    assert len(a["series"]["he3_shipped_kg"]) == 4  # year 0 + 3 operating years
    assert sum(b["series"]["he3_shipped_kg"]) > sum(a["series"]["he3_shipped_kg"])
    assert b["assumptions"]["operations.n_miners"]["value"] == 10
    assert b["missions"] == [
        {"name": "Probe", "date": "2028-01-01", "vehicle": "", "purpose": "", "source": "test"}
    ]
    assert b["assumptions"]["operations.n_miners"]["source"].startswith("assumption")
    cost = a["series"]["cumulative_cost_usd"]
    assert all(y >= x for x, y in itertools.pairwise(cost))  # costs only add up
    assert set(data["first_to_cross"]) == set(MILESTONES)
    race = data["race"]  # both arrive in the same year: by name, and with one ranking
    assert race["order"] == ["big", "small"] and race["safety_zone_km"] == 5.0
    assert race["claims"]["big"]["rank"] == 1 and "assumption" in race["safety_zone_source"]
    page = (tmp_path / "out" / "compare.html").read_text()
    assert 'id="milestones"' in page and "fig-compare" in page and "Probe" in page
    assert 'id="race"' in page and "5.0 km" in page
    assert "<th>first surface power</th>" in page and "<th>first_surface_power</th>" not in page
    assert 'id="caption-compare"' in page
    assert not re.search(r"""\bsrc\s*=\s*["']?(?:https?:)?//""", page)
    assert json.loads((tmp_path / "out" / "compare.json").read_text()) == data


@pytest.mark.parametrize(
    ("args", "needle"), [(("ilrs-2035",), "at least two"), (("a", "a"), "given twice")]
)
def test_compare_needs_two_distinct_scenarios(args: tuple[str, ...], needle: str) -> None:
    assert_one_line_error(invoke("compare", *args), needle)
