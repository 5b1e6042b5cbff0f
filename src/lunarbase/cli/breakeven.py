"""``lunarbase breakeven``: the value of an input at which the NPV reaches zero, the others at
the scenario's values, or the zero-NPV frontier of two inputs
(:mod:`lunarbase.economics.breakeven`)."""

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
    format_value,
    print_json,
    print_quantities,
    progress,
    scenario_options,
)
from lunarbase.errors import QueryError

VaryOpt = Annotated[
    str | None,
    typer.Option(
        "--vary",
        help="One input, or two separated by a comma for the zero-NPV frontier (he3_price, "
        "launch_price, ore_grade, development_cost, miner_cost, electricity_price, or any "
        "uncertain input's name, bare or as set: economics.he3_price_usd_per_l). Default: "
        "he3_price,launch_price,development_cost one by one.",
    ),
]
FigureOpt = Annotated[
    Path | None,
    typer.Option("--figure", help="With two inputs: write the frontier as a PNG here."),
]


def _names(vary: str | None, cfg: Any) -> list[str]:
    from lunarbase.economics import BREAKEVEN_INPUTS, resolve_input

    if vary is None:
        return list(BREAKEVEN_INPUTS)
    names = [n.strip() for n in vary.split(",") if n.strip()]
    if not 1 <= len(names) <= 2:
        raise QueryError(f"--vary: give one or two inputs (got {vary!r})")
    return [resolve_input(n, cfg) for n in names]


@scenario_options(("operations", "years", int))
def breakeven(
    overrides: dict[str, Any],
    scenario: ScenarioArg = None,
    vary: VaryOpt = None,
    figure: FigureOpt = None,
    seed: SeedOpt = None,
    sets: SetOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Break-even of the NPV: for each input the value at which it reaches zero with the others
    at the scenario's values (or "none in range" over the input's plausible range); with two
    inputs, the zero-NPV frontier on a 50 x 50 grid."""
    from lunarbase.economics import break_even_of, breakeven_sentence, frontier_of, setting_name
    from lunarbase.provenance import provenance

    with progress() as tick:
        chain = chain_for(scenario, seed=seed, overrides=overrides, sets=sets, progress=tick)
        cfg = chain.scenario.economics
        names = _names(vary, cfg)  # a bad --vary fails before the chain runs
        ops = chain.run(until="operations").operations
    assert ops is not None
    data: dict[str, Any]
    if vary is not None and len(names) == 2:
        data = {"frontier": frontier_of(cfg, ops, (names[0], names[1]))}
        if figure is not None:
            _draw(data["frontier"], figure)
    else:
        results = break_even_of(cfg, ops, tuple(names))
        data = {"breakeven": results, "verdict": breakeven_sentence(results)}
    if as_json:
        print_json({**data, "provenance": provenance(chain.scenario)})
        return
    if "frontier" in data:
        f = data["frontier"]
        rows = [
            (
                f"{setting_name(f['x'])} = {x:.3g}",
                "none in range" if y is None else f"{setting_name(f['y'])} = {y:.3g}",
            )
            for x, y in zip(f["x_values"], f["frontier"], strict=True)
        ]
        print_quantities(f"zero-NPV frontier, {chain.scenario.scenario.name}", rows)
        return
    rows = [(setting_name(r["input"]), _answer(r)) for r in data["breakeven"]]
    rows.append(("verdict", data["verdict"]))
    print_quantities(f"break-even (NPV = 0), {chain.scenario.scenario.name}", rows)


def _answer(r: dict[str, Any]) -> str:
    """One input's break-even in words: its value, or "none in range" and how far out."""
    if r["value"] != "none in range":
        return f"{format_value(r['value'], '{:.4g}')} (x{r['multiplier']:.3g})"
    if r.get("outside_range") is None:
        return "none in range"
    return f"none in range (would need {format_value(r['outside_range'], '{:.4g}')})"


LAUNCH = "launch_cost_usd_per_kg"
"""The launch input: a multiplier of each lander's price when the scenario sets no one price."""


def _draw(front: dict[str, Any], path: Path) -> None:
    """The NPV map and its zero contour as a PNG, written atomically."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.colors import TwoSlopeNorm

    from lunarbase.fileio import atomic_savefig

    fig, ax = plt.subplots(figsize=(6, 4.5))
    npv = np.asarray(front["npv_usd"]) / 1e9
    crosses = bool(npv.min() < 0.0 < npv.max())
    norm = TwoSlopeNorm(0.0, npv.min(), npv.max()) if crosses else None
    cmap = "RdBu" if crosses else "viridis"
    mesh = ax.pcolormesh(
        front["x_values"], front["y_values"], npv, shading="auto", cmap=cmap, norm=norm
    )
    fig.colorbar(mesh, ax=ax, label="NPV [billion USD]")
    if crosses:
        ax.contour(front["x_values"], front["y_values"], npv, levels=[0.0], colors="k")
    from lunarbase.economics import setting_name

    for axis, key in ((ax.set_xlabel, "x"), (ax.set_ylabel, "y")):
        axis(
            setting_name(front[key]) + (" [x the landers' prices]" if front[key] == LAUNCH else "")
        )
    ax.set_title(
        "zero-NPV frontier (black), others at the scenario's values"
        if crosses
        else "NPV never reaches zero on this grid (others at the scenario's values)"
    )
    atomic_savefig(fig, path)
    plt.close(fig)
