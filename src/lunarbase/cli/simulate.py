"""``lunarbase simulate``: the mining base simulated year by year (the operations stage)."""

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
    out,
    print_json,
    print_quantities,
    progress,
    scenario_options,
)

ROWS = (
    ("He-3 extracted [kg, total]", "he3_kg_total", "{:.4g}"),
    ("He-3 per year [kg/yr]", "he3_kg_per_year", "{:.4g}"),
    ("He-3 per miner, last year [kg/yr]", "he3_kg_per_miner_year", "{:.4g}"),
    ("regolith excavated [t]", "regolith_t_total", "{:.4g}"),
    ("area mined [km^2]", "area_mined_km2", "{:.4g}"),
    ("heater power per miner [kW(th)]", "heater_power_kw_th", "{:.4g}"),
    ("heat from the source [MWh(th)]", "thermal_energy_mwh_total", "{:.4g}"),
    ("electricity generated [MWh]", "energy_generated_mwh_total", "{:.4g}"),
    ("electricity used [MWh]", "electric_energy_mwh_total", "{:.4g}"),
    ("electricity curtailed [MWh]", "energy_curtailed_mwh_total", "{:.4g}"),
    ("energy deficit [MWh]", "energy_deficit_mwh", "{:.4g}"),
    ("miner availability", "availability", "{:.3f}"),
    ("rare-earth oxide [kg]", "ree_oxide_kg_total", "{:.4g}"),
    ("He-3 shipped [kg]", "he3_shipped_kg_total", "{:.4g}"),
    ("miners flown", "n_miners", "{}"),
    ("miners landed", "miners_landed", "{}"),
    ("plant flown [kWe]", "reactor_power_kwe", "{:.4g}"),
    ("plant landed [kWe]", "reactor_kwe_landed", "{:.4g}"),
    ("plant mass landed [kg]", "reactor_mass_kg", "{:.4g}"),
    ("concentrators landed [kg]", "concentrator_mass_kg", "{:.4g}"),
    ("landings failed", "landings_failed", "{}"),
    ("landings slipped (launcher's flights a year)", "landings_slipped", "{}"),
    ("landed mass [kg]", "landed_mass_kg", "{:.4g}"),
    ("production mass ratio", "production_mass_ratio", "{:.3g}"),
)
"""Table rows: label, summary key, format."""


@scenario_options(("operations", "years", int))
def simulate(
    overrides: dict[str, Any],
    scenario: ScenarioArg = None,
    seed: SeedOpt = None,
    csv: Annotated[
        Path | None,
        typer.Option("--csv", help="Write the daily series (one row per day) as CSV to this file."),
    ] = None,
    sets: SetOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Simulate the mining base: regolith, He-3, heat and electricity, rare earths and
    by-products per year (terrain, sites and resources run first)."""
    from lunarbase.errors import QueryError
    from lunarbase.fileio import atomic_write_text
    from lunarbase.provenance import provenance

    if csv is not None and not csv.parent.is_dir():
        raise QueryError(f"--csv {csv}: cannot write there ({csv.parent} is not a folder)")
    with progress() as tick:
        chain = chain_for(scenario, seed=seed, overrides=overrides, sets=sets, progress=tick)
        ops = chain.run(until="operations").operations
    assert ops is not None
    if csv is not None:
        try:
            atomic_write_text(csv, ops.daily.to_csv(float_format="%.6g"))
        except OSError as exc:
            raise QueryError(f"--csv {csv}: cannot write there ({exc.strerror})") from None
    summary = ops.summary()
    claim = chain.scenario.scenario.claimed_he3_kg_per_year
    if as_json:
        tables = ops.to_dict()
        print_json(
            {
                **summary,
                "claimed_he3_kg_per_year": claim,
                "max_flights_per_year": tables["max_flights_per_year"],
                "landings": tables["landings"],
                "annual": tables["annual"],
                "provenance": provenance(chain.scenario),
            }
        )
        return
    rows = [(label, format_value(summary[key], pattern)) for label, key, pattern in ROWS]
    if claim is not None:
        per_miner = claim / ops.n_miners
        rows.append(("claimed He-3 [kg/yr] (per miner)", f"{claim:.4g} ({per_miner:.3g})"))
    print_quantities(f"operations of {chain.scenario.scenario.name}", rows)
    if ops.light_repeated and ops.light_horizon == "dem":  # a level horizon's light barely drifts
        terrain = chain.scenario.terrain
        out.print(
            f"note: the light series ({terrain.start} to {terrain.end}) is repeated over "
            f"{len(ops.annual)} years; polar light varies over ~18.6 years (lengthen the "
            "terrain period for a true multi-year series)"
        )
    if csv is not None:
        out.print(f"daily series: {csv}")
