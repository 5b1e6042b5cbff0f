"""``lunarbase resources inventory | maps``: He-3 and REE of a region, and resource maps."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from lunarbase.cli.options import (
    JsonOpt,
    ScenarioArg,
    SeedOpt,
    SetOpt,
    chain_for,
    print_json,
    print_paths,
    print_quantities,
    scenario_options,
    typer_app,
)

resources_app = typer_app("Regolith resources: He-3, thorium/REE inventories and maps.")

MODEL_OPTION = ("resources", "he3_model", str)
DRAWS_OPTION = ("resources", "uncertainty_draws", int)


def parse_polygon(text: str) -> list[tuple[float, float]]:
    """``"lat,lon; lat,lon; ..."`` -> list of (lat, lon) [deg, deg E].

    Raises
    ------
    QueryError
        Text that is not at least three ``lat,lon`` pairs of numbers.
    """
    from lunarbase.errors import QueryError

    vertices = []
    for part in text.split(";"):
        if not part.strip():
            continue
        try:
            lat_s, lon_s = part.split(",")
            vertices.append((float(lat_s), float(lon_s)))
        except ValueError:
            raise QueryError(
                f"--polygon: {part.strip()!r} is not 'lat,lon' (expected 'lat,lon; lat,lon; ...')"
            ) from None
    if len(vertices) < 3:
        raise QueryError(f"--polygon: needs at least three 'lat,lon' vertices, got {text!r}")
    return vertices


@resources_app.command("inventory")
@scenario_options(MODEL_OPTION, DRAWS_OPTION)
def inventory(
    overrides: dict[str, Any],
    scenario: ScenarioArg = None,
    region: Annotated[
        str | None,
        typer.Option(help="moon | nearside | farside | south-pole (default moon)."),
    ] = None,
    lat: Annotated[
        float | None, typer.Option("--lat-deg", "--lat", help="Circle centre latitude [deg].")
    ] = None,
    lon: Annotated[
        float | None, typer.Option("--lon-deg", "--lon", help="Circle centre longitude [deg E].")
    ] = None,
    radius_km: Annotated[float | None, typer.Option(help="Circle radius [km].")] = None,
    polygon: Annotated[
        str | None, typer.Option(help="Polygon vertices 'lat,lon; lat,lon; ...' [deg].")
    ] = None,
    depth_m: Annotated[
        float | None, typer.Option(help="Count down to this depth [m] (default: all regolith).")
    ] = None,
    he3_cutoff_ppb: Annotated[float, typer.Option(help="He-3 cut-off grade [ppb].")] = 0.0,
    ree_cutoff_ppm: Annotated[float, typer.Option(help="Total-REE cut-off grade [ppm].")] = 0.0,
    seed: SeedOpt = None,
    sets: SetOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """He-3 (p05/p50/p95) and REE tonnes, grades and areas of a region of the Moon."""
    from lunarbase.provenance import provenance
    from lunarbase.resources import Region

    chain = chain_for(
        scenario,
        seed=seed,
        overrides=overrides,
        sets=sets,
    )
    shape = parse_polygon(polygon) if polygon is not None else None
    result = chain.region_resources(
        Region(name=region, lat=lat, lon=lon, radius_km=radius_km, polygon=shape),
        depth_m=depth_m,
        he3_cutoff_ppb=he3_cutoff_ppb,
        ree_cutoff_ppm=ree_cutoff_ppm,
    )
    data = result.to_dict()
    data["provenance"] = provenance(chain.scenario, ("lpgrs_5deg",))
    if as_json:
        print_json(data)
        return
    he3 = data["he3_tonnes"]
    depth = "whole regolith" if data["depth_m"] is None else f"{data['depth_m']:g} m"
    rows = [
        ("area [km^2]", f"{data['area_km2']:.4g}"),
        ("depth counted", depth),
        ("regolith [t]", f"{data['regolith_tonnes']:.4g}"),
        ("He-3 grade [ppb]", f"{data['he3_grade_ppb']:.3g}"),
        ("He-3 p05 / p50 / p95 [t]", " / ".join(f"{he3[k]:.3g}" for k in ("p05", "p50", "p95"))),
        (
            f"area with He-3 >= {data['he3_cutoff_ppb']:g} ppb [km^2]",
            f"{data['he3_area_above_cutoff_km2']:.4g}",
        ),
        ("He-3 above cut-off [t]", f"{data['he3_tonnes_above_cutoff']:.3g}"),
        ("Th grade [ppm]", f"{data['th_grade_ppm']:.3g}"),
        ("TiO2 grade [wt%]", f"{data['tio2_grade_wt_pct']:.3g}"),
        (f"REE >= {data['ree_cutoff_ppm']:g} ppm [t]", f"{data['ree_tonnes']:.3g}"),
        ("REE area above cut-off [km^2]", f"{data['ree_area_above_cutoff_km2']:.4g}"),
        ("Monte Carlo draws / seed", f"{data['draws']} / {data['seed']}"),
    ]
    print_quantities(f"resources of {data['region']} ({data['he3_model']})", rows)


@resources_app.command("maps")
@scenario_options(MODEL_OPTION)
def maps(
    overrides: dict[str, Any],
    scenario: ScenarioArg = None,
    out_dir: Annotated[
        Path, typer.Option("--out", help="Folder for the NetCDF, GeoTIFF and PNG maps.")
    ] = Path("out"),
    sets: SetOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Write He-3, Th and REE maps of the Lunar Prospector bins: NetCDF (CF) of every layer,
    a GeoTIFF per layer (lunar lat/lon, for GIS tools) and PNG maps."""
    from lunarbase import mapfiles

    chain = chain_for(scenario, overrides=overrides, sets=sets)
    print_paths(mapfiles.write(chain.resource_map_files(), out_dir), as_json)
