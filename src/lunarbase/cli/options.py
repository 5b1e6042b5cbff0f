"""What every command shares: consoles, the shared options, scenario loading with overrides,
JSON and table printing, progress (from :mod:`.progress`).

Shared options: ``SCENARIO`` (a positional file or bundled name in every command that takes a
scenario), ``--seed``, ``--json``, ``--out`` and ``--set TABLE.FIELD=VALUE``. A command's own
scenario options (``--step-h``, ``--observer-height-m``, ...) are made by
:func:`scenario_option` from the scenario schema: the flag is the field's name, the help its
description, and the default the scenario's own value, so the command line and the scenario
never disagree; errors name the option the user typed.
"""

from __future__ import annotations

import functools
import inspect
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from lunarbase.cli.progress import progress as progress  # every command's ticker

if TYPE_CHECKING:
    from lunarbase.pipeline import Chain, RunOptions
    from lunarbase.scenario import Scenario


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

ScenarioArg = Annotated[
    str | None,
    typer.Argument(
        metavar="SCENARIO",
        help="Scenario TOML file or bundled name (default: ilrs-2035).",
        show_default=False,
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON to stdout.")]
SeedOpt = Annotated[int | None, typer.Option("--seed", help="Override the scenario's seed.", min=0)]
SetOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--set",
        metavar="TABLE.FIELD=VALUE",
        help="Override any scenario field, e.g. `--set operations.n_miners=8` (repeatable; "
        "VALUE is read as TOML, else as text).",
    ),
]


def scenario_option(table: str, field: str) -> Any:
    """A ``--<field>`` option that overrides ``[table] field`` of the scenario; its help is the
    schema's description and its default the scenario's value (the option holds None then)."""
    from lunarbase.scenario import Scenario

    section = Scenario.model_fields[table].annotation
    info = section.model_fields[field]  # type: ignore[union-attr]
    return typer.Option(
        "--" + field.replace("_", "-"),
        help=f"{info.description} Default: the scenario's `{table}.{field}`.",
        show_default=False,
    )


def scenario_options(
    *fields: tuple[str, str, type],
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Give a command one :func:`scenario_option` per ``(table, field, type)``, placed before
    its ``--set`` option; the command receives them as ``overrides={"table.field": value}``
    (None where the user gave none), ready for :func:`chain_for`. The options are declared
    once here, not repeated in every command's signature."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        signature = inspect.signature(command, eval_str=True)
        kw = inspect.Parameter.KEYWORD_ONLY
        added = [
            inspect.Parameter(
                name,
                kw,
                default=None,
                annotation=Annotated[kind | None, scenario_option(table, name)],
            )
            for table, name, kind in fields
        ]
        kept = [p.replace(kind=kw) for p in signature.parameters.values() if p.name != "overrides"]
        at = next((i for i, p in enumerate(kept) if p.name == "sets"), len(kept))

        @functools.wraps(command)
        def wrapper(**options: Any) -> Any:
            overrides = {f"{table}.{name}": options.pop(name) for table, name, _ in fields}
            return command(overrides=overrides, **options)

        wrapper.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=[*kept[:at], *added, *kept[at:]]
        )
        return wrapper

    return decorate


LIGHT_OPTIONS = (
    ("terrain", "start", str),
    ("terrain", "end", str),
    ("terrain", "step_h", float),
    ("terrain", "observer_height_m", float),
    ("terrain", "horizon_azimuths", int),
)
"""The scenario's light settings as command options (point, illumination, terrain maps)."""


def parse_set(items: list[str] | None) -> dict[str, Any]:
    """``["table.field=value", ...]`` -> ``{"table.field": value}`` (value read as TOML).

    Raises
    ------
    ScenarioError
        An item without ``=`` or without a ``table.field`` key.
    """
    import tomllib

    from lunarbase.errors import ScenarioError

    values: dict[str, Any] = {}
    for item in items or []:
        key, sep, text = item.partition("=")
        key = key.strip()
        if not sep or key.count(".") != 1:
            raise ScenarioError(f"--set {item!r}: expected TABLE.FIELD=VALUE")
        try:
            values[key] = tomllib.loads(f"v = {text.strip()}")["v"]
        except tomllib.TOMLDecodeError:
            values[key] = text.strip()
    return values


def load_scenario(
    spec: str | None,
    *,
    seed: int | None = None,
    overrides: dict[str, Any] | None = None,
    sets: list[str] | None = None,
    options: dict[str, str] | None = None,
) -> Scenario:
    """The scenario ``spec`` (file or bundled name; None: the default) with ``--seed``, the
    command's own options (``{"table.field": value}``, None = keep) and ``--set`` applied.
    ``options`` names the option of a field where it is not ``--<field>`` (e.g.
    ``{"economics.montecarlo_draws": "--samples"}``), for error lines."""
    from lunarbase import scenario as scenario_mod

    sc = scenario_mod.load(spec).with_seed(seed)
    given = {key: value for key, value in (overrides or {}).items() if value is not None}
    names = {key: "--" + key.split(".")[1].replace("_", "-") for key in given}
    names.update({key: name for key, name in (options or {}).items() if key in given})
    sc = scenario_mod.with_overrides(sc, given, names=names)
    extra = parse_set(sets)
    return scenario_mod.with_overrides(sc, extra, names={k: f"--set {k}" for k in extra})


def chain_for(
    spec: str | None,
    *,
    seed: int | None = None,
    overrides: dict[str, Any] | None = None,
    sets: list[str] | None = None,
    progress: Any = None,
    options: dict[str, str] | None = None,
    run_options: RunOptions | None = None,
    **replacements: Any,
) -> Chain:
    """A :class:`lunarbase.pipeline.Chain` of the scenario with the command-line overrides
    (``options`` as :func:`load_scenario` takes them), run where ``run_options`` say (and any
    stage replaced, as :class:`~lunarbase.pipeline.Chain` takes them)."""
    from lunarbase.pipeline import Chain

    sc = load_scenario(spec, seed=seed, overrides=overrides, sets=sets, options=options)
    return Chain(sc, progress=progress, options=run_options, **replacements)


def print_json(obj: Any) -> None:
    """Write ``obj`` as sorted, indented JSON (NaN as null) to stdout."""
    from lunarbase.jsonable import plain

    sys.stdout.write(json.dumps(plain(obj), indent=1, sort_keys=True, allow_nan=False) + "\n")


def format_value(value: Any, pattern: str) -> str:
    """``pattern.format(value)``, or ``"n/a"`` for a missing (None) value."""
    return "n/a" if value is None else pattern.format(value)


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


def print_paths(paths: dict[str, Path], as_json: bool) -> None:
    """The files a command wrote, as ``kind: path`` lines or a JSON object."""
    listing = {k: str(v) for k, v in paths.items()}
    if as_json:
        print_json(listing)
        return
    for kind, path in listing.items():
        out.print(f"{kind}: {path}")
