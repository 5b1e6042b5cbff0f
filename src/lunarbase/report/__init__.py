"""The report of a run: :func:`render` (HTML) and :func:`write` (report.html + results.json),
both in :mod:`.html`; figures in :mod:`.figures`."""

from lunarbase.report.html import render, write

__all__ = ["render", "write"]
