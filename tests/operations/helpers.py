"""Stand-ins for operations tests and the stages after operations: a mining feed (grades and
soil of a plain test site) and operations results that only ship given He-3."""

from __future__ import annotations

import pandas as pd

from lunarbase.operations import MiningFeed, OperationsResults


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
    """Operations results that ship ``shipped_kg`` of He-3 in years 1..N [kg] with the given
    fleet and plant; every other output is empty or zero (economics reads only these)."""
    index = pd.RangeIndex(1, len(shipped_kg) + 1, name="year")
    annual = pd.DataFrame({"he3_shipped_kg": shipped_kg}, index=index)
    return OperationsResults(
        annual=annual,
        daily=annual.iloc[:0],
        he3_stock_end_kg=0.0,
        feed=feed(20.0, 0.44),
        daylight_duty_fraction=1.0,
        powered_miner_slots=n_miners,
        miner_availability=1.0,
        heater_power_kw_th=0.0,
        byproducts_kg={},
        n_miners=n_miners,
        miner_mass_kg=miner_mass_kg,
        reactor_power_kwe=reactor_power_kwe,
        reactor_mass_kg=reactor_mass_kg,
        seed=0,
    )
