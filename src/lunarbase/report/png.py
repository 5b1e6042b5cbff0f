"""PNG copies of the report figures, drawn by Plotly's own exporter (Kaleido) in a headless
Chromium: the one at ``$BROWSER_PATH``, else the first Chrome or Chromium on the system
(Debian's ``chromium`` package gives ``/usr/bin/chromium``). Nothing is fetched: plotly.js is
plotly's bundled copy and MathJax is off."""

from __future__ import annotations

import asyncio
import logging
import os
import warnings
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import plotly.graph_objects as go

PNG_WIDTH_PX = 1000
"""Width of every PNG [px]; the height is the figure's own layout height [px]."""

RENDER_TIMEOUT_S = 60.0
"""Longest wait for one figure to render [s]."""

# Kaleido's and choreographer's log lines reach stderr only where the caller set up logging:
# a failure is told once, as a PngSkippedWarning.
logging.getLogger("kaleido").addHandler(logging.NullHandler())
logging.getLogger("choreographer").addHandler(logging.NullHandler())


class PngSkippedWarning(UserWarning):
    """The PNG figures were not written (no usable browser); the rest of the report was."""


def figure_pngs(figures: Mapping[str, go.Figure]) -> dict[str, bytes]:
    """Render each figure to PNG in one headless browser session.

    Parameters
    ----------
    figures : mapping of str to go.Figure
        The figures by name.

    Returns
    -------
    dict of str to bytes
        The PNG file contents by the same names; empty, with a :class:`PngSkippedWarning`
        that says how to enable them, when no Chrome or Chromium is found, it fails to start
        or a figure takes longer than ``RENDER_TIMEOUT_S``.
    """
    from kaleido.errors import BrowserClosedError, BrowserFailedError, ChromeNotFoundError

    if not figures:
        return {}
    try:
        # a thread of its own, so that a caller's running event loop (a dashboard) is no obstacle
        with ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(asyncio.run, _render(figures)).result()
    except ChromeNotFoundError:
        path = os.environ.get("BROWSER_PATH")
        reason = f"no browser at BROWSER_PATH={path}" if path else "no Chrome or Chromium found"
    except (BrowserFailedError, BrowserClosedError) as exc:
        reason = f"the browser failed ({exc.args[0] if exc.args else type(exc).__name__})"
    except TimeoutError:
        reason = f"a figure took over {RENDER_TIMEOUT_S:.0f} s to draw"
    warnings.warn(
        f"PNG figures skipped: {reason}; install Debian's chromium package "
        "(apt-get install chromium) or set BROWSER_PATH to a Chrome or Chromium executable",
        PngSkippedWarning,
        stacklevel=2,
    )
    return {}


async def _render(figures: Mapping[str, go.Figure]) -> dict[str, bytes]:
    import kaleido

    pngs: dict[str, bytes] = {}
    async with kaleido.Kaleido(n=1, timeout=RENDER_TIMEOUT_S, mathjax=False) as exporter:
        for key, fig in figures.items():
            opts = {"format": "png", "width": PNG_WIDTH_PX}
            pngs[key] = await exporter.calc_fig(fig, opts=opts)
    return pngs
