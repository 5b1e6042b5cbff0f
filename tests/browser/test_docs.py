"""The documentation site as a reader opens it: built by Sphinx (as ``make docs`` builds it)
from the sources, opened from disk offline, every gallery page showing the figure its example
drew at build time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser.conftest import OfflinePage
from tests.conftest import run_folder

pytestmark = pytest.mark.slow  # builds the whole site, its gallery run on the staged data

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"
EXAMPLES = sorted((DOCS / "examples").glob("plot_*.py"))
"""The gallery's examples: each becomes ``gallery/<name>.html`` with its figure."""

BUILD_TIMEOUT_S = 600
"""Longest wait for the build [s] (well under a minute and a half on a warm cache)."""

FIGURES_LOADED = """() => [...document.querySelectorAll(
    'img.sphx-glr-single-img, img.sphx-glr-multi-img')].map(img => ({
    src: img.getAttribute('src'), width: img.naturalWidth, height: img.naturalHeight}))"""


@pytest.fixture(scope="session")
def site(mirror: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``sphinx-build -b html docs <run>/docs/html`` (the gallery run on the staged data with the
    session's derived-grid cache), once per pytest run whatever the number of workers (the first
    worker to ask builds under a lock, the others read its record): the built site's folder."""
    pytest.importorskip("sphinx_gallery", reason="the docs extra: pip install '.[docs]'")
    pytest.importorskip("numpydoc", reason="the docs extra: pip install '.[docs]'")
    from filelock import FileLock

    out = run_folder(tmp_path_factory) / "docs"
    record = out.with_suffix(".json")
    with FileLock(out.with_suffix(".lock")):
        if not record.is_file():
            proc = subprocess.run(
                [sys.executable, "-m", "sphinx", "-b", "html", "-q",
                 "-d", str(out / "doctrees"), str(DOCS), str(out / "html")],
                capture_output=True,
                text=True,
                env={**os.environ},
                timeout=BUILD_TIMEOUT_S,
            )  # fmt: skip
            record.write_text(json.dumps([proc.returncode, proc.stderr[-4000:]]))
    code, stderr = json.loads(record.read_text())
    assert code == 0, stderr
    return out / "html"


def test_gallery_lists_every_example(site: Path, offline_page: OfflinePage) -> None:
    """The gallery's index links each example page, with a thumbnail drawn from its figure."""
    page = offline_page.page
    page.goto((site / "gallery" / "index.html").as_uri(), wait_until="load")
    links = page.eval_on_selector_all(
        ".sphx-glr-thumbcontainer a", "els => els.map(a => a.getAttribute('href'))"
    )
    pages = {Path(str(link).split("#")[0]).stem for link in links}
    assert pages == {example.stem for example in EXAMPLES}
    assert offline_page.outside() == []


@pytest.mark.parametrize("example", [e.stem for e in EXAMPLES])
def test_gallery_page_shows_its_figure(
    site: Path, example: str, offline_page: OfflinePage, artifacts: Path
) -> None:
    """Each gallery page holds at least one figure its example drew, loaded (a nonzero
    natural size), nothing fetched beyond file:// and no script error; a screenshot of the
    page goes to test-artifacts/."""
    page = offline_page.page
    page.goto((site / "gallery" / f"{example}.html").as_uri(), wait_until="load")
    page.screenshot(path=artifacts / f"{example}.png", full_page=True)
    figures = page.evaluate(FIGURES_LOADED)
    assert figures, f"{example}: no figure on the page"
    for figure in figures:
        assert f"sphx_glr_{example}_" in figure["src"], figure
        assert figure["width"] > 100 and figure["height"] > 100, figure
    assert offline_page.outside() == []
    assert offline_page.errors == []


@pytest.mark.parametrize(
    ("page_path", "selector"),
    [
        ("validation.html", "table tbody tr"),  # the validation tests' rows
        ("api.html", "table.autosummary a"),  # one link per public module
        ("models/he3.html", ".citation"),  # the model module's References
    ],
)
def test_reference_pages_have_their_content(
    site: Path, page_path: str, selector: str, offline_page: OfflinePage
) -> None:
    """The validation table has rows, the API reference links its modules, a model page lists
    its references; offline."""
    page = offline_page.page
    page.goto((site / page_path).as_uri(), wait_until="load")
    assert page.locator(selector).count() > 0, page_path
    assert offline_page.outside() == []
