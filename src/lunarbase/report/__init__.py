"""The report of a run: :func:`report_figures`, :func:`render` (HTML) and :func:`write`
(report.html + results.json + a PNG per figure), in :mod:`.html`; figures in :mod:`.figures`,
their PNGs in :mod:`.png`."""

from lunarbase.report.html import render, report_figures, write
from lunarbase.report.png import PngSkippedWarning

__all__ = ["PngSkippedWarning", "render", "report_figures", "write"]
