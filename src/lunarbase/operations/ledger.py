"""The operations ledger: the annual and daily tables (:data:`~.columns.ANNUAL_COLUMNS`) summed
over bins of hours from the hourly power series and the hourly flows of the run."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from lunarbase.operations.columns import (
    ANNUAL_COLUMNS,
    BYPRODUCT_COLUMNS,
    LANDED_MASS_COLUMNS,
    SPECIES,
)
from lunarbase.operations.hourly import bin_sums
from lunarbase.operations.inputs import MiningFeed
from lunarbase.operations.power import LOADS
from lunarbase.operations.rare_earths import reo_kg_by_group
from lunarbase.resources import byproducts_per_kg_he3
from lunarbase.typing import FloatArray

if TYPE_CHECKING:
    from lunarbase.scenario import Operations


def binned_table(
    hourly: pd.DataFrame,
    flows: dict[str, FloatArray],
    bin_h: int,
    feed: MiningFeed,
    cfg: Operations,
    index_name: str,
    first: int,
) -> pd.DataFrame:
    """The :data:`ANNUAL_COLUMNS` over bins of ``bin_h`` hours (years or days, the last bin may
    be short) from the hourly series and flows."""

    def sums(values: FloatArray) -> FloatArray:
        return bin_sums(values, bin_h)

    def at_end(values: FloatArray) -> FloatArray:
        return np.asarray(values)[
            np.minimum(np.arange(bin_h, len(values) + bin_h, bin_h), len(values)) - 1
        ]

    n_hours = len(hourly)
    lengths_h = sums(np.ones(n_hours))
    soc = hourly["state_of_charge_kwh"].to_numpy()
    generated = hourly["fission_kw"].to_numpy() + hourly["solar_kw"].to_numpy()
    consumed = sum(hourly[f"{load}_served_kw"].to_numpy() for load in LOADS)
    demand = sum(hourly[f"{load}_demand_kw"].to_numpy() for load in LOADS)
    table: dict[str, FloatArray] = {
        name: sums(flows[name])
        for name in ("regolith_excavated_t", "fines_processed_t", "he3_extracted_kg")
    }
    table["thermal_energy_mwh"] = sums(flows["thermal_energy_mwh"])
    table["fission_energy_mwh"] = sums(hourly["fission_kw"].to_numpy()) / 1e3
    table["solar_energy_mwh"] = sums(hourly["solar_kw"].to_numpy()) / 1e3
    table["energy_generated_mwh"] = sums(generated) / 1e3
    table["electric_energy_mwh"] = sums(consumed) / 1e3
    table["energy_stored_mwh"] = sums(np.diff(soc, prepend=0.0)) / 1e3
    table["energy_curtailed_mwh"] = sums(hourly["curtailed_kw"].to_numpy()) / 1e3
    table["battery_losses_mwh"] = sums(hourly["battery_losses_kw"].to_numpy()) / 1e3
    table["energy_deficit_mwh"] = sums(demand - consumed) / 1e3
    table["reactor_thermal_energy_mwh"] = sums(flows["reactor_thermal_energy_mwh"])
    reo = reo_kg_by_group(table["regolith_excavated_t"], feed.th_ppm, cfg.ree_recovery_fraction)
    for group, kg in reo.items():
        table[f"reo_{group}_kg"] = np.asarray(kg)
    per_kg = byproducts_per_kg_he3(he4_he3_atom_ratio=feed.he4_he3_atom_ratio)
    for species, column in zip(SPECIES, BYPRODUCT_COLUMNS, strict=True):
        table[column] = table["he3_extracted_kg"] * per_kg[species]
    for name in ("he3_shipped_kg", "he3_lost_kg"):
        table[name] = sums(flows[name])
    he3_left = np.cumsum(flows["he3_extracted_kg"] - flows["he3_shipped_kg"] - flows["he3_lost_kg"])
    table["he3_stock_kg"] = at_end(he3_left)
    table["hopper_fines_t"] = at_end(hourly["hopper_fines_t"].to_numpy())
    table["spares_stock_kg"] = at_end(
        np.cumsum(flows["spares_landed_kg"] - flows["spares_taken_kg"])
    )
    up_h = sums(hourly["miners_up"].to_numpy())
    present_h = sums(flows["present"])
    table["miner_availability"] = np.divide(
        up_h, present_h, out=np.full(up_h.size, np.nan), where=present_h > 0
    )
    table["miners_up"] = up_h / lengths_h
    table["miners_down"] = (present_h - up_h) / lengths_h
    table["power_limited_miners"] = sums(flows["power_limited_miners"]) / lengths_h
    table["launches"] = np.rint(sums(flows["launches"])).astype(int)
    table["miners_landed"] = np.rint(sums(flows["miners_landed"])).astype(int)
    for name in ("reactor_kwe_landed", "array_kw_landed", "battery_kwh_landed"):
        table[name] = sums(flows[name])
    for column in LANDED_MASS_COLUMNS:
        table[column] = sums(flows[column])
    table["landed_mass_kg"] = np.sum([table[column] for column in LANDED_MASS_COLUMNS], axis=0)
    table["landings_failed"] = np.rint(sums(flows["landings_failed"])).astype(int)
    table["payload_lost_kg"] = sums(flows["payload_lost_kg"])
    index = pd.RangeIndex(first, first + lengths_h.size, name=index_name)
    return pd.DataFrame(table, index=index)[list(ANNUAL_COLUMNS)]
