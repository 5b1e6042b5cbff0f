"""A fleet "in place at the start" (no landings given) lands as the flights it takes, within its
launcher's flights a year; a scenario may set its own rate for a lander (issue 21)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from lunarbase import scenario
from lunarbase.constants import HOURS_PER_YEAR
from lunarbase.economics import delivery
from lunarbase.economics.montecarlo import Model
from lunarbase.errors import ScenarioError
from lunarbase.operations import LANDERS, masses, simulate
from lunarbase.operations.logistics import flight_rates
from lunarbase.operations.schedule import start_loads
from lunarbase.scenario import Economics
from tests.operations.helpers import feed, ops

FEED = feed(20.0, 0.5)

FLEET = {"n_miners": 30, "reactor_power_kwe": 3000.0, "heat_source": "electric"}
"""30 miners of 3.35 t (29 fit one 100 t Starship) and a 3 MWe plant: one 3 MWe unit weighs
240 t and two of 1.5 MWe 134 t each, so three units of 1 MWe (95.7 t) by the fission law."""


def test_the_start_fleet_is_the_fewest_plant_units_that_fit_and_full_miner_flights() -> None:
    """By hand: plant units 1/3, miners 29 (1/2), units 2/3 and 3/3, the last miner; the last
    miner rides with the third unit (95.7 + 3.4 t fit 100 t). Every flight fits its lander with
    one plant unit at most, and the flights bring the totals."""
    cfg = ops(**FLEET)
    unit_kg = float(masses.fission_unit_mass_kg(1000.0))
    miner_kg = float(masses.miner_mass_kg(cfg.excavation_t_per_h))
    assert 95_000.0 < unit_kg < 100_000.0 - miner_kg
    assert float(masses.fission_unit_mass_kg(1500.0)) > 100_000.0
    loads = start_loads(cfg, "starship_hls")
    assert [(x["miners"], x["reactor_kwe"]) for x in loads] == [
        (0.0, pytest.approx(1000.0)),
        (29.0, 0.0),
        (0.0, pytest.approx(1000.0)),
        (1.0, pytest.approx(1000.0)),
    ]
    for x in loads:
        kg = x["miners"] * miner_kg + float(masses.fission_unit_mass_kg(x["reactor_kwe"]))
        assert kg <= LANDERS["starship_hls"].payload_kg


def test_start_flights_past_the_rate_land_a_year_later_and_are_paid_then() -> None:
    """At 2 Starship flights a year (the scenario's own rate), the first two flights (a unit,
    29 miners) land on day 0 and the other two (two units, one miner) on day 365.25: the
    miners and plant arrive as their flights land, and the bill pays each year's flights."""
    rate = {"starship_hls": 2}
    cfg = ops(years=2, reactor_commissioning_days=0.0, max_flights_per_year=rate, **FLEET)
    res = simulate(cfg, feed=FEED, seed=5)
    year_d = HOURS_PER_YEAR / 24.0
    assert res.landings["day"].tolist() == [0.0, 0.0, year_d, year_d]
    assert res.landings_slipped == 2 and res.landings_failed == 0
    assert res.annual["miners_landed"].tolist() == [29.0, 1.0]
    assert res.annual["reactor_kwe_landed"].tolist() == pytest.approx([1000.0, 2000.0])
    assert res.max_flights_per_year["starship_hls"] == 2
    bill = Model(Economics(), res).launch
    assert bill.flights == {("starship_hls", 1): 2, ("starship_hls", 2): 2}
    assert bill.over_rate == []
    # each flight at the Starship price down Wright's curve over the programme's flights
    econ = Economics()
    price = delivery.price_of("starship_hls").price_usd_per_kg
    paid = [
        kg * price * delivery.learning_factor(k, 1, econ.launch_progress_ratio)
        for k, kg in enumerate(res.landings["payload_kg"], 1)
    ]
    assert bill.launch_usd.tolist() == pytest.approx([paid[0] + paid[1], paid[2] + paid[3]])


def test_a_scenario_sets_its_own_flights_a_year_for_a_lander() -> None:
    """One field, validated: the rate replaces the catalogue's for the lander named (the others
    keep theirs); an unknown lander or a rate under 1 is a one-line error naming the field."""
    rates = flight_rates({"starship_hls": 50})
    assert rates["starship_hls"] == 50
    assert rates["long_march_9_lander"] == LANDERS["long_march_9_lander"].max_flights_per_year
    with pytest.raises(
        ScenarioError, match=r"operations.max_flights_per_year: unknown .*'saturn_v'"
    ):
        flight_rates({"saturn_v": 3})
    with pytest.raises(ValidationError):
        ops(max_flights_per_year={"starship_hls": 0})
    sc = scenario.load("wisconsin-miner")
    with pytest.raises(ScenarioError, match=r"^--set operations.max_flights_per_year: "):
        scenario.with_overrides(
            sc,
            {"operations.max_flights_per_year": {"starship_hls": -1}},
            names={"operations.max_flights_per_year": "--set operations.max_flights_per_year"},
        )


def test_a_miner_heavier_than_the_lander_cannot_be_in_place_at_the_start() -> None:
    """A 12 MW(th) concentrator at 10 kg/m^2 weighs 113 t: no Starship lands it."""
    cfg = ops(n_miners=1, concentrator_kw_th=12_000.0, concentrator_areal_mass_kg_m2=10.0)
    with pytest.raises(ScenarioError, match=r"^operations.n_miners: one miner .* over the"):
        start_loads(cfg, "starship_hls")


@pytest.mark.parametrize("name", sorted(scenario.bundled_scenarios()))
def test_no_bundled_scenario_flies_over_its_launchers_rates(name: str) -> None:
    """Every bundled scenario's landings (he3-export-2050's 247 start flights too) fly within
    their launchers' flights a year: the economics stage's ``launch_over_flight_rate`` is
    empty (simulated on a plain feed in full Sun: the schedule does not depend on the light)."""
    sc = scenario.load(name)
    res = simulate(sc.operations, feed=FEED, seed=sc.scenario.seed)
    assert Model(sc.economics, res).launch.over_rate == []
    if not sc.operations.landings:
        assert (res.landings["payload_kg"] <= LANDERS["starship_hls"].payload_kg + 1e-6).all()
