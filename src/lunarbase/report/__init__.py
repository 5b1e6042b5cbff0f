"""Static, self-contained HTML report (Jinja2 + Plotly, plotly.js inlined) and results.json."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lunarbase.fileio import atomic_write_text, output_folder
from lunarbase.geometry import polar_radius_m


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


def render(results: Any) -> str:
    """The report HTML of a pipeline result."""
    import jinja2
    from plotly.offline import get_plotlyjs

    from lunarbase.data import load
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
    sc = results.scenario
    figs = {
        "light": figures.light_figure(results.terrain.series),
        "sites": figures.sites_figure(
            load("ldem_75s_240m"),
            results.sites.table,
            sc.site.lat_deg,
            sc.site.lon_deg,
            half_km=min(184.0, float(polar_radius_m(sc.sites.max_colatitude_deg + 0.5)) / 1000),
        ),
        "he3": figures.he3_figure(results.resources.maps),
        "ops": figures.operations_figure(results.operations.annual),
        "npv": figures.npv_figure(results.economics.draws["npv_usd"].to_numpy()),
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


def write(results: Any, out_dir: Path) -> dict[str, Path]:
    """Write ``report.html`` and ``results.json`` into ``out_dir`` atomically."""
    texts = {"results": results.to_json(), "report": render(results)}  # build, then write
    names = {"results": "results.json", "report": "report.html"}
    with output_folder(out_dir) as folder:
        for kind, text in texts.items():
            atomic_write_text(folder / names[kind], text)
    return {kind: folder / names[kind] for kind in texts}
