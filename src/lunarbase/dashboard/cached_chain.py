"""The dashboard's cached chain: a :class:`lunarbase.studies.WhatIf` of the scenario (the heavy
stages once, each slider setting the rest of the chain) and the polar map drawn once."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lunarbase.dashboard.editing import SLIDER_NAMES
from lunarbase.studies import WhatIf

if TYPE_CHECKING:
    import plotly.graph_objects as go

    from lunarbase.pipeline import Chain, Results
    from lunarbase.studies import Settings


class Dashboard:
    """One scenario's dashboard: the what-if study of its sliders, the map, and a page per
    browser session.

    Parameters
    ----------
    chain : lunarbase.pipeline.Chain
        The scenario's chain (with its progress callback); nothing runs until
        :meth:`prepare`.
    """

    def __init__(self, chain: Chain) -> None:
        self.study = WhatIf(chain, names=SLIDER_NAMES)
        self.scenario = chain.scenario
        self.defaults = self.study.defaults
        self.map_figure: go.Figure | str = ""
        """The polar map of the ranked sites and the base (:meth:`prepare` draws it)."""

    def prepare(self) -> Results:
        """Run the terrain, sites and resources stages, draw the map, and run the scenario's
        own setting (so a scenario that cannot run fails here, not in the page).

        Returns
        -------
        lunarbase.pipeline.Results
            Every stage's results at the scenario's own slider values.
        """
        from lunarbase import report as figures

        heavy = self.study.prepare()
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
        """Every stage's results with the sliders at ``settings`` (:meth:`WhatIf.results`).

        Raises
        ------
        ScenarioError
            A setting the scenario cannot take.
        """
        return self.study.results(settings)

    def page(self) -> Any:
        """A new page (a Panel layout) for one browser session: title, sliders, metrics, the
        polar map and the charts, wired to recompute on each slider release."""
        from lunarbase.dashboard.page import Page

        return Page(self).layout
