"""Command line for the resources stage: ``lunarbase resources inventory | maps``.

A Typer sub-app, added to the main app as ``app.add_typer(resources_app, name="resources")``.
Results go to stdout (a Rich table, or JSON with ``--json``); user errors are raised as
:class:`~lunarbase.errors.LunarbaseError` subclasses, which the main entry point prints as one
line with exit code 2. Heavy imports (numpy, xarray, matplotlib) live inside the commands.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from lunarbase.cli_common import JsonOpt, out, print_json, print_quantities, typer_app

if TYPE_CHECKING:
    from lunarbase.scenario import Scenario

resources_app = typer_app("Regolith resources: He-3, thorium/REE inventories and maps.")


ScenarioOpt = Annotated[
    str | None,
    typer.Option("--scenario", help="Scenario TOML file or bundled name (default: ilrs-2035)."),
]
ModelOpt = Annotated[
    str | None,
    typer.Option("--model", help="He-3 grade model (taylor1991_tio2, johnson1999_fluence)."),
]


def _scenario(spec: str | None, seed: int | None, model: str | None, draws: int | None) -> Scenario:
    """The scenario with the command-line overrides applied and validated (one-line errors)."""
    from pydantic import ValidationError

    from lunarbase import scenario as scenario_mod
    from lunarbase.errors import ScenarioError

    sc = scenario_mod.load(spec).with_seed(seed)
    update: dict[str, Any] = {}
    if model is not None:
        update["he3_model"] = model
    if draws is not None:
        update["uncertainty_draws"] = draws
    if not update:
        return sc
    raw = sc.model_dump(mode="json")
    raw["resources"].update(update)
    try:
        return scenario_mod.Scenario.model_validate(raw)
    except ValidationError as exc:
        raise ScenarioError(scenario_mod.error_line(exc, "command-line options")) from None


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
def inventory(
    region: Annotated[
        str | None,
        typer.Option(help="moon | nearside | farside | south-pole (default moon)."),
    ] = None,
    lat: Annotated[float | None, typer.Option(help="Circle centre latitude [deg].")] = None,
    lon: Annotated[float | None, typer.Option(help="Circle centre longitude [deg E].")] = None,
    radius_km: Annotated[float | None, typer.Option(help="Circle radius [km].")] = None,
    polygon: Annotated[
        str | None, typer.Option(help="Polygon vertices 'lat,lon; lat,lon; ...' [deg].")
    ] = None,
    depth_m: Annotated[
        float | None, typer.Option(help="Count down to this depth [m] (default: all regolith).")
    ] = None,
    cutoff_ppb: Annotated[float, typer.Option(help="He-3 cut-off grade [ppb].")] = 0.0,
    ree_cutoff_ppm: Annotated[float, typer.Option(help="Total-REE cut-off grade [ppm].")] = 0.0,
    model: ModelOpt = None,
    draws: Annotated[int | None, typer.Option(help="Monte Carlo draws (override).")] = None,
    seed: Annotated[int | None, typer.Option(help="Override the scenario's seed.", min=0)] = None,
    scenario: ScenarioOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """He-3 (p05/p50/p95) and REE tonnes, grades and areas of a region of the Moon."""
    from lunarbase.resources import Region, region_resources

    sc = _scenario(scenario, seed, model, draws)
    shape = parse_polygon(polygon) if polygon is not None else None
    result = region_resources(
        sc.resources,
        seed=sc.scenario.seed,
        region=Region(name=region, lat=lat, lon=lon, radius_km=radius_km, polygon=shape),
        depth_m=depth_m,
        he3_cutoff_ppb=cutoff_ppb,
        ree_cutoff_ppm=ree_cutoff_ppm,
    )
    data = result.to_dict()
    from lunarbase.pipeline import provenance

    data["provenance"] = provenance(sc, ("lpgrs_5deg",))
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
def maps(
    out_dir: Annotated[
        Path, typer.Option("--out", help="Folder for the NetCDF and PNG maps.")
    ] = Path("out"),
    model: ModelOpt = None,
    scenario: ScenarioOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Write He-3, Th and REE maps of the Lunar Prospector bins (NetCDF + PNG)."""
    from lunarbase.resources.maps import write_maps

    sc = _scenario(scenario, None, model, None)
    from lunarbase.pipeline import provenance

    paths = write_maps(sc.resources, out_dir, provenance=provenance(sc, ("lpgrs_5deg",)))
    listing = {k: str(v) for k, v in paths.items()}
    if as_json:
        print_json(listing)
        return
    for kind, path in listing.items():
        out.print(f"{kind}: {path}")
