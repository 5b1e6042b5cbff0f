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


def _fmt(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def _pct(value: Any) -> str:
    return "n/a" if value is None else f"{100 * value:.1f} %"


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


MINING_COLS = (
    "lat_deg",
    "lon_deg",
    "he3_ppb",
    "tio2_wt_pct",
    "slope_deg",
    "mare_edge_km",
    "earth_visible_fraction",
    "longest_night_h",
    "score",
    "place",
)
"""Columns of the report's table of the best He-3 mining sites."""

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

    from lunarbase.report.assumptions import assumptions
    from lunarbase.report.figures import fragment
    from lunarbase.report.verdict import verdict

    if figs is None:
        figs = report_figures(results)
    data = results.to_dict()
    site_cols = [
        "lat_deg",
        "lon_deg",
        "elevation_m",
        "slope_deg",
        "illumination_fraction",
        "longest_night_h",
        "earth_visible_fraction",
        "distance_to_psr_km",
        "score",
        "place",
    ]
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
        sites=data["sites"]["candidates"],
        base=data["sites"]["base"],
        sites_choice=data["sites"]["choice"],
        mining=data["sites"].get("he3_mining_sites"),
        mining_cols=MINING_COLS,
        base_vs_best=data["sites"]["base_vs_best"],
        site_cols=site_cols,
        verdict=verdict(data),
        assumptions=assumptions(results.scenario),
        scenario_json=json.dumps(data["scenario"], indent=1, sort_keys=True),
        figs={key: Markup(fragment(drawn, key)) for key, drawn in figs.items()},
        plotly_js=Markup(f'<script type="text/javascript">{get_plotlyjs()}</script>'),
        fmt=_fmt,
        pct=_pct,
        money=_money,
    )


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
