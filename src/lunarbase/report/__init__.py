"""The report of a run: :func:`report_figures`, :func:`render` (HTML) and :func:`write`
(report.html + results.json + a PNG per figure), in :mod:`.html`; figures in :mod:`.figures`,
their PNGs in :mod:`.png` (the figure functions others draw with are exported here);
programmes side by side drawn and written (:func:`write_comparison`, from a
:class:`lunarbase.studies.Comparison`) in :mod:`.compare`. The report computes no study: it
draws the chain's :class:`~lunarbase.pipeline.Results` and the studies' results."""

from lunarbase.report.compare import write_comparison
from lunarbase.report.figures import (
    contest_figure,
    costs_figure,
    npv_figure,
    operations_figure,
    sites_figure,
    tornado_figure,
)
from lunarbase.report.html import render, report_figures, write
from lunarbase.report.png import PngSkippedWarning, figure_pngs

__all__ = [
    "PngSkippedWarning",
    "contest_figure",
    "costs_figure",
    "figure_pngs",
    "npv_figure",
    "operations_figure",
    "render",
    "report_figures",
    "sites_figure",
    "tornado_figure",
    "write",
    "write_comparison",
]
