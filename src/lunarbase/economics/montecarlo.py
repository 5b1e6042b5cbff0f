"""The economics model, vectorised over draws: cash flows and NPV of the base for any set of
uncertain inputs, and the seeded Monte Carlo of its NPV.

Every uncertain input is a *multiplier* on the scenario's own value (nominal 1): a price,
rate or mass drawn for a draw is the scenario's field times the multiplier, so the scenario sets
the centre of each distribution and its ``[economics.uncertain]`` table the spread. Inputs are a
dict of multiplier arrays, one value per draw, for the scenario's uncertain names
(``[economics]`` fields, the operations multipliers of :mod:`.surrogate` and the landed-mass
multipliers :data:`MASS_SCALES`); the rest are 1. Year 0 carries the development cost; years
1..N what the operations stage flew, landed, shipped and extracted in that year.

A failed landing (:mod:`lunarbase.operations.landing_risk`) is not replaced: the schedule is
flown as given, so its miners and plant unit are simply missing on the Moon. Its hardware was
built and delivered, so it is paid like the rest: every build line prices the hardware *flown*
(the landings table, failed or not) and the delivery bill every flight; operations and
maintenance are paid only on what landed. What the failures cost is reported apart
(:meth:`Model.lost_usd`: ``lost_hardware_usd``, ``lost_delivery_usd``). The Monte Carlo draws
the landings' fates afresh for the He-3 output (:func:`arrivals`) but keeps the simulated fates
for the O&M (a simplification: O&M is a few percent of the build cost a year). Draws come from
uniforms through each input's quantile function (:mod:`.distributions`), in fixed-size blocks
seeded by index (:mod:`.sweep`), so the same seed gives the same draws however they are split
or distributed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from lunarbase.constants import HOURS_PER_YEAR
from lunarbase.economics import costs, delivery, fusion, market
from lunarbase.economics.distributions import quantile
from lunarbase.economics.surrogate import (
    ARRIVALS,
    MULTIPLIERS,
    he3_output_scale,
    miners_on_the_moon,
)
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


MASS_SCALES = {
    "miner_mass_scale": "miner_mass_landed_kg",
    "reactor_mass_scale": "reactor_mass_landed_kg",
    "concentrator_mass_scale": "concentrator_mass_landed_kg",
    "spares_mass_scale": "spares_landed_kg",
}
"""Multipliers on the landed mass of one kind of hardware [-] (nominal 1) and the annual
column they scale: the miners' mass, the plant's specific mass, the concentrators' areal mass
and the spares. A heavier kind costs more to deliver (its share of the delivery bill) and, for
the plant, more to build (priced per kg)."""

BUILT = {
    "miner_build_usd": "miners",
    "reactor_build_usd": "reactor_mass_kg",
    "array_build_usd": "array_kw",
    "battery_build_usd": "battery_kwh",
    "spares_build_usd": "spares_kg",
}
"""Each build line and the landings-table column it prices (miners [count], plant [kg],
arrays [kW], batteries [kWh], spares [kg])."""


def nominal_value(cfg: Any, name: str) -> float:
    """The scenario's value of input ``name`` (``cfg`` the ``[economics]`` table); multipliers
    (``*_scale``, not fields of the table) and a launch price left to the landers' catalogue
    are 1."""
    value = getattr(cfg, name, None)
    return 1.0 if value is None else float(value)


def nominal_inputs(cfg: Any, names: Sequence[str]) -> dict[str, float]:
    """:func:`nominal_value` of each of ``names``."""
    return {name: nominal_value(cfg, name) for name in names}


def inputs_from_u(u: FloatArray, cfg: Any, names: Sequence[str]) -> dict[str, FloatArray]:
    """Multipliers [-] for uniforms ``u`` of shape (n, len(names)) through each name's
    distribution in ``cfg.drawn``."""
    return {name: quantile(cfg.drawn[name], u[:, j]) for j, name in enumerate(names)}


class _Inputs(dict[str, FloatArray]):
    """The drawn multipliers by name; any other input is 1 for all ``n`` draws. ``value(name)``
    is the input in its unit: the scenario's value times the multiplier."""

    def __init__(self, x: Mapping[str, FloatArray], cfg: Any, n: int) -> None:
        super().__init__({name: np.asarray(v, dtype=float) for name, v in x.items()})
        self.cfg, self.n = cfg, n

    def __missing__(self, name: str) -> FloatArray:
        value = np.ones(self.n)
        self[name] = value
        return value

    def value(self, name: str) -> FloatArray:
        """Input ``name`` in its unit, per draw."""
        return nominal_value(self.cfg, name) * self[name]


def he3_demand(v: _Inputs, cfg: Any) -> tuple[FloatArray, FloatArray]:
    """Volumes [kg/yr] and prices [USD/kg] of the He-3 buyers per draw, shape (n, tiers): the
    scenario's tiers (litres at STP converted), then fusion plants of ``fusion_demand_gwe``
    buying at the fuel value of He-3 (:func:`lunarbase.economics.fusion.fuel_value_usd_per_kg`)."""
    per_l = market.LITRES_PER_KG_STP
    today = v.value("he3_price_usd_per_l") * per_l
    n = len(today)
    volumes = [np.full(n, t.volume_l_per_yr / per_l) for t in cfg.he3_demand]
    prices = [
        today if t.price_usd_per_l is None else np.full(n, t.price_usd_per_l * per_l)
        for t in cfg.he3_demand
    ]
    eff = v.value("fusion_electric_efficiency")
    volumes.append(np.asarray(v.value("fusion_demand_gwe") * fusion.kg_per_gwe_year(eff)))
    prices.append(
        np.asarray(
            fusion.fuel_value_usd_per_kg(
                eff,
                v.value("electricity_price_usd_per_mwh"),
                v.value("fusion_plant_nonfuel_cost_usd_per_mwh"),
            )
        )
    )
    return np.stack(volumes, axis=1), np.stack(prices, axis=1)


def landing_years(ops: OperationsResults) -> FloatArray:
    """Operating year (1..N) in which each landing of ``ops.landings`` flew (after any slip
    for its launcher's rate). [-]"""
    days = ops.landings["day"].to_numpy(dtype=float)
    return np.asarray(days * 24.0 // HOURS_PER_YEAR + 1, dtype=int)


def landings_of(ops: OperationsResults) -> list[dict[str, Any]]:
    """The landings the operations stage flew (failed ones too: they were paid for), from
    ``ops.landings``: operating year (1..N), lander, payload [kg] and whether it failed."""
    table = ops.landings
    return [
        {"year": int(year), "lander": str(lander), "payload_kg": float(kg), "failed": bool(lost)}
        for year, lander, kg, lost in zip(
            landing_years(ops), table["lander"], table["payload_kg"], table["failed"], strict=True
        )
    ]


DEFAULT_LANDER = "starship_hls"
"""The schema's default lander: its price values by-products when nothing landed."""


@dataclass(frozen=True, eq=False)
class Model:
    """The economics of one simulated base: the ``[economics]`` table ``cfg`` and the
    operations results ``ops``; :meth:`npv_usd` and :meth:`cash_flows` for any multipliers."""

    cfg: Any
    ops: OperationsResults

    def column(self, name: str) -> FloatArray:
        """An annual column of the operations results (years 1..N); 0 where it is absent."""
        if name not in self.ops.annual:
            return np.zeros(len(self.ops.annual))
        return self.ops.annual[name].to_numpy(dtype=float)

    @cached_property
    def launch(self) -> delivery.LaunchBill:
        """The landings' delivery bill at the scenario's prices, by operating year."""
        return delivery.launch_bill(
            landings_of(self.ops),
            len(self.ops.annual),
            progress_ratio=self.cfg.launch_progress_ratio,
            price_usd_per_kg=self.cfg.launch_cost_usd_per_kg,
            max_flights_per_year=self.ops.max_flights_per_year,
        )

    def flown(self, column: str, *, landed_only: bool = False) -> FloatArray:
        """A landings-table column (:data:`BUILT`) summed by the operating year the landings
        flew, failed or not (``landed_only``: those that landed), years 1..N."""
        years = len(self.ops.annual)
        table = self.ops.landings
        year = landing_years(self.ops) - 1
        keep = year < years
        if landed_only:
            keep &= ~table["failed"].to_numpy(dtype=bool)
        amount = table[column].to_numpy(dtype=float)
        return np.bincount(year[keep], amount[keep], minlength=years).astype(float)

    @cached_property
    def landed_share(self) -> dict[str, FloatArray]:
        """Per build line, the share of each year's hardware flown that landed [-] (1 where
        none flew): what of the build cost is on the Moon to maintain."""
        share = {}
        for line, column in BUILT.items():
            flown = self.flown(column)
            landed = self.flown(column, landed_only=True)
            share[line] = np.divide(landed, flown, out=np.ones_like(flown), where=flown > 0.0)
        return share

    def lost_usd(self) -> dict[str, float]:
        """What the failed landings cost at the nominal inputs [USD, undiscounted]:
        ``lost_hardware_usd``, the build cost of the hardware they carried, and
        ``lost_delivery_usd``, their delivery. Neither is replaced."""
        lines, _ = self._lines({})
        hardware = sum(
            float((lines[line][0] * (1.0 - share)).sum())
            for line, share in self.landed_share.items()
        )
        return {"lost_hardware_usd": hardware, "lost_delivery_usd": self.launch.lost_usd}

    def _launch_usd(self, v: _Inputs) -> FloatArray:
        """Delivery cost per draw and year [USD]: the bill x the price multiplier x the landed
        mass with each kind's mass multiplier over the landed mass as simulated."""
        landed = self.column("landed_mass_kg")
        scaled = landed[None, :] + sum(
            (v[name][:, None] * self._per_kind(v, name) - 1.0) * self.column(column)[None, :]
            for name, column in MASS_SCALES.items()
        )
        ratio = np.divide(scaled, landed[None, :], out=np.ones_like(scaled), where=landed > 0.0)
        return np.asarray(v["launch_cost_usd_per_kg"][:, None] * self.launch.launch_usd * ratio)

    @staticmethod
    def _per_kind(v: _Inputs, name: str) -> FloatArray:
        """How many times the simulated units of a kind land: ``fleet_scale`` for the miners
        (and their concentrators), ``reactor_power_scale`` for the plant (its 100 kWe-class
        units, fewer or more of them), 1 for the rest, per draw and year (n, 1) [-]."""
        if name in ("miner_mass_scale", "concentrator_mass_scale"):
            return v["fleet_scale"][:, None]
        if name == "reactor_mass_scale":
            return v["reactor_power_scale"][:, None]
        return np.ones((v.n, 1))

    def _arrivals(self, x: Mapping[str, FloatArray]) -> dict[str, FloatArray]:
        """The surrogate's :data:`.surrogate.ARRIVALS` among ``x``, with the miners on the
        Moon times ``fleet_scale`` (rounded) when it is given."""
        out = {name: np.asarray(x[name]) for name in ARRIVALS if name in x}
        if "fleet_scale" in x:
            miners = out.get("miners_arrived", float(miners_on_the_moon(self.ops)))
            out["miners_arrived"] = np.rint(np.asarray(x["fleet_scale"]) * miners)
        return out

    def _lines(self, x: Mapping[str, FloatArray]) -> tuple[dict[str, FloatArray], _Inputs]:
        """The cost and revenue lines, He-3 shipped, sold and its price over operating years
        1..N, shape (n, N), and the completed inputs."""
        cfg, n = self.cfg, len(next(iter(x.values()))) if x else 1
        v = _Inputs(x, cfg, n)
        col = self.column
        scale = he3_output_scale(
            {**{name: v[name] for name in MULTIPLIERS}, **self._arrivals(x)}, self.ops
        )
        shipped = scale[:, None] * col("he3_shipped_kg")[None, :]
        volumes, prices = he3_demand(v, cfg)
        sold, revenue = market.sell_he3(
            shipped,
            volumes,
            prices,
            growth_per_year=cfg.he3_demand_growth_per_year,
            terrestrial_kg_per_year=cfg.he3_terrestrial_supply_l_per_yr / market.LITRES_PER_KG_STP,
        )
        reo_value = market.reo_value_usd_per_kg(
            self.ops.reo_mass_fractions, cfg.reo_price_usd_per_kg
        )
        exported = self.ops.ree_oxide_kg_by_year * (1.0 if cfg.ree_exported else 0.0)
        used = np.sum([col(c) for c in BYPRODUCTS_USED], axis=0)
        build = self._build(v)
        on_the_moon = sum(build[line] * share[None, :] for line, share in self.landed_share.items())
        launch_usd = self._launch_usd(v)
        lines: dict[str, FloatArray] = {
            **build,
            "launch_usd": launch_usd,
            "om_usd": costs.om_usd(np.asarray(on_the_moon), v.value("annual_opex_fraction")),
            "return_usd": costs.return_usd(
                col("launches"),
                shipped + exported[None, :],
                v.value("return_flight_cost_usd"),
                v.value("return_cost_usd_per_kg"),
            ),
            "he3_revenue_usd": revenue,
            "ree_revenue_usd": np.broadcast_to(exported * reo_value, shipped.shape),
            "byproduct_value_usd": market.byproduct_value_usd(
                used, cfg.byproduct_use_kg_per_year, self.saved_usd_per_kg(launch_usd)
            ),
            "he3_shipped_kg": shipped,
            "he3_sold_kg": sold,
            "he3_price_usd_per_kg": np.divide(
                revenue, sold, out=np.full_like(revenue, np.nan), where=sold > 0.0
            ),
        }
        return lines, v

    def _build(self, v: _Inputs) -> dict[str, FloatArray]:
        """Build cost of the hardware flown each year (:data:`BUILT`), per draw and year
        [USD]: miners by unit with learning, the plant per kg (x its mass and power
        multipliers: a plant of ``reactor_power_scale`` x the power is that many of the
        simulated units, a fraction of a unit taken pro rata), arrays per kW, batteries per
        kWh, spares per kg."""
        cfg, flown = self.cfg, self.flown
        plant_usd_per_kg = (
            v.value("reactor_cost_usd_per_kg") * v["reactor_mass_scale"] * v["reactor_power_scale"]
        )
        return {
            "miner_build_usd": v["fleet_scale"][:, None]
            * costs.miner_build_usd(
                flown("miners"), v.value("miner_unit_cost_usd"), cfg.learning_progress_ratio
            ),
            "reactor_build_usd": costs.hardware_build_usd(
                flown("reactor_mass_kg"), plant_usd_per_kg
            ),
            "array_build_usd": costs.hardware_build_usd(
                flown("array_kw"), cfg.array_cost_usd_per_kw
            ),
            "battery_build_usd": costs.hardware_build_usd(
                flown("battery_kwh"), cfg.battery_cost_usd_per_kwh
            ),
            "spares_build_usd": costs.hardware_build_usd(
                flown("spares_kg"), cfg.spares_cost_usd_per_kg * v["spares_mass_scale"]
            ),
        }

    def saved_usd_per_kg(self, launch_usd: FloatArray) -> FloatArray:
        """The delivery price a kg made on the Moon saves, per draw [USD/kg]: the programme's
        delivery cost over the mass it landed (the scenario's price where nothing landed)."""
        landed = float(self.column("landed_mass_kg").sum())
        if landed > 0.0:
            return np.asarray(launch_usd.sum(axis=1) / landed)
        first = self.cfg.launch_cost_usd_per_kg
        price = delivery.price_of(DEFAULT_LANDER).price_usd_per_kg if first is None else first
        return np.full(launch_usd.shape[0], price)

    def cash_flows(self, x: Mapping[str, FloatArray]) -> dict[str, FloatArray]:
        """Every cost and revenue line, He-3 shipped and sold and its realised price, per draw
        and year (shape (n, years + 1); column 0 is year 0, when only development is paid)
        [USD, kg, USD/kg]; ``net_usd`` and ``discount_factor``."""
        lines, v = self._lines(x)
        out = {
            name: np.pad(np.asarray(a, dtype=float), ((0, 0), (1, 0))) for name, a in lines.items()
        }
        out["he3_price_usd_per_kg"][:, 0] = np.nan
        out["development_usd"] = np.zeros_like(out["om_usd"])
        out["development_usd"][:, 0] = v.value("development_cost_usd")
        out["net_usd"] = _net(out)
        out["discount_factor"] = _discount(v.value("discount_rate"), out["net_usd"].shape[1])
        return out

    def npv_usd(self, x: Mapping[str, FloatArray]) -> FloatArray:
        """Net present value per draw [USD]: the development cost in year 0, then each
        operating year's net, discounted (no year-0 padding of every line: the hot path)."""
        lines, v = self._lines(x)
        factor = _discount(v.value("discount_rate"), lines["om_usd"].shape[1] + 1)[:, 1:]
        return np.asarray((_net(lines) * factor).sum(axis=1) - v.value("development_cost_usd"))


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
        rng = np.random.default_rng(seed)
        u = rng.random((n, len(self.names)))
        x = {**inputs_from_u(u, self.model.cfg, self.names), **arrivals(self.model.ops, rng, n)}
        return np.broadcast_to(self.model.npv_usd(x), (n,)).copy()


def arrivals(ops: OperationsResults, rng: np.random.Generator, n: int) -> dict[str, FloatArray]:
    """Landing failures drawn afresh for ``n`` draws: each landing of ``ops.landings`` fails
    with ``ops.landing_failure_probability`` and its miners and plant never arrive (their build
    and delivery still paid). Returns the surrogate's :data:`.surrogate.ARRIVALS` per draw:
    miners on the Moon [count] and the plant power that arrived over the simulated run's [-];
    empty (nothing drawn) when the run has no landings or no risk (the flights of a fleet in
    place at the start have none)."""
    table, p = ops.landings, float(ops.landing_failure_probability)
    if len(table) == 0 or p <= 0.0:
        return {}
    miners = table["miners"].to_numpy(dtype=float)
    kwe = table["reactor_kwe"].to_numpy(dtype=float)
    landed = ~table["failed"].to_numpy(dtype=bool)
    ok = rng.random((n, len(table))) >= p
    plant = float(kwe[landed].sum())
    plant_scale = ok @ kwe / plant if plant > 0.0 else np.ones(n)
    return {"miners_arrived": ok @ miners, "plant_arrived_scale": np.asarray(plant_scale)}


def npv_band(npv: FloatArray, nominal_usd: float) -> dict[str, float]:
    """5th, 50th and 95th percentiles of NPV draws [USD], the probability NPV > 0 and the
    percentile of the nominal NPV ``nominal_usd`` [USD] among the draws [%] (the share of
    draws below it, ties counted half)."""
    p05, p50, p95 = np.percentile(npv, [5.0, 50.0, 95.0])
    below = float(np.mean(npv < nominal_usd)) + 0.5 * float(np.mean(npv == nominal_usd))
    return {
        "p05": float(p05),
        "p50": float(p50),
        "p95": float(p95),
        "prob_npv_positive": float(np.mean(npv > 0.0)),
        "nominal_percentile": 100.0 * below,
    }
