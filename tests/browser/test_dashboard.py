"""The dashboard as a person uses it: started from the command line on warm caches, opened in
Chromium, a slider moved, the metrics redrawn. Screenshots go to test-artifacts/; no duration is
asserted (``benchmarks/dashboard_timings.py`` prints them)."""

from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import OfflinePage
from tests.cli.dashboard_server import dashboard, free_port, wait_for_page

PAGE_WAIT_S = 120.0
"""Longest wait for the first page and for a changed metric [s]: generous, because a busy
machine is slow; how long they take is printed by ``benchmarks/dashboard_timings.py``."""

BUSY = "(the machine may be busy: rerun, or time it with benchmarks/dashboard_timings.py)"

CHARTS = 5
"""Plotly charts on the page: the polar map, NPV, costs, He-3 per year, tornado."""

DRAWN = """n => (function count(root) {
    const plots = [...root.querySelectorAll('.js-plotly-plot')];
    let drawn = plots.filter(d => d.querySelector('.main-svg')).length;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) drawn += count(el.shadowRoot);
    return drawn;
})(document) >= n"""
"""True once ``n`` Plotly charts are drawn, looking inside Bokeh's shadow roots."""


@pytest.fixture(scope="module")
def dashboard_url(
    default_run: tuple[subprocess.CompletedProcess[str], Path],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[str]:
    """``lunarbase dashboard --port P`` on the bundled scenario, its caches warmed by the
    session's ``lunarbase run``; the process is ended after the module's tests."""
    assert default_run[0].returncode == 0, default_run[0].stderr
    port = free_port()
    log_dir = tmp_path_factory.mktemp("dashboard")
    with dashboard("--port", str(port), log_dir=log_dir) as proc:
        url = f"http://127.0.0.1:{port}/"
        wait_for_page(proc, url, log_dir)
        yield url


@pytest.mark.usefixtures("chromium")  # skip, where it is missing, before the server starts
def test_moving_a_slider_changes_the_metrics(
    dashboard_url: str, offline_page: OfflinePage, artifacts: Path
) -> None:
    """The first page shows the metrics and every chart; pressing End on the He-3 price
    slider moves it to its top (20,000 USD/L), the median NPV changes and the server reports
    its recompute; nothing was fetched from beyond the dashboard and no script failed."""
    offline_page.allowed = (*offline_page.allowed, dashboard_url)
    page = offline_page.page
    npv = page.locator("#metric-npv_p50 .lb-value")
    page.goto(dashboard_url)
    npv.wait_for(timeout=PAGE_WAIT_S * 1000)
    page.wait_for_function(DRAWN, arg=CHARTS, timeout=PAGE_WAIT_S * 1000)
    page.screenshot(path=artifacts / "before.png", full_page=True)
    before = npv.inner_text()
    assert before.endswith(" B"), before

    slider = page.locator(".slider-he3_price_usd_per_l")
    slider.locator(".noUi-handle").focus()
    page.keyboard.press("End")
    deadline = time.monotonic() + PAGE_WAIT_S
    while (after := npv.inner_text()) == before and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    assert after != before, f"the median NPV stayed {before} for {PAGE_WAIT_S:.0f} s {BUSY}"
    page.screenshot(path=artifacts / "after.png", full_page=True)
    assert slider.locator(".bk-slider-title").inner_text().endswith(": 20,000")
    status = page.locator("#status").inner_text()
    assert re.search(r"Recomputed in [0-9.]+ s", status), status
    assert offline_page.outside() == []
    assert offline_page.errors == []
