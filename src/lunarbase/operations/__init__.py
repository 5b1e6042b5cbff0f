"""Operations stage: the mining base hour by hour: SimPy for the hardware's landings, failures
and repairs and the return flights, a vectorised hourly energy balance for the power.

Entry points (:mod:`.stage`): :func:`simulate` (seeded) and :func:`expected_he3_kg_per_year`
(closed-form steady state of the same model); the steps of a run are in :mod:`.events`,
:mod:`.balance` and :mod:`.ledger`, its results in :mod:`.results`. Heating the fines (cp(T),
heater power) is in :mod:`.heating`; sources, battery and dispatch policies in :mod:`.power`.
"""

from lunarbase.operations.columns import (
    ANNUAL_COLUMNS,
    ENERGY_BALANCE,
    HOURLY_COLUMNS,
    LANDINGS_COLUMNS,
)
from lunarbase.operations.heating import (
    CP_MODELS,
    heater_power_kw_th,
    sensible_heat_j_per_kg,
    specific_heat_j_per_kg_k,
)
from lunarbase.operations.inputs import MiningFeed, SiteLight, feed_from, light_from
from lunarbase.operations.logistics import LANDERS, Lander
from lunarbase.operations.miner_power import miner_heater_power_kw_th
from lunarbase.operations.power import (
    LOADS,
    Battery,
    Dispatch,
    DispatchPolicy,
    Loads,
    fission_output_kw,
    priority_dispatch,
    solar_output_kw,
)
from lunarbase.operations.results import OperationsResults
from lunarbase.operations.schedule import ramp_fraction
from lunarbase.operations.stage import (
    expected_he3_kg_per_year,
    expected_working_miners,
    simulate,
)

__all__ = [
    "ANNUAL_COLUMNS",
    "CP_MODELS",
    "ENERGY_BALANCE",
    "HOURLY_COLUMNS",
    "LANDERS",
    "LANDINGS_COLUMNS",
    "LOADS",
    "Battery",
    "Dispatch",
    "DispatchPolicy",
    "Lander",
    "Loads",
    "MiningFeed",
    "OperationsResults",
    "SiteLight",
    "expected_he3_kg_per_year",
    "expected_working_miners",
    "feed_from",
    "fission_output_kw",
    "heater_power_kw_th",
    "light_from",
    "miner_heater_power_kw_th",
    "priority_dispatch",
    "ramp_fraction",
    "sensible_heat_j_per_kg",
    "simulate",
    "solar_output_kw",
    "specific_heat_j_per_kg_k",
]
