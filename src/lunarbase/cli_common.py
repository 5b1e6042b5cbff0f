"""Pieces every CLI module shares: the consoles, the ``--json`` option and JSON printing."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console

out = Console()
"""Results (stdout)."""

err = Console(stderr=True)
"""Logs and progress (stderr)."""

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON to stdout.")]


def print_json(obj: Any) -> None:
    """Write ``obj`` as sorted, indented JSON (NaN as null) to stdout."""
    from lunarbase.jsonable import plain

    sys.stdout.write(json.dumps(plain(obj), indent=1, sort_keys=True, allow_nan=False) + "\n")
