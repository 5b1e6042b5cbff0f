"""How fast the dashboard answers: a setting recomputed on the cached stages, and the page in a
browser (first page drawn, slider released to changed metric).

Baseline (named, same run): the chain run again from its warm caches (``Chain(...).run()``,
terrain to economics), which is what a setting would cost without the dashboard's cache. Each
recompute is printed with its ratio to that baseline. The browser part starts
``lunarbase dashboard`` on a free port and drives Debian's Chromium with Playwright; it is
skipped when /usr/bin/chromium is missing. The tests check what the dashboard does, never how
long it takes; this script prints the times. Ends with one line

    chain_s=<s> price_recompute_s=<s> fleet_recompute_s=<s> first_page_s=<s> slider_to_metric_s=<s>

Usage: ``python benchmarks/dashboard_timings.py [SCENARIO] [--no-browser]`` (the first run of a
scenario builds its maps: run ``lunarbase run`` once before, or the baseline includes them).
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from lunarbase import dashboard, scenario
from lunarbase.pipeline import Chain

CHROMIUM = Path("/usr/bin/chromium")
WAIT_S = 300.0
"""Longest wait for the server, the page or a changed metric [s]."""


def _timed(call: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    value = call()
    return time.perf_counter() - started, value


def recompute_times(sc: scenario.Scenario) -> dict[str, float]:
    """The chain from warm caches (baseline), then a price and a fleet setting on the
    dashboard's cached stages [s]."""
    chain_s, _ = _timed(lambda: Chain(sc).run())
    board = dashboard.Dashboard(Chain(sc))
    board.prepare()
    dearer = replace(board.defaults, he3_price_usd_per_l=4 * board.defaults.he3_price_usd_per_l)
    price_s, _ = _timed(lambda: board.results(dearer))
    bigger = replace(board.defaults, n_miners=board.defaults.n_miners + 2)
    fleet_s, _ = _timed(lambda: board.results(bigger))
    return {"chain_s": chain_s, "price_recompute_s": price_s, "fleet_recompute_s": fleet_s}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(url: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"lunarbase dashboard exited ({proc.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=WAIT_S):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer in {WAIT_S:.0f} s")


def browser_times(spec: str | None) -> dict[str, float]:
    """First page (metrics and every chart drawn) and slider-to-metric times [s]."""
    from playwright.sync_api import sync_playwright

    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    args = [sys.executable, "-m", "lunarbase", "dashboard", *([spec] if spec else [])]
    proc = subprocess.Popen([*args, "--port", str(port)], stderr=subprocess.DEVNULL)
    try:
        _wait_for(url, proc)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            npv = page.locator("#metric-npv_p50 .lb-value")
            started = time.perf_counter()
            page.goto(url)
            npv.wait_for(timeout=WAIT_S * 1000)
            page.wait_for_selector(".js-plotly-plot .main-svg", timeout=WAIT_S * 1000)
            first_page_s = time.perf_counter() - started
            before = npv.inner_text()
            page.locator(".slider-he3_price_usd_per_l .noUi-handle").focus()
            moved = time.perf_counter()
            page.keyboard.press("End")
            while npv.inner_text() == before and time.perf_counter() - moved < WAIT_S:
                page.wait_for_timeout(20)
            slider_s = time.perf_counter() - moved
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return {"first_page_s": first_page_s, "slider_to_metric_s": slider_s}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default=None)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    times = recompute_times(scenario.load(args.scenario))
    for key in ("price_recompute_s", "fleet_recompute_s"):
        print(f"{key}: {times[key]:.2f} s ({times[key] / times['chain_s']:.2f} x the chain)")
    if not args.no_browser and CHROMIUM.is_file():
        times.update(browser_times(args.scenario))
    print(" ".join(f"{key}={value:.2f}" for key, value in times.items()))


if __name__ == "__main__":
    main()
