"""Reading scenarios: bundled names and paths, TOML parsing, ``table.field`` overrides and the
one-line error messages (``file:line: table.field: what (allowed: range)``)."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from lunarbase.errors import ScenarioError
from lunarbase.scenario.fleet import FLEET_KINDS
from lunarbase.scenario.operations_table import FLEET_TOTALS
from lunarbase.scenario.schema import Scenario

DEFAULT_SCENARIO = "ilrs-2035"


def with_overrides(
    scenario: Scenario,
    overrides: Mapping[str, Any],
    *,
    names: Mapping[str, str] | None = None,
) -> Scenario:
    """``scenario`` with ``"table.field"`` values replaced and validated again.

    Parameters
    ----------
    scenario : Scenario
        The scenario to start from.
    overrides : mapping
        ``{"terrain.step_h": 1.0, ...}``; a None value keeps the scenario's value.
        ``operations.n_miners`` and ``operations.reactor_power_kwe`` re-fleet the landings
        (:meth:`~lunarbase.scenario.Operations.with_fleet`).
    names : mapping, optional
        What the user typed for each key (e.g. ``{"terrain.step_h": "--step-h"}``), named in
        errors instead of the key.

    Raises
    ------
    ScenarioError
        An unknown table or field, or a value out of range: one line naming the option.
    """
    names = names or {}
    overrides = dict(overrides)
    fleet = {
        field: overrides.pop(f"operations.{field}")
        for field in FLEET_KINDS
        if overrides.get(f"operations.{field}") is not None
    }
    raw = scenario.model_dump(mode="json")
    if fleet:  # through the re-fleet rule, so that the landings bring it
        try:
            raw["operations"] = scenario.operations.with_fleet(**fleet).model_dump(mode="json")
        except ValidationError as exc:
            err = exc.errors()[0]
            key = f"operations.{next(iter(fleet))}"
            raise ScenarioError(f"{names.get(key, key)}: {_describe(err)}") from None
    for key, value in overrides.items():
        if value is None:
            continue
        table, _, field = key.partition(".")
        if table not in raw or not isinstance(raw[table], dict) or field not in raw[table]:
            raise ScenarioError(f"{names.get(key, key)}: no scenario field {key!r}")
        raw[table][field] = value.isoformat() if isinstance(value, dt.date) else value
    try:
        return Scenario.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"][:2])
        table = str(err["loc"][0]) if err["loc"] else ""
        where = names.get(key) or next((n for k, n in names.items() if k.startswith(table)), key)
        raise ScenarioError(f"{where}: {_describe(err)}") from None


def bundled_scenarios() -> dict[str, Path]:
    """Names and paths of the scenario files shipped with the package."""
    folder = resources.files("lunarbase") / "scenarios"
    return {Path(str(p)).stem: Path(str(p)) for p in folder.iterdir() if str(p).endswith(".toml")}


def resolve(spec: str | Path | None) -> Path:
    """Path of a scenario given as a file path or a bundled name (``None``: the default)."""
    name = DEFAULT_SCENARIO if spec is None else str(spec)
    bundled = bundled_scenarios()
    if name in bundled:
        return bundled[name]
    path = Path(name)
    if not path.exists():
        known = ", ".join(sorted(bundled))
        raise ScenarioError(f"{path}: no such scenario file (bundled scenarios: {known})")
    return path


def load(spec: str | Path | None = None) -> Scenario:
    """Read and validate a scenario file (path, bundled name, or ``None`` for the default).

    Raises
    ------
    ScenarioError
        One line naming the file, the line and field at fault and what is allowed.
    """
    path = resolve(spec)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError(f"{path}: cannot read scenario file ({exc})") from None
    return parse(text, source=str(path))


def parse(text: str, source: str = "<string>") -> Scenario:
    """Validate scenario TOML text; ``source`` names it in error messages."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"{source}: TOML syntax error: {exc}") from None
    _landings_or_totals(raw, source, text)
    try:
        return Scenario.model_validate(raw)
    except ValidationError as exc:
        raise ScenarioError(error_line(exc, source, text)) from None


def _landings_or_totals(raw: Mapping[str, Any], source: str, text: str) -> None:
    """A file writes either ``[[operations.landings]]`` or the fleet totals, never both."""
    ops = raw.get("operations")
    if not isinstance(ops, Mapping) or not ops.get("landings"):
        return
    for total in FLEET_TOTALS:
        if total in ops:
            line = _line_of(text, ("operations", total))
            where = f"{source}:{line}" if line else source
            raise ScenarioError(
                f"{where}: operations.{total}: write either [[operations.landings]] or the "
                f"totals, never both (the landings already give {total}; to re-fleet them, "
                "--set operations.n_miners / operations.reactor_power_kwe)"
            )


def error_line(exc: ValidationError, source: str, text: str = "") -> str:
    """One line ``source[:line]: field: what is wrong (allowed range)`` for the first error;
    ``text`` is the TOML the values came from, used to find the line."""
    err = exc.errors()[0]
    loc = tuple(str(p) for p in err["loc"])
    line = _line_of(text, loc)
    where = f"{source}:{line}" if line else source
    if loc:
        where += ": " + ".".join(loc)
    return f"{where}: {_describe(err)}"


def _describe(err: Any) -> str:
    """One-line explanation of a pydantic error, with the allowed range where there is one."""
    kind = err["type"]
    value = err.get("input")
    ctx = err.get("ctx") or {}
    if kind == "extra_forbidden":
        return "unknown key (check the spelling; unknown keys are not allowed)"
    bounds = {
        "greater_than": "> {gt}",
        "greater_than_equal": ">= {ge}",
        "less_than": "< {lt}",
        "less_than_equal": "<= {le}",
    }
    if kind in bounds:
        allowed = bounds[kind].format(**ctx)
        return f"value {value!r} out of range (allowed: {allowed})"
    msg = str(err["msg"]).removeprefix("Value error, ")
    return f"{msg} (got {value!r})" if kind != "value_error" else msg


def _line_of(text: str, loc: tuple[str, ...]) -> int | None:
    """1-based line where the TOML key at ``loc`` is written (best effort, ``None`` if absent).

    A one-part location is a table header or a top-level key; a longer one is a key inside a
    table (or the table's header when the key is absent, e.g. a cross-field check).
    """
    if not loc:
        return None
    table, key = ("", loc[0]) if len(loc) == 1 else (loc[0], loc[1])
    header = re.compile(r"^\s*\[([^\[\]]+)\]\s*(#.*)?$")
    assignment = re.compile(r"^\s*([A-Za-z0-9_\-\"']+)\s*=")
    current, table_line = "", None
    for number, line in enumerate(text.splitlines(), start=1):
        match = header.match(line)
        if match:
            current = match.group(1).strip()
            if len(loc) == 1 and current == key:
                return number
            if current == table and table_line is None:
                table_line = number
            continue
        match = assignment.match(line)
        if match and current == table and match.group(1).strip("\"'") == key:
            return number
    return table_line
