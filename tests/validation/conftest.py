"""Validation tests: the rows they record (:mod:`tests.validation.published`) become the
documentation's validation table at the end of the run."""

from __future__ import annotations

import pytest

from tests.validation.published import write_table

_OUTCOMES: dict[str, str] = {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Remember each test's outcome (a failure or skip in any phase counts)."""
    if _OUTCOMES.get(report.nodeid) in ("failed", "skipped"):
        return
    if report.when == "call" or not report.passed:
        _OUTCOMES[report.nodeid] = report.outcome


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Write the validation table with this run's rows (none recorded: nothing written)."""
    write_table(_OUTCOMES)
