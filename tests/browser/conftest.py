"""Browser tests: Playwright (from PyPI) driving Debian's headless Chromium, never a browser of
Playwright's own; every page opened offline, what it tried to fetch recorded, screenshots kept
under ``test-artifacts/`` (gitignored) for a person to look at."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page, Route, ViewportSize

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
VIEWPORT: ViewportSize = {"width": 1280, "height": 900}
"""The window of every page [CSS px]: wider than the report's 1100 px column."""

IN_PAGE = ("data:", "blob:", "about:")
"""URL schemes that never leave the page."""


@dataclass
class OfflinePage:
    """A page whose requests outside ``allowed`` are blocked, and what it tried."""

    page: Page
    allowed: tuple[str, ...]
    requests: list[str] = field(default_factory=list)
    """Every URL the page requested (file:, http:, ...), in order, blocked ones included."""
    errors: list[str] = field(default_factory=list)
    """Uncaught script errors and console errors."""

    def outside(self) -> list[str]:
        """The requested URLs that were neither allowed nor in-page (so were blocked)."""
        return [url for url in self.requests if not url.startswith(self.allowed + IN_PAGE)]


@pytest.fixture(scope="session")
def browser(chromium: Path) -> Iterator[Browser]:
    """Debian's Chromium, headless, once per session (skipped where it is not installed)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), headless=True)
        yield launched
        launched.close()


@pytest.fixture
def offline_page(browser: Browser) -> Iterator[OfflinePage]:
    """A fresh page that may load ``file://`` URLs only (a test may allow more, such as a
    local server's address, in ``allowed``); anything else is recorded and aborted."""
    context = browser.new_context(viewport=VIEWPORT, service_workers="block")
    opened = OfflinePage(page=context.new_page(), allowed=("file://",))

    def gate(route: Route) -> None:
        url = route.request.url
        if url.startswith(opened.allowed + IN_PAGE):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            opened.errors.append(message.text)

    context.on("request", lambda request: opened.requests.append(request.url))
    context.route("**/*", gate)
    opened.page.on("pageerror", lambda exc: opened.errors.append(str(exc)))
    opened.page.on("console", console)
    yield opened
    context.close()


@pytest.fixture
def artifacts(request: pytest.FixtureRequest) -> Path:
    """``test-artifacts/<test name>/``, emptied, for the test's screenshots (kept after it)."""
    folder = ARTIFACTS / request.node.name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder
