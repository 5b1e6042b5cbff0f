"""Shared fixtures of the resources tests: the LP GRS 5-degree table from the offline mirror."""

from __future__ import annotations

import pytest

from lunarbase.scenario import Resources


@pytest.fixture(scope="session")
def small_cfg() -> Resources:
    """Default resource settings with few Monte Carlo draws, for fast tests."""
    return Resources(uncertainty_draws=64)
