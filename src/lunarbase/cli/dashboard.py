"""``lunarbase dashboard``: a scenario as an interactive page in the browser
(:mod:`lunarbase.dashboard`)."""

from __future__ import annotations

from typing import Annotated

import typer

from lunarbase.cli.options import (
    JsonOpt,
    ScenarioArg,
    SeedOpt,
    SetOpt,
    chain_for,
    err,
    print_json,
    progress,
)

DEFAULT_HOST = "127.0.0.1"
"""Where the dashboard listens unless ``--host`` says otherwise: this machine only."""

DEFAULT_PORT = 5006
"""The dashboard's port unless ``--port`` says otherwise (Bokeh's and Panel's usual one)."""


def dashboard(
    scenario: ScenarioArg = None,
    port: Annotated[
        int, typer.Option("--port", min=1, max=65535, help="TCP port to listen on.")
    ] = DEFAULT_PORT,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="Address to listen on. The default serves this machine only; `0.0.0.0` "
            "opens the dashboard to every network this machine is on.",
        ),
    ] = DEFAULT_HOST,
    seed: SeedOpt = None,
    sets: SetOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Serve an interactive dashboard of a scenario: the polar map with the ranked sites and
    the base, sliders for launch price, He-3 price, discount rate, miners and plant power,
    and the metrics and charts recomputed as they move (terrain, sites and resources run
    once, at start). Serves until Ctrl-C."""
    from lunarbase import dashboard as dash
    from lunarbase.provenance import provenance

    with progress() as tick:
        board = dash.Dashboard(chain_for(scenario, seed=seed, sets=sets, progress=tick))
        name = board.scenario.scenario.name
        server = dash.listen(board.page, host=host, port=port, title=f"lunarbase: {name}")
        board.prepare()
    address = dash.url(host, port)
    if as_json:
        print_json({"url": address, "host": host, "port": port, **provenance(board.scenario)})
    err.print(
        f"lunarbase dashboard: {name} at {address} (Ctrl-C stops it)",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    dash.serve_forever(server)
