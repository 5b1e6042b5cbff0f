"""The landing schedule's checks and what it puts on the Moon: each landing's payload by kind
against its lander, the first return flight after a landing, the flights that land everything
in place at the start (:func:`start_loads`), and the miners' ramp-up."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from lunarbase.errors import ScenarioError
from lunarbase.operations.columns import LANDED_MASS_COLUMNS
from lunarbase.operations.logistics import LANDERS, check_payload
from lunarbase.operations.masses import (
    concentrator_mass_kg,
    fission_unit_mass_kg,
    miner_mass_kg,
)
from lunarbase.typing import ArrayLike, FloatArray

if TYPE_CHECKING:
    from lunarbase.scenario import Landing, Operations, Ramp


def payload_masses_kg(cfg: Operations, landing: Landing) -> dict[str, float]:
    """What one landing puts on the Moon, by kind (:data:`LANDED_MASS_COLUMNS`) [kg]: miners x
    :func:`~.masses.miner_mass_kg` at ``excavation_t_per_h``, their solar concentrators (with
    ``heat_source = "solar_concentrator"``: :func:`~.masses.concentrator_mass_kg` of
    ``concentrator_kw_th`` at ``concentrator_areal_mass_kg_m2``), its plant as one unit by
    :func:`~.masses.fission_unit_mass_kg`, arrays x ``array_mass_kg_per_kw``, battery x
    ``battery_mass_kg_per_kwh``, and the spares."""
    masses = (
        landing.miners * miner_unit_mass_kg(cfg),
        landing.miners * concentrator_unit_mass_kg(cfg),
        float(fission_unit_mass_kg(landing.reactor_kwe)),
        landing.array_kw * cfg.array_mass_kg_per_kw,
        landing.battery_kwh * cfg.battery_mass_kg_per_kwh,
        landing.spares_kg,
    )
    return dict(zip(LANDED_MASS_COLUMNS, masses, strict=True))


def miner_unit_mass_kg(cfg: Operations) -> float:
    """Landed mass of one of ``cfg``'s miners, by its throughput (:func:`~.masses.miner_mass_kg`)
    [kg]."""
    return float(miner_mass_kg(cfg.excavation_t_per_h))


def concentrator_unit_mass_kg(cfg: Operations) -> float:
    """Mass of one miner's solar concentrator [kg] (0 with electric heaters)."""
    if cfg.heat_source != "solar_concentrator":
        return 0.0
    return float(concentrator_mass_kg(cfg.concentrator_kw_th, cfg.concentrator_areal_mass_kg_m2))


def check_landings(cfg: Operations) -> None:
    """Every landing's payload against its lander, and a first return flight after a landing.

    Raises
    ------
    ScenarioError
        An unknown lander, a payload over capacity, or return flights starting before anything
        has landed (naming the field). Landings after the end of the run are checked but never
        happen.
    """
    for i, landing in enumerate(cfg.landings):
        payload = sum(payload_masses_kg(cfg, landing).values())
        what = (
            f"{landing.miners} miners, a {landing.reactor_kwe:g} kWe unit, arrays, batteries and "
            "spares"
        )
        check_payload(i, landing.lander, payload, what)
    first_day = min(landing.day for landing in cfg.landings)
    if first_day > cfg.launch_interval_days:
        raise ScenarioError(
            f"operations.launch_interval_days: the first return flight (day "
            f"{cfg.launch_interval_days:g}) would leave before the first landing (day "
            f"{first_day:g})"
        )


def start_loads(cfg: Operations, lander: str) -> list[dict[str, float]]:
    """Everything in place at the start (no landings: ``cfg``'s totals ``n_miners``,
    ``reactor_power_kwe``, ``array_kw`` and ``battery_kwh``) as the flights of ``lander`` that
    land it, in the order they fly: each a mapping of :class:`~lunarbase.scenario.Landing`
    fields, ``miners`` [count], ``reactor_kwe`` [kWe], ``array_kw`` [kW], ``battery_kwh`` [kWh].

    The rule, the same in every scenario:

    * the plant in the fewest equal units that each fit one lander by the surface fission law
      (:func:`~.masses.fission_unit_mass_kg`, a unit deployed from a lander deck; as
      ilrs-2035 lands its half megawatt as five units), one unit a flight;
    * the miners, each with its concentrator, as many a flight as fit, the last flight the rest;
    * arrays and batteries in the fewest equal shares that fit one lander each;
    * the kinds' flights interleaved so that each kind arrives in proportion (in order of the
      share of its kind landed once the flight lands, the plant first on a tie: miners find
      power), then neighbours merged into one flight while their payloads fit the lander with
      at most one plant unit.

    Nothing else (spares) is in place at the start. Without any hardware this is one empty
    load.

    Raises
    ------
    ScenarioError
        One miner with its concentrator heavier than the lander's payload.
    """
    capacity_kg = LANDERS[lander].payload_kg
    miner_kg = miner_unit_mass_kg(cfg) + concentrator_unit_mass_kg(cfg)
    if cfg.n_miners > 0 and miner_kg > capacity_kg:
        raise ScenarioError(
            f"operations.n_miners: one miner with its concentrator weighs {miner_kg:,.0f} kg, "
            f"over the {lander}'s {capacity_kg:,.0f} kg: give [[operations.landings]] instead"
        )
    per_flight = max(1, int(capacity_kg // miner_kg))
    miners = [min(per_flight, cfg.n_miners - i) for i in range(0, cfg.n_miners, per_flight)]
    kinds = [
        _equal_shares("reactor_kwe", cfg.reactor_power_kwe, capacity_kg, _unit_kg),
        [{"miners": float(n)} for n in miners],
        _equal_shares(
            "array_kw", cfg.array_kw, capacity_kg, lambda kw: kw * cfg.array_mass_kg_per_kw
        ),
        _equal_shares(
            "battery_kwh",
            cfg.battery_kwh,
            capacity_kg,
            lambda kwh: kwh * cfg.battery_mass_kg_per_kwh,
        ),
    ]
    order = sorted(
        ((i + 1) / len(loads), k, i) for k, loads in enumerate(kinds) for i in range(len(loads))
    )
    flights: list[dict[str, float]] = []
    for _, k, i in order:
        load = kinds[k][i]
        last = flights[-1] if flights else None
        if last is not None and _fits(cfg, {**last, **_added(last, load)}, capacity_kg, miner_kg):
            last.update(_added(last, load))
        else:
            flights.append(dict(load))
    empty = {"miners": 0.0, "reactor_kwe": 0.0, "array_kw": 0.0, "battery_kwh": 0.0}
    return [{**empty, **load} for load in flights] or [empty]


def _unit_kg(kwe: float) -> float:
    """One fission unit of ``kwe`` [kWe] [kg]."""
    return float(fission_unit_mass_kg(kwe))


def _equal_shares(
    name: str, total: float, capacity_kg: float, mass_kg: Callable[[float], float]
) -> list[dict[str, float]]:
    """``total`` of ``name`` in the fewest equal shares whose ``mass_kg`` fits ``capacity_kg``."""
    if total <= 0.0:
        return []
    n = max(1, math.ceil(mass_kg(total) / capacity_kg - 1e-12))
    while mass_kg(total / n) > capacity_kg:
        n += 1
    return [{name: total / n} for _ in range(n)]


def _added(last: dict[str, float], load: dict[str, float]) -> dict[str, float]:
    """``load`` added to the flight ``last``, field by field."""
    return {name: last.get(name, 0.0) + value for name, value in load.items()}


def _fits(cfg: Operations, load: dict[str, float], capacity_kg: float, miner_kg: float) -> bool:
    """Whether one flight can land ``load`` (its plant as one unit: two of the plant's equal
    units never fit as one, being the fewest that fit)."""
    mass_kg = (
        load.get("miners", 0.0) * miner_kg
        + _unit_kg(load.get("reactor_kwe", 0.0))
        + load.get("array_kw", 0.0) * cfg.array_mass_kg_per_kw
        + load.get("battery_kwh", 0.0) * cfg.battery_mass_kg_per_kwh
    )
    return mass_kg <= capacity_kg


def ramp_fraction(ramps: tuple[Ramp, ...], t_h: ArrayLike) -> FloatArray:
    """The miners' throughput as a fraction of their rate at times ``t_h`` [h]: linear within
    each ramp, held between and after them, 1 before the first ramp and with none. [-]"""
    t_h = np.asarray(t_h, dtype=float)
    if not ramps:
        return np.ones_like(t_h)
    days = [d for ramp in ramps for d in (ramp.start_day, ramp.end_day)]
    values = [v for ramp in ramps for v in (ramp.start_fraction, ramp.end_fraction)]
    out = np.interp(t_h / 24.0, days, values)
    return np.where(t_h / 24.0 < ramps[0].start_day, 1.0, out)
