"""Unit tests of the operations building blocks: processing, power, ledger, fleet, logistics."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import simpy
from numpy.testing import assert_allclose

from lunarbase.operations import processing
from lunarbase.operations.fleet import MinerSpec, miner, shift_output
from lunarbase.operations.ledger import AnnualLedger
from lunarbase.operations.logistics import return_flights
from lunarbase.operations.power import PowerBus, powered_miner_slots

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


# --- power -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reactor_kwe", "base_kw", "miner_kw", "slots"),
    [
        (1000.0, 100.0, 200.0, 4),
        (1.0, 0.1, 0.3, 3),  # 0.9 / 0.3 is 2.9999999999999996 in floats: still 3 slots
        (1000.0, 1000.0, 200.0, 0),  # the base takes it all
        (0.0, 0.0, 200.0, 0),
        (150.0, 0.0, 200.0, 0),  # plant smaller than one miner
        (1e6, 0.0, 1.0, 1_000_000),
    ],
)
def test_powered_miner_slots(
    reactor_kwe: float, base_kw: float, miner_kw: float, slots: int
) -> None:
    assert powered_miner_slots(reactor_kwe, base_kw, miner_kw) == slots


def test_power_bus_hands_out_at_most_its_slots() -> None:
    """Two slots: two takers, the third is refused until one gives its slot back; more slots
    (a reactor landed) let it in."""
    env = simpy.Environment()
    bus = PowerBus(env, 2)
    assert bus.try_acquire() and bus.try_acquire()
    assert not bus.try_acquire()
    bus.release()
    assert bus.try_acquire()
    assert not bus.try_acquire()
    bus.set_slots(3)
    assert bus.try_acquire()


def test_power_bus_without_slots() -> None:
    assert not PowerBus(simpy.Environment(), 0).try_acquire()


# --- ledger ----------------------------------------------------------------------------------


def test_ledger_splits_hours_across_years_and_cuts_at_horizon() -> None:
    ledger = AnnualLedger(3, 100.0, ["down_h"])
    ledger.add_hours("down_h", 90.0, 130.0)  # 10 h in year 1, 30 h in year 2
    ledger.add_hours("down_h", 280.0, 500.0)  # 20 h in year 3, the rest past the horizon
    assert_allclose(ledger.frame()["down_h"].to_numpy(), [10.0, 30.0, 20.0])
    assert list(ledger.frame().index) == [1, 2, 3]


def test_ledger_splits_hours_across_days() -> None:
    """A stretch from 20 h to 75 h puts 4, 24, 24 and 3 h in days 0-3; instants go to their day."""
    ledger = AnnualLedger(1, 100.0, ["h", "kg"])
    ledger.add_hours("h", 20.0, 75.0)
    ledger.add("kg", 49.0, 2.0)
    daily = ledger.daily_frame()
    assert len(daily) == 5  # 100 h = 4 days + a 4-h last day
    assert_allclose(daily["h"].to_numpy(), [4.0, 24.0, 24.0, 3.0, 0.0])
    assert_allclose(daily["kg"].to_numpy(), [0.0, 0.0, 2.0, 0.0, 0.0])
    assert daily["h"].sum() == ledger.frame()["h"].sum()


def test_ledger_year_index_at_boundaries() -> None:
    ledger = AnnualLedger(2, 100.0, ["x"])
    assert ledger.year_index(0.0) == 0
    assert ledger.year_index(99.9) == 0
    assert ledger.year_index(100.0) == 1
    assert ledger.year_index(200.0) == 1  # the horizon counts in the last year


# --- fleet -----------------------------------------------------------------------------------


def _spec(**kw: float) -> MinerSpec:
    base = dict(
        excavation_t_per_h=100.0,
        mtbf_h=1e9,
        mttr_h=1.0,
        fines_mass_fraction=0.5,
        he3_fines_ppb=20.0,
        he3_release_fraction=0.8,
        daylight_duty_fraction=1.0,
        shift_h=8.0,
    )
    base.update(kw)
    return MinerSpec(**base)


def _run_one_miner(spec: MinerSpec, slots: int, years: int = 1) -> tuple[AnnualLedger, float]:
    env = simpy.Environment()
    ledger = AnnualLedger(years, 1000.0, ["present_h", "powered_h", "power_limited_h"])
    store = simpy.Container(env, capacity=float("inf"))
    env.process(miner(env, spec, PowerBus(env, slots), store, ledger, np.random.default_rng(0)))
    env.run(until=ledger.horizon_h + 1e-6)
    return ledger, store.level


def _down_h(frame: pd.DataFrame, hours_per_year: float = 1000.0) -> pd.Series:
    """Hours a single miner was down: neither powered nor power-limited."""
    return hours_per_year - frame["powered_h"] - frame["power_limited_h"]


def test_reliable_powered_miner_works_all_year() -> None:
    spec = _spec()
    ledger, stock_kg = _run_one_miner(spec, slots=1, years=2)
    frame = ledger.frame()
    assert_allclose(frame["powered_h"].to_numpy(), [1000.0, 1000.0])
    assert_allclose(_down_h(frame).to_numpy(), [0.0, 0.0], atol=1e-9)
    # 2000 h x 100 t/h x 0.5 x 20 ppb x 0.8 = 1.6 kg
    assert stock_kg == pytest.approx(1.6)


def test_unpowered_miner_idles() -> None:
    ledger, stock_kg = _run_one_miner(_spec(), slots=0)
    assert ledger.frame()["powered_h"].sum() == 0.0
    assert ledger.frame()["power_limited_h"].sum() == pytest.approx(1000.0)
    assert stock_kg == 0.0


def test_failing_miner_loses_its_down_time() -> None:
    ledger, _ = _run_one_miner(_spec(mtbf_h=50.0, mttr_h=50.0), slots=1, years=5)
    frame = ledger.frame()
    # powered the whole time it is up (one slot, one miner): no power-limited hours
    assert frame["power_limited_h"].sum() == 0.0
    assert 0.35 < _down_h(frame).sum() / 5000.0 < 0.65  # ~0.5 over ~50 cycles


def test_shift_output_scales_with_light() -> None:
    out = shift_output(_spec(daylight_duty_fraction=0.25), np.array([100.0, 200.0]))
    assert_allclose(out["working_h"], [25.0, 50.0])
    assert_allclose(out["regolith_excavated_t"], [2500.0, 5000.0])


# --- logistics -------------------------------------------------------------------------------


def _fly(stock_kg: float, capacity_kg: float, interval_h: float) -> AnnualLedger:
    env = simpy.Environment()
    ledger = AnnualLedger(1, 1000.0, ["he3_shipped_kg", "launches"])
    store = simpy.Container(env, capacity=float("inf"), init=stock_kg)
    env.process(return_flights(env, store, ledger, interval_h=interval_h, capacity_kg=capacity_kg))
    env.run(until=ledger.horizon_h + 1e-6)
    return ledger


def test_flights_carry_at_most_their_capacity_and_skip_when_empty() -> None:
    frame = _fly(stock_kg=2500.0, capacity_kg=1000.0, interval_h=100.0).frame()
    assert frame["he3_shipped_kg"].iloc[0] == pytest.approx(2500.0)
    assert frame["launches"].iloc[0] == 3  # 1000 + 1000 + 500; the 7 empty slots do not fly


def test_capacity_limits_shipping() -> None:
    frame = _fly(stock_kg=1e6, capacity_kg=10.0, interval_h=250.0).frame()
    assert frame["launches"].iloc[0] == 4  # at 250, 500, 750 and 1000 h
    assert frame["he3_shipped_kg"].iloc[0] == pytest.approx(40.0)
