"""Operations stage: a SimPy model of the miner fleet, processing, power and return flights.

Entry points (:mod:`.stage`): :func:`simulate` (discrete-event, seeded) and
:func:`expected_he3_kg_per_year` (closed-form steady state of the same model).
"""

from lunarbase.operations.power import powered_miner_slots
from lunarbase.operations.stage import (
    ANNUAL_COLUMNS,
    OperationsResults,
    expected_he3_kg_per_year,
    simulate,
)

__all__ = [
    "ANNUAL_COLUMNS",
    "OperationsResults",
    "expected_he3_kg_per_year",
    "powered_miner_slots",
    "simulate",
]
