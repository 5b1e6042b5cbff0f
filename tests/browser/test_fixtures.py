"""The browser fixtures themselves: an offline page records and blocks what leaves file://."""

from __future__ import annotations

from pathlib import Path

from tests.browser.conftest import OfflinePage

OUTSIDE = "http://example.invalid/logo.png"


def test_offline_page_blocks_and_records_outside_requests(
    offline_page: OfflinePage, tmp_path: Path
) -> None:
    """A page asking for an http image: the request is recorded as outside and never loads."""
    page_file = tmp_path / "page.html"
    page_file.write_text(f'<!doctype html><img id="logo" src="{OUTSIDE}">')
    offline_page.page.goto(page_file.as_uri(), wait_until="load")
    loaded = offline_page.page.evaluate("() => document.getElementById('logo').naturalWidth")
    assert loaded == 0
    assert offline_page.requests == [page_file.as_uri(), OUTSIDE]
    assert offline_page.outside() == [OUTSIDE]
