"""``lunarbase economics``, ``sensitivity`` and ``fusion``: what the base costs and earns and
how sure we are (the economics stage), and the D-He3 energetics of a mass of He-3."""

from __future__ import annotations

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
from lunarbase.seeds import seed_entropy

SamplesOpt = Annotated[
    int | None,
    typer.Option(
        "--samples", help="Monte Carlo draws: sets economics.montecarlo_draws (at least 10)."
    ),
]
WorkersOpt = Annotated[
    int | None, typer.Option("--workers", help="Run the draws on a Dask LocalCluster of N workers.")
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option("--scheduler", help="Run the draws on the Dask scheduler at this address."),
]

ROWS = (
    ("NPV at nominal inputs [USD]", ("npv_usd", "nominal"), "{:.3g}"),
    ("NPV p05 [USD]", ("npv_usd", "p05"), "{:.3g}"),
    ("NPV p50 [USD]", ("npv_usd", "p50"), "{:.3g}"),
    ("NPV p95 [USD]", ("npv_usd", "p95"), "{:.3g}"),
    ("nominal NPV percentile among draws [%]", ("npv_usd", "nominal_percentile"), "{:.0f}"),
    ("probability NPV > 0", ("prob_npv_positive",), "{:.3f}"),
    ("IRR [1/yr]", ("irr",), "{:.3g}"),
    ("payback year", ("payback_year",), "{}"),
    ("cost per kg of He-3 delivered [USD/kg]", ("cost_per_kg_he3_usd",), "{:.3g}"),
    ("He-3 fraction sold", ("he3_fraction_sold",), "{:.3f}"),
    ("He-3 realised price [USD/kg]", ("he3_realized_price_usd_per_kg",), "{:.3g}"),
    ("He-3 revenue, nominal inputs [USD]", ("he3_revenue_usd",), "{:.3g}"),
    ("He-3 fuel value to a fusion utility [USD/kg]", ("he3_fuel_value_usd_per_kg",), "{:.3g}"),
    ("He-3 electricity value, gross [USD/kg]", ("he3_electricity_value_usd_per_kg",), "{:.3g}"),
    ("REE export break-even launch price [USD/kg]", ("ree_breakeven_launch_usd_per_kg",), "{:.3g}"),
    ("fuel-chain energy ratio", ("energy_payback", "fuel_chain_energy_ratio"), "{:.3g}"),
    (
        "whole-system energy payback (with the plant's EPR)",
        ("energy_payback", "whole_system_energy_payback"),
        "{:.3g}",
    ),
    ("break-even", ("breakeven_verdict",), "{}"),
    ("production mass ratio", ("production_mass_ratio",), "{:.3g}"),
)
"""Table rows: label, path in the results' dict, format."""


def _operations(
    overrides: dict[str, Any], scenario: str | None, seed: int | None, sets: list[str] | None
) -> tuple[Any, Any]:
    """The chain run to the operations stage, and its operations results."""
    with progress() as tick:
        chain = chain_for(scenario, seed=seed, overrides=overrides, sets=sets, progress=tick)
        ops = chain.run(until="operations").operations
    assert ops is not None
    return chain, ops


@scenario_options(("operations", "years", int))
def economics(
    overrides: dict[str, Any],
    scenario: ScenarioArg = None,
    seed: SeedOpt = None,
    samples: SamplesOpt = None,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
    sets: SetOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Costs, He-3 and rare-earth markets, NPV with its uncertainty, IRR, payback, energy
    payback and the strategic view (the stages up to operations run first)."""
    from lunarbase.pipeline import RunOptions
    from lunarbase.provenance import provenance

    run_options = RunOptions(workers=workers, scheduler=scheduler)  # checked before any work
    overrides = {**overrides, "economics.montecarlo_draws": samples}
    with progress() as tick:
        chain = chain_for(
            scenario,
            seed=seed,
            overrides=overrides,
            sets=sets,
            progress=tick,
            options={"economics.montecarlo_draws": "--samples"},
            run_options=run_options,
        )
        result = chain.run(until="economics").economics
    assert result is not None
    data = result.to_dict()
    if as_json:
        print_json({**data, "provenance": provenance(chain.scenario)})
        return
    rows = []
    for label, path, pattern in ROWS:
        value: Any = data
        for key in path:
            value = value[key]
        rows.append((label, format_value(value, pattern)))
    print_quantities(f"economics of {chain.scenario.scenario.name} ({data['money']})", rows)


@scenario_options(("operations", "years", int))
def sensitivity(
    overrides: dict[str, Any],
    scenario: ScenarioArg = None,
    seed: SeedOpt = None,
    samples: Annotated[
        int | None,
        typer.Option("--samples", help="Sobol base sample size N, a power of two."),
    ] = None,
    sets: SetOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """First-order and total Sobol indices of NPV for each uncertain input (SALib), with
    confidence half-widths, and the tornado swings."""
    from lunarbase.provenance import provenance

    if samples is not None:
        if samples < 2 or samples & (samples - 1):
            raise QueryError(f"--samples: {samples} is not a power of two >= 2")
        overrides = {**overrides, "economics.sensitivity_samples": samples}
    from lunarbase.economics import npv_sensitivity, sensitivity_to_dict, setting_name

    chain, ops = _operations(overrides, scenario, seed, sets)
    sobol, tornado = npv_sensitivity(chain.scenario.economics, ops, seed=chain.seeds["economics"])
    data = {
        "seed": seed_entropy(chain.seeds["economics"]),
        "sensitivity_samples": chain.scenario.economics.sensitivity_samples,
        **sensitivity_to_dict(sobol, tornado),
    }
    if as_json:
        print_json({**data, "provenance": provenance(chain.scenario)})
        return
    rows = [
        (
            setting_name(name),
            f"S1 {format_value(r['S1'], '{:.3f}')} ± {format_value(r['S1_conf'], '{:.3f}')}, "
            f"ST {format_value(r['ST'], '{:.3f}')} ± {format_value(r['ST_conf'], '{:.3f}')}",
        )
        for name, r in data["sobol"].items()
    ]
    print_quantities(f"Sobol indices of NPV, {chain.scenario.scenario.name}", rows)


def fusion(
    he3_kg: Annotated[float, typer.Option("--he3-kg", help="Mass of He-3 [kg].")],
    efficiency: Annotated[
        float,
        typer.Option("--efficiency", help="Net electric / fusion energy [-] (10 MWe-yr per kg)."),
    ] = 0.54,
    household_mwh: Annotated[
        float,
        typer.Option("--household-mwh", help="Electricity one household uses [MWh/yr]."),
    ] = 10.8,
    as_json: JsonOpt = False,
) -> None:
    """D-He3 fusion energy of a mass of He-3: heat, electricity, GWe-years, homes for a year."""
    from lunarbase import economics as physics

    if not he3_kg >= 0.0:
        raise QueryError(f"--he3-kg: must be >= 0 (got {he3_kg})")
    if not 0.0 < efficiency <= 1.0:
        raise QueryError(f"--efficiency: must be in (0, 1] (got {efficiency})")
    if not household_mwh > 0.0:
        raise QueryError(f"--household-mwh: must be > 0 (got {household_mwh})")
    data = {
        "he3_kg": he3_kg,
        "efficiency": efficiency,
        "thermal_energy_j": he3_kg * physics.fusion_energy_j_per_kg_he3(),
        "electric_energy_mwh": he3_kg * float(physics.electric_energy_mwh_per_kg(efficiency)),
        "gw_years_electric": he3_kg / float(physics.kg_per_gwe_year(efficiency)),
        "homes_powered_for_a_year": float(
            physics.homes_powered_for_a_year(he3_kg, efficiency, household_mwh)
        ),
        "household_mwh_per_year": household_mwh,
    }
    if as_json:
        print_json(data)
        return
    print_quantities(
        f"D-He3 fusion of {he3_kg:g} kg of He-3",
        [(k, format_value(v, "{:.4g}")) for k, v in data.items()],
    )
