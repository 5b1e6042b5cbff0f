"""Test set-up: offline on the staged data mirror, derived grids in a per-session cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import xarray as xr

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"

if not os.environ.get("LUNARBASE_DATA_MIRROR") and SHARED_DATA.is_dir():
    os.environ["LUNARBASE_DATA_MIRROR"] = str(SHARED_DATA)


@pytest.fixture(scope="session", autouse=True)
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Derived grids go to a fresh cache so tests never depend on a user's cache."""
    os.environ["LUNARBASE_CACHE_DIR"] = str(tmp_path_factory.mktemp("lunarbase-cache"))


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
