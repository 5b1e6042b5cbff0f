"""The landing schedule's checks and what it puts on the Moon: each landing's payload by kind
against its lander, the first return flight after a landing, and the miners' ramp-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from lunarbase.errors import ScenarioError
from lunarbase.operations.columns import LANDED_MASS_COLUMNS
from lunarbase.operations.logistics import check_payload
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
