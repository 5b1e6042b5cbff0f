"""Unit tests of the operations building blocks: processing, hourly binning, fleet, power and
dispatch, logistics."""

from __future__ import annotations

import numpy as np
import pytest
import simpy
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from lunarbase.operations import processing
from lunarbase.operations.fleet import UpLog, mean_up_h, unit_life
from lunarbase.operations.hourly import bin_sums, event_hours, hourly_from_series, interval_hours
from lunarbase.operations.logistics import FlightLog, return_flights
from lunarbase.operations.power import (
    Battery,
    Loads,
    fission_output_kw,
    priority_dispatch,
    solar_output_kw,
)

# --- processing ------------------------------------------------------------------------------


def test_fines_and_he3_by_hand() -> None:
    fines_t = processing.fines_processed_t(1000.0, 0.44)
    assert fines_t == pytest.approx(440.0)
    # 440 t = 4.4e5 kg at 20 ppb holds 8.8e-3 kg; 75 % of it is released.
    assert processing.he3_extracted_kg(fines_t, 20.0, 0.75) == pytest.approx(6.6e-3)


def test_processing_broadcasts_over_arrays() -> None:
    excavated = np.array([0.0, 1.0, 2.0])
    he3 = processing.he3_extracted_kg(processing.fines_processed_t(excavated, 0.5), 10.0, 1.0)
    assert np.shape(he3) == (3,)
    assert_allclose(he3, [0.0, 5e-6, 1e-5])


def test_grade_zero_gives_no_he3() -> None:
    assert processing.he3_extracted_kg(1e6, 0.0, 0.9) == 0.0


# --- hourly binning --------------------------------------------------------------------------


def test_interval_hours_by_hand() -> None:
    # [0.5, 3.25) covers half of hour 0, hours 1 and 2, a quarter of hour 3; [5, 5.5) half of 5;
    # [9, 20) is cut at the end; weights scale.
    out = interval_hours([0.5, 5.0, 9.0], [3.25, 5.5, 20.0], 10, weights=[2.0, 1.0, 1.0])
    assert_allclose(out, [1.0, 2.0, 2.0, 0.5, 0.0, 0.5, 0.0, 0.0, 0.0, 1.0])


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(0, 50, allow_nan=False), st.floats(0, 50, allow_nan=False)),
        max_size=20,
    )
)
def test_interval_hours_keeps_every_hour(pairs: list[tuple[float, float]]) -> None:
    """The hours binned equal the intervals' total length inside the window."""
    starts = np.array([min(p) for p in pairs])
    ends = np.array([max(p) for p in pairs])
    out = interval_hours(starts, ends, 40)
    inside = np.clip(ends, 0, 40) - np.clip(starts, 0, 40)
    assert out.sum() == pytest.approx(inside.sum(), abs=1e-9)
    assert (out >= -1e-12).all() and (out <= len(pairs) + 1e-9).all()


def test_bin_sums_keep_the_short_last_bin() -> None:
    assert_allclose(bin_sums(np.ones(60), 24), [24.0, 24.0, 12.0])


def test_light_series_held_and_repeated() -> None:
    values, repeated = hourly_from_series([0.0, 1.0], step_h=2.0, n_hours=6)
    assert_allclose(values, [0, 0, 1, 1, 0, 0])
    assert not repeated  # two hours past the end: within a day's slack
    assert hourly_from_series([0.0, 1.0], step_h=2.0, n_hours=29)[1]
    assert not hourly_from_series([0.0, 1.0], step_h=2.0, n_hours=28)[1]


# --- fleet -----------------------------------------------------------------------------------


def _life(mtbf_h: float, mttr_h: float, horizon_h: float = 10_000.0, **kw: object) -> UpLog:
    env = simpy.Environment()
    log = UpLog()
    env.process(
        unit_life(
            env,
            log,
            horizon_h=horizon_h,
            mtbf_h=mtbf_h,
            mttr_h=mttr_h,
            rng=np.random.default_rng(0),
            **kw,  # type: ignore[arg-type]
        )
    )
    env.run(until=horizon_h)
    return log


def test_a_unit_that_never_fails_is_up_all_the_time() -> None:
    log = _life(float("inf"), 1.0)
    assert (log.starts_h, log.ends_h, log.repairs) == ([0.0], [10_000.0], 0)


def test_availability_is_mtbf_over_mtbf_plus_mttr() -> None:
    log = _life(100.0, 25.0, horizon_h=2e6)
    up = np.subtract(log.ends_h, log.starts_h).sum() / 2e6
    assert up == pytest.approx(0.8, abs=0.01)
    assert mean_up_h(0.8, 25.0) == pytest.approx(100.0)
    assert mean_up_h(1.0, 25.0) == float("inf")


def test_repairs_wait_for_spares() -> None:
    """With 10 kg of spares and 10 kg per repair, the second failure is never repaired."""
    env = simpy.Environment()
    spares = simpy.Container(env, init=10.0)
    log = UpLog()
    env.process(
        unit_life(
            env,
            log,
            horizon_h=1e5,
            mtbf_h=100.0,
            mttr_h=1.0,
            rng=np.random.default_rng(1),
            spares=spares,
            spares_kg_per_repair=10.0,
        )
    )
    env.run(until=1e5)
    assert log.repairs == 1 and len(log.starts_h) == 2 and log.ends_h[-1] < 1e4
    assert spares.level == 0.0


# --- power -----------------------------------------------------------------------------------


def test_fission_output_fades_with_service_years() -> None:
    up = np.ones(2 * 8766)
    out = fission_output_kw(up, 100.0, service_start_h=0.0, capacity_loss_per_year=0.1)
    assert out[0] == pytest.approx(100.0, rel=1e-4)
    assert out[8766] == pytest.approx(90.0, rel=1e-4)  # one year in service


def test_solar_follows_the_visible_disk() -> None:
    assert_allclose(solar_output_kw(np.full(3, 50.0), [0.0, 0.5, 1.0]), [0.0, 25.0, 50.0])


def _balance(generation: list[float], base: list[float], miners: list[float], kwh: float):  # type: ignore[no-untyped-def]
    """Dispatch with miners that ask for ``miners`` kW of digging (1 kW per miner-hour),
    processing that draws nothing, and no hopper (the two lines in step)."""
    n = len(generation)
    return priority_dispatch(
        np.array(generation),
        Loads(np.array(base), np.array(miners), np.array(miners), 0.0, 1.0, np.zeros(n)),
        Battery(np.full(n, kwh), round_trip_efficiency=0.81),
    )


def test_dispatch_serves_in_priority_order_by_hand() -> None:
    """Hour 0: 100 kW for 60 + 60 kW: the base gets 60, the miners 40. Hour 1: 200 kW, the
    loads take 120, 80 goes into the battery at sqrt(0.81) = 0.9 (72 kWh stored, 8 lost).
    Hour 2: no generation: the battery gives 72 x 0.9 = 64.8 kW, all to the base's 60 first."""
    out = _balance([100.0, 200.0, 0.0], [60.0] * 3, [60.0] * 3, kwh=1000.0)
    assert_allclose(out.served_kw["base"], [60.0, 60.0, 60.0])
    assert_allclose(out.served_kw["excavation"], [40.0, 60.0, 4.8])
    assert_allclose(out.charge_kw, [0.0, 80.0, 0.0])
    assert_allclose(out.state_of_charge_kwh, [0.0, 72.0, 0.0], atol=1e-12)
    assert_allclose(out.curtailed_kw, [0.0, 0.0, 0.0])


def test_full_battery_curtails() -> None:
    out = _balance([500.0], [100.0], [100.0], kwh=90.0)
    assert out.state_of_charge_kwh[0] == pytest.approx(90.0)
    assert out.curtailed_kw[0] == pytest.approx(500.0 - 200.0 - 100.0)


def test_processing_runs_from_the_hopper_before_excavation_by_hand() -> None:
    """One miner, 50 kW to dig and 50 kW to process at full rate, a hopper of two miner-hours.
    Hours 0-2 dark (no heat): it digs 1, 1, then 0 (hopper full). Hour 3, 50 kW: processing
    takes it all from the stock (1 processed, 0 dug, though digging asked for 50 kW).
    Hour 4, 75 kW: 1 processed, 0.5 dug. Hour 5, 60 kW: processing gets 42.5 kW (0.85, the
    stock 0.5 plus 0.35 dug with the other 17.5 kW), where running in step would give each
    line 0.6."""
    heat = np.array([0.0, 0.0, 0.0, 1.0, 1.0, 1.0])
    out = priority_dispatch(
        np.array([100.0, 100.0, 100.0, 50.0, 75.0, 60.0]),
        Loads(np.zeros(6), heat, np.ones(6), 50.0, 50.0, np.full(6, 2.0)),
        Battery(np.zeros(6), round_trip_efficiency=1.0),
    )
    assert_allclose(out.excavated_miner_h, [1.0, 1.0, 0.0, 0.0, 0.5, 0.35], atol=1e-12)
    assert_allclose(out.processed_miner_h, [0.0, 0.0, 0.0, 1.0, 1.0, 0.85], atol=1e-12)
    assert_allclose(out.hopper_miner_h, [1.0, 2.0, 2.0, 1.0, 0.5, 0.0], atol=1e-12)
    assert_allclose(out.served_kw["processing"], [0.0, 0.0, 0.0, 50.0, 50.0, 42.5])
    assert_allclose(out.demand_kw["excavation"], [50.0, 50.0, 0.0, 50.0, 50.0, 50.0])
    assert_allclose(out.curtailed_kw, [50.0, 50.0, 100.0, 0.0, 0.0, 0.0], atol=1e-12)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.floats(0, 500, allow_nan=False),
            st.floats(0, 300, allow_nan=False),
            st.floats(0, 3, allow_nan=False),
            st.floats(0, 1, allow_nan=False),
        ),
        min_size=1,
        max_size=48,
    ),
    st.floats(0, 1000, allow_nan=False),
    st.floats(0, 100, allow_nan=False),
    st.floats(1, 100, allow_nan=False),
    st.floats(0, 5, allow_nan=False),
)
def test_dispatch_conserves_energy_and_fines(
    hours: list[tuple[float, float, float, float]],
    kwh: float,
    processing_kw: float,
    excavation_kw: float,
    hopper_miner_h: float,
) -> None:
    """Every hour: generated = consumed + stored + curtailed + losses; fines dug = fines
    processed + change in the hopper; nothing negative, no load served more than it asked, no
    line beyond its limit, the battery and the hopper within their capacities."""
    gen, base, miners, heat = (np.array(x) for x in zip(*hours, strict=True))
    n = gen.size
    loads = Loads(
        base, miners * heat, miners, processing_kw, excavation_kw, np.full(n, hopper_miner_h)
    )
    out = priority_dispatch(gen, loads, Battery(np.full(n, kwh), round_trip_efficiency=0.81))
    consumed = sum(out.served_kw.values())
    stored = np.diff(out.state_of_charge_kwh, prepend=0.0)
    assert_allclose(gen, consumed + stored + out.curtailed_kw + out.losses_kw, atol=1e-8)
    assert_allclose(
        np.cumsum(out.excavated_miner_h - out.processed_miner_h), out.hopper_miner_h, atol=1e-9
    )
    for load in out.served_kw:
        assert (out.served_kw[load] <= out.demand_kw[load] + 1e-9).all()
    assert (out.demand_kw["base"] == base).all()
    assert (out.processed_miner_h <= miners * heat + 1e-12).all()
    assert (out.excavated_miner_h <= miners + 1e-12).all()
    for series in (out.curtailed_kw, out.losses_kw, out.state_of_charge_kwh, out.charge_kw):
        assert (series >= -1e-9).all()
    assert (out.hopper_miner_h >= -1e-12).all()
    assert (out.hopper_miner_h <= hopper_miner_h + 1e-9).all()
    assert (out.state_of_charge_kwh <= kwh + 1e-9).all()


# --- logistics -------------------------------------------------------------------------------


def _fly(made_kg: float, capacity_kg: float, interval_h: float) -> FlightLog:
    """Flights over 1000 h while ``made_kg`` of He-3 is made at a steady rate."""
    env = simpy.Environment()
    store = simpy.Container(env, init=0.0)
    log = FlightLog()
    env.process(
        return_flights(
            env,
            store,
            lambda t_h: made_kg * min(t_h, 1000.0) / 1000.0,
            log,
            horizon_h=1000.0,
            interval_h=interval_h,
            capacity_kg=capacity_kg,
        )
    )
    env.run()
    return log


def test_flights_carry_at_most_their_capacity() -> None:
    log = _fly(made_kg=4000.0, capacity_kg=1500.0, interval_h=250.0)
    assert log.times_h == [250.0, 500.0, 750.0, 1000.0]
    assert log.cargo_kg == pytest.approx([1000.0, 1000.0, 1000.0, 1000.0])
    log = _fly(made_kg=1e6, capacity_kg=10.0, interval_h=250.0)
    assert sum(log.cargo_kg) == pytest.approx(40.0)


def test_empty_flights_do_not_fly() -> None:
    assert _fly(made_kg=0.0, capacity_kg=10.0, interval_h=100.0).times_h == []


def test_event_hours_by_hand() -> None:
    """Events fall in their hour; one at the end counts in the last hour, one after is dropped."""
    out = event_hours([0.2, 0.9, 3.0, 4.0, 7.5], 4, weights=[1.0, 2.0, 3.0, 4.0, 5.0])
    assert_allclose(out, [3.0, 0.0, 0.0, 7.0])
    assert_allclose(event_hours([], 2), [0.0, 0.0])
