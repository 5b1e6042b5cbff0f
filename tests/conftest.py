"""Test set-up: offline on the staged data mirror, derived grids in a per-session cache."""

from __future__ import annotations

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


@pytest.fixture(scope="session", autouse=True)
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Derived grids go to a fresh cache (or ``$LUNARBASE_TEST_CACHE_DIR``) so tests never
    depend on a user's cache."""
    kept = os.environ.get(TEST_CACHE_ENV)
    folder = Path(kept) if kept else tmp_path_factory.mktemp("lunarbase-cache")
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
    """``lunarbase run --out DIR`` on the bundled scenario, once per session: the finished
    process and DIR (report.html, results.json, the figure PNGs where a browser is found)."""
    from tests.cli.helpers import cli

    out_dir = tmp_path_factory.mktemp("default-run")
    return cli("run", "--out", str(out_dir)), out_dir
