"""The dashboard (``lunarbase dashboard``): one scenario as a Panel app in the browser, with
sliders on its main assumptions and the metrics and charts recomputed as they move.

The terrain, sites and resources stages run once, at start (their grids come from the disk
cache, as in ``lunarbase run``). Each slider setting then runs the rest of the same chain
(:class:`lunarbase.pipeline.Chain`, those three stages replaced by their results) on the
scenario with the setting applied (:func:`with_settings`): the operations stage only when the
fleet or the plant changed (the last :data:`OPERATIONS_CACHE` runs are kept), the economics
stage every time, each with the scenario's own draws and seeds. For the bundled scenario's ten
years the operations stage takes ~0.1 s, the economics stage (4,096 draws and the Sobol indices)
~0.05 s, and redrawing the charts ~0.2 s.

What the sliders change (:data:`SLIDERS`):

* launch price, He-3 price and discount rate: that ``[economics]`` field, *fixed* at the
  slider's value. An input the scenario declares uncertain is then no longer drawn: the Monte
  Carlo draws the others, so the NPV band moves with the slider (and may differ from the
  report's, where the input is drawn).
* miners and fission plant power: ``operations.n_miners`` and ``reactor_power_kwe``, landed
  by the scenario's re-fleet rule (:meth:`lunarbase.scenario.Operations.with_fleet`), so the
  schedule stays the scenario's.

The command listens on 127.0.0.1 (this machine only) unless ``--host`` says otherwise, and the
server accepts page sessions only from pages loaded from the address it listens on (Bokeh's
websocket origin check, :func:`listen`).
"""

from __future__ import annotations

import errno
import functools
import html
import math
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from lunarbase.economics import typical_price_usd_per_kg
from lunarbase.errors import QueryError
from lunarbase.scenario import Scenario, with_overrides

if TYPE_CHECKING:
    import plotly.graph_objects as go
    from bokeh.server.server import Server

    from lunarbase.operations import OperationsResults
    from lunarbase.pipeline import Chain, Results

OPERATIONS_CACHE = 32
"""Operations runs kept in memory, one per (miners, plant power) setting."""

ECONOMICS_FIELDS = ("launch_cost_usd_per_kg", "he3_price_usd_per_l", "discount_rate")
"""The sliders' ``[economics]`` fields: fixed at the slider's value, never drawn."""

OPERATIONS_FIELDS = ("n_miners", "reactor_power_kwe")
"""The sliders' ``[operations]`` fields: the fleet and the plant (re-fleeted by
:meth:`lunarbase.scenario.Operations.with_fleet`)."""

_WILDCARD_HOSTS = ("", "0.0.0.0", "::")
"""Addresses that mean every interface of the machine."""


@dataclass(frozen=True)
class Slider:
    """One slider of the dashboard: its label (with the unit), range and display format.

    Attributes
    ----------
    label : str
        What it sets, with the unit in brackets.
    start, end, step : float
        Its range and step, in the field's unit (widened to hold the scenario's value).
    format : str
        Numbro format of the value shown beside it.
    """

    label: str
    start: float
    end: float
    step: float
    format: str


SLIDERS = {
    "launch_cost_usd_per_kg": Slider(
        "Launch price to the lunar surface [USD/kg]", 1.0e4, 2.0e6, 1.0e4, "0,0"
    ),
    "he3_price_usd_per_l": Slider("He-3 price today [USD/L]", 0.0, 20_000.0, 100.0, "0,0"),
    "discount_rate": Slider("Discount rate, real [1/yr]", 0.0, 0.20, 0.005, "0.000"),
    "n_miners": Slider("Miners [count]", 0, 20, 1, "0"),
    "reactor_power_kwe": Slider("Fission plant [kWe]", 0.0, 3000.0, 100.0, "0,0"),
}
"""The sliders by the scenario field each sets (:data:`ECONOMICS_FIELDS`,
:data:`OPERATIONS_FIELDS`). The miners' range ends at 20: at the bundled scenario's cadence
(182 days) the 20th still lands inside its ten years."""


@dataclass(frozen=True)
class Settings:
    """A position of the sliders: the assumptions a person moves.

    Attributes
    ----------
    launch_cost_usd_per_kg : float
        Launch price to the lunar surface, one for every lander (the scenario's, or the
        delivered price of the lander it flies most when it prices each lander). [USD/kg]
    he3_price_usd_per_l : float
        Today's He-3 price (gas at STP). [USD/L]
    discount_rate : float
        Real discount rate. [1/yr]
    n_miners : int
        Miners landed. [count]
    reactor_power_kwe : float
        Electric power of the fission plant landed. [kWe]
    """

    launch_cost_usd_per_kg: float
    he3_price_usd_per_l: float
    discount_rate: float
    n_miners: int
    reactor_power_kwe: float

    @classmethod
    def of(cls, scenario: Scenario) -> Settings:
        """The scenario's own values."""
        econ, ops = scenario.economics, scenario.operations
        return cls(
            launch_cost_usd_per_kg=(
                typical_price_usd_per_kg([x.lander for x in ops.landings])
                if econ.launch_cost_usd_per_kg is None
                else econ.launch_cost_usd_per_kg
            ),
            he3_price_usd_per_l=econ.he3_price_usd_per_l,
            discount_rate=econ.discount_rate,
            n_miners=ops.n_miners,
            reactor_power_kwe=ops.reactor_power_kwe,
        )


def with_settings(scenario: Scenario, settings: Settings) -> Scenario:
    """``scenario`` with the sliders' values: the :data:`ECONOMICS_FIELDS` set and no longer
    uncertain, the fleet and plant landed as :meth:`~lunarbase.scenario.Operations.with_fleet`
    says.

    Raises
    ------
    ScenarioError
        A value the scenario schema refuses (e.g. a negative discount rate), in one line
        naming the slider.
    """
    uncertain = scenario.economics.model_dump(mode="json")["uncertain"]
    overrides: dict[str, Any] = {
        **{f"economics.{name}": getattr(settings, name) for name in ECONOMICS_FIELDS},
        "economics.uncertain": {
            **uncertain,
            **{
                name: {"dist": "fixed", "source": "the dashboard's slider"}
                for name in ECONOMICS_FIELDS
            },
        },
        **{f"operations.{name}": getattr(settings, name) for name in OPERATIONS_FIELDS},
    }
    names = {
        f"{table}.{name}": f"the {SLIDERS[name].label} slider"
        for table, fields in (("economics", ECONOMICS_FIELDS), ("operations", OPERATIONS_FIELDS))
        for name in fields
    }
    return with_overrides(scenario, overrides, names=names)


class Dashboard:
    """One scenario's dashboard: the heavy stages' results, the slider settings' runs, and a
    page per browser session.

    Parameters
    ----------
    chain : lunarbase.pipeline.Chain
        The scenario's chain (with its progress callback); nothing runs until
        :meth:`prepare`.
    """

    def __init__(self, chain: Chain) -> None:
        self.chain = chain
        self.scenario = chain.scenario
        self.defaults = Settings.of(chain.scenario)
        self._heavy: Results | None = None
        self.map_figure: go.Figure | str = ""
        """The polar map of the ranked sites and the base (:meth:`prepare` draws it)."""
        self._operations = functools.lru_cache(maxsize=OPERATIONS_CACHE)(self._simulate)

    def prepare(self) -> Results:
        """Run the terrain, sites and resources stages, draw the map, and run the scenario's
        own setting (so a scenario that cannot run fails here, not in the page).

        Returns
        -------
        lunarbase.pipeline.Results
            Every stage's results at the scenario's own slider values.
        """
        from lunarbase import report as figures

        heavy = self._heavy = self.chain.run(until="resources")
        assert heavy.terrain is not None and heavy.sites is not None
        ranked = heavy.sites
        self.map_figure = figures.sites_figure(
            heavy.terrain.basemap,
            ranked.layers,
            ranked.table,
            ranked.base.lat_deg,
            ranked.base.lon_deg,
        )
        results = self.results(self.defaults)
        self.page()  # the first page takes ~1 s more (Panel's imports): not a visitor's wait
        return results

    def results(self, settings: Settings) -> Results:
        """Every stage's results with the sliders at ``settings``: the heavy stages' cached
        results, operations from the cache (or run), economics run.

        Raises
        ------
        ScenarioError
            A setting the scenario cannot take.
        """
        ops = self._operations(settings.n_miners, settings.reactor_power_kwe)
        return self._chain(settings, ops).run(until="economics")

    def _simulate(self, n_miners: int, reactor_power_kwe: float) -> OperationsResults:
        """The operations stage's results with this fleet and plant (the other settings the
        scenario's own: operations reads none of them)."""
        fleet = replace(self.defaults, n_miners=n_miners, reactor_power_kwe=reactor_power_kwe)
        ops = self._chain(fleet).run(until="operations").operations
        assert ops is not None
        return ops

    def _chain(self, settings: Settings, operations: OperationsResults | None = None) -> Chain:
        """A chain of the scenario at ``settings`` whose terrain, sites and resources stages
        (and operations, when given) are the cached results."""
        from lunarbase.pipeline import Chain

        heavy = self._heavy
        if heavy is None:
            raise RuntimeError("Dashboard.prepare() first")
        done: dict[str, Any] = {
            "terrain": heavy.terrain,
            "sites": heavy.sites,
            "resources": heavy.resources,
            "operations": operations,
        }
        stages: dict[str, Any] = {
            name: _given(result) for name, result in done.items() if result is not None
        }
        return Chain(with_settings(self.scenario, settings), **stages)

    def page(self) -> Any:
        """A new page (a Panel layout) for one browser session: title, sliders, metrics, the
        polar map and the charts, wired to recompute on each slider release."""
        return _Page(self).layout


def _given(result: Any) -> Callable[[Chain], Any]:
    """A stage replacement that returns ``result``."""
    return lambda _: result


METRICS = (
    ("npv_p50", "NPV, Monte Carlo median [USD]"),
    ("prob_npv_positive", "Probability NPV > 0 [-]"),
    ("npv_nominal", "NPV at the slider values, other inputs nominal [USD]"),
    ("he3_kg_per_year", "He-3 extracted [kg/yr]"),
    ("cost_per_kg_he3", "Cost per kg of He-3 delivered [USD/kg]"),
)
"""The metric cards, by key (their element id is ``metric-<key>``) and label."""


def metrics(results: Results) -> dict[str, str]:
    """The :data:`METRICS` of a run, formatted (``"n/a"`` where not finite).

    Parameters
    ----------
    results : lunarbase.pipeline.Results
        A run to the economics stage.

    Returns
    -------
    dict of str to str
        Text by metric key.
    """
    ops, econ = results.operations, results.economics
    assert ops is not None and econ is not None
    return {
        "npv_p50": _money(econ.npv_band["p50"]),
        "prob_npv_positive": _number(econ.npv_band["prob_npv_positive"], "{:.3f}"),
        "npv_nominal": _money(econ.metrics["npv_usd"]),
        "he3_kg_per_year": _number(ops.he3_extracted_kg / len(ops.annual), "{:,.1f}"),
        "cost_per_kg_he3": _money(econ.metrics["cost_per_kg_he3_usd"]),
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


class _Page:
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


def url(host: str, port: int) -> str:
    """The dashboard's address for a browser (``localhost`` for a wildcard ``host``)."""
    shown = "localhost" if host in _WILDCARD_HOSTS else host
    shown = f"[{shown}]" if ":" in shown else shown
    return f"http://{shown}:{port}/"


def listen(page: Callable[[], Any], *, host: str, port: int, title: str) -> Server:
    """A Panel server of ``page`` bound to ``host:port``, not yet started
    (:func:`serve_forever` starts it).

    Pages are served to browsers that opened them from ``host`` (or, on a loopback or wildcard
    ``host``, from ``localhost`` and 127.0.0.1; on a wildcard one also from this machine's
    name): Bokeh refuses sessions from pages of any other origin.

    Parameters
    ----------
    page : callable
        Makes one session's page (:meth:`Dashboard.page`).
    host : str
        Address to listen on (``lunarbase dashboard``'s default: 127.0.0.1, this machine
        only).
    port : int
        TCP port.
    title : str
        The browser tab's title.

    Raises
    ------
    QueryError
        The port is in use, or the address is not this machine's (one line).
    """
    import panel as pn

    names = {host}
    if host in _WILDCARD_HOSTS or host.startswith("127.") or host in ("localhost", "::1"):
        names |= {"localhost", "127.0.0.1"}
    if host in _WILDCARD_HOSTS:
        names |= {socket.gethostname(), socket.getfqdn()}
    origins = sorted(f"{name}:{port}" for name in names if name not in _WILDCARD_HOSTS)
    try:
        server: Server = pn.serve(
            page,
            port=port,
            address=host,
            websocket_origin=origins,
            show=False,
            start=False,
            verbose=False,
            title=title,
        )
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise QueryError(f"--port {port}: port already in use on {host}") from None
        raise QueryError(f"--host {host} --port {port}: cannot listen there ({exc})") from None
    return server


def serve_forever(server: Server) -> None:
    """Start ``server`` and serve until interrupted (Ctrl-C stops it)."""
    server.start()
    server.io_loop.start()
