"""Programmes side by side, drawn: the figure of the series of a
:class:`~lunarbase.studies.Comparison` and the page of its milestones, race for sites and stated
assumptions, written with ``compare.json`` (the study itself is :mod:`lunarbase.studies.compare`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lunarbase.fileio import atomic_write_bytes, atomic_write_text, output_folder
from lunarbase.studies import MILESTONES, SERIES

if TYPE_CHECKING:
    from lunarbase.studies import Comparison


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


def comparison_figure(compared: Comparison) -> go.Figure:
    """The :data:`~lunarbase.studies.compare.SERIES` of every programme by calendar year
    (:func:`series_figure`)."""
    return series_figure({name: block.series for name, block in compared.programmes.items()})


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
