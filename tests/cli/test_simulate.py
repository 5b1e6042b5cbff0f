"""``lunarbase simulate``: the operations stage from the command line."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.cli.helpers import assert_one_line_error, cli, invoke

KEYS = {
    "he3_kg_total",
    "he3_kg_per_year",
    "regolith_t_total",
    "area_mined_km2",
    "heater_power_kw_th",
    "thermal_energy_mwh_total",
    "electric_energy_mwh_total",
    "energy_deficit_mwh",
    "availability",
    "ree_oxide_kg_total",
    "byproducts_kg",
    "production_mass_ratio",
    "annual",
}


@pytest.mark.usefixtures("default_chain")
def test_simulate_json_has_the_issue_keys(mirror: Path, tmp_path: Path) -> None:
    """The JSON carries every headline key and the annual table; the CSV is the daily series,
    which adds up to it."""
    table = tmp_path / "daily.csv"
    proc = invoke("simulate", "--years", "2", "--seed", "5", "--csv", str(table), "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) >= KEYS
    assert len(data["annual"]["year"]) == 2
    assert data["he3_kg_per_year"] == sum(data["annual"]["he3_extracted_kg"]) / 2
    assert data["provenance"]["seed"] == 5
    assert set(data["byproducts_kg"]) == {"H2", "H2O", "N2", "CO", "CO2", "CH4", "He4"}
    with table.open() as fh:
        rows = list(csv.DictReader(fh))
    assert [int(r["day"]) for r in rows] == list(range(len(rows)))
    assert len(rows) == 731  # two 365.25-day years: 730.5 days
    daily_he3 = sum(float(r["he3_extracted_kg"]) for r in rows)
    assert daily_he3 == pytest.approx(data["he3_kg_total"], rel=1e-4)  # 6-figure CSV rounding


@pytest.mark.usefixtures("default_chain")
def test_simulate_is_reproducible_by_seed(mirror: Path) -> None:
    """Same scenario and seed: byte-identical JSON (in a process and in this one); another
    seed: other failures."""
    a = cli("simulate", "--years", "1", "--seed", "3", "--json").stdout
    b = invoke("simulate", "--years", "1", "--seed", "3", "--json").stdout
    c = invoke("simulate", "--years", "1", "--seed", "4", "--json").stdout
    assert a == b and a != c


def test_simulate_bad_input_is_one_line(mirror: Path, tmp_path: Path) -> None:
    """A zero-year run names ``--years``; an unwritable CSV names ``--csv``."""
    assert_one_line_error(invoke("simulate", "--years", "0"), "--years", ">= 1")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert_one_line_error(
        invoke("simulate", "--years", "1", "--csv", str(blocker / "a.csv")),
        "--csv",
        "cannot write",
    )
