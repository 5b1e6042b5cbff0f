"""Pieces every CLI module shares: the consoles, the ``--json`` option and JSON printing."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

if TYPE_CHECKING:
    from lunarbase.scenario import Terrain


def typer_app(
    help_text: str, *, no_args_is_help: bool = True, name: str | None = None
) -> typer.Typer:
    """A Typer (sub)command group with the project's settings: no shell-completion options,
    our one-line errors instead of pretty tracebacks, and markdown help text (Rich markup would
    swallow units written "[deg]")."""
    return typer.Typer(
        name=name,
        help=help_text,
        no_args_is_help=no_args_is_help,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode="markdown",
    )


out = Console()
"""Results (stdout)."""

err = Console(stderr=True)
"""Logs and progress (stderr)."""

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON to stdout.")]


def print_json(obj: Any) -> None:
    """Write ``obj`` as sorted, indented JSON (NaN as null) to stdout."""
    from lunarbase.jsonable import plain

    sys.stdout.write(json.dumps(plain(obj), indent=1, sort_keys=True, allow_nan=False) + "\n")


class progress:
    """Context manager yielding ``tick(stage, fraction)``: Rich bars on a terminal, plain
    stage lines on stderr otherwise."""

    def __enter__(self) -> Any:
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        self.tasks: dict[str, Any] = {}
        self.bar = None
        if err.is_terminal:
            self.bar = Progress(
                TextColumn("{task.description:<11}"), BarColumn(), TimeElapsedColumn(), console=err
            )
            self.bar.start()
        return self.tick

    def tick(self, stage: str, fraction: float) -> None:
        if self.bar is not None:
            if stage not in self.tasks:
                self.tasks[stage] = self.bar.add_task(stage, total=1.0)
            self.bar.update(self.tasks[stage], completed=fraction)
        elif stage not in self.tasks:
            self.tasks[stage] = True
            err.print(f"- {stage} ...")

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def validated_terrain(**options: object) -> Terrain:
    """Terrain settings from command-line options (one-line error naming a bad option)."""
    from pydantic import ValidationError

    from lunarbase.errors import QueryError
    from lunarbase.scenario import Terrain, error_line

    try:
        return Terrain.model_validate(options)
    except ValidationError as exc:
        raise QueryError(error_line(exc, "options")) from None


def print_quantities(title: str, rows: list[tuple[str, str]]) -> None:
    """Print (quantity, value) rows as a two-column Rich table; text is never read as markup."""
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=escape(title))
    table.add_column("quantity")
    table.add_column("value", justify="right")
    for name, value in rows:
        table.add_row(escape(name), escape(value))
    out.print(table)
