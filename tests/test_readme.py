"""Every example of the README runs as written (a broken or stale example is a failed test).

Each ``$ lunarbase ...`` line of a ``console`` block is run; where the README quotes its output,
the output must match (JSON key by key, numbers to 1e-6 relative). The README has no Python
block: the Python tour is the documentation's gallery, which tests/browser/test_docs.py builds
(running every example) and opens. Commands that map the light of the whole search disk
(minutes on a cold cache) run on the test suite's fast settings (``tests/fast.py``, appended as
``--set``); their quoted figures are checked in the test named for them. The set-up commands
(``make run``, ``make test``, ``pip install``) are not run here: they install the package (the
packaging tests cover that), and the test suite is what ``make test`` runs.
"""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.cli.helpers import cli, invoke
from tests.fast import FAST_ARGS

README = Path(__file__).resolve().parents[1] / "README.md"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)

SLOW_COMMANDS = ("run", "simulate", "sites", "economics", "sensitivity", "compare", "contest")
"""Commands that run the terrain and sites stages on the whole search disk: run on
``tests/fast.py``."""

REL = 1e-6
"""Relative tolerance of a quoted number (the README prints floats in full)."""


@dataclass(frozen=True)
class Example:
    """One ``$ command`` of a console block and the output the README shows under it."""

    command: str
    output: str

    @property
    def args(self) -> list[str]:
        """The command's arguments after ``lunarbase``, with the fast settings where slow."""
        words = shlex.split(self.command)
        assert words[0] == "lunarbase", self.command
        return words[1:] + (list(FAST_ARGS) if words[1] in SLOW_COMMANDS else [])


def blocks(language: str) -> list[str]:
    """The README's fenced blocks of one language (``""``: no language), in order."""
    text = README.read_text(encoding="utf-8")
    return [body for lang, body in FENCE.findall(text) if lang == language]


def console_examples() -> list[Example]:
    """Every ``$ lunarbase ...`` of the console blocks with the output quoted under it."""
    examples = []
    for block in blocks("console"):
        for chunk in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, _, output = chunk.partition("\n")
            examples.append(Example(command.strip(), output.strip()))
    return examples


def assert_same(ours: Any, quoted: Any, where: str = "") -> None:
    """``ours`` equals the README's ``quoted`` JSON: same keys, numbers to :data:`REL`."""
    if isinstance(quoted, dict):
        assert isinstance(ours, dict) and sorted(ours) == sorted(quoted), where
        for key in quoted:
            assert_same(ours[key], quoted[key], f"{where}.{key}")
    elif isinstance(quoted, list):
        assert isinstance(ours, list) and len(ours) == len(quoted), where
        for i, (a, b) in enumerate(zip(ours, quoted, strict=True)):
            assert_same(a, b, f"{where}[{i}]")
    elif isinstance(quoted, float) and not isinstance(quoted, bool):
        assert ours == pytest.approx(quoted, rel=REL), where
    else:
        assert ours == quoted, where


N_MINERS_8 = "lunarbase simulate --set operations.n_miners=8 --json"
EXAMPLES = console_examples()


def test_setup_commands_remain() -> None:
    """The README keeps its two set-up commands, exactly."""
    setup = [line.split("#")[0].strip() for block in blocks("") for line in block.splitlines()]
    assert "make run" in setup and "make test" in setup


def test_readme_has_the_examples_the_tests_check() -> None:
    """The examples below are the README's: none is added or lost without its test."""
    assert [e.command for e in EXAMPLES if e.output] == [
        "lunarbase point --lat -88.81 --lon 123.64 --json"
    ]
    assert N_MINERS_8 in [e.command for e in EXAMPLES]
    # The Python tour is the documentation's gallery, run and opened by
    # tests/browser/test_docs.py; a Python block added here needs a test that runs it.
    assert blocks("python") == []


@pytest.mark.parametrize(
    "example",
    [pytest.param(e, id=e.command) for e in EXAMPLES],
)
@pytest.mark.usefixtures("default_chain")
def test_console_example_runs_and_prints_what_the_readme_quotes(
    example: Example, mirror: Path
) -> None:
    """The command exits 0; the output the README quotes under it is what it prints."""
    proc = cli(*example.args)
    assert proc.returncode == 0, proc.stderr
    if not example.output:
        return
    if example.output.startswith("{"):
        assert_same(json.loads(proc.stdout), json.loads(example.output))
    else:
        assert proc.stdout.strip() == example.output


@pytest.mark.usefixtures("default_chain")
def test_eight_miners_fly_and_ship_more_than_five(mirror: Path) -> None:
    """``--set operations.n_miners=8`` re-flies the scenario's landings with 8 miners: the
    results report ``n_miners`` 8 (the fleet flown), at least as many miners landed as the
    scenario's own 5 (a landing can fail: the landing risk is drawn per landing from the seed),
    and more He-3 shipped (issue 20, "how it is judged")."""
    example = next(e for e in EXAMPLES if e.command == N_MINERS_8)
    eight = json.loads(invoke(*example.args).stdout)
    default = Example(N_MINERS_8.replace(" --set operations.n_miners=8", ""), "")
    five = json.loads(invoke(*default.args).stdout)
    assert eight["n_miners"] == 8 and five["n_miners"] == 5
    assert sum(eight["annual"]["miners_landed"]) == eight["miners_landed"]
    assert eight["miners_landed"] >= five["miners_landed"]
    assert eight["he3_shipped_kg_total"] > five["he3_shipped_kg_total"]
