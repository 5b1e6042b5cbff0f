"""The dashboard's page for one browser session: title, sliders, metric cards, the polar map and
the charts, recomputed on each slider release (Panel)."""

from __future__ import annotations

import html
import math
import time
from typing import TYPE_CHECKING, Any

from lunarbase.dashboard.editing import SLIDERS
from lunarbase.studies import Settings

if TYPE_CHECKING:
    from lunarbase.dashboard.cached_chain import Dashboard
    from lunarbase.operations import OperationsResults
    from lunarbase.pipeline import Results


METRICS = (
    ("npv_p50", "NPV, Monte Carlo median [USD]"),
    ("prob_npv_positive", "Probability NPV > 0 [-]"),
    ("npv_nominal", "NPV at the slider values, other inputs nominal [USD]"),
    ("he3_kg_per_year", "He-3 extracted [kg/yr]"),
    ("cost_per_kg_he3", "Cost per kg of He-3 delivered [USD/kg]"),
)
"""The metric cards, by key (their element id is ``metric-<key>``) and label."""


def metrics(results: Results) -> dict[str, str]:
    """The :data:`METRICS` of a run (its :func:`lunarbase.studies.headline`), formatted
    (``"n/a"`` where not finite).

    Parameters
    ----------
    results : lunarbase.pipeline.Results
        A run to the economics stage.

    Returns
    -------
    dict of str to str
        Text by metric key.
    """
    from lunarbase.studies import headline

    figures = headline(results)
    return {
        "npv_p50": _money(figures.npv_p50_usd),
        "prob_npv_positive": _number(figures.prob_npv_positive, "{:.3f}"),
        "npv_nominal": _money(figures.npv_nominal_usd),
        "he3_kg_per_year": _number(figures.he3_kg_per_year, "{:,.1f}"),
        "cost_per_kg_he3": _money(figures.cost_per_kg_he3_usd),
    }


def _number(value: float | None, pattern: str) -> str:
    """``pattern.format(value)``, or ``"n/a"`` for a missing or non-finite value."""
    return pattern.format(value) if value is not None and math.isfinite(value) else "n/a"


def _money(value: float | None) -> str:
    """``-$49.86 B``, ``$3.20 M`` or ``$12,345`` (``"n/a"`` where not finite) [USD]."""
    if value is None or not math.isfinite(value):
        return "n/a"
    sign = "-" if value < 0 else ""
    for scale, suffix in ((1e9, " B"), (1e6, " M")):
        if abs(value) >= scale:
            return f"{sign}${abs(value) / scale:,.2f}{suffix}"
    return f"{sign}${abs(value):,.0f}"


PLOTLY_CONFIG = {"responsive": True, "displaylogo": False}
"""plotly.js options of every chart: redrawn to its pane's width."""

CARD_STYLE = {
    "border": "1px solid #d0d7de",
    "border-radius": "6px",
    "padding": "2px 12px",
    "margin": "4px",
    "min-width": "210px",
}
"""CSS of a metric card."""

NOTES = """\
**What the sliders do.** Launch price, He-3 price and discount rate set that input and fix it:
where the scenario draws it from a distribution, the Monte Carlo now draws only the others.
Miners and plant power are landed on the scenario's schedule: the landings that carried them
in the scenario, in date order, each with at most what it carried; more come on extra landings
like the last one, at its spacing. Arrays, batteries and spares stay as in the scenario.
The terrain, sites and resources are computed once; operations and economics are re-run on
each release of a slider."""


class Page:
    """The widgets and panes of one session's page, and the update that ties them."""

    def __init__(self, board: Dashboard) -> None:
        import panel as pn

        self.board = board
        sc = board.scenario
        self.sliders = {name: _slider(name, getattr(board.defaults, name)) for name in SLIDERS}
        self.cards = {
            key: pn.pane.HTML("", css_classes=["lb-metric"], styles=CARD_STYLE)
            for key, _ in METRICS
        }
        self.status = pn.pane.HTML("", css_classes=["lb-status"])
        self.charts = {
            key: pn.pane.Plotly(None, sizing_mode="stretch_width", config=PLOTLY_CONFIG)
            for key in ("npv", "costs", "ops", "tornado")
        }
        self.shown_operations: OperationsResults | None = None
        """The operations results the He-3 chart shows."""
        self.update()
        for slider in self.sliders.values():
            slider.param.watch(self.update, "value_throttled")
        controls = pn.Column(
            "### Assumptions",
            *self.sliders.values(),
            pn.pane.Markdown(NOTES, styles={"font-size": "12px"}),
            width=360,
        )
        self.layout = pn.Column(
            pn.pane.Markdown(
                f"# lunarbase dashboard: {sc.scenario.name}\n{sc.scenario.description}",
                sizing_mode="stretch_width",
            ),
            pn.Row(
                controls,
                pn.Column(
                    pn.FlexBox(*self.cards.values()),
                    self.status,
                    pn.pane.Plotly(
                        board.map_figure, sizing_mode="stretch_width", config=PLOTLY_CONFIG
                    ),
                    sizing_mode="stretch_width",
                ),
                sizing_mode="stretch_width",
            ),
            pn.Row(self.charts["npv"], self.charts["costs"], sizing_mode="stretch_width"),
            pn.Row(self.charts["ops"], self.charts["tornado"], sizing_mode="stretch_width"),
            sizing_mode="stretch_width",
        )

    def update(self, *_: object) -> None:
        """Recompute with the sliders' released values and redraw the metrics and charts; a
        setting the scenario cannot take is shown as an error, the last results kept."""
        from lunarbase import report as figures
        from lunarbase.economics import COST_LINES
        from lunarbase.errors import LunarbaseError

        started = time.perf_counter()
        values = {name: slider.value_throttled for name, slider in self.sliders.items()}
        try:
            results = self.board.results(Settings(**values))
        except LunarbaseError as exc:
            self.status.object = (
                '<div id="status" class="lb-error" style="color: #b00020">'
                f"{html.escape(str(exc))}</div>"
            )
            return
        ops, econ = results.operations, results.economics
        assert ops is not None and econ is not None
        labels = dict(METRICS)
        for key, text in metrics(results).items():
            self.cards[key].object = (
                f'<div id="metric-{key}"><div class="lb-label">{labels[key]}</div>'
                f'<div class="lb-value" style="font-size: 20px; font-weight: 600">{text}</div>'
                "</div>"
            )
        self.charts["npv"].object = figures.npv_figure(econ.npv_draws_usd)
        self.charts["costs"].object = figures.costs_figure(econ.cash_flows, COST_LINES)
        if ops is not self.shown_operations:  # the price sliders leave operations as they were
            self.charts["ops"].object = figures.operations_figure(ops.annual)
            self.shown_operations = ops
        self.charts["tornado"].object = figures.tornado_figure(econ.tornado)
        self.status.object = (
            f'<div id="status">Recomputed in {time.perf_counter() - started:.2f} s '
            f"({econ.npv_draws_usd.size:,} Monte Carlo draws).</div>"
        )


def _slider(name: str, value: float) -> Any:
    """The Panel slider of ``SLIDERS[name]`` at ``value`` (its range widened to hold it)."""
    import panel as pn

    spec = SLIDERS[name]
    kind = pn.widgets.IntSlider if name == "n_miners" else pn.widgets.FloatSlider
    return kind(
        label=spec.label,
        start=min(spec.start, value),
        end=max(spec.end, value),
        step=spec.step,
        value=value,
        format=spec.format,
        css_classes=[f"slider-{name}"],
        sizing_mode="stretch_width",
    )
