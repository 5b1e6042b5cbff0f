"""Delivered prices by lander: the catalogue, the learning curve and the flight rates."""

from __future__ import annotations

import pytest

from lunarbase.economics import delivery
from lunarbase.economics.montecarlo import Model
from lunarbase.operations import LANDERS, simulate
from lunarbase.operations.logistics import flight_rates
from lunarbase.scenario import Economics
from tests.operations.helpers import feed, ops
from tests.operations.test_landings import FIVE_UNITS


def test_every_lander_has_a_payload_a_price_and_a_source() -> None:
    rows = delivery.catalogue()
    assert {r["lander"] for r in rows} == set(LANDERS)
    for r in rows:
        assert r["payload_kg"] > 0.0 and r["price_usd_per_kg"] > 0.0
        assert r["max_flights_per_year"] >= 1
        assert len(str(r["price_source"])) > 20 and len(str(r["payload_source"])) > 20
        assert len(str(r["rate_source"])) > 20


def test_blue_ghost_price_is_cst04() -> None:
    """CST-04: $93.3M for 94 kg = $0.99M/kg (derived in validation-figures; 0.5 %)."""
    assert delivery.price_of("blue_ghost_m1").price_usd_per_kg == pytest.approx(0.99e6, rel=0.005)


def test_learning_factor_by_hand() -> None:
    """Wright's law at 0.8: flight 1 costs 1, flight 2 costs 0.8, flight 4 0.64."""
    assert delivery.learning_factor(1, 1, 0.8) == pytest.approx(1.0)
    assert delivery.learning_factor(2, 1, 0.8) == pytest.approx(0.8)
    assert delivery.learning_factor(1, 2, 0.8) == pytest.approx(0.9)
    assert delivery.learning_factor(4, 1, 0.8) == pytest.approx(0.64)
    assert delivery.learning_factor(3, 5, 1.0) == pytest.approx(1.0)


def test_a_landing_costs_its_landers_price_and_learning_is_per_lander() -> None:
    landings = [
        {"year": 1, "lander": "starship_hls", "payload_kg": 50_000.0},
        {"year": 1, "lander": "blue_ghost_m1", "payload_kg": 90.0},
        {"year": 2, "lander": "starship_hls", "payload_kg": 50_000.0},
        {"year": 9, "lander": "starship_hls", "payload_kg": 50_000.0},  # past the run
    ]
    bill = delivery.launch_bill(landings, 2, progress_ratio=0.8)
    ghost = 90.0 * 93.3e6 / 94.0
    assert bill.launch_usd[0] == pytest.approx(50_000.0 * 1e5 + ghost)  # first flights
    assert bill.launch_usd[1] == pytest.approx(50_000.0 * 1e5 * 0.8)  # Starship's second
    one_price = delivery.launch_bill(landings, 2, progress_ratio=1.0, price_usd_per_kg=1e6)
    assert one_price.launch_usd.sum() == pytest.approx(100_090.0 * 1e6)


def test_a_payload_over_capacity_counts_its_flights_and_the_rate_limit() -> None:
    """The bill's check of the operations stage: a landing record of 1,200 t (which that stage
    no longer flies: a fleet in place at the start lands as the flights it takes) would be 12
    Starship flights in year 1, at the 12 a year; 1,300 t is 13, over it; at a scenario's own
    rate of 13 a year, not over."""
    at = delivery.launch_bill(
        [{"year": 1, "lander": "starship_hls", "payload_kg": 1.2e6}], 1, progress_ratio=1.0
    )
    assert at.flights[("starship_hls", 1)] == 12 and at.over_rate == []
    over = [{"year": 1, "lander": "starship_hls", "payload_kg": 1.3e6}]
    assert delivery.launch_bill(over, 1, progress_ratio=1.0).over_rate == [
        {"lander": "starship_hls", "year": 1, "flights": 13, "max_flights_per_year": 12}
    ]
    own = delivery.launch_bill(
        over, 1, progress_ratio=1.0, max_flights_per_year=flight_rates({"starship_hls": 13})
    )
    assert own.over_rate == []


def test_an_unknown_lander_names_the_known() -> None:
    with pytest.raises(KeyError, match="starship_hls"):
        delivery.price_of("apollo_lm")


def test_a_landing_is_paid_in_the_year_it_flew() -> None:
    """The fifth of five Long March 9 plant landings planned in year 1 slips to year 2 (4
    flights a year): the bill pays four flights in year 1 and one in year 2, none over the
    rate."""
    cfg = ops(years=2, reactor_commissioning_days=0.0, landings=FIVE_UNITS)
    bill = Model(Economics(), simulate(cfg, feed=feed(20.0, 0.5), seed=3)).launch
    assert bill.flights == {("long_march_9_lander", 1): 4, ("long_march_9_lander", 2): 1}
    assert bill.launch_usd[1] > 0.0 and bill.over_rate == []
