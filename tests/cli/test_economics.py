"""``lunarbase economics``, ``sensitivity`` and ``fusion`` from the command line."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.cli.test_app import assert_one_line_error, cli

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
}


def test_economics_json_has_the_issue_keys_and_repeats(mirror: Path) -> None:
    args = ("economics", "--years", "3", "--samples", "500", "--seed", "2", "--json")
    proc = cli(*args)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) >= KEYS
    assert {"p05", "p50", "p95"} <= set(data["npv_usd"])
    assert data["montecarlo_draws"] == 500
    assert len(data["strategic"]["fusion_gw_supplied"]) == 3
    assert cli(*args).stdout == proc.stdout  # byte-identical for the same seed


def test_sensitivity_json_has_sobol_indices(mirror: Path) -> None:
    proc = cli("sensitivity", "--years", "2", "--samples", "64", "--json")
    assert proc.returncode == 0, proc.stderr
    sobol = json.loads(proc.stdout)["sobol"]
    assert set(next(iter(sobol.values()))) == {"S1", "S1_conf", "ST", "ST_conf"}
    assert_one_line_error(cli("sensitivity", "--samples", "100"), "--samples", "power of two")
    same = cli(
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
    start = time.monotonic()
    assert_one_line_error(cli("economics", "--workers", "0"), "--workers", "at least 1")
    assert_one_line_error(
        cli("economics", "--workers", "2", "--scheduler", "tcp://127.0.0.1:9"), "--workers"
    )
    assert time.monotonic() - start < 30.0  # refused before the pipeline runs


def test_fusion_gives_a_gwe_year_for_100_kg() -> None:
    """EN-03: 100 kg of He-3 runs ~1 GWe for a year (at 10 MWe-yr/kg)."""
    proc = cli("fusion", "--he3-kg", "100", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["gw_years_electric"] == pytest.approx(1.0, rel=0.01)
    assert set(data) >= {"thermal_energy_j", "electric_energy_mwh", "homes_powered_for_a_year"}
    assert_one_line_error(cli("fusion", "--he3-kg", "-1"), "--he3-kg", ">= 0")
    assert_one_line_error(cli("fusion", "--he3-kg", "1", "--efficiency", "2"), "--efficiency")


def test_unreachable_scheduler_is_a_quick_one_line_error(mirror: Path) -> None:
    start = time.monotonic()
    proc = cli("economics", "--years", "1", "--scheduler", "tcp://127.0.0.1:9")
    assert (
        time.monotonic() - start < 60.0
    )  # the pipeline runs first; the connection gives up in 5 s
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("lunarbase: error")]
    assert len(errors) == 1 and "--scheduler" in errors[0] and "127.0.0.1:9" in errors[0]
