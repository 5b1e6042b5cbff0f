"""Programmes side by side: the same pipeline's results for several scenarios, by calendar year,
with the milestones each crosses, which crosses first, and the race for sites (a
:class:`Comparison`; :mod:`lunarbase.report` draws it).

Series (by calendar year; operating year 1 is the year the terrain stage's light period starts,
the development year 0 the year before):

- ``landed_mass_kg``: hardware and spares landed that year [kg];
- ``surface_power_kw``: fission plant [kWe] plus solar arrays [kW] landed so far;
- ``he3_shipped_kg``: He-3 shipped to Earth that year [kg];
- ``ree_oxide_kg``: rare-earth oxide extracted that year [kg];
- ``cumulative_cost_usd``: every cost line, summed from the development year on [USD];
- ``cumulative_npv_usd``: discounted net cash flow summed from the development year [USD].

Milestones: first surface power, first He-3 shipped, 1 kg of He-3 a year, and 100 kg a year,
about the fuel of 1 GWe-year of D-He3 fusion (:func:`lunarbase.economics.kg_per_gwe_year`).
Each programme's dated flights besides the simulated landings (its scenario's ``missions``)
come with it, for the timeline.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from lunarbase.economics import COST_LINES
from lunarbase.errors import ScenarioError
from lunarbase.jsonable import plain
from lunarbase.studies.defaults import SAFETY_ZONE_KM, SAFETY_ZONE_SOURCE

if TYPE_CHECKING:
    from lunarbase.pipeline import Results

SERIES = {
    "landed_mass_kg": "landed mass [kg/yr]",
    "surface_power_kw": "surface power installed [kW]",
    "he3_shipped_kg": "He-3 shipped [kg/yr]",
    "ree_oxide_kg": "rare-earth oxide [kg/yr]",
    "cumulative_cost_usd": "cumulative cost [USD]",
    "cumulative_npv_usd": "cumulative discounted net [USD]",
}
"""Series of :func:`programme_series` and their axis titles."""

MILESTONES = {
    "first_surface_power": ("surface_power_kw", 0.0),
    "first_he3_shipped": ("he3_shipped_kg", 0.0),
    "he3_1_kg_per_yr": ("he3_shipped_kg", 1.0 - 1e-9),
    "he3_100_kg_per_yr": ("he3_shipped_kg", 100.0 - 1e-9),
}
"""Milestone -> (series, the value it must exceed) [kW, kg/yr]."""

ASSUMPTIONS = (
    ("operations", "n_miners", "miners [count]"),
    ("operations", "reactor_power_kwe", "fission plant [kWe]"),
    ("operations", "years", "operating years"),
    ("economics", "launch_cost_usd_per_kg", "launch price [USD/kg]"),
    ("economics", "he3_price_usd_per_l", "He-3 price [USD/L]"),
    ("economics", "discount_rate", "discount rate [1/yr]"),
)
"""Scenario fields stated beside each programme's numbers: (table, field, label)."""


def programme_series(results: Results) -> pd.DataFrame:
    """The :data:`SERIES` of one whole run by calendar year (development year first).

    Raises
    ------
    ScenarioError
        The run stopped before the economics stage.
    """
    terrain, ops, econ = results.terrain, results.operations, results.economics
    if terrain is None or ops is None or econ is None:
        raise ScenarioError("compare: each scenario must run to the economics stage")
    first = terrain.light_settings.start.year
    annual = ops.annual
    flows = econ.cash_flows
    costs = flows[list(COST_LINES)].sum(axis=1).to_numpy()
    zero = np.zeros(1)
    power = (annual["reactor_kwe_landed"] + annual["array_kw_landed"]).cumsum().to_numpy()
    return pd.DataFrame(
        {
            "landed_mass_kg": np.r_[zero, annual["landed_mass_kg"].to_numpy()],
            "surface_power_kw": np.r_[zero, power],
            "he3_shipped_kg": np.r_[zero, annual["he3_shipped_kg"].to_numpy()],
            "ree_oxide_kg": np.r_[zero, ops.ree_oxide_kg_by_year],
            "cumulative_cost_usd": np.cumsum(costs),
            "cumulative_npv_usd": flows["cumulative_discounted_usd"].to_numpy(),
        },
        index=pd.RangeIndex(first - 1, first + len(annual), name="year"),
    )


def milestones(series: pd.DataFrame) -> dict[str, int | None]:
    """The first calendar year each of :data:`MILESTONES` is crossed (None: never)."""
    out: dict[str, int | None] = {}
    for name, (column, floor) in MILESTONES.items():
        crossed = series.index[series[column].to_numpy() > floor]
        out[name] = int(crossed[0]) if len(crossed) else None
    return out


def first_to_cross(crossings: dict[str, dict[str, int | None]]) -> dict[str, list[str]]:
    """Per milestone, the programmes that cross it first (several on a tie; none if no one
    does)."""
    out: dict[str, list[str]] = {}
    for milestone in MILESTONES:
        years: dict[str, int] = {}
        for name, crossed in crossings.items():
            year = crossed[milestone]
            if year is not None:
                years[name] = year
        best = min(years.values(), default=None)
        out[milestone] = sorted(name for name, year in years.items() if year == best)
    return out


@dataclass(frozen=True, eq=False)
class Programme:
    """One programme of a comparison.

    Attributes
    ----------
    scenario_name : str
        The scenario's name.
    missions : tuple of dict
        Its dated flights besides the simulated landings (name, date, vehicle, purpose,
        source).
    series : pandas.DataFrame
        The :data:`SERIES` by calendar year (:func:`programme_series`).
    milestones : dict of str to int or None
        The first calendar year each of :data:`MILESTONES` is crossed (None: never).
    assumptions : dict of str to dict
        The :data:`ASSUMPTIONS` by ``table.field``: label, value and source.
    npv_usd : dict or None
        The economics stage's NPV band [USD] (p05, p50, p95, ...).
    """

    scenario_name: str
    missions: tuple[dict[str, Any], ...]
    series: pd.DataFrame
    milestones: dict[str, int | None]
    assumptions: dict[str, dict[str, Any]]
    npv_usd: dict[str, Any] | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the series as one list per column beside ``year``."""
        return {
            "scenario_name": self.scenario_name,
            "missions": list(self.missions),
            "series": {"year": list(self.series.index), **self.series.to_dict(orient="list")},
            "milestones": self.milestones,
            "assumptions": self.assumptions,
            "npv_usd": self.npv_usd,
        }


@dataclass(frozen=True)
class SiteRace:
    """The race for sites (:func:`lunarbase.sites.race`).

    Attributes
    ----------
    safety_zone_km : float
        Safety-zone radius around each claim. [km]
    order : tuple of str
        The programmes in the order they first land surface power (ties by name).
    claims : dict
        Per programme its claim (the ranked row with its ``rank`` and ``score_loss``), or None
        when every one of its sites lies in an earlier zone.
    safety_zone_source : str
        Where the radius comes from.
    """

    safety_zone_km: float
    order: tuple[str, ...]
    claims: dict[str, dict[str, Any] | None]
    safety_zone_source: str = SAFETY_ZONE_SOURCE

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {
            "safety_zone_km": self.safety_zone_km,
            "safety_zone_source": self.safety_zone_source,
            "order": list(self.order),
            "claims": self.claims,
        }


@dataclass(frozen=True)
class Comparison:
    """Several programmes side by side (:func:`comparison`).

    Attributes
    ----------
    programmes : dict of str to Programme
        Each programme by name, in the order given.
    first_to_cross : dict of str to list of str
        Per milestone, the programmes that cross it first (several on a tie; none if no one
        does).
    race : SiteRace
        The race for sites.
    """

    programmes: dict[str, Programme]
    first_to_cross: dict[str, list[str]]
    race: SiteRace

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (``lunarbase compare --json`` and ``compare.json``)."""
        return plain(
            {
                "programmes": {name: p.to_dict() for name, p in self.programmes.items()},
                "first_to_cross": self.first_to_cross,
                "race": self.race.to_dict(),
            }
        )


def comparison(
    results: Mapping[str, Results], safety_zone_km: float = SAFETY_ZONE_KM
) -> Comparison:
    """Series, milestones, the first to cross each, the stated assumptions of several runs,
    and the race for sites, keyed by programme name.

    The race: the programmes claim sites in the order they first land surface power (ties by
    name), each its own best-ranked site outside the ``safety_zone_km`` [km] zones of the
    claims before it (:func:`lunarbase.sites.race`).

    Raises
    ------
    ScenarioError
        A run that stopped before the economics stage.
    """
    from lunarbase.sites import race

    programmes = {name: _programme(run) for name, run in results.items()}
    crossings = {name: p.milestones for name, p in programmes.items()}
    never = 10_000
    order = sorted(results, key=lambda n: (crossings[n]["first_surface_power"] or never, n))
    rankings = {}
    for name, run in results.items():
        if run.sites is None:
            raise ScenarioError("compare: each scenario must run its sites stage")
        rankings[name] = run.sites.table
    claims = race(rankings, order, safety_zone_km)
    return Comparison(
        programmes=programmes,
        first_to_cross=first_to_cross(crossings),
        race=SiteRace(safety_zone_km=safety_zone_km, order=tuple(order), claims=claims),
    )


def _programme(run: Results) -> Programme:
    """One run as a :class:`Programme`."""
    series = programme_series(run)
    sc = run.scenario
    stated = {
        f"{table}.{field}": {
            "label": label,
            "value": getattr(getattr(sc, table), field),
            "source": sc.sources.get(f"{table}.{field}", "schema default"),
        }
        for table, field, label in ASSUMPTIONS
    }
    return Programme(
        scenario_name=sc.scenario.name,
        missions=tuple(m.model_dump(mode="json") for m in sc.missions),
        series=series,
        milestones=milestones(series),
        assumptions=stated,
        npv_usd=run.economics.npv_band if run.economics is not None else None,
    )
