"""Discounted cash flow of the base and a seeded Monte Carlo of its net present value.

Year 0 carries the capital cost; years 1..N carry operating cost, return shipping and revenue
from the He-3 shipped that year (He-3 left in the store at the end is not valued). Each uncertain
input is drawn uniformly within +-``uncertainty_fraction`` of its nominal value. The inputs are
described by a SALib-shaped ``problem`` dict (``num_vars``, ``names``, ``bounds``, ``dists``) and
the model is the vectorised :func:`npv_usd` over a sample matrix, so a Sobol analysis
(``SALib.sample.sobol`` -> :func:`npv_usd` -> ``SALib.analyze.sobol``) can reuse both as they
are. Scaling He-3 output scales shipments directly (flight capacity assumed not binding).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from lunarbase.economics import costs
from lunarbase.seeds import SeedLike
from lunarbase.typing import FloatArray

UNCERTAIN_INPUTS = (
    "he3_price_usd_per_kg",
    "launch_cost_usd_per_kg",
    "miner_unit_cost_usd",
    "reactor_cost_usd_per_kwe",
    "annual_opex_fraction",
    "he3_output_scale",
)
"""Inputs the Monte Carlo varies; ``he3_output_scale`` multiplies the He-3 shipped (nominal 1)."""


class CostInputs(Protocol):
    """The fixed and nominal economic inputs under their scenario names and units (the
    scenario's ``[economics]`` table, :class:`lunarbase.scenario.Economics`, is one)."""

    @property
    def he3_price_usd_per_kg(self) -> float:
        """He-3 price [USD/kg]."""

    @property
    def launch_cost_usd_per_kg(self) -> float:
        """Cost to land 1 kg on the Moon [USD/kg]."""

    @property
    def miner_unit_cost_usd(self) -> float:
        """Build cost per miner [USD]."""

    @property
    def reactor_cost_usd_per_kwe(self) -> float:
        """Plant build cost [USD/kWe]."""

    @property
    def annual_opex_fraction(self) -> float:
        """Yearly operations cost / capital cost [1/yr]."""

    @property
    def return_cost_usd_per_kg(self) -> float:
        """Cost to return 1 kg to Earth [USD/kg]."""

    @property
    def discount_rate(self) -> float:
        """Real discount rate [1/yr]."""

    @property
    def uncertainty_fraction(self) -> float:
        """Half-width of the uniform band around each uncertain input [-]."""


@dataclass(frozen=True)
class Fleet:
    """The hardware that is priced (from the operations results): miners landed [count], each
    of ``miner_mass_kg`` [kg], and the plant's power [kWe] and landed mass [kg]."""

    n_miners: int
    miner_mass_kg: float
    reactor_power_kwe: float
    reactor_mass_kg: float


def nominal_inputs(cfg: CostInputs) -> dict[str, float]:
    """Nominal value of each of :data:`UNCERTAIN_INPUTS`."""
    values = {name: float(getattr(cfg, name)) for name in UNCERTAIN_INPUTS[:-1]}
    values["he3_output_scale"] = 1.0
    return values


def problem(cfg: CostInputs) -> dict[str, Any]:
    """SALib-shaped problem: uniform bounds of +-``uncertainty_fraction`` around the nominals."""
    u = cfg.uncertainty_fraction
    nominal = nominal_inputs(cfg)
    return {
        "num_vars": len(UNCERTAIN_INPUTS),
        "names": list(UNCERTAIN_INPUTS),
        "bounds": [[nominal[n] * (1.0 - u), nominal[n] * (1.0 + u)] for n in UNCERTAIN_INPUTS],
        "dists": ["unif"] * len(UNCERTAIN_INPUTS),
    }


def sample(prob: dict[str, Any], n_draws: int, *, seed: SeedLike) -> FloatArray:
    """Uniform draws within ``prob['bounds']``, shape ``(n_draws, num_vars)``."""
    bounds = np.asarray(prob["bounds"], dtype=float)
    rng = np.random.default_rng(seed)
    return rng.uniform(bounds[:, 0], bounds[:, 1], size=(n_draws, len(bounds)))


def discount_factors(discount_rate: float, years: int) -> FloatArray:
    """``(1 + r) ** -t`` for t = 0..years."""
    return (1.0 + discount_rate) ** -np.arange(years + 1, dtype=float)


def cash_flow_matrix(
    inputs: FloatArray,
    cfg: CostInputs,
    fleet: Fleet,
    shipped_he3_kg: FloatArray,
) -> dict[str, FloatArray]:
    """Cash-flow components for each row of ``inputs`` (columns :data:`UNCERTAIN_INPUTS`).

    Parameters
    ----------
    inputs : ndarray, shape (n, 6)
        Values of the uncertain inputs, one row per case.
    cfg : CostInputs
        Fixed inputs (masses, return cost).
    fleet : Fleet
        Miners and plant power priced.
    shipped_he3_kg : ndarray, shape (years,)
        Nominal He-3 shipped in operating years 1..N. [kg]

    Returns
    -------
    dict of ndarray, each shape (n, years + 1)
        ``capex_usd``, ``opex_usd``, ``return_shipping_usd``, ``revenue_usd``,
        ``shipped_he3_kg`` and ``net_usd``; column 0 is year 0. Costs are positive numbers.
    """
    x = dict(zip(UNCERTAIN_INPUTS, np.atleast_2d(inputs).T, strict=True))
    n = len(x["he3_price_usd_per_kg"])
    years = len(shipped_he3_kg)
    capex = np.asarray(
        costs.miner_capex_usd(
            fleet.n_miners,
            x["miner_unit_cost_usd"],
            fleet.miner_mass_kg,
            x["launch_cost_usd_per_kg"],
        )
        + costs.reactor_capex_usd(
            fleet.reactor_power_kwe,
            x["reactor_cost_usd_per_kwe"],
            fleet.reactor_mass_kg,
            x["launch_cost_usd_per_kg"],
        )
    )
    operating = np.zeros((n, years + 1))
    operating[:, 1:] = 1.0
    capex_t = np.zeros((n, years + 1))
    capex_t[:, 0] = capex
    shipped = np.zeros((n, years + 1))
    shipped[:, 1:] = x["he3_output_scale"][:, None] * np.asarray(shipped_he3_kg)[None, :]
    opex_t = (
        operating * np.asarray(costs.annual_opex_usd(capex, x["annual_opex_fraction"]))[:, None]
    )
    shipping_t = np.asarray(costs.return_shipping_usd(shipped, cfg.return_cost_usd_per_kg))
    revenue_t = shipped * x["he3_price_usd_per_kg"][:, None]
    return {
        "capex_usd": capex_t,
        "opex_usd": opex_t,
        "return_shipping_usd": shipping_t,
        "revenue_usd": revenue_t,
        "shipped_he3_kg": shipped,
        "net_usd": revenue_t - capex_t - opex_t - shipping_t,
    }


def npv_usd(
    inputs: FloatArray,
    cfg: CostInputs,
    fleet: Fleet,
    shipped_he3_kg: FloatArray,
) -> FloatArray:
    """Net present value at ``cfg.discount_rate`` for each row of ``inputs``. [USD]"""
    flows = cash_flow_matrix(inputs, cfg, fleet, shipped_he3_kg)
    return np.asarray(flows["net_usd"] @ discount_factors(cfg.discount_rate, len(shipped_he3_kg)))


def npv_band(npv: FloatArray) -> dict[str, float]:
    """5th, 50th and 95th percentiles of NPV draws and the probability NPV > 0."""
    p05, p50, p95 = np.percentile(npv, [5.0, 50.0, 95.0])
    return {
        "npv_p05_usd": float(p05),
        "npv_p50_usd": float(p50),
        "npv_p95_usd": float(p95),
        "prob_npv_positive": float(np.mean(npv > 0.0)),
    }
