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

SECTIONS = """() => {
    const heads = [...document.querySelectorAll('h2')];
    const end = document.body.scrollHeight;
    return heads.map((h, i) => {
        const top = h.getBoundingClientRect().top + window.scrollY;
        const next = i + 1 < heads.length
            ? heads[i + 1].getBoundingClientRect().top + window.scrollY : end;
        return {title: h.textContent, y: top, height: next - top};
    });
}"""
"""Each ``h2`` section of the page: its title, top and height [CSS px]."""

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
    page, of each section (``section-NN.png``) and of each figure go to test-artifacts/."""
    proc, out_dir = default_run
    assert proc.returncode == 0, proc.stderr
    page = offline_page.page
    page.goto((out_dir / "report.html").as_uri(), wait_until="load")
    page.wait_for_function(ALL_DRAWN, arg=len(FIGURE_KEYS), timeout=RENDER_TIMEOUT_MS)
    page.screenshot(path=artifacts / "report.png", full_page=True)
    for key in FIGURE_KEYS:
        page.locator(f"#fig-{key}").screenshot(path=artifacts / f"fig-{key}.png")
    sections = page.evaluate(SECTIONS)
    assert len(sections) >= 7, sections  # five numbered, assumptions, provenance, scenario
    width = page.viewport_size["width"] if page.viewport_size else 1280
    for k, s in enumerate(sections, start=1):
        clip = {"x": 0, "y": s["y"], "width": width, "height": max(1.0, s["height"])}
        page.screenshot(path=artifacts / f"section-{k:02d}.png", full_page=True, clip=clip)
    state = page.evaluate(FIGURE_STATE)
    assert [fig["id"] for fig in state] == [f"fig-{key}" for key in FIGURE_KEYS]
    for fig in state:
        assert fig["width"] > 0 and fig["height"] > 0 and fig["traces"] > 0, fig
    assert offline_page.requests[0] == (out_dir / "report.html").as_uri()
    assert offline_page.outside() == []
    assert offline_page.errors == []
