"""The dashboard's model: the slider settings applied to the scenario, the fleet landed on its
schedule, and the chain re-run on the cached heavy stages."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from lunarbase import dashboard, scenario
from lunarbase.errors import ScenarioError
from lunarbase.pipeline import Chain


@pytest.fixture(scope="module")
def bundled() -> scenario.Scenario:
    return scenario.load(None)


def test_settings_fix_the_economics_inputs_and_land_the_fleet(bundled: scenario.Scenario) -> None:
    settings = replace(
        dashboard.Settings.of(bundled),
        launch_cost_usd_per_kg=2.0e5,
        he3_price_usd_per_l=9000.0,
        n_miners=7,
        reactor_power_kwe=1500.0,
    )
    sc = dashboard.with_settings(bundled, settings)
    assert dashboard.Settings.of(sc) == settings
    uncertain = set(bundled.economics.drawn)
    assert set(sc.economics.drawn) == uncertain - set(dashboard.ECONOMICS_FIELDS)
    assert sum(x.miners for x in sc.operations.landings) == 7
    assert sum(x.reactor_kwe for x in sc.operations.landings) == 1500.0
    assert sc.terrain == bundled.terrain and sc.sites == bundled.sites


def test_a_value_the_scenario_refuses_names_the_slider(bundled: scenario.Scenario) -> None:
    settings = replace(dashboard.Settings.of(bundled), discount_rate=-0.1)
    with pytest.raises(ScenarioError, match=r"Discount rate.* slider"):
        dashboard.with_settings(bundled, settings)


def test_settings_rerun_the_chain_on_the_cached_stages(
    default_run: tuple[subprocess.CompletedProcess[str], Path], bundled: scenario.Scenario
) -> None:
    """At the scenario's fleet the operations are the chain's own; a higher He-3 price raises
    the NPV band and reuses the cached operations; a bigger fleet is simulated anew.
    (How long a setting takes to recompute is printed by ``benchmarks/dashboard_timings.py``.)"""
    board = dashboard.Dashboard(Chain(bundled))
    first = board.prepare()
    chain_ops = Chain(bundled).run(until="operations").operations
    assert first.operations is not None and chain_ops is not None
    assert first.operations.annual.equals(chain_ops.annual)

    dearer = replace(board.defaults, he3_price_usd_per_l=4 * board.defaults.he3_price_usd_per_l)
    priced = board.results(dearer)
    assert priced.operations is first.operations  # the cache, not a new run
    assert priced.economics is not None and first.economics is not None
    assert priced.economics.npv_band["p50"] > first.economics.npv_band["p50"]

    bigger = replace(board.defaults, n_miners=board.defaults.n_miners + 2)
    grown = board.results(bigger)
    assert grown.operations is not None
    assert grown.operations.n_miners == board.defaults.n_miners + 2
    assert grown.operations.he3_extracted_kg > first.operations.he3_extracted_kg

    shown = dashboard.metrics(first)
    assert list(shown) == [key for key, _ in dashboard.METRICS]
    assert shown["npv_p50"].startswith(("-$", "$")) and shown["npv_p50"].endswith(" B")
