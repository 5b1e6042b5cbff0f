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

The package: :mod:`.editing` (the sliders), :mod:`.cached_chain` (:class:`Dashboard`, on a
:class:`lunarbase.studies.WhatIf`), :mod:`.page` (one session's page and its metrics),
:mod:`.server`.
"""

from lunarbase.dashboard.cached_chain import Dashboard
from lunarbase.dashboard.editing import SLIDER_NAMES, SLIDERS, Slider, with_settings
from lunarbase.dashboard.page import METRICS, metrics
from lunarbase.dashboard.server import listen, serve_forever, url
from lunarbase.studies import ECONOMICS_FIELDS, OPERATIONS_CACHE, OPERATIONS_FIELDS, Settings

__all__ = [
    "ECONOMICS_FIELDS",
    "METRICS",
    "OPERATIONS_CACHE",
    "OPERATIONS_FIELDS",
    "SLIDERS",
    "SLIDER_NAMES",
    "Dashboard",
    "Settings",
    "Slider",
    "listen",
    "metrics",
    "serve_forever",
    "url",
    "with_settings",
]
