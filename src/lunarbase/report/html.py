"""The report: a static, self-contained HTML page (Jinja2 + Plotly, plotly.js inlined),
results.json and each figure as a PNG, drawn from a run's :class:`~lunarbase.pipeline.Results`
alone."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lunarbase.errors import ScenarioError
from lunarbase.fileio import atomic_write_bytes, atomic_write_text, output_folder

if TYPE_CHECKING:
    from lunarbase.pipeline import Results
    from lunarbase.report.figures import Drawn


def _pct(value: Any) -> str:
    from lunarbase.report.tables import percent

    return "n/a" if value is None else percent(value)


def _money(value: Any) -> str:
    return "n/a" if value is None else f"${value / 1e9:,.2f} B"


def report_figures(results: Results) -> dict[str, Drawn]:
    """Every figure of the report by name (its PNG is ``<name>.png``, its div ``fig-<name>``).

    Parameters
    ----------
    results : Results
        A run of the whole chain.

    Returns
    -------
    dict of str to go.Figure or str
        The figures in page order; a figure with nothing to draw is an HTML message instead.
    """
    from lunarbase.economics import COST_LINES
    from lunarbase.report import figures

    terrain, res, ranked = results.terrain, results.resources, results.sites
    ops, econ = results.operations, results.economics
    if terrain is None or res is None or ranked is None or ops is None or econ is None:
        raise ScenarioError("the report needs every stage: run the chain to the end first")
    return {
        "light": figures.light_figure(ranked.series),
        "sites": figures.sites_figure(
            terrain.basemap, ranked.layers, ranked.table, ranked.base.lat_deg, ranked.base.lon_deg
        ),
        "grades": figures.grades_figure(
            res.maps, res.he3_display, None if ranked.mining is None else ranked.mining.table
        ),
        "ops": figures.operations_figure(ops.annual),
        "energy": figures.energy_figure(ops.daily),
        "costs": figures.costs_figure(econ.cash_flows, COST_LINES),
        "npv": figures.npv_figure(econ.npv_draws_usd),
        "tornado": figures.tornado_figure(econ.tornado),
        "market": figures.market_figure(econ.strategic),
    }


CAPTIONS = {
    "light": "Look for the dips: days when the base sees less of the Sun (the long nights) or "
    "loses sight of Earth (no direct radio link).",
    "sites": "Bright ground is lit most of the time; the ranked sites (numbers) and the base "
    "(star) sit on the lit rims beside the blue permanently shadowed craters.",
    "grades": "He-3 follows titanium-rich mare (left), thorium the KREEP terrain around "
    "Procellarum (right); the south pole is poor in both. Markers: the best He-3 mining sites.",
    "ops": "He-3 per operating year: the output grows as miners land, and what is shipped "
    "trails what is extracted by the return flights.",
    "energy": "Top: where each month's electricity comes from and how much the loads used; "
    "bottom: generation thrown away (up) and demand left unmet (down).",
    "costs": "Which cost lines dominate each year, against the He-3 revenue (line).",
    "npv": "Where the Monte Carlo draws fall against the dashed zero line: draws right of it pay.",
    "tornado": "The longest bars are the inputs that move the NPV most; the rest matter less.",
    "market": "A share of 1 means the base alone would supply the whole market that year "
    "(log scale).",
}
"""One line under each figure saying what to look at, by figure name (every key of
:func:`report_figures` has one, tested)."""

SIZE_BUDGET_BYTES = 12_000_000
"""Most bytes the report may take (tested on the default run): plotly.js inlined is ~4.8 MB,
the default scenario's figures and tables ~1.2 MB."""


def render(results: Results, figs: Mapping[str, Drawn] | None = None) -> str:
    """The report HTML of a whole run (every stage's results), drawn from ``results`` alone.

    Parameters
    ----------
    results : Results
        A run of the whole chain.
    figs : mapping of str to go.Figure or str, optional
        Its :func:`report_figures`, when already made.

    Returns
    -------
    str
        The self-contained page.
    """
    import jinja2
    from markupsafe import Markup
    from plotly.offline import get_plotlyjs

    from lunarbase.report import tables
    from lunarbase.report.assumptions import assumptions
    from lunarbase.report.verdict import verdict
    from lunarbase.resources import HE3_MODELS

    if figs is None:
        figs = report_figures(results)
    data = results.to_dict()
    model = data["resources"]["he3_model"]
    model_label = HE3_MODELS[model].reference if model in HE3_MODELS else model
    site_head, site_rows = tables.candidate_rows(data["sites"]["candidates"])
    mining = data["sites"].get("he3_mining_sites")
    mining_head, mining_rows = tables.candidate_rows(
        mining["candidates"] if mining else [], tables.MINING_COLUMNS
    )
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("lunarbase", "report/templates"),
        autoescape=jinja2.select_autoescape(["html"]),
    )
    template = env.get_template("report.html")
    return template.render(
        p=data["provenance"],
        scenario=data["scenario"],
        terrain=data["terrain"],
        res=data["resources"],
        ops=data["operations"],
        econ=data["economics"],
        base=data["sites"]["base"],
        sites_choice=data["sites"]["choice"],
        tables=tables.report_tables(data, model_label),
        versus_best=tables.versus_best_rows(data["sites"]["base_vs_best"]),
        site_head=site_head,
        site_rows=site_rows,
        mining=mining,
        mining_head=mining_head,
        mining_rows=mining_rows,
        mining_weights=tables.weights_text(mining["weights"]) if mining else "",
        verdict=verdict(data),
        assumptions=assumptions(results.scenario),
        scenario_json=json.dumps(data["scenario"], indent=1, sort_keys=True),
        figs={key: Markup(_figure_html(drawn, key)) for key, drawn in figs.items()},
        plotly_js=Markup(f'<script type="text/javascript">{get_plotlyjs()}</script>'),
        sig=tables.sig,
        latlon=tables.latlon_text,
        pct=_pct,
        money=_money,
    )


def _figure_html(drawn: Drawn, key: str) -> str:
    """A figure's HTML and, where it is drawn, its caption (:data:`CAPTIONS`)."""
    from markupsafe import escape

    from lunarbase.report.figures import fragment

    html = fragment(drawn, key)
    caption = CAPTIONS.get(key)
    if isinstance(drawn, str) or caption is None:
        return html
    return f'{html}\n<p class="caption" id="caption-{key}">{escape(caption)}</p>'


def write(results: Results, out_dir: Path) -> dict[str, Path]:
    """Write ``results.json``, ``report.html`` and ``<name>.png`` for each drawn figure into
    ``out_dir``, each file atomically and only once all of them are made.

    Parameters
    ----------
    results : Results
        A run of the whole chain.
    out_dir : Path
        The output folder (created if missing).

    Returns
    -------
    dict of str to Path
        The files written: ``"results"``, ``"report"`` and one entry per PNG, by figure name.
        Without a browser the PNGs are skipped with a
        :class:`~lunarbase.report.png.PngSkippedWarning`, and any left by an earlier run are
        removed so that no stale figure stays beside the new report.
    """
    import plotly.graph_objects as go

    from lunarbase.report.png import figure_pngs

    figs = report_figures(results)  # build everything, then write
    texts = {"results.json": results.to_json(), "report.html": render(results, figs)}
    pngs = figure_pngs({key: fig for key, fig in figs.items() if isinstance(fig, go.Figure)})
    with output_folder(out_dir) as folder:
        for name, text in texts.items():
            atomic_write_text(folder / name, text)
        for key in figs:
            if key in pngs:
                atomic_write_bytes(folder / f"{key}.png", pngs[key])
            else:  # not drawn this time: no stale copy from an earlier run beside the new report
                (folder / f"{key}.png").unlink(missing_ok=True)
    paths = {"results": folder / "results.json", "report": folder / "report.html"}
    return paths | {key: folder / f"{key}.png" for key in pngs}
