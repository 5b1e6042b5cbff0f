"""Re-fleeting a landing schedule (Operations.with_fleet, the rule of lunarbase.scenario.fleet):
the landings stay the one record of what is on the Moon."""

from __future__ import annotations

import pytest

from lunarbase import scenario
from lunarbase.scenario import Landing, Operations


@pytest.fixture(scope="module")
def bundled() -> Operations:
    return scenario.load("ilrs-2035").operations


def _carried(landings: tuple[Landing, ...]) -> list[tuple[float, int, float]]:
    return [(landing.day, landing.miners, landing.reactor_kwe) for landing in landings]


def test_the_scenarios_fleet_keeps_the_scenarios_landings(bundled: Operations) -> None:
    kept = bundled.with_fleet(n_miners=bundled.n_miners, reactor_power_kwe=500.0)
    assert kept.landings == tuple(sorted(bundled.landings, key=lambda landing: landing.day))


def test_a_smaller_fleet_empties_the_last_carriers(bundled: Operations) -> None:
    """2 miners, 250 kWe: the first two miner landings keep theirs, the third plant unit is
    50 kWe, the last two plant landings (nothing else aboard) are dropped; the miner landings
    emptied still bring their spares."""
    ops = bundled.with_fleet(n_miners=2, reactor_power_kwe=250.0)
    assert (ops.n_miners, ops.reactor_power_kwe) == (2, 250.0)
    assert _carried(ops.landings) == [
        (0.0, 0, 100.0),
        (60.0, 0, 100.0),
        (120.0, 0, 50.0),
        (366.0, 1, 0.0),
        (366.0, 1, 0.0),
        (548.0, 0, 0.0),
        (731.0, 0, 0.0),
        (913.0, 0, 0.0),
    ]
    assert sum(x.spares_kg for x in ops.landings) == sum(x.spares_kg for x in bundled.landings)
    assert (ops.array_kw, ops.battery_kwh) == (bundled.array_kw, bundled.battery_kwh)


def test_a_larger_fleet_comes_on_extra_landings_like_the_last(bundled: Operations) -> None:
    """8 miners and 700 kWe: three more one-miner landings every 182 days after day 913 (the
    last two miner landings' spacing) with the last one's spares, and two more 100 kWe units
    60 days apart after day 240, on the same lander."""
    ops = bundled.with_fleet(n_miners=8, reactor_power_kwe=700.0)
    extra = [x for x in ops.landings if x.source.startswith("re-fleet")]
    assert sorted(_carried(tuple(extra))) == [
        (300.0, 0, 100.0),
        (360.0, 0, 100.0),
        (1095.0, 1, 0.0),
        (1277.0, 1, 0.0),
        (1459.0, 1, 0.0),
    ]
    assert {x.lander for x in extra} == {"long_march_9_lander"}
    assert [x.spares_kg for x in extra if x.miners] == [1300.0] * 3
    days = [x.day for x in ops.landings]
    assert days == sorted(days)


def test_model_copy_and_overrides_go_through_the_rule(bundled: Operations) -> None:
    """The README's ``model_copy(update={"n_miners": 10})`` and ``--set operations.n_miners=8``
    land that fleet; a total the rule cannot change is an error, not a silent lie."""
    assert bundled.model_copy(update={"n_miners": 10}).n_miners == 10
    assert sum(x.miners for x in bundled.model_copy(update={"n_miners": 10}).landings) == 10
    sc = scenario.with_overrides(scenario.load("ilrs-2035"), {"operations.n_miners": 8})
    assert sum(x.miners for x in sc.operations.landings) == sc.operations.n_miners == 8
    with pytest.raises(ValueError, match="never both"):
        bundled.model_copy(update={"battery_kwh": 1.0})


def test_without_landings_the_totals_are_set() -> None:
    ops = Operations().with_fleet(n_miners=3, reactor_power_kwe=200.0)
    assert (ops.n_miners, ops.reactor_power_kwe, ops.landings) == (3, 200.0, ())


@pytest.mark.parametrize("name", sorted(scenario.bundled_scenarios()))
def test_every_bundled_scenario_takes_8_miners_and_another_plant(name: str) -> None:
    """``--set operations.n_miners=8`` and ``--set operations.reactor_power_kwe`` work on every
    bundled scenario, landings or not."""
    sc = scenario.load(name)
    sets = {"operations.n_miners": 8, "operations.reactor_power_kwe": 900.0}
    ops = scenario.with_overrides(sc, sets).operations
    assert (ops.n_miners, ops.reactor_power_kwe) == (8, 900.0)
    if ops.landings:
        assert sum(x.miners for x in ops.landings) == 8
