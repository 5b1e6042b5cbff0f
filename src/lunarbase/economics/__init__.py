"""Economics: costs, fusion value of He-3, discounted cash flow and NPV uncertainty.

The stage entry point is :func:`evaluate` (:mod:`.stage`); models in :mod:`.costs`,
:mod:`.fusion` and :mod:`.montecarlo`.
"""

from lunarbase.economics import costs, fusion, montecarlo
from lunarbase.economics.stage import EconomicsResults, evaluate

__all__ = ["EconomicsResults", "costs", "evaluate", "fusion", "montecarlo"]
