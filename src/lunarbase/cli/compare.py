"""``lunarbase compare``: programmes side by side through the same pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from lunarbase.cli.options import (
    JsonOpt,
    SeedOpt,
    chain_for,
    format_value,
    out,
    print_json,
    progress,
)
from lunarbase.errors import QueryError
from lunarbase.studies import SAFETY_ZONE_KM


def compare(
    scenarios: Annotated[
        list[str],
        typer.Argument(
            help="Two or more scenarios (bundled names or TOML files).", show_default=False
        ),
    ],
    out_dir: Annotated[
        Path | None,
        typer.Option("--out", help="Write compare.html, compare.json and compare.png here."),
    ] = None,
    safety_zone_km: Annotated[
        float,
        typer.Option(
            "--safety-zone-km",
            help="Safety-zone radius of the race for sites [km] (an assumption: the Artemis "
            "Accords fix none).",
        ),
    ] = SAFETY_ZONE_KM,
    seed: SeedOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Run each scenario through the same pipeline and put them side by side by year: landed
    mass, surface power, He-3 and rare-earth oxide per year, cumulative cost and NPV, and the
    year each crosses the milestones (first power, first He-3, 1 and 100 kg/yr); and the race
    for sites: in the order they first land power, each takes its best site outside the safety
    zones of those before it."""
    from lunarbase.report import write_comparison
    from lunarbase.studies import MILESTONES, comparison

    if len(scenarios) < 2:
        raise QueryError("compare: give at least two scenarios")
    if len(set(scenarios)) != len(scenarios):
        raise QueryError("compare: a scenario is given twice")
    if not safety_zone_km >= 0.0:
        raise QueryError(f"--safety-zone-km: the radius must be >= 0 km (got {safety_zone_km})")
    runs: dict[str, Any] = {}
    with progress() as tick:
        for spec in scenarios:
            name = Path(spec).stem
            chain = chain_for(
                spec, seed=seed, progress=lambda s, d, t, n=name: tick(f"{n}: {s}", d, t)
            )
            runs[name] = chain.run()
    compared = comparison(runs, safety_zone_km)
    data = compared.to_dict()
    paths = write_comparison(compared, out_dir) if out_dir is not None else {}
    if as_json:
        print_json(data)
        return
    from rich.table import Table

    table = Table(title="milestones (calendar year)")
    table.add_column("programme")
    for m in MILESTONES:
        table.add_column(m.replace("_", " "), justify="right")
    for name, block in data["programmes"].items():
        table.add_row(name, *(format_value(block["milestones"][m], "{}") for m in MILESTONES))
    table.add_row("first", *(", ".join(data["first_to_cross"][m]) or "none" for m in MILESTONES))
    out.print(table)
    race = data["race"]
    for k, name in enumerate(race["order"], start=1):
        claim = race["claims"][name]
        got = (
            "nothing left outside the zones"
            if claim is None
            else f"{claim['place']} (its rank {claim['rank']}, score loss "
            f"{claim['score_loss']:.3f})"
        )
        out.print(f"{k}. {name}: {got} [{race['safety_zone_km']:g} km safety zones]")
    for name, path in paths.items():
        out.print(f"{name}: {path}")
