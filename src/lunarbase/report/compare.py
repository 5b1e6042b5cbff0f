"""Programmes side by side: the same pipeline's results for several scenarios, by calendar year,
with the milestones each crosses and which crosses first, as JSON, a figure and a page.

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

import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lunarbase.economics import COST_LINES
from lunarbase.errors import ScenarioError
from lunarbase.fileio import atomic_write_bytes, atomic_write_text, output_folder
from lunarbase.jsonable import plain

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


SAFETY_ZONE_KM = 5.0
"""Default safety-zone radius of the race for sites [km] (assumption: the Artemis Accords
provide for safety zones but fix no radius)."""


def comparison(
    results: dict[str, Results], safety_zone_km: float = SAFETY_ZONE_KM
) -> dict[str, Any]:
    """Series, milestones, the first to cross each, the stated assumptions of several runs,
    and the race for sites (JSON-ready), keyed by programme name.

    The race: the programmes claim sites in the order they first land surface power (ties by
    name), each its own best-ranked site outside the ``safety_zone_km`` [km] zones of the
    claims before it (:func:`lunarbase.sites.race`)."""
    from lunarbase.sites import race

    per: dict[str, Any] = {}
    crossings = {}
    for name, run in results.items():
        series = programme_series(run)
        crossings[name] = milestones(series)
        sc = run.scenario
        stated = {
            f"{table}.{field}": {
                "label": label,
                "value": getattr(getattr(sc, table), field),
                "source": sc.sources.get(f"{table}.{field}", "schema default"),
            }
            for table, field, label in ASSUMPTIONS
        }
        per[name] = {
            "scenario_name": sc.scenario.name,
            "missions": [m.model_dump(mode="json") for m in sc.missions],
            "series": {"year": list(series.index), **series.to_dict(orient="list")},
            "milestones": crossings[name],
            "assumptions": stated,
            "npv_usd": run.economics.npv_band if run.economics is not None else None,
        }
    never = 10_000
    order = sorted(results, key=lambda n: (crossings[n]["first_surface_power"] or never, n))
    rankings = {}
    for name, run in results.items():
        if run.sites is None:
            raise ScenarioError("compare: each scenario must run its sites stage")
        rankings[name] = run.sites.table
    claims = race(rankings, order, safety_zone_km)
    return plain(
        {
            "programmes": per,
            "first_to_cross": first_to_cross(crossings),
            "race": {
                "safety_zone_km": safety_zone_km,
                "safety_zone_source": "assumption: the Artemis Accords (2020, section 11) "
                "provide for safety zones but fix no radius",
                "order": order,
                "claims": claims,
            },
        }
    )


SIGNED_LOG_FLOOR_USD = 1e6
"""Below this magnitude [USD] the cumulative NPV panel is linear; above it, logarithmic."""


def signed_log(values_usd: Any) -> np.ndarray:
    """``sign(v) log10(1 + |v| / SIGNED_LOG_FLOOR_USD)``: a symmetric log scale [-] on which
    both a loss of a few million and one of a trillion dollars show."""
    v = np.asarray(values_usd, float)
    return np.sign(v) * np.log10(1.0 + np.abs(v) / SIGNED_LOG_FLOOR_USD)


def signed_log_ticks(values_usd: Any) -> tuple[list[float], list[str]]:
    """Tick positions on :func:`signed_log` and their labels (``-$10B``, ``$0``, ``$1M``), one
    per decade of dollars the values reach."""
    top = float(np.nanmax(np.abs(np.asarray(values_usd, float)), initial=0.0))
    decades = range(
        int(np.ceil(np.log10(max(top, SIGNED_LOG_FLOOR_USD) / SIGNED_LOG_FLOOR_USD))) + 1
    )
    words = {0: "M", 3: "B", 6: "T"}
    ticks, labels = [0.0], ["$0"]
    for k in decades:
        unit = 3 * (k // 3)
        text = f"${10 ** (k - unit)}{words.get(unit, f'e{k + 6}')}"
        for sign in (1.0, -1.0):
            ticks.append(sign * float(signed_log(SIGNED_LOG_FLOOR_USD * 10.0**k)))
            labels.append(text if sign > 0 else f"-{text}")
    return ticks, labels


def comparison_figure(data: dict[str, Any]) -> go.Figure:
    """The :data:`SERIES` of every programme of a :func:`comparison`, by calendar year
    (:func:`series_figure`)."""
    return series_figure(
        {
            name: pd.DataFrame(block["series"]).set_index("year")
            for name, block in data["programmes"].items()
        }
    )


def series_figure(series: Mapping[str, pd.DataFrame]) -> go.Figure:
    """The :data:`SERIES` of each programme (its frame indexed by calendar year), one panel
    per series, each on a scale where every programme shows however small beside the others:
    logarithmic for the amounts (a year with none leaves a gap), symmetric-logarithmic
    (:func:`signed_log`) for the cumulative NPV, which changes sign."""
    from plotly.subplots import make_subplots

    names = list(SERIES)
    fig = make_subplots(rows=3, cols=2, subplot_titles=[SERIES[n] for n in names])
    colours = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b")
    npv: list[float] = []
    for k, (programme, frame) in enumerate(series.items()):
        colour = colours[k % len(colours)]
        for i, column in enumerate(names):
            values = frame[column].to_numpy(float)
            if column == "cumulative_npv_usd":
                npv.extend(values.tolist())
                y = signed_log(values)
            else:
                y = np.where(values > 0.0, values, np.nan)
            fig.add_scatter(
                x=frame.index.to_list(),
                y=y,
                customdata=values,
                hovertemplate=f"{programme} %{{x}}: %{{customdata:.3s}}<extra></extra>",
                name=programme,
                legendgroup=programme,
                showlegend=i == 0,
                mode="lines+markers",
                marker={"size": 4},
                line={"color": colour},
                row=i // 2 + 1,
                col=i % 2 + 1,
            )
    for i, column in enumerate(names):
        where = {"row": i // 2 + 1, "col": i % 2 + 1}
        if column == "cumulative_npv_usd":
            ticks, labels = signed_log_ticks(npv)
            fig.update_yaxes(tickvals=ticks, ticktext=labels, zeroline=True, **where)
        else:
            fig.update_yaxes(type="log", exponentformat="B", **where)
    fig.update_layout(
        title="Programmes side by side (same pipeline, same data; log scales)",
        template="plotly_white",
        height=900,
        margin={"l": 60, "r": 20, "t": 80, "b": 40},
    )
    return fig


def page(data: dict[str, Any], fig: go.Figure) -> str:
    """The comparison page: milestones, who crosses first, the stated assumptions beside the
    numbers they drive, and the figure (plotly.js inlined; loads nothing from the network)."""
    import jinja2
    from plotly.offline import get_plotlyjs

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("lunarbase", "report/templates"),
        autoescape=jinja2.select_autoescape(["html"]),
    )
    return env.get_template("compare.html").render(
        data=data,
        milestones=list(MILESTONES),
        figure=fig.to_html(full_html=False, include_plotlyjs=False, div_id="fig-compare"),
        plotly_js=get_plotlyjs(),
    )


def write_comparison(data: dict[str, Any], out_dir: Path) -> dict[str, Path]:
    """Write ``compare.json``, ``compare.html`` (and ``compare.png`` where a browser is found)
    into ``out_dir``, each atomically, once all are made."""
    from lunarbase.report.png import figure_pngs

    fig = comparison_figure(data)
    texts = {
        "compare.json": json.dumps(data, indent=1, sort_keys=True, allow_nan=False) + "\n",
        "compare.html": page(data, fig),
    }
    pngs = figure_pngs({"compare": fig})
    written: dict[str, Path] = {}
    with output_folder(out_dir) as folder:
        for name, text in texts.items():
            atomic_write_text(folder / name, text)
            written[name] = folder / name
        for key, blob in pngs.items():
            atomic_write_bytes(folder / f"{key}.png", blob)
            written[f"{key}.png"] = folder / f"{key}.png"
    return written
