"""``lunarbase point`` and ``lunarbase illumination``: what the data say about one point."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from lunarbase.cli.options import (
    JsonOpt,
    ScenarioArg,
    SetOpt,
    chain_for,
    out,
    print_json,
    print_quantities,
    scenario_option,
)

LatOpt = Annotated[float, typer.Option("--lat-deg", "--lat", help="Latitude [deg], -90..90.")]
LonOpt = Annotated[float, typer.Option("--lon-deg", "--lon", help="Longitude [deg E].")]
StartOpt = Annotated[str | None, scenario_option("terrain", "start")]
EndOpt = Annotated[str | None, scenario_option("terrain", "end")]
StepOpt = Annotated[float | None, scenario_option("terrain", "step_h")]
HeightOpt = Annotated[float | None, scenario_option("terrain", "observer_height_m")]
AzimuthsOpt = Annotated[int | None, scenario_option("terrain", "horizon_azimuths")]


def light_overrides(
    start: str | None,
    end: str | None,
    step_h: float | None,
    observer_height_m: float | None,
    horizon_azimuths: int | None,
) -> dict[str, Any]:
    """``{"terrain.<field>": value}`` for the light options of a command (None: keep)."""
    values = {
        "start": start,
        "end": end,
        "step_h": step_h,
        "observer_height_m": observer_height_m,
        "horizon_azimuths": horizon_azimuths,
    }
    return {f"terrain.{k}": v for k, v in values.items()}


def point(
    scenario: ScenarioArg = None,
    lat: LatOpt = ...,  # type: ignore[assignment]
    lon: LonOpt = ...,  # type: ignore[assignment]
    start: StartOpt = None,
    end: EndOpt = None,
    step_h: StepOpt = None,
    observer_height_m: HeightOpt = None,
    horizon_azimuths: AzimuthsOpt = None,
    sets: SetOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Elevation, slope, sunlight, Earth view, PSR and regolith grades at one point (light
    period, time step and mast height from the scenario unless given)."""
    chain = chain_for(
        scenario,
        overrides=light_overrides(start, end, step_h, observer_height_m, horizon_azimuths),
        sets=sets,
    )
    summary = chain.point(lat, lon)
    if as_json:
        print_json(summary)
        return
    rows = [(k, f"{v:.4g}" if isinstance(v, float) else str(v)) for k, v in summary.items()]
    print_quantities(f"point {lat}, {lon}", rows)


def illumination(
    scenario: ScenarioArg = None,
    lat: LatOpt = ...,  # type: ignore[assignment]
    lon: LonOpt = ...,  # type: ignore[assignment]
    start: StartOpt = None,
    end: EndOpt = None,
    step_h: StepOpt = None,
    observer_height_m: HeightOpt = None,
    horizon_azimuths: AzimuthsOpt = None,
    sets: SetOpt = None,
    as_json: JsonOpt = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV to stdout.")] = False,
) -> None:
    """Time series of the visible Sun-disk fraction and Earth view at one point."""
    chain = chain_for(
        scenario,
        overrides=light_overrides(start, end, step_h, observer_height_m, horizon_azimuths),
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
