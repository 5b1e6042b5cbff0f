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
from lunarbase.economics.stage import MONEY, EconomicsResults, evaluate

__all__ = [
    "MONEY",
    "EconomicsResults",
    "costs",
    "distributions",
    "evaluate",
    "fusion",
    "market",
    "metrics",
    "montecarlo",
    "sensitivity",
    "surrogate",
    "sweep",
]
