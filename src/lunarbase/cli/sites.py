"""``lunarbase sites``: where near the south pole the base should stand (the sites stage)."""

from __future__ import annotations

from typing import Any

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


@scenario_options(("sites", "top", int), ("sites", "min_spacing_km", float))
def sites(
    overrides: dict[str, Any],
    scenario: ScenarioArg = None,
    seed: SeedOpt = None,
    sets: SetOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Rank the best base sites near the south pole: criteria maps of the search region
    (light, night, Earth view, slope, ice, He-3 and Th grades), weighted, under the hard
    constraints, at a minimum spacing, each placed by the IAU names; and the base the
    scenario chooses."""
    from rich.markup import escape
    from rich.table import Table

    from lunarbase.provenance import provenance

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
    table = Table(
        title=escape(f"best sites, {chain.scenario.scenario.name}"), caption=escape(CAPTION)
    )
    table.add_column("#", justify="right")
    for header, _, _ in COLUMNS:
        table.add_column(escape(header), justify="right")
    for row in data["candidates"]:
        cells = [format_value(row[key], pattern) for _, key, pattern in COLUMNS]
        table.add_row(str(row["rank"]), *(escape(c) for c in cells))
    out.print(table)
    for row in data["candidates"]:
        out.print(f"{row['rank']:>3}: {escape(str(row['place']))}")
    base = data["base"]
    how = "the best-ranked site" if data["choice"] == "best" else "the scenario's own site"
    out.print(
        f"base: {base['lat_deg']:.3f}, {base['lon_deg']:.2f} ({escape(str(base['place']))}), {how}"
    )
