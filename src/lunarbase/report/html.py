"""The report: a static, self-contained HTML page (Jinja2 + Plotly, plotly.js inlined) and
results.json, drawn from a run's :class:`~lunarbase.pipeline.Results` alone."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from lunarbase.errors import ScenarioError
from lunarbase.fileio import atomic_write_text, output_folder

if TYPE_CHECKING:
    from lunarbase.pipeline import Results


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


def render(results: Results) -> str:
    """The report HTML of a whole run (every stage's results), drawn from ``results`` alone."""
    import jinja2
    from plotly.offline import get_plotlyjs

    from lunarbase.economics import COST_LINES
    from lunarbase.report import figures

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
        "near_feature",
    ]
    terrain, res, ranked = results.terrain, results.resources, results.sites
    ops, econ = results.operations, results.economics
    if terrain is None or res is None or ranked is None or ops is None or econ is None:
        raise ScenarioError("the report needs every stage: run the chain to the end first")
    figs = {
        "light": figures.light_figure(terrain.series),
        "sites": figures.sites_figure(
            terrain.basemap, ranked.table, terrain.site.lat_deg, terrain.site.lon_deg
        ),
        "he3": figures.he3_figure(res.maps),
        "ops": figures.operations_figure(ops.annual),
        "energy": figures.energy_figure(ops.daily),
        "npv": figures.npv_figure(econ.npv_draws_usd),
        "costs": figures.costs_figure(econ.cash_flows, COST_LINES),
        "tornado": figures.tornado_figure(econ.tornado),
        "market": figures.market_figure(econ.strategic),
    }
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("lunarbase", "report/templates"),
        autoescape=jinja2.select_autoescape(["html"]),
    )
    from markupsafe import Markup

    template = env.get_template("report.html")
    return template.render(
        p=data["provenance"],
        scenario=data["scenario"],
        terrain=data["terrain"],
        res=data["resources"],
        ops=data["operations"],
        econ=data["economics"],
        sites=data["sites"],
        site_cols=site_cols,
        figs={k: Markup(v) for k, v in figs.items()},
        plotly_js=Markup(f'<script type="text/javascript">{get_plotlyjs()}</script>'),
        fmt=_fmt,
        pct=_pct,
        money=_money,
    )


def write(results: Results, out_dir: Path) -> dict[str, Path]:
    """Write ``report.html`` and ``results.json`` into ``out_dir`` atomically."""
    texts = {"results": results.to_json(), "report": render(results)}  # build, then write
    names = {"results": "results.json", "report": "report.html"}
    with output_folder(out_dir) as folder:
        for kind, text in texts.items():
            atomic_write_text(folder / names[kind], text)
    return {kind: folder / names[kind] for kind in texts}
