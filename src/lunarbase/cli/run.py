"""``lunarbase run``: every stage of a scenario through the chain, then the report."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path
from typing import Annotated, Any

import typer

from lunarbase import __version__
from lunarbase.cli.options import (
    JsonOpt,
    ScenarioArg,
    SeedOpt,
    SetOpt,
    chain_for,
    err,
    format_value,
    out,
    print_quantities,
    progress,
)


def run(
    scenario: ScenarioArg = None,
    out_dir: Annotated[
        Path,
        typer.Option("--out", help="Folder for report.html, results.json and the figure PNGs."),
    ] = Path("out"),
    seed: SeedOpt = None,
    sets: SetOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Run the whole pipeline on a scenario and write a report."""
    from lunarbase import report

    with progress() as tick:
        chain = chain_for(scenario, seed=seed, sets=sets, progress=tick)
        sc = chain.scenario
        err.print(
            f"lunarbase {__version__}: running [bold]{sc.scenario.name}[/] "
            f"(seed {sc.scenario.seed})"
        )
        results = chain.run()
        tick("report", 0, 1)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", report.PngSkippedWarning)
            paths = report.write(results, out_dir)
        tick("report", 1, 1)
    for w in caught:  # ours as one line; any other as Python would have shown it
        if issubclass(w.category, report.PngSkippedWarning):
            err.print(
                f"lunarbase: warning: {w.message}", markup=False, highlight=False, soft_wrap=True
            )
        else:
            warnings.showwarning(w.message, w.category, w.filename, w.lineno)
    if as_json:
        sys.stdout.write(results.to_json())
        return
    _summary_table(results.to_dict())
    for kind, path in paths.items():
        out.print(f"{kind}: {path}")


def _summary_table(result: dict[str, Any]) -> None:
    sites, res = result["sites"], result["resources"]
    ops, econ = result["operations"], result["economics"]
    base = sites["base"]
    rows = [
        ("base site", _site(base, sites["choice"])),
        ("base elevation [m]", f"{base['elevation_m']:.0f}"),
        ("mean Sun-disk fraction", format_value(base.get("illumination_fraction"), "{:.3f}")),
        ("longest night [h]", format_value(base.get("longest_night_h"), "{:.0f}")),
        (
            "Earth in view (fraction of time)",
            format_value(base.get("earth_visible_fraction"), "{:.3f}"),
        ),
        ("He-3 grade of mining area [ppb]", format_value(res.get("mining_he3_ppb"), "{:.2f}")),
        (
            "He-3 per miner, last year [kg/yr]",
            format_value(ops["totals"].get("he3_kg_per_miner_year"), "{:.3g}"),
        ),
        (
            "He-3 shipped to Earth [kg, total]",
            format_value(ops["totals"]["he3_shipped_kg_total"], "{:.1f}"),
        ),
        ("NPV at nominal inputs [USD]", format_value(econ["npv_usd"]["nominal"], "{:.3g}")),
        ("NPV p05 / p50 / p95 [USD]", _band(econ["npv_usd"])),
        ("probability NPV > 0", format_value(econ["prob_npv_positive"], "{:.3f}")),
        (
            "cost per kg of He-3 delivered [USD/kg]",
            format_value(econ["cost_per_kg_he3_usd"], "{:.3g}"),
        ),
    ]
    claim = result["scenario"]["scenario"].get("claimed_he3_kg_per_year")
    if claim is not None:
        per_miner = claim / ops["n_miners"]
        rows.insert(7, ("claimed He-3 [kg/yr] (per miner)", f"{claim:.3g} ({per_miner:.3g})"))
    print_quantities(result["provenance"]["scenario_name"], rows)


def _band(mc: dict[str, Any]) -> str:
    keys = ("p05", "p50", "p95")
    return " / ".join(format_value(mc[k], "{:.3g}") for k in keys)


def _site(base: dict[str, Any], choice: str) -> str:
    how = "best-ranked" if choice == "best" else "the scenario's"
    return f"{base['lat_deg']:.2f}, {base['lon_deg']:.2f}, {base['place']} ({how})"
