"""``lunarbase sites``: where near the south pole the base should stand (the sites stage), or,
with ``--objective he3``, where on the Moon to mine He-3."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer

from lunarbase.cli.options import (
    JsonOpt,
    ScenarioArg,
    SeedOpt,
    SetOpt,
    chain_for,
    format_value,
    out,
    print_json,
    progress,
    scenario_options,
)

COLUMNS = (
    ("lat", "lat_deg", "{:.3f}"),
    ("lon E", "lon_deg", "{:.2f}"),
    ("Sun", "illumination_fraction", "{:.3f}"),
    ("night h", "longest_night_h", "{:.0f}"),
    ("Earth", "earth_visible_fraction", "{:.3f}"),
    ("slope", "slope_deg", "{:.1f}"),
    ("PSR km", "distance_to_psr_km", "{:.1f}"),
    ("score", "score", "{:.3f}"),
)
"""Table columns: header, results key, format (the units are in the caption)."""

CAPTION = (
    "lat, lon [deg]; Sun: mean visible solar-disk fraction; night: longest night [h]; Earth: "
    "fraction of time in view; slope [deg]; PSR: distance to the nearest permanently "
    "shadowed pixel [km]; score: weighted criteria [0-1]"
)


MINING_COLUMNS = (
    ("lat", "lat_deg", "{:.2f}"),
    ("lon E", "lon_deg", "{:.2f}"),
    ("He-3", "he3_ppb", "{:.2f}"),
    ("slope", "slope_deg", "{:.1f}"),
    ("depth", "regolith_depth_m", "{:.0f}"),
    ("edge", "mare_edge_km", "{:.0f}"),
    ("Earth", "earth_visible_fraction", "{:.2f}"),
    ("night", "longest_night_h", "{:.0f}"),
    ("score", "score", "{:.3f}"),
)
"""Table columns of ``--objective he3``: header, results key, format (units in the caption)."""

MINING_CAPTION = (
    "lat, lon [deg]; He-3 [ppb] of the grade map (TiO2 in --json); slope [deg] of LDEM_4 over "
    "~15 km; depth: regolith [m]; edge: distance from the mare edge [km]; Earth: fraction of "
    "time above the level horizon; night: longest night [h]; score: weighted criteria [0-1]"
)


class Objective(StrEnum):
    """What the sites are for."""

    base = "base"
    he3 = "he3"


ObjectiveOpt = Annotated[
    Objective,
    typer.Option(
        help="base: base sites near the south pole (the sites stage); he3: He-3 mining sites "
        "anywhere within 70 deg of the equator, on the global grade map."
    ),
]
RegionOpt = Annotated[
    str,
    typer.Option(
        help="With --objective he3: moon | nearside | farside, or an IAU feature name "
        "(the circle of its diameter, e.g. 'Mare Tranquillitatis')."
    ),
]


@scenario_options(("sites", "top", int), ("sites", "min_spacing_km", float))
def sites(
    overrides: dict[str, Any],
    scenario: ScenarioArg = None,
    objective: ObjectiveOpt = Objective.base,
    region: RegionOpt = "moon",
    seed: SeedOpt = None,
    sets: SetOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Rank the best base sites near the south pole: criteria maps of the search region
    (light, night, Earth view, slope, ice, He-3 and Th grades), weighted, under the hard
    constraints, at a minimum spacing, each placed by the IAU names; and the base the
    scenario chooses. With --objective he3, rank He-3 mining sites anywhere instead (grade,
    slope, regolith depth, distance from the mare edge, Earth view), a mining area's diameter
    apart."""
    from rich.markup import escape

    from lunarbase.provenance import provenance

    if objective is Objective.he3:
        _mining_sites(overrides, scenario, region, seed, sets, as_json)
        return
    with progress() as tick:
        chain = chain_for(scenario, seed=seed, overrides=overrides, sets=sets, progress=tick)
        results = chain.run(until="sites")
    assert results.sites is not None and results.terrain is not None
    data = results.sites.to_dict()
    if as_json:
        print_json(
            {**data, "terrain": results.terrain.summary, "provenance": provenance(chain.scenario)}
        )
        return
    _print_ranked(
        f"best sites, {chain.scenario.scenario.name}", CAPTION, COLUMNS, data["candidates"]
    )
    base = data["base"]
    how = "the best-ranked site" if data["choice"] == "best" else "the scenario's own site"
    out.print(
        f"base: {base['lat_deg']:.3f}, {base['lon_deg']:.2f} ({escape(str(base['place']))}), {how}"
    )


def _mining_sites(
    overrides: dict[str, Any],
    scenario: str | None,
    region: str,
    seed: int | None,
    sets: list[str] | None,
    as_json: bool,
) -> None:
    """``lunarbase sites --objective he3``: the ranked He-3 mining sites of a region."""

    from lunarbase.provenance import provenance

    with progress():
        chain = chain_for(scenario, seed=seed, overrides=overrides, sets=sets)
        data = chain.mining_sites(region=region).to_dict()
    if as_json:
        print_json({**data, "provenance": provenance(chain.scenario)})
        return
    title = f"best He-3 mining sites ({region}), {chain.scenario.scenario.name}"
    _print_ranked(title, MINING_CAPTION, MINING_COLUMNS, data["candidates"])


def _print_ranked(
    title: str,
    caption: str,
    columns: tuple[tuple[str, str, str], ...],
    candidates: list[dict[str, Any]],
) -> None:
    """Ranked sites as a table of ``columns`` (header, key, format), then each one's place."""
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=escape(title), caption=escape(caption))
    table.add_column("#", justify="right")
    for header, _, _ in columns:
        table.add_column(escape(header), justify="right")
    for row in candidates:
        cells = [format_value(row[key], pattern) for _, key, pattern in columns]
        table.add_row(str(row["rank"]), *(escape(c) for c in cells))
    out.print(table)
    for row in candidates:
        out.print(f"{row['rank']:>3}: {escape(str(row['place']))}")
