"""Operations stage: a SimPy model of the miner fleet, processing, power and return flights.

Entry points (:mod:`.stage`): :func:`simulate` (discrete-event, seeded) and
:func:`expected_he3_kg_per_year` (closed-form steady state of the same model). Heating the
fines (cp(T), heater power) is in :mod:`.heating`.
"""

from lunarbase.operations.heating import (
    CP_MODELS,
    heater_power_kw_th,
    sensible_heat_j_per_kg,
    specific_heat_j_per_kg_k,
)
from lunarbase.operations.power import powered_miner_slots
from lunarbase.operations.stage import (
    ANNUAL_COLUMNS,
    MiningFeed,
    OperationsResults,
    expected_he3_kg_per_year,
    feed_from,
    miner_heater_power_kw_th,
    simulate,
)

__all__ = [
    "ANNUAL_COLUMNS",
    "CP_MODELS",
    "MiningFeed",
    "OperationsResults",
    "expected_he3_kg_per_year",
    "feed_from",
    "heater_power_kw_th",
    "miner_heater_power_kw_th",
    "powered_miner_slots",
    "sensible_heat_j_per_kg",
    "simulate",
    "specific_heat_j_per_kg_k",
]
