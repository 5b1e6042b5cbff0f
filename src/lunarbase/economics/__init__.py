"""Economics: costs, markets, fusion value of He-3, cash flows, uncertainty and sensitivity.

The stage entry point is :func:`evaluate` (:mod:`.stage`), break-even answers
:func:`break_even_of` and :func:`frontier_of` (:mod:`.breakeven`), delivered prices by lander
:func:`lander_catalogue` (:mod:`.delivery`); models in :mod:`.costs`,
:mod:`.market`, :mod:`.fusion`, :mod:`.metrics`, :mod:`.surrogate` and :mod:`.montecarlo`;
distributions in :mod:`.distributions`, Sobol indices in :mod:`.sensitivity`, block-seeded
sweeps (in process or on Dask) in :mod:`.sweep`.
"""

from lunarbase.economics import (
    breakeven,
    costs,
    delivery,
    distributions,
    fusion,
    market,
    metrics,
    montecarlo,
    sensitivity,
    surrogate,
    sweep,
)
from lunarbase.economics.breakeven import DEFAULT_INPUTS as BREAKEVEN_INPUTS
from lunarbase.economics.delivery import catalogue as lander_catalogue
from lunarbase.economics.delivery import typical_price_usd_per_kg
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
    break_even_of,
    breakeven_sentence,
    evaluate,
    frontier_of,
    npv_sensitivity,
    resolve_input,
    sensitivity_to_dict,
    setting_name,
)

__all__ = [
    "BREAKEVEN_INPUTS",
    "COST_LINES",
    "MONEY",
    "EconomicsResults",
    "break_even_of",
    "breakeven",
    "breakeven_sentence",
    "costs",
    "delivery",
    "distributions",
    "electric_energy_mwh_per_kg",
    "evaluate",
    "frontier_of",
    "fusion",
    "fusion_energy_j_per_kg_he3",
    "homes_powered_for_a_year",
    "kg_per_gwe_year",
    "lander_catalogue",
    "market",
    "metrics",
    "montecarlo",
    "npv_sensitivity",
    "resolve_input",
    "sensitivity",
    "sensitivity_to_dict",
    "setting_name",
    "surrogate",
    "sweep",
    "typical_price_usd_per_kg",
]
