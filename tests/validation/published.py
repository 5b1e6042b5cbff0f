"""Our figure against the published one, printed and kept for the documentation's validation
table (``docs/validation.json``, written by this folder's conftest at the end of a run and
read by ``docs/validation_table.py``): the table holds the numbers the tests computed, never
numbers copied by hand."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

TABLE = Path(__file__).resolve().parents[2] / "docs" / "validation.json"
"""The validation table the docs read: one row per figure, keyed by the test that made it."""

ROWS: list[dict[str, str]] = []
"""Rows recorded in this run, in order."""


def figure_of(test: str) -> str:
    """The published figure a test is named after: ``test_kaydash1999_he05_mare`` ->
    ``"Kaydash 1999, HE-05"`` (author-year, then the row IDs of validation-figures.md)."""
    name = test.rpartition("::")[2].split("[")[0].removeprefix("test_")
    parts = name.split("_")
    authors = [p for p in parts if re.fullmatch(r"[a-z]+\d{4}", p)]
    rows = [p for p in parts if re.fullmatch(r"[a-z]{2,3}\d{2}", p)]
    cited = ", ".join(f"{a[:-4].capitalize()} {a[-4:]}" for a in authors)
    if len(parts) > 1 and parts[1] in (authors + rows)[:1]:  # fa_jin2010, forbes_min06
        cited = " & ".join(filter(None, [parts[0].capitalize(), cited]))
    return "; ".join(filter(None, [cited, ", ".join(f"{r[:-2].upper()}-{r[-2:]}" for r in rows)]))


def record(figure: str, quantity: str, ours: str, published: str, note: str = "") -> None:
    """Print one "ours vs published" line and keep it for the validation table.

    Parameters
    ----------
    figure : str
        The published figure's row (``"EN-01"``, ``"Robie et al. (1970)"``); empty: the one the
        test is named after (:func:`figure_of`).
    quantity : str
        What is compared, with its unit.
    ours, published : str
        Our value and the published one, as the test formats them (with units).
    note : str, optional
        Why they differ, or which statistic is compared.
    """
    test = os.environ.get("PYTEST_CURRENT_TEST", "").split(" ")[0]
    figure = figure or figure_of(test)
    ROWS.append(
        {
            "test": test,
            "figure": figure,
            "quantity": quantity,
            "ours": ours,
            "published": published,
            "note": note,
        }
    )
    print(f"\n{figure} {quantity}: ours {ours} vs published {published} {note}".rstrip())


def merged_table(outcomes: dict[str, str]) -> list[dict[str, Any]]:
    """The committed table with the rows of the tests that ran now replaced by this run's,
    each with its test's outcome (``passed``/``failed``); tests that did not run keep theirs.

    Parameters
    ----------
    outcomes : dict
        Test node id -> outcome of every test run in this session.
    """
    kept = json.loads(TABLE.read_text(encoding="utf-8")) if TABLE.is_file() else []
    rows = [row for row in kept if row["test"] not in outcomes]
    rows += [{**row, "outcome": outcomes.get(row["test"], "passed")} for row in ROWS]
    return sorted(rows, key=lambda row: (row["test"], row["figure"], row["quantity"]))


def write_table(outcomes: dict[str, str]) -> None:
    """Write :func:`merged_table` to :data:`TABLE` when this run recorded any row, under a lock:
    each pytest-xdist worker merges its own tests' rows into what the others wrote."""
    if not ROWS:
        return
    from filelock import FileLock

    with FileLock(TABLE.with_suffix(".json.lock")):
        text = json.dumps(merged_table(outcomes), indent=1, ensure_ascii=False) + "\n"
        if not TABLE.is_file() or TABLE.read_text(encoding="utf-8") != text:
            tmp = TABLE.with_suffix(".json.tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(TABLE)
