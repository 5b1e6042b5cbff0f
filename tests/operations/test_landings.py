"""Dated landings: units enter service when they land; payloads are checked against landers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lunarbase import scenario
from lunarbase.constants import HOURS_PER_YEAR
from lunarbase.errors import ScenarioError
from lunarbase.operations import LANDERS, simulate
from lunarbase.operations.logistics import fly_landings
from lunarbase.scenario import Landing, Operations
from tests.operations.helpers import feed, ops

FEED = feed(20.0, 0.5)


def _ops(*landings: Landing, **update: object) -> Operations:
    miners = sum(landing.miners for landing in landings)
    kwe = sum(landing.reactor_kwe for landing in landings)
    base = {"years": 3, "n_miners": miners, "reactor_power_kwe": kwe, "landings": landings}
    return ops(**{"reactor_commissioning_days": 0.0, **base, **update})


def test_miners_work_only_after_they_land() -> None:
    """Plant on day 0, two miners on day 400: nothing is dug in year 1, then they work."""
    cfg = _ops(
        Landing(day=0.0, reactor_kwe=600.0),
        Landing(day=400.0, miners=2),
    )
    res = simulate(cfg, feed=FEED, seed=1)
    assert res.annual.loc[1, "regolith_excavated_t"] == 0.0
    assert np.isnan(res.annual.loc[1, "miner_availability"])  # no miner on the Moon yet
    assert res.annual.loc[3, "regolith_excavated_t"] > 0.0
    first_day = res.daily.index[res.daily["regolith_excavated_t"] > 0][0]
    assert first_day == 400


def test_miners_wait_for_the_reactor() -> None:
    """Miners on day 0, the plant on day 200: they stand power-limited until it lands."""
    cfg = _ops(Landing(day=0.0, miners=2), Landing(day=200.0, reactor_kwe=600.0))
    res = simulate(cfg, feed=FEED, seed=2)
    before = res.daily.loc[:199]
    assert before["regolith_excavated_t"].sum() == 0.0
    assert before["energy_deficit_mwh"].sum() > 0.0
    assert res.daily.loc[201:, "regolith_excavated_t"].sum() > 0.0


def test_payload_over_the_landers_capacity_is_refused() -> None:
    """A Blue Moon MK1 (3 t) cannot land a 10 t miner: one line naming the landing."""
    cfg = _ops(
        Landing(day=0.0, reactor_kwe=600.0),
        Landing(day=10.0, lander="blue_moon_mk1", miners=1),
    )
    with pytest.raises(ScenarioError, match=r"operations\.landings\[1\]: 1 miners.*over the"):
        simulate(cfg, feed=FEED, seed=1)
    unknown = _ops(Landing(day=0.0, lander="saturn_v", miners=1, reactor_kwe=600.0))
    with pytest.raises(ScenarioError, match=r"landings\[0\]\.lander: unknown model 'saturn_v'"):
        simulate(unknown, feed=FEED, seed=1)


def test_return_flight_before_any_landing_is_refused() -> None:
    """Flights every 90 days but the first landing on day 120: one line naming the field."""
    cfg = _ops(Landing(day=120.0, miners=1, reactor_kwe=600.0))
    with pytest.raises(ScenarioError, match="launch_interval_days: the first return flight"):
        simulate(cfg, feed=FEED, seed=1)


def test_a_file_writes_landings_or_totals_never_both() -> None:
    """Totals beside landings are a one-line error at the total's line, even when they agree;
    without them the totals are what the landings bring."""
    landings = """
[[operations.landings]]
day = 0.0
miners = 3
reactor_kwe = 1000.0
[[operations.landings]]
day = 10.0
miners = 2
array_kw = 50.0
"""
    both = "[operations]\nyears = 2\nn_miners = 5\n" + landings
    with pytest.raises(ScenarioError, match=r"<string>:3: operations.n_miners: write either"):
        scenario.parse(both)
    ops = scenario.parse("[operations]\nyears = 2\n" + landings).operations
    assert (ops.n_miners, ops.reactor_power_kwe, ops.array_kw, ops.battery_kwh) == (
        5,
        1000.0,
        50.0,
        0.0,
    )
    with pytest.raises(ValueError, match="array_kw = 10 but the landings bring 50"):
        ops.model_copy(update={"array_kw": 10.0})


def test_plant_powers_up_after_commissioning() -> None:
    """A plant landed on day 100 with 30 days of commissioning gives its first power on day
    130; the miners landed with it wait."""
    cfg = _ops(Landing(day=100.0, miners=1, reactor_kwe=600.0), reactor_commissioning_days=30.0)
    cfg = cfg.model_copy(update={"launch_interval_days": 120.0})
    res = simulate(cfg, feed=FEED, seed=1)
    first = res.daily.index[res.daily["fission_energy_mwh"] > 0][0]
    assert first == 130
    assert res.daily.loc[100:129, "energy_deficit_mwh"].sum() > 0.0
    assert res.daily.loc[:129, "regolith_excavated_t"].sum() == 0.0


def test_late_plant_and_the_short_last_day() -> None:
    """The base load asks for power from the first landing and is served once plant has
    landed; the daily series (its last day is short) adds up to the years; availability over
    the hours on the Moon."""
    cfg = _ops(Landing(day=0.0, miners=2), Landing(day=400.0, reactor_kwe=600.0), years=2)
    res = simulate(cfg, feed=FEED, seed=3)
    base_mwh = cfg.base_load_kw * 24.0 / 1000.0
    assert res.daily.loc[:399, "electric_energy_mwh"].sum() == 0.0  # no plant, nothing runs
    assert res.daily.loc[401, "electric_energy_mwh"] >= base_mwh
    for col in ("electric_energy_mwh", "energy_deficit_mwh", "power_limited_miners"):
        if col != "power_limited_miners":
            assert res.daily[col].sum() == pytest.approx(res.annual[col].sum(), rel=1e-9)
    assert res.daily["power_limited_miners"].max() <= 2.0 + 1e-9
    assert 0.0 < res.summary()["availability"] <= 1.0


def test_a_plant_landing_too_late_to_be_commissioned_gives_nothing() -> None:
    """A second plant unit that lands 10 days before the end of a 2-year run, inside its
    30-day commissioning, never comes up (it used to crash the fission series)."""
    cfg = _ops(
        Landing(day=0.0, miners=1, reactor_kwe=600.0),
        Landing(day=720.0, reactor_kwe=600.0),
        years=2,
        reactor_commissioning_days=30.0,
    )
    res = simulate(cfg, feed=FEED, seed=3)
    assert res.hourly["fission_kw"].max() == pytest.approx(600.0)
    assert res.annual.loc[2, "reactor_kwe_landed"] == 600.0  # it landed, and is paid for


def test_a_landing_after_the_run_never_happens() -> None:
    """A landing after the last simulated day (e.g. a run shortened with ``--years``) is
    checked against its lander but brings nothing into the run."""
    late = Landing(day=1000.0, miners=1, spares_kg=500.0)
    cfg = _ops(Landing(day=0.0, miners=1, reactor_kwe=600.0), late, years=1)
    res = simulate(cfg, feed=FEED, seed=1)
    assert res.annual["miners_up"].max() <= 1.0 + 1e-9
    assert res.annual["spares_stock_kg"].max() == 0.0
    heavy = _ops(
        Landing(day=0.0, miners=1, reactor_kwe=600.0),
        Landing(day=1000.0, lander="blue_moon_mk1", miners=1),
        years=1,
    )
    with pytest.raises(ScenarioError, match=r"landings\[1\]: 1 miners.*over the"):
        simulate(heavy, feed=FEED, seed=1)


def test_a_failed_landing_brings_nothing_and_its_payload_is_lost() -> None:
    """Every landing fails (p = 1): no miner, no plant, nothing dug; the landings table marks
    them failed and the lost payload is theirs, by the masses of the schedule's payloads."""
    cfg = _ops(
        Landing(day=0.0, reactor_kwe=600.0),
        Landing(day=100.0, miners=2, spares_kg=50.0),
        landing_failure_probability=1.0,
    )
    res = simulate(cfg, feed=FEED, seed=1)
    assert res.landings["failed"].tolist() == [True, True]
    assert (res.n_miners, res.reactor_power_kwe) == (2, 600.0)  # flown
    assert (res.miners_landed, res.reactor_kwe_landed, res.landed_mass_kg) == (0, 0.0, 0.0)
    assert res.landings_failed == 2
    assert res.he3_extracted_kg == 0.0
    lost = res.total("payload_lost_kg")
    assert lost == pytest.approx(res.landings["payload_kg"].sum())
    summary = res.summary()
    assert summary["landings_failed"] == 2 and summary["miners_landed"] == 0


def test_landing_fates_are_seeded_and_shared_by_two_fleets() -> None:
    """Same seed, same fates; a larger fleet (extra landings after the last) keeps the fates of
    the landings both fleets share (the landing draws have a stream of their own)."""
    cfg = _ops(
        Landing(day=0.0, reactor_kwe=600.0),
        *(Landing(day=30.0 * k, miners=1) for k in range(1, 7)),
        landing_failure_probability=0.5,
    )
    first = simulate(cfg, feed=FEED, seed=11).landings
    again = simulate(cfg, feed=FEED, seed=11).landings
    pd.testing.assert_frame_equal(first, again)
    bigger = simulate(cfg.with_fleet(n_miners=9), feed=FEED, seed=11).landings
    assert len(bigger) == len(first) + 3
    assert bigger["failed"].iloc[: len(first)].tolist() == first["failed"].tolist()


def test_what_lands_after_the_end_is_not_counted() -> None:
    """A one-year run: the landing on day 500 never happens; the results' fleet and landed mass
    are the annual columns' sums (the plant and one miner)."""
    cfg = _ops(
        Landing(day=0.0, reactor_kwe=600.0, miners=1),
        Landing(day=500.0, miners=2),
        years=1,
    )
    res = simulate(cfg, feed=FEED, seed=2)
    assert res.n_miners == 1 and len(res.landings) == 1
    assert res.landed_mass_kg == pytest.approx(res.annual["landed_mass_kg"].sum())
    assert res.landed_mass_kg == pytest.approx(res.landings["payload_kg"].sum())


def test_landings_past_the_launchers_rate_slip_to_the_next_year_with_a_flight() -> None:
    """Long March 9 flies 4 a year: of six planned in year 1 (days 0-50) the fifth and sixth
    slip to day 365.25; with the one planned on day 400 and two more, year 2 has 5, so the
    day-600 landing slips to year 3 (day 730.5). A Starship landing between (12 a year) and
    the day-800 one (year 3 has room) fly as planned."""
    lm9, ship = "long_march_9_lander", "starship_hls"
    days = [0.0, 10.0, 20.0, 30.0, 40.0, 45.0, 50.0, 400.0, 500.0, 600.0, 800.0]
    landers = [lm9] * 5 + [ship] + [lm9] * 5
    year_d = HOURS_PER_YEAR / 24.0
    flown = fly_landings(days, landers)
    assert LANDERS[lm9].max_flights_per_year == 4
    expected = [0.0, 10.0, 20.0, 30.0, year_d, 45.0, year_d, 400.0, 500.0, 2 * year_d, 800.0]
    assert flown.tolist() == expected
    assert fly_landings([], []).size == 0


FIVE_UNITS = tuple(
    Landing(day=60.0 * k, lander="long_march_9_lander", reactor_kwe=100.0) for k in range(5)
)
"""Five 100 kWe plant units on Long March 9, 60 days apart from day 0: one more than its 4
flights a year."""


def test_a_slipped_plant_unit_comes_online_a_year_later_and_is_paid_then() -> None:
    """Five 100 kWe units on Long March 9 in year 1: the fifth flies on day 365.25 (the
    landings table keeps its planned day 240), so year 1 gets 400 kWe and year 2 the rest
    (the economics stage pays it in year 2: tests/economics/test_delivery.py)."""
    res = simulate(_ops(*FIVE_UNITS, years=2), feed=FEED, seed=3)
    table = res.landings
    assert table["planned_day"].tolist() == [0.0, 60.0, 120.0, 180.0, 240.0]
    assert table["day"].tolist() == [0.0, 60.0, 120.0, 180.0, HOURS_PER_YEAR / 24.0]
    assert res.landings_slipped == 1 and res.summary()["landings_slipped"] == 1
    assert res.annual["reactor_kwe_landed"].tolist() == [400.0, 100.0]
    assert res.hourly["fission_kw"].iloc[int(HOURS_PER_YEAR) - 1] == pytest.approx(400.0)
