"""The report's assumptions table, generated from the scenario schema: every field of every
table with its value, its unit and its source: the scenario's own ``[sources]`` entry for the
field where it gives one, else the field's description in :mod:`lunarbase.scenario` (which
names the paper, report or "assumption" behind the default)."""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel

UNIT = re.compile(r"\s*\[([^\]]+)\]")
"""A unit in brackets in a field's description (``[kWe]``, ``[USD/kg]``)."""


def _value(value: Any) -> str:
    """A field's JSON value as short text (``unset`` for an optional field left out)."""
    if value is None:
        return "unset"
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, str | int | bool):
        return str(value)
    return json.dumps(value, sort_keys=True)


def _unit_and_source(description: str) -> tuple[str, str]:
    """Split a description into its unit (the first bracketed one) and the rest."""
    match = UNIT.search(description)
    if match is None:
        return "", description.strip()
    return match.group(1), (description[: match.start()] + description[match.end() :]).strip()


def assumptions(scenario: BaseModel) -> list[dict[str, str]]:
    """One row per scenario field: ``table``, ``field``, ``value``, ``unit``, ``source``.

    A table of uncertain inputs (a mapping of distributions with their own ``source``) gives
    one row per input, the distribution as its value. A source the scenario states in its
    ``[sources]`` table replaces the schema's description.

    Parameters
    ----------
    scenario : lunarbase.scenario.Scenario
        The validated scenario (defaults filled in).

    Returns
    -------
    list of dict
        In schema order.
    """
    rows: list[dict[str, str]] = []
    cited: dict[str, str] = getattr(scenario, "sources", {})
    for table_name in type(scenario).model_fields:
        table = getattr(scenario, table_name)
        if isinstance(table, list):  # dated missions, each with its own source
            rows += [
                {
                    "table": table_name,
                    "field": str(getattr(item, "name", "")),
                    "value": _value(item.model_dump(mode="json", exclude={"name", "source"})),
                    "unit": "",
                    "source": str(item.source),
                }
                for item in table
            ]
            continue
        if not isinstance(table, BaseModel):
            continue  # the scenario's own sources: shown beside the fields they cite
        dumped = table.model_dump(mode="json", exclude_none=True)
        for name, info in type(table).model_fields.items():
            value = getattr(table, name)
            unit, source = _unit_and_source(info.description or "")
            if (
                isinstance(value, dict)
                and value
                and all(isinstance(v, BaseModel) and hasattr(v, "source") for v in value.values())
            ):
                for key, dist in value.items():
                    shown = dist.model_dump(mode="json", exclude_none=True)
                    origin = str(shown.pop("source"))
                    rows.append(
                        {
                            "table": table_name,
                            "field": f"{name}.{key}",
                            "value": json.dumps(shown, sort_keys=True),
                            "unit": "",
                            "source": origin,
                        }
                    )
                continue
            rows.append(
                {
                    "table": table_name,
                    "field": name,
                    "value": _value(dumped.get(name)),
                    "unit": unit,
                    "source": cited.get(f"{table_name}.{name}", source),
                }
            )
    return rows
