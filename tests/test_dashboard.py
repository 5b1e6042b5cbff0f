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
from lunarbase.scenario import Operations


@pytest.fixture(scope="module")
def bundled() -> scenario.Scenario:
    return scenario.load(None)


def _carried(landings: tuple[scenario.Landing, ...]) -> list[tuple[float, int, float]]:
    return [(landing.day, landing.miners, landing.reactor_kwe) for landing in landings]


def test_the_scenarios_fleet_keeps_the_scenarios_landings(bundled: scenario.Scenario) -> None:
    ops = bundled.operations
    kept = dashboard.refleet(ops, ops.n_miners, ops.reactor_power_kwe)
    assert kept == tuple(sorted(ops.landings, key=lambda landing: landing.day))


def test_a_smaller_fleet_empties_the_last_landings(bundled: scenario.Scenario) -> None:
    """2 miners, 300 kWe: the first two miner landings keep theirs, the first plant unit is
    300 kWe and the second lands none; the spares and arrays still land."""
    landings = dashboard.refleet(bundled.operations, 2, 300.0)
    assert _carried(landings) == [
        (0.0, 0, 300.0),
        (120.0, 0, 0.0),
        (366.0, 1, 0.0),
        (366.0, 1, 0.0),
        (548.0, 0, 0.0),
        (731.0, 0, 0.0),
        (913.0, 0, 0.0),
    ]
    original = sorted(bundled.operations.landings, key=lambda landing: landing.day)
    assert [x.spares_kg for x in landings] == [x.spares_kg for x in original]
    assert [x.array_kw for x in landings] == [x.array_kw for x in original]


def test_a_larger_fleet_comes_on_extra_landings_at_the_last_spacing(
    bundled: scenario.Scenario,
) -> None:
    """8 miners and 1600 kWe: three more one-miner landings every 182 days after day 913 (the
    last miner landings' spacing), and 500 + 100 kWe more at day 240 and 360 (120 days, the
    plant landings' spacing), each like the last of its kind (lander), with nothing else."""
    landings = dashboard.refleet(bundled.operations, 8, 1600.0)
    extra = landings[len(bundled.operations.landings) :]
    assert _carried(extra) == [
        (1095.0, 1, 0.0),
        (1277.0, 1, 0.0),
        (1459.0, 1, 0.0),
        (240.0, 0, 500.0),
        (360.0, 0, 100.0),
    ]
    assert {x.lander for x in extra} == {"long_march_9_lander"}
    assert all(x.spares_kg == x.array_kw == x.battery_kwh == 0.0 for x in extra)


def test_without_landings_there_is_nothing_to_schedule() -> None:
    assert dashboard.refleet(Operations(), 3, 200.0) == ()


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
    uncertain = set(bundled.economics.uncertain)
    assert set(sc.economics.uncertain) == uncertain - set(dashboard.ECONOMICS_FIELDS)
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
