"""The report's verdict: sentences computed from a run's results (``results.json``) alone,
saying where the base stands and what it yields, whether it pays and what decides that, and
what it would take to pay (the economics stage's break-even,
:mod:`lunarbase.economics.breakeven`)."""

from __future__ import annotations

from typing import Any

from lunarbase.report.tables import latlon_text


def _money(usd: float) -> str:
    """A sum of money in words: ``$49.6 billion``, ``-$310 million``."""
    sign, size = ("-" if usd < 0 else ""), abs(usd)
    if size >= 1e9:
        return f"{sign}${size / 1e9:,.1f} billion"
    return f"{sign}${size / 1e6:,.0f} million"


def verdict(data: dict[str, Any]) -> str:
    """Sentences on a whole run: the base and its yield; whether it pays and which input
    dominates the uncertainty; what would make it pay ("it would pay only if ..."). Inputs are
    named as a user sets them (:func:`lunarbase.economics.setting_name`).

    Parameters
    ----------
    data : dict
        A run's results as in ``results.json`` (:meth:`lunarbase.pipeline.Results.to_dict`):
        ``sites.base``, ``sites.choice``, ``operations.totals``, ``operations.annual``,
        ``scenario.operations``, ``economics`` (``npv_usd``, ``prob_npv_positive``,
        ``sobol``, ``he3_fraction_sold``, and ``breakeven_verdict`` where present).

    Returns
    -------
    str
        Two or three sentences; every number in them is one of ``data``'s, rounded.
    """
    from lunarbase.economics import setting_name

    base, totals = data["sites"]["base"], data["operations"]["totals"]
    econ, years = data["economics"], data["scenario"]["operations"]["years"]
    where = "the best-ranked site" if data["sites"]["choice"] == "best" else "the scenario's site"
    per_year = totals["he3_shipped_kg_total"] / years
    first = (
        f"At {where}, {base['place']} ({latlon_text(base['lat_deg'], base['lon_deg'])}; Sun "
        f"{100 * base['illumination_fraction']:.0f} % of the time), the base ships "
        f"{per_year:.1f} kg of He-3 a year over {years} years, "
        f"{100 * econ['he3_fraction_sold']:.0f} % of which today's market takes."
    )
    chance, median = econ["prob_npv_positive"], econ["npv_usd"]["p50"]
    sobol = econ["sobol"]
    if sobol:
        top = max(sobol, key=lambda name: sobol[name]["ST"] or 0.0)
        driver = (
            f"; {setting_name(top)} dominates the uncertainty "
            f"(total Sobol index {sobol[top]['ST']:.2f})"
        )
    else:
        driver = ""
    if median > 0.0:
        second = f"It pays: the median NPV is {_money(median)}, positive in {100 * chance:.0f} %"
    else:
        second = (
            f"It does not pay: the median NPV is {_money(median)}, positive in {100 * chance:.0f} %"
        )
    third = f" {econ['breakeven_verdict']}" if econ.get("breakeven_verdict") else ""
    return f"{first} {second} of {econ['montecarlo_draws']:,} draws{driver}.{third}"
