"""``lunarbase landers`` and ``lunarbase breakeven`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_app import assert_one_line_error, cli


def test_landers_json_gives_payload_price_and_source() -> None:
    proc = cli("landers", "--json")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)["landers"]
    assert rows
    for row in rows:
        assert row["payload_kg"] > 0 and row["price_usd_per_kg"] > 0
        assert row["price_source"] and row["payload_source"]


def test_breakeven_json_gives_a_value_or_none_in_range(mirror: Path) -> None:
    proc = cli("breakeven", "--years", "2", "--vary", "he3_price", "--json")
    assert proc.returncode == 0, proc.stderr
    [found] = json.loads(proc.stdout)["breakeven"]
    assert found["input"] == "he3_price_usd_per_l"
    assert found["value"] == "none in range" or found["value"] > 0.0
    two = cli("breakeven", "--years", "2", "--vary", "he3_price,development_cost", "--json")
    front = json.loads(two.stdout)["frontier"]
    assert len(front["frontier"]) == len(front["x_values"]) == 50
    assert_one_line_error(cli("breakeven", "--vary", "price_of_tea"), "--vary", "price_of_tea")
