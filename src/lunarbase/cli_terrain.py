"""Command line for terrain and light: ``lunarbase terrain maps``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lunarbase.cli_common import (
    JsonOpt,
    out,
    print_json,
    progress,
    typer_app,
    validated_terrain,
)

terrain_app = typer_app("South-polar terrain and light maps.")


@terrain_app.command("maps")
def maps(
    out_dir: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("out/terrain"),
    lat: Annotated[float, typer.Option(help="Window centre latitude [deg].")] = -89.9,
    lon: Annotated[float, typer.Option(help="Window centre longitude [deg E].")] = 0.0,
    half_width_km: Annotated[float, typer.Option(help="Half width of the window [km].")] = 20.0,
    height_m: Annotated[float, typer.Option(help="Observer height above ground [m].")] = 2.0,
    start: Annotated[str, typer.Option(help="Start of the light period, UTC.")] = "2026-01-01",
    end: Annotated[str, typer.Option(help="End of the light period, UTC.")] = "2027-01-01",
    step_h: Annotated[float, typer.Option(help="Time step [h].")] = 2.0,
    azimuths: Annotated[int, typer.Option(help="Horizon azimuth sectors.")] = 180,
    as_json: JsonOpt = False,
) -> None:
    """Illumination, Earth-visibility, longest-night, PSR, slope and elevation maps of a
    window of the 240 m LOLA grid, as NetCDF and PNG (horizons cached for the next run)."""
    from lunarbase.terrain.maps import terrain_maps, write_maps
    from lunarbase.terrain.psr import area_km2

    cfg = validated_terrain(
        start=start, end=end, step_h=step_h, observer_height_m=height_m, horizon_azimuths=azimuths
    )
    with progress() as tick:
        ds = terrain_maps(lat, lon, half_width_km, cfg, progress=tick)
        paths = write_maps(ds, out_dir)
    summary = {
        "files": {k: str(v) for k, v in paths.items()},
        "pixels": int(ds.sizes["x"] * ds.sizes["y"]),
        "psr_area_km2": area_km2(ds["psr"], colatitude_max_deg=90.0),
        "max_illumination_fraction": float(ds["illumination_fraction"].max()),
        "period_utc": ds.attrs["period_utc"],
    }
    if as_json:
        print_json(summary)
        return
    for key, value in summary.items():
        out.print(f"{key}: {value}")
