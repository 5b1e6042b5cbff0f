"""Stand-ins for operations tests and the stages after operations: a mining feed (grades and
soil of a plain test site) and operations results that only ship given He-3."""

from __future__ import annotations

import pandas as pd

from lunarbase.operations import (
    ANNUAL_COLUMNS,
    LANDINGS_COLUMNS,
    MiningFeed,
    OperationsResults,
)
from lunarbase.operations.logistics import flight_rates
from lunarbase.scenario import Operations


def feed(he3_fines_ppb: float, fines_mass_fraction: float, th_ppm: float = 1.0) -> MiningFeed:
    """A feed with the given fines grade [ppb] and mass fraction [-]; Th [ppm], the Surveyor 3
    4He/3He ratio (2700), 1660 kg/m^3 and a 3 m mining depth."""
    return MiningFeed(
        he3_fines_ppb=he3_fines_ppb,
        fines_mass_fraction=fines_mass_fraction,
        th_ppm=th_ppm,
        he4_he3_atom_ratio=2700.0,
        regolith_density_kg_m3=1660.0,
        mining_depth_m=3.0,
    )


def shipping_only(
    shipped_kg: list[float],
    *,
    n_miners: int,
    miner_mass_kg: float,
    reactor_power_kwe: float,
    reactor_mass_kg: float,
) -> OperationsResults:
    """Operations results that ship ``shipped_kg`` of He-3 in years 1..N [kg] (one return
    flight in each year that ships) with the given fleet and plant all landed in year 1;
    every other output is empty or zero."""
    index = pd.RangeIndex(1, len(shipped_kg) + 1, name="year")
    annual = pd.DataFrame(0.0, index=index, columns=list(ANNUAL_COLUMNS))
    annual["he3_shipped_kg"] = shipped_kg
    annual["launches"] = [1 if kg > 0.0 else 0 for kg in shipped_kg]
    first = annual.index[0]
    annual.loc[first, "miners_landed"] = n_miners
    annual.loc[first, "miner_mass_landed_kg"] = n_miners * miner_mass_kg
    annual.loc[first, "reactor_kwe_landed"] = reactor_power_kwe
    annual.loc[first, "reactor_mass_landed_kg"] = reactor_mass_kg
    annual.loc[first, "landed_mass_kg"] = n_miners * miner_mass_kg + reactor_mass_kg
    return OperationsResults(
        annual=annual,
        daily=annual.iloc[:0],
        hourly=annual.iloc[:0],
        he3_stock_end_kg=0.0,
        feed=feed(20.0, 0.44),
        light_horizon="none",
        light_repeated=False,
        miner_availability=1.0,
        heater_power_kw_th=0.0,
        heat_source="electric",
        byproducts_kg={},
        landings=pd.DataFrame(
            [
                {
                    "day": 0.0,
                    "lander": "starship_hls",
                    "miners": n_miners,
                    "reactor_kwe": reactor_power_kwe,
                    "array_kw": 0.0,
                    "battery_kwh": 0.0,
                    "spares_kg": 0.0,
                    "payload_kg": n_miners * miner_mass_kg + reactor_mass_kg,
                    "reactor_mass_kg": reactor_mass_kg,
                    "failed": False,
                    "planned_day": 0.0,
                }
            ],
            columns=list(LANDINGS_COLUMNS),
        ),
        landing_failure_probability=0.0,
        max_flights_per_year=flight_rates({}),
        miner_mass_kg=miner_mass_kg,
        concentrator_mass_kg_per_miner=0.0,
        miner_power_kw=200.0,
        miner_mtbf_h=1000.0,
        miner_mttr_h=100.0,
        power_for_miners_kw=reactor_power_kwe,
        heat_use_fraction=1.0,
        reo_mass_fractions={"Nd": 1.0},
        seed=0,
    )


def ops(**update: object) -> Operations:
    """Operations settings for tests of the fleet and the flows: the scenario defaults, but the
    fines heated by a concentrator big enough never to limit (no light series: the Sun always
    up), a plant that never fails or fades, landings that never fail; ``update`` overrides any
    field."""
    fields: dict[str, object] = {
        "landing_failure_probability": 0.0,
        "heat_source": "solar_concentrator",
        "concentrator_kw_th": 10_000.0,
        "reactor_availability": 1.0,
        "reactor_capacity_loss_per_year": 0.0,
    }
    fields.update(update)
    return Operations(**fields)  # type: ignore[arg-type]
