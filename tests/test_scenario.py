"""Scenario loading: defaults, bundled files, and one-line errors naming file, line and field."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lunarbase import scenario
from lunarbase.errors import ScenarioError


def test_default_scenario_loads_and_is_the_bundled_ilrs() -> None:
    sc = scenario.load()
    assert sc.scenario.name.startswith("ILRS-2035")
    assert "ilrs-2035" in scenario.bundled_scenarios()
    assert sc.terrain.end > sc.terrain.start


def test_hash_changes_with_content_and_not_with_formatting() -> None:
    a = scenario.parse("[site]\nlat_deg = -89.0\nlon_deg = 0.0\n")
    b = scenario.parse("[site]\nlat_deg   =   -89.0   # comment\nlon_deg = 0.0\n")
    c = scenario.parse("[site]\nlat_deg = -88.0\nlon_deg = 0.0\n")
    assert a.sha256() == b.sha256() != c.sha256()


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match=r"nope\.toml: no such scenario file"):
        scenario.load(tmp_path / "nope.toml")


def test_toml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("[site]\nlat_deg = = 3\n")
    with pytest.raises(ScenarioError, match=r"bad\.toml: TOML syntax error.*line 2"):
        scenario.load(path)


def test_unknown_key_names_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "typo.toml"
    path.write_text("[site]\nlat_deg = -89.0\nlon_deg = 0.0\n\n[operations]\nn_minerz = 4\n")
    with pytest.raises(ScenarioError) as info:
        scenario.load(path)
    msg = str(info.value)
    assert re.search(r"typo\.toml:6: operations\.n_minerz: unknown key", msg)
    assert "\n" not in msg


def test_unknown_table() -> None:
    with pytest.raises(ScenarioError, match=r"<string>:1: sitez: unknown key"):
        scenario.parse("[sitez]\nlat_deg = 1\n")


def test_out_of_range_names_allowed_range() -> None:
    text = "[terrain]\nobserver_height_m = -2\n"
    with pytest.raises(
        ScenarioError,
        match=r":2: terrain\.observer_height_m: value -2 out of range "
        r"\(allowed: >= 0\.0\)",
    ):
        scenario.parse(text)


def test_wrong_type_and_reversed_period() -> None:
    with pytest.raises(ScenarioError, match=r"operations\.n_miners"):
        scenario.parse("[operations]\nn_miners = 'five'\n")
    with pytest.raises(ScenarioError, match=r"terrain: end .* must be after start"):
        scenario.parse("[terrain]\nstart = 2030-01-01\nend = 2029-01-01\n")


def test_with_seed_overrides_only_the_seed() -> None:
    sc = scenario.load()
    other = sc.with_seed(7)
    assert other.scenario.seed == 7
    assert other.model_dump(exclude={"scenario"}) == sc.model_dump(exclude={"scenario"})
    assert sc.with_seed(None) is sc


@given(
    lat=st.floats(-90, 90, allow_nan=False),
    height=st.floats(0, 100, allow_nan=False),
    miners=st.integers(0, 10_000),
    days=st.integers(1, 3000),
)
@settings(max_examples=50, deadline=None)
def test_valid_values_round_trip(lat: float, height: float, miners: int, days: int) -> None:
    start = dt.date(2030, 1, 1)
    text = (
        f"[site]\nlat_deg = {lat!r}\nlon_deg = 0.0\n[terrain]\nobserver_height_m = {height!r}\n"
        f"start = {start}\nend = {start + dt.timedelta(days=days)}\n"
        f"[operations]\nn_miners = {miners}\n"
    )
    sc = scenario.parse(text)
    assert sc.site.lat_deg == lat
    assert sc.terrain.observer_height_m == height
    assert sc.operations.n_miners == miners
    assert scenario.parse(text).sha256() == sc.sha256()


@given(key=st.from_regex(r"[a-z][a-z_]{0,20}", fullmatch=True))
@settings(max_examples=50, deadline=None)
def test_any_unknown_key_is_rejected(key: str) -> None:
    if key in scenario.Site.model_fields:
        return
    with pytest.raises(ScenarioError, match="unknown key"):
        scenario.parse(f"[site]\n{key} = 1\n")


@given(
    lat=st.one_of(
        st.floats(max_value=-90.0001, min_value=-1e9), st.floats(min_value=90.0001, max_value=1e9)
    )
)
@settings(max_examples=50, deadline=None)
def test_out_of_range_latitudes_are_rejected(lat: float) -> None:
    with pytest.raises(ScenarioError, match=r"site\.lat_deg: value .* out of range"):
        scenario.parse(f"[site]\nlat_deg = {lat!r}\n")
