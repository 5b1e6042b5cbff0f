"""Programme scenarios: every date and number a bundled scenario writes carries its source.

A scenario's ``[sources]`` table maps ``"table.field"`` to a citation (an author or organisation
with a year, or a web source) or to ``"assumption: "`` and the range the value could take. The
walk below reads the raw TOML (what the file writes, not the defaults filled in): every int,
float or date outside ``[scenario]`` needs such an entry, unless it sits in a structure that
carries its own ``source`` (a landing, an uncertain input, a demand tier).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lunarbase import scenario
from lunarbase.operations.stage import check_landings
from tests.cli.helpers import invoke
from tests.fast import FAST_ARGS

PROGRAMMES = ("ilrs-2035", "artemis-basecamp", "he3-export-2050", "commercial-he3")
"""The programme scenarios of the issue."""

BUNDLED = sorted(scenario.bundled_scenarios())

EXEMPT_TABLES = frozenset({"sources"})
"""Tables whose values need no source."""

EXEMPT_KEYS = frozenset({"scenario.name", "scenario.description", "scenario.seed"})
"""Values that need no source: the scenario's name, description and seed (a claimed output in
``[scenario]`` needs one)."""

_NUMBER = r"[-+]?\$?\d[\d,]*(?:\.\d+)?(?:e[-+]?\d+)?"
RANGE = re.compile(
    rf"{_NUMBER}\s*[^\s\d,;()]{{0,8}}\s*(?:-|\u2013|\bto\b|\.\.)\s*{_NUMBER}"  # a-b, a to b
    rf"|(?:\u00b1|\+-|\+/-)\s*{_NUMBER}"  # +- a
    r"|\bfrom\b.+?\bto\b|\bbetween\b.+?\band\b",  # from ... to ..., between ... and ...
    re.IGNORECASE,
)
"""A range stated in words or figures."""

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
"""An ISO date, read as one number (so that a lone date is not taken for a range)."""

YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
NAME = re.compile(r"[A-Z][A-Za-z]")
WEB = re.compile(r"\b[\w-]+\.(?:com|org|net|gov|edu|int|news|ba|ca|cn|ru|in|lb|tr|de|uk)\b")


def numeric_keys(raw: dict[str, Any]) -> Iterator[str]:
    """``"table.field"`` of every int, float or date value in the raw TOML that needs a source
    (one key per value, so a field holding several numbers appears several times)."""
    for table, body in raw.items():
        if table in EXEMPT_TABLES or not isinstance(body, dict):
            continue
        for field, value in body.items():
            if f"{table}.{field}" not in EXEMPT_KEYS:
                yield from _numbers(f"{table}.{field}", value)


def _numbers(key: str, value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        if "source" in value:  # a structure with its own source
            return
        for item in value.values():
            yield from _numbers(key, item)
    elif isinstance(value, list):
        for item in value:
            yield from _numbers(key, item)
    elif isinstance(value, bool):
        return
    elif isinstance(value, int | float | dt.date | dt.time):  # dt.datetime is a dt.date
        yield key


def written_keys(raw: dict[str, Any]) -> set[str]:
    """``"table.field"`` of every value the raw TOML writes."""
    return {
        f"{table}.{field}"
        for table, body in raw.items()
        if table not in EXEMPT_TABLES and isinstance(body, dict)
        for field in body
        if f"{table}.{field}" not in EXEMPT_KEYS
    }


def _states_a_range(text: str) -> bool:
    return RANGE.search(ISO_DATE.sub("2000", text)) is not None


def source_problem(key: str, text: str) -> str | None:
    """Why ``text`` is not an acceptable source for ``key`` (None when it is)."""
    body = text.strip()
    if body.lower().startswith("assumption"):
        if not _states_a_range(body[len("assumption") :]):
            return f"{key}: an assumption must state its range ('a-b', 'a to b', '+-', ...)"
        return None
    if not ((YEAR.search(body) and NAME.search(body)) or WEB.search(body)):
        return (
            f"{key}: {text!r} is neither a citation (author or organisation and year, or a web "
            "source) nor 'assumption: ' with a range"
        )
    for match in re.finditer(r"assumption:", body, re.IGNORECASE):
        if not _states_a_range(body[match.end() :]):
            return f"{key}: the assumption inside the citation must state its range"
    return None


def source_problems(raw: dict[str, Any]) -> list[str]:
    """Everything wrong with the sources of a raw scenario: numbers without a source, sources
    that are neither a citation nor an assumption with a range, sources of unwritten fields."""
    sources = raw.get("sources", {})
    problems = [
        f"{key}: no [sources] entry (a citation, or 'assumption: ' and a range)"
        for key in sorted(set(numeric_keys(raw)))
        if key not in sources
    ]
    problems += [p for key, text in sources.items() if (p := source_problem(key, str(text)))]
    problems += [
        f"{key}: a source for a value the file does not write"
        for key in sorted(set(sources) - written_keys(raw))
    ]
    return problems


# -- the bundled scenarios --------------------------------------------------------------------


def test_the_programme_scenarios_are_bundled() -> None:
    assert set(PROGRAMMES) <= set(BUNDLED)


@pytest.mark.parametrize("name", BUNDLED)
def test_bundled_scenario_validates_and_its_landings_fit_their_landers(name: str) -> None:
    """Schema, landings bringing the fleet and plant, and every payload within its lander."""
    sc = scenario.load(name)
    if sc.operations.landings:
        check_landings(sc.operations)
    assert sc.scenario.name and sc.sources


@pytest.mark.parametrize("name", BUNDLED)
def test_every_date_and_number_of_a_bundled_scenario_has_a_source(name: str) -> None:
    raw = tomllib.loads(scenario.bundled_scenarios()[name].read_text(encoding="utf-8"))
    problems = source_problems(raw)
    assert not problems, f"{name}:\n" + "\n".join(problems)


# -- the check itself can fail -----------------------------------------------------------------

SOURCED = """
[terrain]
start = 2030-01-01
end = 2031-01-01

[operations]
excavation_t_per_h = 100.0
hopper_h = 12.0
ramps = [{start_day = 0.0, end_day = 100.0, start_fraction = 0.5, end_fraction = 1.0}]

[[operations.landings]]
day = 0.0
miners = 2
reactor_kwe = 200.0
source = "a landing carries its own source"

[economics]
ree_exported = true

[economics.uncertain.discount_rate]
dist = "uniform"
low = 0.5
high = 1.5
source = "an uncertain input carries its own source"

[sources]
"terrain.start" = "NASA FSP directive (Duffy, 31 Jul 2025)"
"terrain.end" = "assumption: one year, 2030-01-01 to 2031-01-01"
"operations.excavation_t_per_h" = "press: a 100 t/h prototype (Forbes, forbes.n1info.ba)"
"operations.hopper_h" = "assumption: 12 h (0-24 h)"
"operations.ramps" = "assumption: half rate rising to full (0.3 to 1) over 100 days"
"""


def test_a_fully_sourced_synthetic_scenario_passes() -> None:
    scenario.parse(SOURCED)  # it is a valid scenario
    assert source_problems(tomllib.loads(SOURCED)) == []


def _drop_line(text: str, start: str) -> str:
    """``text`` without its one line that starts with ``start``."""
    lines = text.splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(start)]
    assert len(kept) == len(lines) - 1
    return "".join(kept)


def _replace(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1
    return text.replace(old, new)


WEAK_SOURCES = {
    "unsourced number": (
        _drop_line(SOURCED, '"operations.excavation_t_per_h"'),
        "operations.excavation_t_per_h: no [sources] entry",
    ),
    "unsourced date": (_drop_line(SOURCED, '"terrain.start"'), "terrain.start: no [sources] entry"),
    "unsourced array of tables": (
        _drop_line(SOURCED, '"operations.ramps"'),
        "operations.ramps: no [sources] entry",
    ),
    "landing without its own source": (
        _drop_line(SOURCED, 'source = "a landing'),
        "operations.landings: no [sources] entry",
    ),
    "assumption without a range": (
        _replace(SOURCED, "(0-24 h)", "(a guess)"),
        "operations.hopper_h: an assumption must state",
    ),
    "a lone date is no range": (
        _replace(SOURCED, "2030-01-01 to 2031-01-01", "2030-01-01"),
        "terrain.end: an assumption must state",
    ),
    "not a citation": (
        _replace(SOURCED, "NASA FSP directive (Duffy, 31 Jul 2025)", "we think so"),
        "terrain.start: 'we think so' is neither a citation",
    ),
    "assumption inside a citation without a range": (
        _replace(SOURCED, "31 Jul 2025)", "31 Jul 2025; day: assumption: early)"),
        "terrain.start: the assumption inside the citation",
    ),
    "a launcher's flights a year raised without a source": (
        _replace(
            SOURCED,
            "[operations]\n",
            "[operations]\nmax_flights_per_year = { starship_hls = 50 }\n",
        ),
        "operations.max_flights_per_year: no [sources] entry",
    ),
    "source of an unwritten field": (
        _replace(SOURCED, "[sources]\n", '[sources]\n"operations.years" = "assumption: 5-20 yr"\n'),
        "operations.years: a source for a value the file does not write",
    ),
}
"""Ways :data:`SOURCED` can go wrong, and the problem each must raise."""


@pytest.mark.parametrize("case", sorted(WEAK_SOURCES))
def test_the_source_check_fails_on_a_missing_or_weak_source(case: str) -> None:
    text, needle = WEAK_SOURCES[case]
    problems = source_problems(tomllib.loads(text))
    assert any(p.startswith(needle) for p in problems), problems


@pytest.mark.parametrize(
    "text",
    [
        "assumption: 0.1-1 MWe",
        "assumption: 5 to 20 miners",
        "assumption: 2700 +- 130",
        "assumption: 2700 ± 130",
        "assumption: from half to twice that",
        "assumption: 2034-01-01 to 2036-01-01",
        "assumption: between 1 and 5 units",
    ],
)
def test_an_assumption_with_a_range_passes(text: str) -> None:
    assert source_problem("operations.n_miners", text) is None


# -- the programme scenarios run ---------------------------------------------------------------


@pytest.mark.parametrize("name", PROGRAMMES)
def test_programme_scenario_simulates_a_year(name: str, mirror: Path) -> None:
    """``lunarbase simulate NAME --years 1 --json`` runs (landings within their landers, the
    fleet's power and the flights), on the suite's fast light settings (the scenario's own
    fleet, plant and landings; its light period is not under test here)."""
    proc = invoke("simulate", name, "--years", "1", "--json", *FAST_ARGS)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["annual"]["year"] == [1]
    assert data["he3_kg_total"] >= 0.0
    annual = data["annual"]
    assert sum(annual["landed_mass_kg"]) + sum(annual["payload_lost_kg"]) > 0.0  # flown
    assert data["landed_mass_kg"] == pytest.approx(sum(data["annual"]["landed_mass_kg"]))
    landed = ("reactor_power_kwe", "reactor_mass_kg", "concentrator_mass_kg", "landings_failed")
    assert all(data[key] >= 0 for key in landed)
    if data["miners_landed"]:  # the output per miner landed, beside any claim
        per_miner = annual["he3_extracted_kg"][-1] / data["miners_landed"]
        assert data["he3_kg_per_miner_year"] == pytest.approx(per_miner)
