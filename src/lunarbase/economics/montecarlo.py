"""The economics model, vectorised over draws: cash flows and NPV of the base for any set of
uncertain inputs, and the seeded Monte Carlo of its NPV.

Inputs are a dict of arrays, one value per draw for each of the scenario's uncertain names
(``[economics]`` fields, and the multipliers of :mod:`.surrogate`); the rest are fixed at the
scenario's values. Year 0 carries the development cost; years 1..N what the operations stage
landed, shipped and extracted in that year. Draws come from uniforms through each input's
quantile function (:mod:`.distributions`), in fixed-size blocks seeded by index
(:mod:`.sweep`), so the same seed gives the same draws however they are split or distributed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from lunarbase.economics import costs, fusion, market
from lunarbase.economics.distributions import quantile
from lunarbase.economics.surrogate import MULTIPLIERS, he3_output_scale
from lunarbase.operations import OperationsResults
from lunarbase.typing import FloatArray

BYPRODUCTS_USED = ("h2o_kg", "h2_kg", "n2_kg")
"""By-products the base uses on the Moon (water, hydrogen, nitrogen)."""

COST_LINES = (
    "development_usd",
    "miner_build_usd",
    "reactor_build_usd",
    "array_build_usd",
    "battery_build_usd",
    "spares_build_usd",
    "launch_usd",
    "om_usd",
    "return_usd",
)
"""Cost lines of :func:`cash_flows` [USD]."""

REVENUE_LINES = ("he3_revenue_usd", "ree_revenue_usd", "byproduct_value_usd")
"""Revenue lines of :func:`cash_flows` [USD]."""


def nominal_value(cfg: Any, name: str) -> float:
    """The scenario's value of input ``name`` (``cfg`` the ``[economics]`` table); operations
    multipliers (``*_scale``, not fields of the table) are 1."""
    return float(getattr(cfg, name)) if hasattr(cfg, name) else 1.0


def nominal_inputs(cfg: Any, names: Sequence[str]) -> dict[str, float]:
    """:func:`nominal_value` of each of ``names``."""
    return {name: nominal_value(cfg, name) for name in names}


def inputs_from_u(u: FloatArray, cfg: Any, names: Sequence[str]) -> dict[str, FloatArray]:
    """Input values for uniforms ``u`` of shape (n, len(names)) through each name's
    distribution in ``cfg.uncertain`` (units of each input)."""
    return {name: quantile(cfg.uncertain[name], u[:, j]) for j, name in enumerate(names)}


class _Inputs(dict[str, FloatArray]):
    """The drawn inputs by name; any other input the model reads is its :func:`nominal_value`
    for all ``n`` draws."""

    def __init__(self, x: Mapping[str, FloatArray], cfg: Any, n: int) -> None:
        super().__init__({name: np.asarray(v, dtype=float) for name, v in x.items()})
        self.cfg, self.n = cfg, n

    def __missing__(self, name: str) -> FloatArray:
        value = np.full(self.n, nominal_value(self.cfg, name))
        self[name] = value
        return value


def he3_demand(x: Mapping[str, FloatArray], cfg: Any) -> tuple[FloatArray, FloatArray]:
    """Volumes [kg/yr] and prices [USD/kg] of the He-3 demand tiers per draw, shape (n, tiers):
    the scenario's tiers (litres at STP converted), then fusion plants of ``fusion_demand_gwe``
    buying at the electricity's value."""
    per_l = market.LITRES_PER_KG_STP
    today = x["he3_price_usd_per_l"] * per_l
    n = len(today)
    volumes = [np.full(n, t.volume_l_per_yr / per_l) for t in cfg.he3_demand]
    prices = [
        today if t.price_usd_per_l is None else np.full(n, t.price_usd_per_l * per_l)
        for t in cfg.he3_demand
    ]
    eff = x["fusion_electric_efficiency"]
    volumes.append(np.asarray(x["fusion_demand_gwe"] * fusion.kg_per_gwe_year(eff)))
    prices.append(
        np.asarray(fusion.fusion_value_usd_per_kg(eff, x["electricity_price_usd_per_mwh"]))
    )
    return np.stack(volumes, axis=1), np.stack(prices, axis=1)


@dataclass(frozen=True, eq=False)
class Model:
    """The economics of one simulated base: the ``[economics]`` table ``cfg`` and the
    operations results ``ops``; :meth:`npv_usd` and :meth:`cash_flows` for any inputs."""

    cfg: Any
    ops: OperationsResults

    def column(self, name: str) -> FloatArray:
        """An annual column of the operations results (years 1..N)."""
        return self.ops.annual[name].to_numpy(dtype=float)

    def _lines(self, x: Mapping[str, FloatArray]) -> tuple[dict[str, FloatArray], _Inputs]:
        """The cost and revenue lines, He-3 shipped, sold and its price over operating years
        1..N, shape (n, N), and the completed inputs."""
        cfg, n = self.cfg, len(next(iter(x.values()))) if x else 1
        v = _Inputs(x, cfg, n)
        col = self.column
        scale = he3_output_scale({name: v[name] for name in MULTIPLIERS}, self.ops)
        shipped = scale[:, None] * col("he3_shipped_kg")[None, :]
        volumes, prices = he3_demand(v, cfg)
        sold, price = market.clear_he3_market(shipped, volumes, prices)
        reo_value = market.reo_value_usd_per_kg(
            self.ops.reo_mass_fractions, cfg.reo_price_usd_per_kg
        )
        exported = self.ops.ree_oxide_kg_by_year * (1.0 if cfg.ree_exported else 0.0)
        used = np.sum([col(c) for c in BYPRODUCTS_USED], axis=0)
        build = {
            "miner_build_usd": costs.miner_build_usd(
                col("miners_landed"), v["miner_unit_cost_usd"], cfg.learning_progress_ratio
            ),
            "reactor_build_usd": costs.hardware_build_usd(
                col("reactor_mass_landed_kg"), v["reactor_cost_usd_per_kg"]
            ),
            "array_build_usd": costs.hardware_build_usd(
                col("array_kw_landed"), cfg.array_cost_usd_per_kw
            ),
            "battery_build_usd": costs.hardware_build_usd(
                col("battery_kwh_landed"), cfg.battery_cost_usd_per_kwh
            ),
            "spares_build_usd": costs.hardware_build_usd(
                col("spares_landed_kg"), cfg.spares_cost_usd_per_kg
            ),
        }
        hardware = sum(build.values())
        lines: dict[str, FloatArray] = {
            **build,
            "launch_usd": costs.hardware_build_usd(  # failed landings' payloads flew too
                col("landed_mass_kg") + col("payload_lost_kg"), v["launch_cost_usd_per_kg"]
            ),
            "om_usd": costs.om_usd(np.asarray(hardware), v["annual_opex_fraction"]),
            "return_usd": costs.return_usd(
                col("launches"),
                shipped + exported[None, :],
                v["return_flight_cost_usd"],
                v["return_cost_usd_per_kg"],
            ),
            "he3_revenue_usd": sold * price,
            "ree_revenue_usd": np.broadcast_to(exported * reo_value, shipped.shape),
            "byproduct_value_usd": market.byproduct_value_usd(
                used, cfg.byproduct_use_kg_per_year, v["launch_cost_usd_per_kg"]
            ),
            "he3_shipped_kg": shipped,
            "he3_sold_kg": sold,
            "he3_price_usd_per_kg": price,
        }
        return lines, v

    def cash_flows(self, x: Mapping[str, FloatArray]) -> dict[str, FloatArray]:
        """Every cost and revenue line, He-3 shipped and sold and its price, per draw and year
        (shape (n, years + 1); column 0 is year 0, when only development is paid) [USD, kg,
        USD/kg]; ``net_usd`` and ``discount_factor``."""
        lines, v = self._lines(x)
        out = {
            name: np.pad(np.asarray(a, dtype=float), ((0, 0), (1, 0))) for name, a in lines.items()
        }
        out["he3_price_usd_per_kg"][:, 0] = np.nan
        out["development_usd"] = np.zeros_like(out["om_usd"])
        out["development_usd"][:, 0] = v["development_cost_usd"]
        out["net_usd"] = _net(out)
        out["discount_factor"] = _discount(v["discount_rate"], out["net_usd"].shape[1])
        return out

    def npv_usd(self, x: Mapping[str, FloatArray]) -> FloatArray:
        """Net present value per draw [USD]: the development cost in year 0, then each
        operating year's net, discounted (no year-0 padding of every line: the hot path)."""
        lines, v = self._lines(x)
        factor = _discount(v["discount_rate"], lines["om_usd"].shape[1] + 1)[:, 1:]
        return np.asarray((_net(lines) * factor).sum(axis=1) - v["development_cost_usd"])


def _net(lines: Mapping[str, FloatArray]) -> FloatArray:
    """Revenue lines less the cost lines among ``lines``, per draw and year [USD]."""
    net = np.zeros(np.shape(lines["om_usd"]))
    for line in REVENUE_LINES:
        net = net + lines[line]
    for line in COST_LINES:
        if line in lines:
            net = net - lines[line]
    return net


def _discount(rate: FloatArray, n_years: int) -> FloatArray:
    """``(1 + rate) ** -t`` for t = 0..n_years - 1, shape (n, n_years) [-]."""
    years = np.arange(n_years, dtype=float)
    return np.asarray((1.0 + np.asarray(rate)[:, None]) ** -years[None, :])


@dataclass(frozen=True, eq=False)
class NpvDraws:
    """A block function for :func:`lunarbase.economics.sweep.map_blocks`: ``n`` uniform draws
    per uncertain input from the block's seed, through their distributions, to NPV [USD]."""

    model: Model
    names: tuple[str, ...]

    def __call__(self, seed: np.random.SeedSequence, n: int) -> FloatArray:
        u = np.random.default_rng(seed).random((n, len(self.names)))
        x = inputs_from_u(u, self.model.cfg, self.names)
        return np.broadcast_to(self.model.npv_usd(x), (n,)).copy()


def npv_band(npv: FloatArray) -> dict[str, float]:
    """5th, 50th and 95th percentiles of NPV draws [USD] and the probability NPV > 0."""
    p05, p50, p95 = np.percentile(npv, [5.0, 50.0, 95.0])
    return {
        "p05": float(p05),
        "p50": float(p50),
        "p95": float(p95),
        "prob_npv_positive": float(np.mean(npv > 0.0)),
    }
