"""``lunarbase terrain maps``: light, PSR, slope and elevation maps of a south-polar window."""

from __future__ import annotations

from pathlib import Path
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
    progress,
    scenario_options,
    typer_app,
)

terrain_app = typer_app("South-polar terrain and light maps.")


@terrain_app.command("maps")
@scenario_options(*LIGHT_OPTIONS)
def maps(
    overrides: dict[str, Any],
    scenario: ScenarioArg = None,
    out_dir: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("out/terrain"),
    lat: Annotated[
        float, typer.Option("--lat-deg", "--lat", help="Window centre latitude [deg].")
    ] = -89.9,
    lon: Annotated[
        float, typer.Option("--lon-deg", "--lon", help="Window centre longitude [deg E].")
    ] = 0.0,
    half_width_km: Annotated[float, typer.Option(help="Half width of the window [km].")] = 20.0,
    sets: SetOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Illumination, Earth-visibility, longest-night, PSR, slope and elevation maps of a
    window of the 240 m LOLA grid, as NetCDF (CF), GeoTIFF (lunar south polar stereographic,
    for GIS tools) and PNG (horizons cached for the next run)."""
    from lunarbase import mapfiles
    from lunarbase.terrain import map_files, psr_area_km2

    with progress() as tick:
        chain = chain_for(
            scenario,
            overrides=overrides,
            sets=sets,
            progress=tick,
        )
        ds = chain.terrain_maps(lat, lon, half_width_km)
        paths = mapfiles.write(map_files(ds), out_dir)
    summary = {
        "files": {k: str(v) for k, v in paths.items()},
        "pixels": int(ds.sizes["x"] * ds.sizes["y"]),
        "psr_area_km2": psr_area_km2(ds["psr"], colatitude_max_deg=90.0),
        "max_illumination_fraction": float(ds["illumination_fraction"].max()),
        "period_utc": ds.attrs["period_utc"],
    }
    if as_json:
        print_json(summary)
        return
    for key, value in summary.items():
        out.print(f"{key}: {value}")
