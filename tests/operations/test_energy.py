"""The hourly energy balance inside the simulation: sources, battery, dispatch, light, ramps,
and one-line errors for bases that could never work."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from lunarbase import scenario
from lunarbase.errors import ScenarioError
from lunarbase.operations import (
    ENERGY_BALANCE,
    Battery,
    Dispatch,
    Loads,
    SiteLight,
    priority_dispatch,
    ramp_fraction,
    simulate,
)
from lunarbase.scenario import Ramp
from tests.operations.helpers import feed, ops

FEED = feed(20.0, 0.5)

# 2-h steps, a 708-h cycle lit for 496 h: a polar base's long nights, sketched
CYCLE = np.where(np.arange(354) < 248, 1.0, 0.0)
POLAR = SiteLight(2.0, CYCLE, CYCLE, "dem", "2035-01-01T00:00")


def solar_base(**update: object) -> scenario.Operations:
    """Two miners on arrays and a battery alone (no plant), concentrator-heated."""
    fields: dict[str, object] = {
        "years": 2,
        "n_miners": 2,
        "reactor_power_kwe": 0.0,
        "array_kw": 600.0,
        "battery_kwh": 20_000.0,
        "base_load_kw": 50.0,
        "miner_power_kw": 200.0,
    }
    fields.update(update)
    return ops(**fields)


def test_energy_is_conserved_every_day_and_year() -> None:
    """generated = consumed + stored + curtailed + losses, per day and per year; the battery
    never goes negative or over its capacity."""
    res = simulate(solar_base(), feed=FEED, seed=3, light=POLAR)
    for table in (res.daily, res.annual):
        gen = table["energy_generated_mwh"]
        parts = sum(table[c] for c in ENERGY_BALANCE)
        np.testing.assert_allclose(gen, parts, atol=1e-9)
        assert (table["energy_curtailed_mwh"] >= -1e-12).all()
    soc = res.hourly["state_of_charge_kwh"]
    assert soc.min() >= 0.0 and soc.max() <= 20_000.0 + 1e-9
    assert res.annual["solar_energy_mwh"].sum() == pytest.approx(
        600.0 * res.hourly["solar_kw"].gt(0).sum() / 1000.0
    )


def test_the_battery_carries_the_base_through_the_night() -> None:
    """With a battery the base load is served through the dark hours; without one it is not."""
    with_battery = simulate(solar_base(n_miners=0), feed=FEED, seed=1, light=POLAR)
    dark = with_battery.hourly["solar_kw"] == 0.0
    served = with_battery.hourly["base_served_kw"][dark]
    assert served.mean() == pytest.approx(50.0, rel=1e-6)  # 212 h x 50 kW < 20 MWh
    assert with_battery.hourly["battery_discharge_kw"][dark].gt(0).all()
    without = simulate(solar_base(n_miners=0, battery_kwh=0.0), feed=FEED, seed=1, light=POLAR)
    assert without.hourly["base_served_kw"][dark].max() == 0.0
    assert without.summary()["energy_deficit_mwh"] > 0.0


def test_solar_heated_miners_process_only_in_sunlight() -> None:
    """Concentrator-heated miners heat fines only while the Sun is up; with no hopper they dig
    only then too, with a hopper they dig ahead in the dark (on the battery) until it is full."""
    res = simulate(solar_base(hopper_h=0.0), feed=FEED, seed=2, light=POLAR)
    dark = res.hourly["solar_kw"] == 0.0
    assert res.hourly["processing_served_kw"][dark].max() == 0.0
    assert res.hourly["excavation_served_kw"][dark].max() == 0.0
    assert res.hourly["processing_served_kw"][~dark].mean() > 0.0
    assert res.light_repeated and res.light_horizon == "dem"
    ahead = simulate(solar_base(hopper_h=24.0), feed=FEED, seed=2, light=POLAR)
    assert ahead.hourly["processing_served_kw"][dark].max() == 0.0
    assert ahead.hourly["excavation_served_kw"][dark].max() > 0.0
    hopper_t = ahead.hourly["hopper_fines_t"]
    one_day_t = 2 * 24.0 * ahead.feed.fines_mass_fraction * solar_base().excavation_t_per_h
    assert hopper_t.max() == pytest.approx(one_day_t)  # two miners' day of fines, full
    assert hopper_t.min() >= 0.0


def test_a_weak_concentrator_limits_heating() -> None:
    """A concentrator giving half the heater's need halves the fines heated; digging runs
    ahead of heating only by what the hopper holds at the end."""
    full = simulate(ops(years=1, n_miners=1), feed=FEED, seed=1)
    half_kw = full.heater_power_kw_th / 2.0
    half = simulate(ops(years=1, n_miners=1, concentrator_kw_th=half_kw), feed=FEED, seed=1)
    fines = "fines_processed_t"
    assert half.total(fines) == pytest.approx(full.total(fines) / 2.0)
    hopper_t = float(half.annual["hopper_fines_t"].iloc[-1])
    assert hopper_t == pytest.approx(24.0 * 100.0 * 0.5)  # full: a day of one miner's fines
    assert half.regolith_excavated_t * 0.5 == pytest.approx(half.total(fines) + hopper_t)
    assert half.total("thermal_energy_mwh") == pytest.approx(
        half_kw * float(full.hourly["miners_up"].sum()) / 1000.0
    )


def test_electric_heaters_draw_from_the_bus() -> None:
    """With electric heating each miner asks for its draw plus its heater's power."""
    cfg = ops(heat_source="electric", years=1, n_miners=1, reactor_power_kwe=5000.0)
    res = simulate(cfg, feed=FEED, seed=1)
    assert res.hourly["excavation_served_kw"].max() == pytest.approx(cfg.miner_power_kw)
    assert res.hourly["processing_served_kw"].max() == pytest.approx(
        cfg.processing_power_kw + res.heater_power_kw_th
    )


def test_the_policy_is_replaceable() -> None:
    """A policy that serves only the base (say, a reserve rule) leaves the miners idle."""

    def base_only(gen: np.ndarray, loads: Loads, battery: Battery) -> Dispatch:
        idle = replace(loads, processing_miner_h=0.0 * gen, excavation_miner_h=0.0 * gen)
        out = priority_dispatch(gen, idle, battery)
        asked = priority_dispatch(gen + np.inf, loads, battery).demand_kw
        return replace(out, demand_kw=asked)

    res = simulate(ops(years=1), feed=FEED, seed=1, policy=base_only)
    assert res.he3_extracted_kg == 0.0
    assert res.summary()["energy_deficit_mwh"] > 0.0


def test_ramp_up_scales_throughput() -> None:
    """Throughput ramps 0 -> 1 over the first 100 days, then holds."""
    ramps = (Ramp(start_day=0.0, end_day=100.0, start_fraction=0.0, end_fraction=1.0),)
    np.testing.assert_allclose(ramp_fraction(ramps, [0.0, 1200.0, 2400.0, 9000.0]), [0, 0.5, 1, 1])
    assert ramp_fraction((), [5.0]).tolist() == [1.0]
    cfg = ops(years=1, miner_mtbf_h=1e7, reactor_power_kwe=2000.0)
    flat = simulate(cfg, feed=FEED, seed=1)
    ramped = simulate(cfg.model_copy(update={"ramps": ramps}), feed=FEED, seed=1)
    days = ramped.daily["regolith_excavated_t"] / flat.daily["regolith_excavated_t"]
    assert days.loc[50] == pytest.approx(50.5 / 100.0, rel=1e-6)
    assert days.loc[200] == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("update", "message"),
    [
        (
            {"reactor_power_kwe": 0.0, "array_kw": 0.0},
            r"operations\.reactor_power_kwe: no power source",
        ),
        (
            {"reactor_power_kwe": 100.0, "base_load_kw": 100.0},
            r"operations\.reactor_power_kwe: 100 kWe \+ 0 kW of arrays can never power a miner",
        ),
        (
            {"concentrator_kw_th": 0.0},
            r"operations\.concentrator_kw_th: must be > 0",
        ),
        (
            {"heat_source": "electric"},
            r"can never power a miner .* per miner with its electric heater",
        ),
    ],
)
def test_bases_that_could_never_work_are_one_line_errors(
    update: dict[str, object], message: str
) -> None:
    with pytest.raises(ScenarioError, match=message):
        simulate(ops(**update), feed=FEED, seed=1)


def test_ramps_must_not_overlap_and_must_end_after_they_start() -> None:
    text = """
[operations]
[[operations.ramps]]
start_day = 0.0
end_day = 100.0
start_fraction = 0.2
end_fraction = 1.0
[[operations.ramps]]
start_day = 50.0
end_day = 150.0
start_fraction = 0.5
end_fraction = 1.0
"""
    with pytest.raises(ScenarioError, match=r"ramps\[1\] starts on day 50, before ramps\[0\]"):
        scenario.parse(text)
    backwards = text.split("[[operations.ramps]]\nstart_day = 50.0")[0].replace(
        "end_day = 100.0", "end_day = 0.0"
    )
    with pytest.raises(ScenarioError, match=r"end_day .* must be after start_day"):
        scenario.parse(backwards)


def test_a_zero_miner_rate_is_refused_at_its_field() -> None:
    with pytest.raises(ScenarioError, match=r"operations\.excavation_t_per_h"):
        scenario.parse("[operations]\nexcavation_t_per_h = 0.0\n")
