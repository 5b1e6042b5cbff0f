"""``lunarbase landers`` and ``lunarbase breakeven`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import assert_one_line_error, invoke
from tests.fast import FAST_ARGS


def test_landers_json_gives_payload_price_and_source() -> None:
    proc = invoke("landers", "--json")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)["landers"]
    assert rows
    for row in rows:
        assert row["payload_kg"] > 0 and row["price_usd_per_kg"] > 0
        assert row["price_source"] and row["payload_source"]


@pytest.mark.slow
def test_breakeven_json_gives_a_value_or_none_in_range(mirror: Path) -> None:
    """On the fast settings (the run's shared cache): one input, then the 50 x 50 frontier."""
    proc = invoke("breakeven", "--years", "2", "--vary", "he3_price", "--json", *FAST_ARGS)
    assert proc.returncode == 0, proc.stderr
    [found] = json.loads(proc.stdout)["breakeven"]
    assert found["input"] == "he3_price_usd_per_l"
    assert found["value"] == "none in range" or found["value"] > 0.0
    two = invoke(
        "breakeven", "--years", "2", "--vary", "he3_price,development_cost", "--json", *FAST_ARGS
    )
    front = json.loads(two.stdout)["frontier"]
    assert len(front["frontier"]) == len(front["x_values"]) == 50
    assert_one_line_error(invoke("breakeven", "--vary", "price_of_tea"), "--vary", "price_of_tea")
