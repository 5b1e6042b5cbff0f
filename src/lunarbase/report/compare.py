"""Programmes side by side, drawn: the figure of the series of a
:class:`~lunarbase.studies.Comparison` and the page of its milestones, race for sites and stated
assumptions, written with ``compare.json`` (the study itself is :mod:`lunarbase.studies.compare`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import plotly.graph_objects as go

from lunarbase.fileio import atomic_write_bytes, atomic_write_text, output_folder
from lunarbase.studies import MILESTONES, SERIES

if TYPE_CHECKING:
    from lunarbase.studies import Comparison


def comparison_figure(compared: Comparison) -> go.Figure:
    """The :data:`~lunarbase.studies.compare.SERIES` of every programme by calendar year, one
    panel per series."""
    from plotly.subplots import make_subplots

    names = list(SERIES)
    fig = make_subplots(rows=3, cols=2, subplot_titles=[SERIES[n] for n in names])
    colours = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b")
    for k, (programme, block) in enumerate(compared.programmes.items()):
        colour = colours[k % len(colours)]
        for i, column in enumerate(names):
            fig.add_scatter(
                x=list(block.series.index),
                y=block.series[column].to_list(),
                name=programme,
                legendgroup=programme,
                showlegend=i == 0,
                line={"color": colour},
                row=i // 2 + 1,
                col=i % 2 + 1,
            )
    fig.update_layout(
        title="Programmes side by side (same pipeline, same data)",
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


def write_comparison(compared: Comparison, out_dir: Path) -> dict[str, Path]:
    """Write ``compare.json``, ``compare.html`` (and ``compare.png`` where a browser is found)
    into ``out_dir``, each atomically, once all are made."""
    from lunarbase.report.png import figure_pngs

    data = compared.to_dict()
    fig = comparison_figure(compared)
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
