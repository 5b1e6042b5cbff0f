"""Command line: ``lunarbase run | point | data`` (Typer + Rich).

Results go to stdout (a Rich table, or JSON with ``--json``); logs and progress to stderr.
User errors print one line and exit 2; ``--debug`` shows tracebacks. Heavy imports live inside
the commands so ``--help`` is instant.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from lunarbase import __version__
from lunarbase.cli_common import (
    JsonOpt,
    err,
    out,
    print_json,
    print_quantities,
    progress,
    typer_app,
    validated_terrain,
)
from lunarbase.cli_resources import resources_app
from lunarbase.cli_terrain import terrain_app
from lunarbase.errors import LunarbaseError

app = typer_app(
    "Plan and simulate an autonomous lunar resource base from real lunar data.",
    no_args_is_help=False,
    name="lunarbase",
)
data_app = typer_app("The real lunar datasets: list, verify checksums, fetch.")
app.add_typer(data_app, name="data")
app.add_typer(resources_app, name="resources")
app.add_typer(terrain_app, name="terrain")

_state = {"debug": False}


def _version(value: bool) -> None:
    if value:
        out.print(f"lunarbase {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    """lunarbase: terrain, light, resources, operations and economics of a lunar base."""
    _state["debug"] = debug
    if ctx.invoked_subcommand is None:
        out.print(ctx.get_help())


@app.command()
def run(
    scenario: Annotated[
        str | None,
        typer.Argument(help="Scenario TOML file or bundled name (default: ilrs-2035)."),
    ] = None,
    out_dir: Annotated[
        Path, typer.Option("--out", help="Folder for report.html and results.json.")
    ] = Path("out"),
    seed: Annotated[int | None, typer.Option(help="Override the scenario's seed.", min=0)] = None,
    as_json: JsonOpt = False,
) -> None:
    """Run the whole pipeline on a scenario and write a report."""
    from lunarbase import pipeline, report
    from lunarbase import scenario as scenario_mod

    sc = scenario_mod.load(scenario).with_seed(seed)
    err.print(
        f"lunarbase {__version__}: running [bold]{sc.scenario.name}[/] (seed {sc.scenario.seed})"
    )
    with progress() as tick:
        results = pipeline.run(sc, progress=tick)
        tick("report", 0.0)
        paths = report.write(results, out_dir)
        tick("report", 1.0)
    if as_json:
        sys.stdout.write(results.to_json())
        return
    _summary_table(results.to_dict())
    for kind, path in paths.items():
        out.print(f"{kind}: {path}")


def _summary_table(result: dict[str, Any]) -> None:
    terrain, res = result["terrain"], result["resources"]
    ops, econ = result["operations"], result["economics"]
    rows = [
        ("base elevation [m]", f"{terrain['elevation_m']:.0f}"),
        ("mean Sun-disk fraction", _fmt(terrain.get("illumination_fraction"), "{:.3f}")),
        ("longest night [h]", _fmt(terrain.get("longest_night_h"), "{:.0f}")),
        ("Earth in view (fraction of time)", _fmt(terrain.get("earth_visible_fraction"), "{:.3f}")),
        ("He-3 grade of mining area [ppb]", _fmt(res.get("mining_he3_ppb"), "{:.2f}")),
        ("best candidate site", _best_site(result["sites"])),
        ("He-3 shipped to Earth [kg, total]", _fmt(ops["totals"]["he3_shipped_kg"], "{:.1f}")),
        ("NPV at nominal inputs [USD]", _fmt(econ["npv_usd"], "{:.3g}")),
        ("NPV p05 / p50 / p95 [USD]", _band(econ["montecarlo"])),
        ("breakeven He-3 price [USD/kg]", _fmt(econ["breakeven_he3_price_usd_per_kg"], "{:.3g}")),
    ]
    print_quantities(result["provenance"]["scenario_name"], rows)


def _band(mc: dict[str, Any]) -> str:
    keys = ("npv_p05_usd", "npv_p50_usd", "npv_p95_usd")
    return " / ".join(_fmt(mc[k], "{:.3g}") for k in keys)


def _fmt(value: Any, pattern: str) -> str:
    return "n/a" if value is None else pattern.format(value)


def _best_site(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "n/a"
    r = rows[0]
    return (
        f"{r['lat_deg']:.2f}, {r['lon_deg']:.2f} (near {r['near_feature']}, score {r['score']:.2f})"
    )


@app.command()
def illumination(
    lat: Annotated[float, typer.Option(help="Latitude [deg], -90..90.")],
    lon: Annotated[float, typer.Option(help="Longitude [deg E].")],
    height_m: Annotated[float, typer.Option(help="Observer height above ground [m].")] = 2.0,
    start: Annotated[str, typer.Option(help="Start of the period, UTC.")] = "2026-01-01",
    end: Annotated[str, typer.Option(help="End of the period, UTC.")] = "2027-01-01",
    step_h: Annotated[float, typer.Option(help="Time step [h].")] = 1.0,
    as_json: JsonOpt = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV to stdout.")] = False,
) -> None:
    """Time series of the visible Sun-disk fraction and Earth view at one point."""
    from lunarbase import terrain

    cfg = validated_terrain(start=start, end=end, step_h=step_h, observer_height_m=height_m)
    series = terrain.point_light(
        lat, lon, start=cfg.start, end=cfg.end, step_h=cfg.step_h,
        observer_height_m=cfg.observer_height_m,
    )  # fmt: skip
    table = series.frame.reset_index()
    table["time_utc"] = table["time_utc"].dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    if as_csv:
        sys.stdout.write(table.to_csv(index=False, float_format="%.6g"))
    elif as_json:
        print_json({"stats": series.stats(), "series": table.to_dict(orient="list")})
    else:
        for key, value in series.stats().items():
            out.print(f"{key}: {value:.4g}")


@app.command()
def point(
    lat: Annotated[float, typer.Option(help="Latitude [deg], -90..90.")],
    lon: Annotated[float, typer.Option(help="Longitude [deg E].")],
    height_m: Annotated[float, typer.Option(help="Observer height above ground [m].")] = 2.0,
    start: Annotated[
        str, typer.Option(help="Start of the light period (UTC date).")
    ] = "2026-01-01",
    end: Annotated[str, typer.Option(help="End of the light period (UTC date).")] = "2027-01-01",
    step_h: Annotated[float, typer.Option(help="Time step [h].")] = 1.0,
    as_json: JsonOpt = False,
) -> None:
    """Elevation, slope, sunlight, Earth view, PSR and regolith grades at one point."""
    from lunarbase import resources, terrain

    cfg = validated_terrain(start=start, end=end, step_h=step_h, observer_height_m=height_m)
    summary = terrain.assess(lat, lon, cfg).summary
    summary.update(resources.point_grades(lat, lon))
    if as_json:
        print_json(summary)
        return
    rows = [(k, f"{v:.4g}" if isinstance(v, float) else str(v)) for k, v in summary.items()]
    print_quantities(f"point {lat}, {lon}", rows)


@data_app.command("list")
def data_list(as_json: JsonOpt = False) -> None:
    """The datasets lunarbase uses, with producer, product and resolution."""
    from lunarbase.data import catalog

    rows: list[dict[str, Any]] = [
        {
            "dataset": d.name,
            "title": d.title,
            "producer": d.producer,
            "product_id": d.product_id,
            "resolution": d.resolution,
            "files": list(d.files),
        }
        for d in catalog().values()
    ]
    if as_json:
        print_json(rows)
        return
    table = Table(title="lunarbase datasets")
    for col in ("dataset", "title", "producer", "resolution"):
        table.add_column(col)
    for r in rows:
        table.add_row(r["dataset"], r["title"], r["producer"], r["resolution"])
    out.print(table)


@data_app.command("verify")
def data_verify(as_json: JsonOpt = False) -> None:
    """Check every data file against its registered sha256."""
    from lunarbase.data import status
    from lunarbase.errors import DataError

    rows = status()
    if as_json:
        print_json(rows)
    else:
        table = Table(title="data files")
        for col in ("dataset", "file", "status"):
            table.add_column(col)
        for r in rows:
            colour = {"ok": "green", "missing": "yellow", "corrupt": "red"}[r["status"]]
            table.add_row(r["dataset"], r["file"], f"[{colour}]{r['status']}[/]")
        out.print(table)
    bad = [r for r in rows if r["status"] != "ok"]
    if bad:
        first = bad[0]
        where = first["path"] or first["file"]
        raise DataError(
            f"{where}: {first['status']} ({len(bad)} file(s) not ok); "
            "restore the mirror or run `lunarbase data fetch`"
        )


@data_app.command("fetch")
def data_fetch(as_json: JsonOpt = False) -> None:
    """Download any missing data file into the user cache (or find it in the mirror)."""
    from lunarbase.data import fetch
    from lunarbase.data import registry as reg

    paths = {name: str(fetch(name)) for name in reg.registry()}
    if as_json:
        print_json(paths)
        return
    for name, path in paths.items():
        out.print(f"{name}: {path}")


def main() -> None:
    """Entry point: run the app, turning user errors into one line and exit code 2."""
    try:
        app()  # standalone: Typer prints usage errors itself and exits 2
    except LunarbaseError as exc:
        if _state["debug"]:
            raise
        err.print(f"lunarbase: error: {exc}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(2)
    except Exception as exc:  # a bug: one line unless --debug
        if _state["debug"]:
            raise
        err.print(
            f"lunarbase: internal error: {type(exc).__name__}: {exc} (rerun with --debug)",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        sys.exit(1)
