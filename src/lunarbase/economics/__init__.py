"""Economics: costs, markets, fusion value of He-3, cash flows, uncertainty and sensitivity.

The stage entry point is :func:`evaluate` (:mod:`.stage`); models in :mod:`.costs`,
:mod:`.market`, :mod:`.fusion`, :mod:`.metrics`, :mod:`.surrogate` and :mod:`.montecarlo`;
distributions in :mod:`.distributions`, Sobol indices in :mod:`.sensitivity`, block-seeded
sweeps (in process or on Dask) in :mod:`.sweep`.
"""

from lunarbase.economics import (
    costs,
    distributions,
    fusion,
    market,
    metrics,
    montecarlo,
    sensitivity,
    surrogate,
    sweep,
)
from lunarbase.economics.fusion import (
    electric_energy_mwh_per_kg,
    fusion_energy_j_per_kg_he3,
    homes_powered_for_a_year,
    kg_per_gwe_year,
)
from lunarbase.economics.montecarlo import COST_LINES
from lunarbase.economics.stage import (
    MONEY,
    EconomicsResults,
    evaluate,
    npv_sensitivity,
    sensitivity_to_dict,
)

__all__ = [
    "COST_LINES",
    "MONEY",
    "EconomicsResults",
    "costs",
    "distributions",
    "electric_energy_mwh_per_kg",
    "evaluate",
    "fusion",
    "fusion_energy_j_per_kg_he3",
    "homes_powered_for_a_year",
    "kg_per_gwe_year",
    "market",
    "metrics",
    "montecarlo",
    "npv_sensitivity",
    "sensitivity",
    "sensitivity_to_dict",
    "surrogate",
    "sweep",
]
