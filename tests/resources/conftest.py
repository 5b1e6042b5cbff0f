"""Shared fixtures of the resources tests: the LP GRS 5-degree table from the offline mirror."""

from __future__ import annotations

from pathlib import Path

import pytest
import xarray as xr

from lunarbase.data import load
from lunarbase.scenario import Resources


@pytest.fixture(scope="session")
def grs(mirror: Path) -> xr.Dataset:
    ds = load("lpgrs_5deg")
    assert isinstance(ds, xr.Dataset)
    return ds


@pytest.fixture(scope="session")
def small_cfg() -> Resources:
    """Default resource settings with few Monte Carlo draws, for fast tests."""
    return Resources(uncertainty_draws=64)
