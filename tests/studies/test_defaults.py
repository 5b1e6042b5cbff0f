"""One default per quantity: the safety-zone radius is stated once (lunarbase.studies) and the
commands that take it show that value."""

from __future__ import annotations

import inspect

import pytest

from lunarbase.cli.compare import compare
from lunarbase.cli.contest import contest
from lunarbase.errors import QueryError
from lunarbase.pipeline import RunOptions
from lunarbase.studies import SAFETY_ZONE_KM


def test_the_commands_default_to_the_studies_safety_zone() -> None:
    assert inspect.signature(compare).parameters["safety_zone_km"].default == SAFETY_ZONE_KM
    given = inspect.signature(contest).parameters["safety_zone_km"].default
    assert float(given) == SAFETY_ZONE_KM


def test_run_options_refuse_two_places_or_no_worker() -> None:
    with pytest.raises(QueryError, match="--workers and --scheduler"):
        RunOptions(workers=2, scheduler="tcp://127.0.0.1:9")
    with pytest.raises(QueryError, match="at least 1"):
        RunOptions(workers=0)
    assert RunOptions() == RunOptions(workers=None, scheduler=None)


def test_run_options_reach_the_economics_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every door goes through the chain: the Dask options a command gives reach the stage."""
    from lunarbase import economics, scenario
    from lunarbase.pipeline import Chain

    seen: dict[str, object] = {}
    monkeypatch.setattr(economics, "evaluate", lambda cfg, ops, **kw: seen.update(kw))
    options = RunOptions(scheduler="tcp://127.0.0.1:9")
    given = {name: (lambda _: object()) for name in ("terrain", "sites", "resources", "operations")}
    Chain(scenario.parse(""), options=options, **given).run(until="economics")
    assert seen["scheduler"] == "tcp://127.0.0.1:9" and seen["workers"] is None
