"""``lunarbase economics``, ``sensitivity`` and ``fusion`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import assert_one_line_error, cli, invoke

KEYS = {
    "npv_usd",
    "prob_npv_positive",
    "irr",
    "payback_year",
    "cost_per_kg_he3_usd",
    "energy_payback",
    "he3_fraction_sold",
    "he3_realized_price_usd_per_kg",
    "ree_breakeven_launch_usd_per_kg",
    "strategic",
    "provenance",
    "he3_revenue_usd",
    "he3_fuel_value_usd_per_kg",
    "he3_electricity_value_usd_per_kg",
    "breakeven",
    "breakeven_verdict",
}


@pytest.mark.usefixtures("default_chain")
def test_economics_json_has_the_issue_keys_and_repeats(mirror: Path) -> None:
    args = ("economics", "--years", "3", "--samples", "500", "--seed", "2", "--json")
    proc = invoke(*args)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) >= KEYS
    assert {"p05", "p50", "p95", "nominal_percentile"} <= set(data["npv_usd"])
    assert {"fuel_chain_energy_ratio", "whole_system_energy_payback"} <= set(data["energy_payback"])
    assert data["montecarlo_draws"] == 500
    assert len(data["strategic"]["fusion_gw_supplied"]) == 3
    assert cli(*args).stdout == proc.stdout  # byte-identical for the same seed, in a process too


@pytest.mark.usefixtures("default_chain")
def test_sensitivity_json_has_sobol_indices(mirror: Path) -> None:
    proc = invoke("sensitivity", "--years", "2", "--samples", "64", "--json")
    assert proc.returncode == 0, proc.stderr
    sobol = json.loads(proc.stdout)["sobol"]
    assert set(next(iter(sobol.values()))) == {"S1", "S1_conf", "ST", "ST_conf"}
    assert_one_line_error(invoke("sensitivity", "--samples", "100"), "--samples", "power of two")
    same = invoke(
        "economics",
        "--years",
        "2",
        "--samples",
        "10",
        "--set",
        "economics.sensitivity_samples=64",
        "--json",
    )
    assert json.loads(same.stdout)["sobol"] == sobol  # the stage's own indices for the seed


def test_bad_worker_counts_are_one_line_errors_before_any_work() -> None:
    """Refused before the pipeline runs: its progress lines would be more lines on stderr."""
    assert_one_line_error(invoke("economics", "--workers", "0"), "--workers", "at least 1")
    assert_one_line_error(
        invoke("economics", "--workers", "2", "--scheduler", "tcp://127.0.0.1:9"), "--workers"
    )


def test_fusion_gives_a_gwe_year_for_100_kg() -> None:
    """EN-03: 100 kg of He-3 runs ~1 GWe for a year (at 10 MWe-yr/kg)."""
    proc = invoke("fusion", "--he3-kg", "100", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["gw_years_electric"] == pytest.approx(1.0, rel=0.01)
    assert set(data) >= {"thermal_energy_j", "electric_energy_mwh", "homes_powered_for_a_year"}
    assert_one_line_error(invoke("fusion", "--he3-kg", "-1"), "--he3-kg", ">= 0")
    assert_one_line_error(invoke("fusion", "--he3-kg", "1", "--efficiency", "2"), "--efficiency")


@pytest.mark.usefixtures("default_chain")
def test_unreachable_scheduler_is_a_one_line_error(mirror: Path) -> None:
    """The pipeline runs first (its progress lines), then one error line, exit 2."""
    proc = cli("economics", "--years", "1", "--scheduler", "tcp://127.0.0.1:9")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("lunarbase: error")]
    assert len(errors) == 1 and "--scheduler" in errors[0] and "127.0.0.1:9" in errors[0]
