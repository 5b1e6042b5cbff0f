"""Economics stage: costs, fusion value of He-3, discounted cash flow and NPV uncertainty.

Entry point :func:`evaluate` (the scenario's ``[economics]`` section and the operations results
in, :class:`EconomicsResults` out). The fleet and plant priced are those the operations stage
simulated (``ops.n_miners``, ``ops.reactor_power_kwe``), never its configuration.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from lunarbase.economics import fusion, montecarlo
from lunarbase.jsonable import plain
from lunarbase.operations import OperationsResults
from lunarbase.scenario import Economics
from lunarbase.seeds import SeedLike, seed_entropy


@dataclass(frozen=True, eq=False)
class EconomicsResults:
    """Outcome of :func:`evaluate`.

    Attributes
    ----------
    cash_flows : pandas.DataFrame
        Nominal cash flows, index ``year`` 0..N: ``shipped_he3_kg``, ``capex_usd``, ``opex_usd``,
        ``return_shipping_usd``, ``revenue_usd`` (market price), ``fusion_value_usd`` (same
        He-3 as electricity), ``net_usd``, ``discount_factor``, ``discounted_net_usd``.
    draws : pandas.DataFrame
        Monte Carlo inputs (one column per ``problem['names']``) and ``npv_usd`` per draw.
    npv_usd : float
        NPV at the market price. [USD]
    npv_fusion_usd : float
        NPV valuing the He-3 at its fusion-electricity value instead. [USD]
    capex_usd : float
        Capital cost, year 0. [USD]
    breakeven_he3_price_usd_per_kg : float
        Price that makes the NPV zero (discounted costs / discounted kg; inf if nothing ships).
    fusion_value_usd_per_kg : float
        Value of the electricity one kg of He-3 makes. [USD/kg]
    npv_band : dict
        ``npv_p05_usd``, ``npv_p50_usd``, ``npv_p95_usd``, ``prob_npv_positive``.
    problem : dict
        SALib-shaped description of the uncertain inputs.
    seed : int
        The run's seed (the Monte Carlo draws from the economics stage's stream).
    """

    cash_flows: pd.DataFrame
    draws: pd.DataFrame
    npv_usd: float
    npv_fusion_usd: float
    capex_usd: float
    breakeven_he3_price_usd_per_kg: float
    fusion_value_usd_per_kg: float
    npv_band: dict[str, float]
    problem: dict[str, Any]
    seed: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary (plain floats; non-finite values as ``None``; no per-draw rows)."""
        flows: dict[str, Any] = {"year": [int(y) for y in self.cash_flows.index]}
        for col in self.cash_flows.columns:
            flows[col] = [plain(v) for v in self.cash_flows[col].to_numpy()]
        return {
            "seed": int(self.seed),
            "npv_usd": plain(self.npv_usd),
            "npv_fusion_usd": plain(self.npv_fusion_usd),
            "capex_usd": plain(self.capex_usd),
            "breakeven_he3_price_usd_per_kg": plain(self.breakeven_he3_price_usd_per_kg),
            "fusion_value_usd_per_kg": plain(self.fusion_value_usd_per_kg),
            "montecarlo": {
                "draws": len(self.draws),
                **{k: plain(v) for k, v in self.npv_band.items()},
            },
            "problem": {
                "num_vars": int(self.problem["num_vars"]),
                "names": list(self.problem["names"]),
                "bounds": [[float(lo), float(hi)] for lo, hi in self.problem["bounds"]],
                "dists": list(self.problem["dists"]),
            },
            "cash_flows": flows,
        }


def evaluate(cfg: Economics, ops: OperationsResults, *, seed: SeedLike) -> EconomicsResults:
    """Cash flow, NPV and NPV uncertainty of a simulated base.

    Parameters
    ----------
    cfg : lunarbase.scenario.Economics
        Costs, prices, discount rate and uncertainty settings.
    ops : lunarbase.operations.OperationsResults
        Simulated operations; its yearly ``he3_shipped_kg`` earns the revenue, its fleet
        (``n_miners``) and plant (``reactor_power_kwe``) size the capital cost.
    seed : int or numpy.random.SeedSequence
        Seed of the Monte Carlo draws.

    Returns
    -------
    EconomicsResults
    """
    shipped = ops.annual["he3_shipped_kg"].to_numpy(dtype=float)
    fleet = montecarlo.Fleet(
        n_miners=ops.n_miners,
        miner_mass_kg=ops.miner_mass_kg,
        reactor_power_kwe=ops.reactor_power_kwe,
        reactor_mass_kg=ops.reactor_mass_kg,
    )
    years = len(shipped)
    nominal = montecarlo.nominal_inputs(cfg)
    x0 = np.array([[nominal[n] for n in montecarlo.UNCERTAIN_INPUTS]])
    flows = {k: v[0] for k, v in montecarlo.cash_flow_matrix(x0, cfg, fleet, shipped).items()}
    discount = montecarlo.discount_factors(cfg.discount_rate, years)
    value_per_kg = float(
        fusion.fusion_value_usd_per_kg(
            cfg.fusion_electric_efficiency, cfg.electricity_price_usd_per_mwh
        )
    )
    table = pd.DataFrame(flows, index=pd.RangeIndex(0, years + 1, name="year"))
    table["fusion_value_usd"] = table["shipped_he3_kg"] * value_per_kg
    table["discount_factor"] = discount
    table["discounted_net_usd"] = table["net_usd"] * discount
    table = table[
        [
            "shipped_he3_kg",
            "capex_usd",
            "opex_usd",
            "return_shipping_usd",
            "revenue_usd",
            "fusion_value_usd",
            "net_usd",
            "discount_factor",
            "discounted_net_usd",
        ]
    ]
    npv = float(table["discounted_net_usd"].sum())
    fusion_net = table["net_usd"] - table["revenue_usd"] + table["fusion_value_usd"]
    npv_fusion = float((fusion_net * discount).sum())
    pv_costs = float(
        ((table["capex_usd"] + table["opex_usd"] + table["return_shipping_usd"]) * discount).sum()
    )
    pv_kg = float((table["shipped_he3_kg"] * discount).sum())

    prob = montecarlo.problem(cfg)
    x = montecarlo.sample(prob, cfg.montecarlo_draws, seed=seed)
    npv_draws = montecarlo.npv_usd(x, cfg, fleet, shipped)
    draws = pd.DataFrame(x, columns=prob["names"])
    draws["npv_usd"] = npv_draws
    return EconomicsResults(
        cash_flows=table,
        draws=draws,
        npv_usd=npv,
        npv_fusion_usd=npv_fusion,
        capex_usd=float(table["capex_usd"].sum()),
        breakeven_he3_price_usd_per_kg=pv_costs / pv_kg if pv_kg > 0.0 else math.inf,
        fusion_value_usd_per_kg=value_per_kg,
        npv_band=montecarlo.npv_band(npv_draws),
        problem=prob,
        seed=seed_entropy(seed),
    )
