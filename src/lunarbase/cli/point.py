"""``lunarbase point`` and ``lunarbase illumination``: what the data say about one point."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from lunarbase.cli.options import (
    LIGHT_OPTIONS,
    JsonOpt,
    ScenarioArg,
    SetOpt,
    chain_for,
    out,
    print_json,
    print_quantities,
    scenario_options,
)

LatOpt = Annotated[float, typer.Option("--lat-deg", "--lat", help="Latitude [deg], -90..90.")]
LonOpt = Annotated[float, typer.Option("--lon-deg", "--lon", help="Longitude [deg E].")]


@scenario_options(*LIGHT_OPTIONS)
def point(
    overrides: dict[str, Any],
    scenario: ScenarioArg = None,
    lat: LatOpt = ...,  # type: ignore[assignment]
    lon: LonOpt = ...,  # type: ignore[assignment]
    sets: SetOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Elevation, slope, sunlight, Earth view, PSR and regolith grades at one point (light
    period, time step and mast height from the scenario unless given)."""
    chain = chain_for(
        scenario,
        overrides=overrides,
        sets=sets,
    )
    summary = chain.point(lat, lon)
    if as_json:
        print_json(summary)
        return
    rows = [(k, f"{v:.4g}" if isinstance(v, float) else str(v)) for k, v in summary.items()]
    print_quantities(f"point {lat}, {lon}", rows)


@scenario_options(*LIGHT_OPTIONS)
def illumination(
    overrides: dict[str, Any],
    scenario: ScenarioArg = None,
    lat: LatOpt = ...,  # type: ignore[assignment]
    lon: LonOpt = ...,  # type: ignore[assignment]
    sets: SetOpt = None,
    as_json: JsonOpt = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV to stdout.")] = False,
) -> None:
    """Time series of the visible Sun-disk fraction and Earth view at one point."""
    chain = chain_for(
        scenario,
        overrides=overrides,
        sets=sets,
    )
    series = chain.light(lat, lon)
    table = series.frame.reset_index()
    table["time_utc"] = table["time_utc"].dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    if as_csv:
        sys.stdout.write(table.to_csv(index=False, float_format="%.6g"))
    elif as_json:
        print_json({"stats": series.stats(), "series": table.to_dict(orient="list")})
    else:
        for key, value in series.stats().items():
            out.print(f"{key}: {value:.4g}")
