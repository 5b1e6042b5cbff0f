"""report.html as a person opens it: from disk, offline, every figure drawn by plotly.js."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.browser.conftest import OfflinePage
from tests.report.helpers import FIGURE_KEYS

RENDER_TIMEOUT_MS = 150_000
"""Longest wait for plotly.js to draw every figure [ms]: 5x its quiet time, for a busy machine."""

ALL_DRAWN = """n => {
    const divs = [...document.querySelectorAll('.js-plotly-plot')];
    return divs.length >= n && divs.every(d => d._fullLayout && d.querySelector('.main-svg'));
}"""

FIGURE_STATE = """() => [...document.querySelectorAll('.js-plotly-plot')].map(d => {
    const box = d.querySelector('.main-svg').getBoundingClientRect();
    return {id: d.id, width: box.width, height: box.height, traces: d._fullData.length};
})"""


@pytest.mark.usefixtures("chromium")  # skip, where it is missing, before the run
def test_report_opens_offline_with_every_figure_drawn(
    default_run: tuple[subprocess.CompletedProcess[str], Path],
    offline_page: OfflinePage,
    artifacts: Path,
) -> None:
    """Each figure div holds a drawn SVG of nonzero size with its traces, one per figure
    key; nothing was fetched from beyond file:// and no script failed. Screenshots of the
    page and of each figure go to test-artifacts/."""
    proc, out_dir = default_run
    assert proc.returncode == 0, proc.stderr
    page = offline_page.page
    page.goto((out_dir / "report.html").as_uri(), wait_until="load")
    page.wait_for_function(ALL_DRAWN, arg=len(FIGURE_KEYS), timeout=RENDER_TIMEOUT_MS)
    page.screenshot(path=artifacts / "report.png", full_page=True)
    for key in FIGURE_KEYS:
        page.locator(f"#fig-{key}").screenshot(path=artifacts / f"fig-{key}.png")
    state = page.evaluate(FIGURE_STATE)
    assert [fig["id"] for fig in state] == [f"fig-{key}" for key in FIGURE_KEYS]
    for fig in state:
        assert fig["width"] > 0 and fig["height"] > 0 and fig["traces"] > 0, fig
    assert offline_page.requests[0] == (out_dir / "report.html").as_uri()
    assert offline_page.outside() == []
    assert offline_page.errors == []
