"""``lunarbase contest``: parties claim the best south-polar sites in turn behind safety zones."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from lunarbase.cli.options import (
    JsonOpt,
    ScenarioArg,
    SeedOpt,
    SetOpt,
    format_value,
    load_scenario,
    out,
    print_json,
    progress,
)
from lunarbase.errors import QueryError
from lunarbase.studies import SAFETY_ZONE_KM

COLUMNS = (
    ("rank", "rank", "{}"),
    ("Sun", "illumination_fraction", "{:.3f}"),
    ("night h", "longest_night_h", "{:.0f}"),
    ("Earth", "earth_visible_fraction", "{:.3f}"),
    ("ice km2", "psr_area_nearby_km2", "{:.1f}"),
    ("He-3 ppb", "he3_ppb", "{:.2f}"),
    ("score", "score", "{:.3f}"),
    ("loss", "score_loss", "{:.3f}"),
)
"""Table columns: header, claim key, format."""


def radii_km(text: str) -> list[float]:
    """``"1,2,5"`` as radii [km]; a non-number or a negative radius is a one-line error."""
    radii = []
    for part in text.split(","):
        try:
            value = float(part)
        except ValueError:
            raise QueryError(f"--safety-zone-km: {part.strip()!r} is not a number of km") from None
        if not value >= 0.0:
            raise QueryError(f"--safety-zone-km: the radius must be >= 0 km (got {part.strip()})")
        radii.append(value)
    return radii


def contest(
    scenario: ScenarioArg = None,
    parties: Annotated[int, typer.Option("--parties", help="Parties claiming in turn.")] = 2,
    safety_zone_km: Annotated[
        str,
        typer.Option(
            "--safety-zone-km",
            help="Safety-zone radius around each claim [km], or a list (1,2,5,10,20); the "
            "Artemis Accords fix none, so it is an assumption.",
        ),
    ] = f"{SAFETY_ZONE_KM:g}",
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Write contest.json, a map per radius (HTML, PNG) and the safety zones as NetCDF "
            "and GeoTIFF here.",
        ),
    ] = None,
    seed: SeedOpt = None,
    sets: SetOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Parties claim base sites in turn on the real polar grid: each takes the best remaining
    site by the scenario's site score, and a claim excludes a safety zone around it. Per party:
    the site, its light, longest night, Earth view, ice nearby (PSR area within 10 km) and
    He-3, and what a late arrival loses against the first; with several radii, how the loss
    grows. The sites are the ranking's, already sites.min_spacing_km apart (nearer points are
    one site), so radii below that spacing change nothing."""
    from lunarbase import mapfiles
    from lunarbase.provenance import provenance
    from lunarbase.studies import contest as run_contest
    from lunarbase.studies import zone_map_files

    radii = radii_km(safety_zone_km)
    with progress() as tick:
        sc = load_scenario(scenario, seed=seed, sets=sets)
        study = run_contest(sc, parties, radii, progress=tick)
    data = study.to_dict()
    if out_dir is not None:
        _write(out_dir, study.terrain.basemap, study.sites.layers, list(study.claims), data)
        mapfiles.write(zone_map_files(study), out_dir)
    if as_json:
        print_json({**data, "provenance": provenance(study.scenario)})
        return
    _print(study.scenario.scenario.name, list(study.claims))
    if out_dir is not None:
        out.print(f"contest: {out_dir}")


def _print(name: str, contests: list[tuple[float, Any]]) -> None:
    from rich.markup import escape
    from rich.table import Table

    for radius, claimed in contests:
        table = Table(title=escape(f"{name}: claims with {radius:g} km safety zones"))
        table.add_column("party", justify="right")
        for header, _, _ in COLUMNS:
            table.add_column(escape(header), justify="right")
        for party, row in claimed.iterrows():
            cells = [format_value(row[key], pattern) for _, key, pattern in COLUMNS]
            table.add_row(str(party), *cells)
        out.print(table)
        for party, row in claimed.iterrows():
            out.print(
                f"{party:>3}: {row['lat_deg']:.3f}, {row['lon_deg']:.2f}, {escape(row['place'])}"
            )
    if len(contests) > 1:
        losses = ", ".join(f"{r:g} km: {t['score_loss'].iloc[-1]:.3f}" for r, t in contests)
        out.print(f"last party's score loss by safety-zone radius: {losses}")


def _write(
    out_dir: Path, basemap: Any, layers: Any, contests: list[tuple[float, Any]], data: Any
) -> None:
    import json

    from lunarbase.fileio import atomic_write_bytes, atomic_write_text, output_folder
    from lunarbase.jsonable import plain
    from lunarbase.report import contest_figure, figure_pngs

    figs = {f"contest_{r:g}km": contest_figure(basemap, layers, t, r) for r, t in contests}
    drawn = {k: f for k, f in figs.items() if not isinstance(f, str)}
    pngs = figure_pngs(drawn)
    text = json.dumps(plain(data), indent=1, sort_keys=True, allow_nan=False) + "\n"
    with output_folder(out_dir) as folder:
        atomic_write_text(folder / "contest.json", text)
        for key, fig in figs.items():
            page = fig if isinstance(fig, str) else fig.to_html(include_plotlyjs=True)
            atomic_write_text(folder / f"{key}.html", page)
        for key, blob in pngs.items():
            atomic_write_bytes(folder / f"{key}.png", blob)
