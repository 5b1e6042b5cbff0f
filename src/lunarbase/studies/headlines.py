"""The headline of one run to the economics stage: the few figures a person moving an
assumption watches (the dashboard's metric cards), as numbers with their units."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from lunarbase.errors import ScenarioError

if TYPE_CHECKING:
    from lunarbase.pipeline import Results


@dataclass(frozen=True)
class Headline:
    """The headline figures of a run (:func:`headline`).

    Attributes
    ----------
    npv_p50_usd : float
        Median NPV of the Monte Carlo draws. [USD]
    prob_npv_positive : float
        Fraction of the draws with NPV > 0. [-]
    npv_nominal_usd : float
        NPV at the nominal inputs. [USD]
    he3_kg_per_year : float
        He-3 extracted per operating year. [kg/yr]
    cost_per_kg_he3_usd : float
        Cost per kg of He-3 delivered (NaN when none is). [USD/kg]
    """

    npv_p50_usd: float
    prob_npv_positive: float
    npv_nominal_usd: float
    he3_kg_per_year: float
    cost_per_kg_he3_usd: float


def headline(results: Results) -> Headline:
    """The :class:`Headline` of a run.

    Raises
    ------
    ScenarioError
        The run stopped before the economics stage.
    """
    ops, econ = results.operations, results.economics
    if ops is None or econ is None:
        raise ScenarioError("headline: the run must reach the economics stage")
    return Headline(
        npv_p50_usd=float(econ.npv_band["p50"]),
        prob_npv_positive=float(econ.npv_band["prob_npv_positive"]),
        npv_nominal_usd=float(econ.metrics["npv_usd"]),
        he3_kg_per_year=ops.he3_extracted_kg / len(ops.annual),
        cost_per_kg_he3_usd=float(econ.metrics["cost_per_kg_he3_usd"]),
    )
