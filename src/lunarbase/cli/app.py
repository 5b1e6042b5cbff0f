"""The ``lunarbase`` command: one sub-command per library verb (Typer + Rich).

Results go to stdout (a Rich table, or JSON with ``--json``); logs and progress to stderr.
User errors print one line and exit 2; ``--debug`` shows tracebacks. Heavy imports live inside
the commands so ``--help`` is instant. Commands: ``run`` (:mod:`.run`), ``point`` and
``illumination`` (:mod:`.point`), ``sites`` (:mod:`.sites`), ``compare`` (:mod:`.compare`),
``contest`` (:mod:`.contest`), ``simulate`` (:mod:`.simulate`), ``economics``, ``sensitivity``
and ``fusion`` (:mod:`.economics`), ``breakeven`` (:mod:`.breakeven`),
``landers`` (:mod:`.landers`), ``terrain`` (:mod:`.terrain`), ``resources``
(:mod:`.resources`), ``data`` (:mod:`.data`), ``dashboard`` (:mod:`.dashboard`).
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from lunarbase import __version__
from lunarbase.cli import economics as economics_cmd
from lunarbase.cli import point as point_cmd
from lunarbase.cli.breakeven import breakeven
from lunarbase.cli.compare import compare
from lunarbase.cli.contest import contest
from lunarbase.cli.dashboard import dashboard
from lunarbase.cli.data import data_app
from lunarbase.cli.landers import landers
from lunarbase.cli.options import err, out, typer_app
from lunarbase.cli.resources import resources_app
from lunarbase.cli.run import run
from lunarbase.cli.simulate import simulate
from lunarbase.cli.sites import sites
from lunarbase.cli.terrain import terrain_app
from lunarbase.errors import LunarbaseError

app = typer_app(
    "Plan and simulate an autonomous lunar resource base from real lunar data.",
    no_args_is_help=False,
    name="lunarbase",
)
app.command()(run)
app.command()(point_cmd.point)
app.command()(point_cmd.illumination)
app.command()(sites)
app.command()(compare)
app.command()(contest)
app.command()(simulate)
app.command()(economics_cmd.economics)
app.command()(economics_cmd.sensitivity)
app.command()(economics_cmd.fusion)
app.command()(breakeven)
app.command()(landers)
app.command()(dashboard)
app.add_typer(data_app, name="data")
app.add_typer(resources_app, name="resources")
app.add_typer(terrain_app, name="terrain")

_state = {"debug": False}


def _version(value: bool) -> None:
    if value:
        out.print(f"lunarbase {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    """lunarbase: terrain, light, resources, operations and economics of a lunar base."""
    _state["debug"] = debug
    if ctx.invoked_subcommand is None:
        out.print(ctx.get_help())


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app on ``argv`` (default: the process's arguments), turning user
    errors into one line and exit code 2."""
    try:
        app(args=argv, prog_name="lunarbase")  # standalone: Typer prints usage errors, exits 2
    except LunarbaseError as exc:
        if _state["debug"]:
            raise
        err.print(f"lunarbase: error: {exc}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(2)
    except Exception as exc:  # a bug: one line unless --debug
        if _state["debug"]:
            raise
        err.print(
            f"lunarbase: internal error: {type(exc).__name__}: {exc} (rerun with --debug)",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        sys.exit(1)
