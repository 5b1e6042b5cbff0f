"""Economics stage: what the simulated base costs and earns, how sure we are, and whether its
output could move the He-3, fusion-fuel or rare-earth markets.

Entry point :func:`evaluate` (the scenario's ``[economics]`` table and the operations results
in, :class:`EconomicsResults` out). Everything priced is what the operations stage landed,
shipped and extracted, year by year (:mod:`.montecarlo`); the uncertain inputs are drawn in
seeded fixed-size blocks, in this process or on Dask (:mod:`.sweep`); Sobol indices and a
tornado of the same model come from :mod:`.sensitivity`. Money is real 2025 US dollars.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from lunarbase.economics import (
    breakeven,
    delivery,
    fusion,
    market,
    metrics,
    montecarlo,
    sensitivity,
    sweep,
)
from lunarbase.errors import QueryError
from lunarbase.jsonable import plain
from lunarbase.operations import OperationsResults
from lunarbase.scenario import UNCERTAIN_DEFAULTS, Distribution, Economics
from lunarbase.seeds import SeedLike, fresh_sequence, seed_entropy
from lunarbase.typing import FloatArray

MONEY = "real 2025 USD"
"""The money unit of every cash flow."""


@dataclass(frozen=True, eq=False)
class EconomicsResults:
    """Outcome of :func:`evaluate`.

    Attributes
    ----------
    cash_flows : pandas.DataFrame
        Nominal-input cash flows by ``year`` 0..N: the cost lines (:data:`.COST_LINES`) and
        revenue lines (:data:`.REVENUE_LINES`) [USD], He-3 shipped and sold [kg] and its
        market price [USD/kg], ``net_usd``, ``discount_factor``, ``discounted_net_usd`` and
        ``cumulative_discounted_usd``.
    strategic : pandas.DataFrame
        By year 1..N: ``he3_share_of_market`` (shipped / today's He-3 demand) [-],
        ``fusion_gw_supplied`` (GWe of D-He3 plants the shipped He-3 would run) [GWe],
        ``ree_share_of_world_supply`` and ``ree_share_of_china_supply`` (REO against 2024 USGS
        production) [-], ``ree_oxide_kg`` (rare-earth oxide extracted) [kg] and
        ``ree_oxide_value_usd`` (that oxide at the scenario's USGS prices, whether or not it is
        exported) [USD].
    metrics : dict
        ``npv_usd``, ``he3_revenue_usd`` (He-3 sold over the run, nominal inputs) [USD],
        ``irr``, ``payback_year``, ``cost_per_kg_he3_usd``, ``he3_fraction_sold``,
        ``he3_realized_price_usd_per_kg``, ``he3_fuel_value_usd_per_kg`` (what a fusion
        utility could pay for it) and ``he3_electricity_value_usd_per_kg`` (the gross value of
        its electricity), ``reo_value_usd_per_kg`` (with ``reo_value_basis``, what it prices),
        ``ree_breakeven_launch_usd_per_kg``,
        ``production_mass_ratio``, ``energy_payback`` (the fuel-chain energy ratio, the
        whole-system energy payback and their terms), ``launch_over_flight_rate`` (years a
        lander flies more than its launcher's rate: none, the operations stage flies every
        landing, a fleet "in place at the start" too, within the rates),
        ``lost_hardware_usd`` and ``lost_delivery_usd``
        (the build and delivery cost of the hardware on failed landings, nominal inputs,
        undiscounted; never replaced) [USD], ``breakeven`` (per input of
        :data:`.breakeven.DEFAULT_INPUTS`, the value at which the NPV is zero) and
        ``breakeven_verdict`` ("it would pay only if ...").
    npv_draws_usd : numpy.ndarray
        Monte Carlo NPV per draw. [USD]
    npv_band : dict
        ``p05``, ``p50``, ``p95`` [USD], ``prob_npv_positive`` [-] and
        ``nominal_percentile`` (where the nominal NPV falls among the draws) [%].
    sobol : pandas.DataFrame
        First-order and total Sobol indices of NPV with confidence half-widths, per input.
    tornado : pandas.DataFrame
        NPV with each input at its 5th and 95th percentile, the others at their medians.
    uncertain : dict
        The uncertain inputs' distributions (multipliers on the scenario's values) as
        declared.
    seed : int
        The run's seed.
    """

    cash_flows: pd.DataFrame
    strategic: pd.DataFrame
    metrics: dict[str, Any]
    npv_draws_usd: FloatArray
    npv_band: dict[str, float]
    sobol: pd.DataFrame
    tornado: pd.DataFrame
    uncertain: dict[str, dict[str, Any]]
    seed: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready results (plain floats, non-finite values as ``None``; no per-draw rows)."""

        return plain(
            {
                "seed": int(self.seed),
                "money": MONEY,
                **self.metrics,
                "npv_usd": {"nominal": self.metrics["npv_usd"], **self.npv_band},
                "prob_npv_positive": self.npv_band["prob_npv_positive"],
                "montecarlo_draws": int(self.npv_draws_usd.size),
                "uncertain": self.uncertain,
                **sensitivity_to_dict(self.sobol, self.tornado),
                "strategic": _columns(self.strategic, "year"),
                "cash_flows": _columns(self.cash_flows, "year"),
            }
        )


def _columns(frame: pd.DataFrame, index: str) -> dict[str, Any]:
    """A table as ``{index: [...], column: [...], ...}``."""
    return {index: list(frame.index), **frame.to_dict(orient="list")}


def sensitivity_to_dict(sobol: pd.DataFrame, tornado: pd.DataFrame) -> dict[str, Any]:
    """``{"sobol": {input: {S1, S1_conf, ST, ST_conf}}, "tornado": {input: [...], ...}}``,
    JSON-ready: the sensitivity part of :meth:`EconomicsResults.to_dict`."""
    return plain({"sobol": sobol.to_dict(orient="index"), "tornado": _columns(tornado, "input")})


def evaluate(
    cfg: Economics,
    ops: OperationsResults,
    *,
    seed: SeedLike,
    samples: int | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
) -> EconomicsResults:
    """Cash flows, metrics, NPV distribution, Sobol indices and the strategic view of a base.

    Parameters
    ----------
    cfg : lunarbase.scenario.Economics
        Prices, markets, discounting and the uncertain inputs.
    ops : lunarbase.operations.OperationsResults
        What the base landed, extracted and shipped, year by year.
    seed : int or numpy.random.SeedSequence
        Seed: the Monte Carlo draws from its first child, the Sobol sample from its second.
    samples : int, optional
        Monte Carlo draws (default ``cfg.montecarlo_draws``).
    workers, scheduler : optional
        Run the Monte Carlo on a Dask LocalCluster of ``workers`` processes or on the scheduler
        at ``scheduler`` (same draws, bit for bit).

    Returns
    -------
    EconomicsResults
    """
    model = montecarlo.Model(cfg, ops)
    names = tuple(cfg.drawn)
    x0 = {name: np.ones(1) for name in names}
    flows = {k: v[0] for k, v in model.cash_flows(x0).items()}
    table = pd.DataFrame(flows, index=pd.RangeIndex(0, len(flows["net_usd"]), name="year"))
    table["discounted_net_usd"] = table["net_usd"] * table["discount_factor"]
    table["cumulative_discounted_usd"] = table["discounted_net_usd"].cumsum()
    costs_usd = table[list(montecarlo.COST_LINES)].sum(axis=1)

    mc_seed, _ = _seeds(seed)
    n_draws = cfg.montecarlo_draws if samples is None else samples
    block = montecarlo.NpvDraws(model, names)
    npv_draws = sweep.map_blocks(block, n_draws, seed=mc_seed, workers=workers, scheduler=scheduler)
    sobol, tornado = _sensitivity(cfg, model, seed)
    found = break_even(cfg, model)

    return EconomicsResults(
        cash_flows=table,
        strategic=_strategic(cfg, ops, table),
        metrics={
            **_metrics(cfg, ops, table, costs_usd, model.launch),
            **model.lost_usd(),
            "breakeven": found,
            "breakeven_verdict": breakeven_sentence(found),
        },
        npv_draws_usd=npv_draws,
        npv_band=montecarlo.npv_band(npv_draws, float(table["cumulative_discounted_usd"].iloc[-1])),
        sobol=sobol,
        tornado=tornado,
        uncertain={name: cfg.uncertain[name].model_dump(exclude_none=True) for name in names},
        seed=seed_entropy(seed),
    )


def npv_sensitivity(
    cfg: Economics, ops: OperationsResults, *, seed: SeedLike
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sobol indices and tornado of NPV alone, without the Monte Carlo sweep.

    The same numbers as :func:`evaluate` gives for the same ``seed`` (its ``sobol`` and
    ``tornado``): the Sobol sample is drawn from the seed's second child in both.

    Parameters
    ----------
    cfg : lunarbase.scenario.Economics
        Prices, markets, discounting, the uncertain inputs and ``sensitivity_samples``.
    ops : lunarbase.operations.OperationsResults
        What the base landed, extracted and shipped, year by year.
    seed : int or numpy.random.SeedSequence
        The economics stage's seed.

    Returns
    -------
    sobol, tornado : pandas.DataFrame
        As :attr:`EconomicsResults.sobol` and :attr:`EconomicsResults.tornado`.
    """
    return _sensitivity(cfg, montecarlo.Model(cfg, ops), seed)


DECISIONS = {
    "fleet_scale": Distribution(
        dist="uniform",
        low=0.2,
        high=5.0,
        source="assumption: a fifth to five times the scenario's fleet (a choice, not drawn)",
    ),
}
"""Inputs a break-even may vary that the Monte Carlo never draws (choices, not uncertainties),
with their ranges: ``fleet_scale`` multiplies the miners landed [-], their build cost and the
mass of them and their concentrators landed, and the miners working through the surrogate (the
plant as simulated: more miners share its power). An approximation of re-running operations
with another fleet (learning on the miners' build cost taken as unchanged)."""


SETTINGS = ("economics.uncertain.", "economics.")
"""Prefixes of :func:`setting_name`, longest first."""


def setting_name(name: str) -> str:
    """The name a user sets the uncertain input ``name`` by, as the report, the verdict and the
    break-even sentence show it: ``economics.<field>`` for a field of the ``[economics]`` table
    (what ``--set`` takes), ``economics.uncertain.<name>`` for a multiplier on a simulated
    quantity (``he3_grade_scale``: its distribution's table in the scenario file), the name
    itself for a break-even decision (``fleet_scale``). JSON keeps the bare name under its
    ``economics`` key, the same path."""
    if name in Economics.model_fields:
        return SETTINGS[1] + name
    if name in UNCERTAIN_DEFAULTS:
        return SETTINGS[0] + name
    return name


def breakeven_sentence(results: list[dict[str, Any]]) -> str:
    """ "It would pay only if ..." (:func:`.breakeven.sentence`), inputs by their
    :func:`setting_name`."""
    return breakeven.sentence(results, label=setting_name)


def resolve_input(name: str, cfg: Economics) -> str:
    """The input's own name for ``name``: an alias of :data:`.breakeven.ALIASES`, the name, or
    its :func:`setting_name` (``economics.he3_price_usd_per_l``, as ``--set`` takes it).

    Raises
    ------
    QueryError
        A name that is neither an alias nor an input the scenario or the defaults draw, or
        one with no range (held fixed by default and not drawn by the scenario).
    """
    bare = next((name.removeprefix(p) for p in SETTINGS if name.startswith(p)), name)
    full = breakeven.ALIASES.get(bare, bare)
    if full not in cfg.drawn and full not in {**UNCERTAIN_DEFAULTS, **DECISIONS}:
        known = ", ".join(sorted({*breakeven.ALIASES, *cfg.drawn, *UNCERTAIN_DEFAULTS, *DECISIONS}))
        raise QueryError(f"--vary: {name!r} is not an uncertain input (choose from {known})")
    if _spec(cfg, full).dist == "fixed":
        raise QueryError(
            f"--vary: {name!r} has no range in this scenario (held at its value); give it one "
            f"in [economics.uncertain.{full}]"
        )
    return full


def _spec(cfg: Economics, name: str) -> Distribution:
    """The distribution whose support is ``name``'s plausible range: the scenario's, or the
    default one for an input the scenario does not draw."""
    return cfg.drawn.get(name) or {**UNCERTAIN_DEFAULTS, **DECISIONS}[name]


def break_even(
    cfg: Economics, model: montecarlo.Model, names: tuple[str, ...] = breakeven.DEFAULT_INPUTS
) -> list[dict[str, Any]]:
    """Break-even of each input of ``names``, the others at the scenario's values
    (:func:`lunarbase.economics.breakeven.break_even`), JSON-ready."""
    return [breakeven.break_even(model, name, _spec(cfg, name)).to_dict() for name in names]


def break_even_of(
    cfg: Economics, ops: OperationsResults, names: tuple[str, ...]
) -> list[dict[str, Any]]:
    """:func:`break_even` of the base ``ops`` for the inputs ``names`` (own names)."""
    return break_even(cfg, montecarlo.Model(cfg, ops), names)


def frontier_of(
    cfg: Economics, ops: OperationsResults, names: tuple[str, str], n: int = 50
) -> dict[str, Any]:
    """The zero-NPV frontier of two inputs on an ``n`` x ``n`` grid
    (:func:`lunarbase.economics.breakeven.frontier`)."""
    specs = (_spec(cfg, names[0]), _spec(cfg, names[1]))
    return breakeven.frontier(montecarlo.Model(cfg, ops), names, specs, n)


def _seeds(seed: SeedLike) -> tuple[np.random.SeedSequence, np.random.SeedSequence]:
    """The Monte Carlo's and the Sobol sample's seeds: the first two children of ``seed``."""
    mc_seed, sobol_seed = fresh_sequence(seed).spawn(2)
    return mc_seed, sobol_seed


def _sensitivity(
    cfg: Economics, model: montecarlo.Model, seed: SeedLike
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sobol indices and tornado of ``model``'s NPV over the scenario's uncertain inputs."""
    names = tuple(cfg.drawn)
    if not names:  # nothing uncertain: nothing to apportion
        return (
            pd.DataFrame(columns=["S1", "S1_conf", "ST", "ST_conf"]),
            pd.DataFrame(columns=["output_low", "output_high", "output_base", "swing"]),
        )

    def npv_of_u(u: FloatArray) -> FloatArray:
        return model.npv_usd(montecarlo.inputs_from_u(u, cfg, names))

    _, sobol_seed = _seeds(seed)
    sobol = sensitivity.sobol_indices(
        npv_of_u, names, n_base=cfg.sensitivity_samples, seed=sobol_seed
    )
    return sobol, sensitivity.tornado(npv_of_u, names)


def _metrics(
    cfg: Economics,
    ops: OperationsResults,
    table: pd.DataFrame,
    costs_usd: pd.Series,
    launch: delivery.LaunchBill,
) -> dict[str, Any]:
    net = table["net_usd"].to_numpy()
    shipped = float(table["he3_shipped_kg"].sum())
    sold = float(table["he3_sold_kg"].sum())
    mwh_per_kg = float(fusion.electric_energy_mwh_per_kg(cfg.fusion_electric_efficiency))
    reo_value = market.reo_value_usd_per_kg(ops.reo_mass_fractions, cfg.reo_price_usd_per_kg)
    electricity = fusion.electricity_value_usd_per_kg(
        cfg.fusion_electric_efficiency, cfg.electricity_price_usd_per_mwh
    )
    fuel = fusion.fuel_value_usd_per_kg(
        cfg.fusion_electric_efficiency,
        cfg.electricity_price_usd_per_mwh,
        cfg.fusion_plant_nonfuel_cost_usd_per_mwh,
    )
    return {
        "npv_usd": metrics.npv(net, cfg.discount_rate),
        "he3_revenue_usd": float(table["he3_revenue_usd"].sum()),
        "irr": metrics.irr(net),
        "payback_year": metrics.payback_year(net, cfg.discount_rate),
        "cost_per_kg_he3_usd": metrics.levelised_cost_usd_per_kg(
            costs_usd, table["he3_shipped_kg"], cfg.discount_rate
        ),
        "he3_fraction_sold": sold / shipped if shipped > 0.0 else float("nan"),
        "he3_realized_price_usd_per_kg": (
            float(table["he3_revenue_usd"].sum()) / sold if sold > 0.0 else float("nan")
        ),
        "he3_fuel_value_usd_per_kg": float(fuel),
        "he3_electricity_value_usd_per_kg": float(electricity),
        "reo_value_usd_per_kg": reo_value,
        "reo_value_basis": market.REO_VALUE_BASIS,
        # exporting 1 kg of concentrate pays when returning it costs less than it sells for
        "ree_breakeven_launch_usd_per_kg": reo_value,
        "production_mass_ratio": ops.production_mass_ratio,
        "energy_payback": metrics.energy_payback(
            landed_mass_kg=float(ops.annual["landed_mass_kg"].sum()),
            embodied_energy_mj_per_kg=cfg.embodied_energy_mj_per_kg,
            launch_energy_mj_per_kg=cfg.launch_energy_mj_per_kg,
            lunar_electricity_mwh=float(ops.annual["energy_generated_mwh"].sum()),
            he3_delivered_kg=shipped,
            electric_mwh_per_kg_he3=mwh_per_kg,
            plant_epr=cfg.fusion_plant_epr,
        ),
        "launch_over_flight_rate": launch.over_rate,
    }


def _strategic(cfg: Economics, ops: OperationsResults, table: pd.DataFrame) -> pd.DataFrame:
    shipped = table["he3_shipped_kg"].to_numpy()[1:]
    demand_kg = sum(t.volume_l_per_yr for t in cfg.he3_demand) / market.LITRES_PER_KG_STP
    reo_kg = ops.ree_oxide_kg_by_year
    reo_t = reo_kg / 1e3
    reo_value = market.reo_value_usd_per_kg(ops.reo_mass_fractions, cfg.reo_price_usd_per_kg)
    per_gwe = float(fusion.kg_per_gwe_year(cfg.fusion_electric_efficiency))
    return pd.DataFrame(
        {
            "he3_share_of_market": shipped / demand_kg if demand_kg > 0.0 else 0.0 * shipped,
            "fusion_gw_supplied": shipped / per_gwe,
            "ree_share_of_world_supply": reo_t / market.WORLD_REO_PRODUCTION_T_2024,
            "ree_share_of_china_supply": reo_t / market.CHINA_REO_PRODUCTION_T_2024,
            "ree_oxide_kg": reo_kg,
            "ree_oxide_value_usd": reo_kg * reo_value,
        },
        index=pd.RangeIndex(1, shipped.size + 1, name="year"),
    )
