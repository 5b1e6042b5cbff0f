"""Test set-up: offline on the staged data mirror, derived grids in a per-session cache."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
import xarray as xr

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
CHROMIUM = Path("/usr/bin/chromium")
"""Debian's chromium package, which `make test` installs: the PNG exporter's and the browser
tests' browser."""

if not os.environ.get("LUNARBASE_DATA_MIRROR") and SHARED_DATA.is_dir():
    os.environ["LUNARBASE_DATA_MIRROR"] = str(SHARED_DATA)


TEST_CACHE_ENV = "LUNARBASE_TEST_CACHE_DIR"
"""Set it to a folder to keep the suite's derived grids between runs (an edit-run loop); unset,
every pytest run starts from an empty cache, as CI does."""


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary folder of this pytest run that all its xdist workers share (each worker's
    own base folder sits inside the run's)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session", autouse=True)
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Derived grids go to one fresh cache per pytest run (or ``$LUNARBASE_TEST_CACHE_DIR``),
    shared by the run's workers and CLI subprocesses, so tests never depend on a user's cache
    and each map is built once (the cache locks an entry while it is built)."""
    kept = os.environ.get(TEST_CACHE_ENV)
    folder = Path(kept) if kept else run_folder(tmp_path_factory) / "lunarbase-cache"
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["LUNARBASE_CACHE_DIR"] = str(folder)


@pytest.fixture(scope="session")
def mirror() -> Path:
    path = os.environ.get("LUNARBASE_DATA_MIRROR")
    if not path:
        pytest.skip("no data mirror ($LUNARBASE_DATA_MIRROR) and tests run offline")
    return Path(path)


@pytest.fixture(scope="session")
def grs(mirror: Path) -> xr.Dataset:
    """Lunar Prospector GRS 5-degree bins (Prettyman et al. 2006)."""
    from lunarbase.data import load

    ds = load("lpgrs_5deg")
    assert isinstance(ds, xr.Dataset)
    return ds


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium; the test is skipped, saying so, where it is not installed."""
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} missing: `make test` installs it (apt-get install chromium)")
    return CHROMIUM


@pytest.fixture(scope="session")
def default_run(
    mirror: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """``lunarbase run --out DIR`` on the bundled scenario (its own light settings: the one
    full-resolution run of the suite), once per pytest run whatever the number of workers:
    the finished process and DIR (report.html, results.json, the figure PNGs where a browser is
    found). The first worker to ask runs it under a lock; the others wait and read its record."""
    from filelock import FileLock

    from tests.cli.helpers import cli

    shared = run_folder(tmp_path_factory)
    out_dir, record = shared / "default-run", shared / "default-run.json"
    with FileLock(shared / "default-run.lock"):
        if not record.is_file():
            proc = cli("run", "--out", str(out_dir))
            record.write_text(json.dumps([proc.args, proc.returncode, proc.stdout, proc.stderr]))
    args, code, stdout, stderr = json.loads(record.read_text())
    return subprocess.CompletedProcess(args, code, stdout, stderr), out_dir


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that use the session's default run are slow (``make test-fast`` skips them): the
    run builds the bundled scenario's full-resolution maps."""
    for item in items:
        if "default_run" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
