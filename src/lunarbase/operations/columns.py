"""Column names of the operations results: the annual and daily tables, their energy, landed,
rare-earth and by-product parts, and the hourly power series."""

from __future__ import annotations

from lunarbase.operations.rare_earths import GROUPS
from lunarbase.resources import byproducts_per_kg_he3

DAY_H = 24
"""Length of a daily bin [h]."""

REO_COLUMNS = tuple(f"reo_{group}_kg" for group in GROUPS)
"""Rare-earth oxide columns, one per element group of :mod:`.rare_earths`."""

SPECIES = tuple(byproducts_per_kg_he3())
"""By-product species released with the He-3 (:mod:`lunarbase.resources.volatiles`)."""

BYPRODUCT_COLUMNS = tuple(f"{species.lower()}_kg" for species in SPECIES)
"""By-product columns, one per species [kg]."""

ENERGY_COLUMNS = (
    "fission_energy_mwh",
    "solar_energy_mwh",
    "energy_generated_mwh",
    "electric_energy_mwh",
    "energy_stored_mwh",
    "energy_curtailed_mwh",
    "battery_losses_mwh",
    "energy_deficit_mwh",
    "reactor_thermal_energy_mwh",
)
"""Energy columns [MWh]: generation by source and in all; ``electric_energy_mwh`` what the loads
were served (consumed); ``energy_stored_mwh`` the change in the battery's charge; curtailed;
battery losses; ``energy_deficit_mwh`` what the loads asked for and did not get;
``reactor_thermal_energy_mwh`` the fission heat behind the fission electricity [MWh(th)].
Every bin: generated = consumed + stored + curtailed + losses."""

LANDED_MASS_COLUMNS = (
    "miner_mass_landed_kg",
    "concentrator_mass_landed_kg",
    "reactor_mass_landed_kg",
    "array_mass_landed_kg",
    "battery_mass_landed_kg",
    "spares_landed_kg",
)
"""Hardware landed in a bin by kind [kg] (the parts of ``landed_mass_kg``)."""


LANDED_COLUMNS = (
    "miners_landed",
    "reactor_kwe_landed",
    "array_kw_landed",
    "battery_kwh_landed",
    "miner_mass_landed_kg",
    "concentrator_mass_landed_kg",
    "reactor_mass_landed_kg",
    "array_mass_landed_kg",
    "battery_mass_landed_kg",
    "spares_landed_kg",
    "landed_mass_kg",
    "landings_failed",
    "payload_lost_kg",
)
"""What landed in a bin (landings after the end of the run never happen; failed landings
land nothing): miners [count], plant [kWe], arrays [kW], battery [kWh], their masses (the
miners' solar concentrators apart), the spares and the whole payload [kg], dated by the landing
schedule (the economics stage prices them in that year); then the landings that failed in the
bin [count] and the payload they lost [kg] (launched, never landed)."""

LANDINGS_COLUMNS = (
    "day",
    "lander",
    "miners",
    "reactor_kwe",
    "array_kw",
    "battery_kwh",
    "spares_kg",
    "payload_kg",
    "reactor_mass_kg",
    "failed",
    "planned_day",
)
"""Columns of :attr:`OperationsResults.landings`, one row per landing flown within the run: the
day it flew [d], lander, miners [count], plant [kWe], arrays [kW], battery [kWh], spares [kg],
the whole payload and its plant unit's part [kg], whether it failed (its payload lost) [bool]
and the day the schedule planned (earlier when its launcher's flight rate made it slip) [d]."""

ANNUAL_COLUMNS = (
    "regolith_excavated_t",
    "fines_processed_t",
    "he3_extracted_kg",
    "thermal_energy_mwh",
    *ENERGY_COLUMNS,
    *REO_COLUMNS,
    *BYPRODUCT_COLUMNS,
    "he3_shipped_kg",
    "he3_lost_kg",
    "he3_stock_kg",
    "hopper_fines_t",
    "spares_stock_kg",
    "miner_availability",
    "miners_up",
    "miners_down",
    "power_limited_miners",
    "launches",
    *LANDED_COLUMNS,
)
"""Columns of :attr:`OperationsResults.annual` and ``daily``: mass flows [t, kg];
``thermal_energy_mwh`` the heat the heaters took from their source [MWh(th)]; the
:data:`ENERGY_COLUMNS`; ``reo_*_kg`` rare-earth oxide by group and the by-products by species
[kg]; He-3 shipped and lost [kg]; the He-3, the fines in the hopper [t] and the spares on the
surface at the end of the bin [kg];
availability the fraction of miner-hours on the Moon that were up [-]; mean miners up, down
and up-but-idled for lack of power over the bin [count]; return flights flown; and the
:data:`LANDED_COLUMNS` (what landed in the bin)."""

ENERGY_BALANCE = (
    "electric_energy_mwh",
    "energy_stored_mwh",
    "energy_curtailed_mwh",
    "battery_losses_mwh",
)
"""The columns that add up to ``energy_generated_mwh`` in every bin: consumed + stored +
curtailed + losses [MWh]."""

HOURLY_COLUMNS = (
    "fission_kw",
    "solar_kw",
    "base_demand_kw",
    "base_served_kw",
    "processing_demand_kw",
    "processing_served_kw",
    "excavation_demand_kw",
    "excavation_served_kw",
    "battery_charge_kw",
    "battery_discharge_kw",
    "state_of_charge_kwh",
    "curtailed_kw",
    "battery_losses_kw",
    "hopper_fines_t",
    "miners_up",
)
"""Columns of :attr:`OperationsResults.hourly` [kW; kWh and t in the hopper at the end of the
hour; miners up]."""
