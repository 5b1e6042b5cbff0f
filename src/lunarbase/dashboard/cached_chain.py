"""The dashboard's cached chain: the terrain, sites and resources stages run once; each slider
setting runs the rest of the same chain (:class:`lunarbase.pipeline.Chain`, those stages
replaced by their results), operations only when the fleet or the plant changed."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from lunarbase.dashboard.editing import Settings, with_settings

if TYPE_CHECKING:
    import plotly.graph_objects as go

    from lunarbase.operations import OperationsResults
    from lunarbase.pipeline import Chain, Results

OPERATIONS_CACHE = 32
"""Operations runs kept in memory, one per (miners, plant power) setting."""


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
        from lunarbase.dashboard.page import Page

        return Page(self).layout


def _given(result: Any) -> Callable[[Chain], Any]:
    """A stage replacement that returns ``result``."""
    return lambda _: result
