"""The hourly energy balance of a run: fission output with outages and capacity loss, solar
output from the light at the base, the base load, the miners' demand (ramp-up, heat at the
mining area, hopper) and the dispatch policy's decision (:mod:`.power`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from lunarbase.operations.fleet import UpLog
from lunarbase.operations.hourly import interval_hours
from lunarbase.operations.inputs import SiteLight, hourly_light
from lunarbase.operations.miner_power import processing_electric_kw
from lunarbase.operations.power import (
    Battery,
    Dispatch,
    DispatchPolicy,
    Loads,
    fission_output_kw,
    solar_output_kw,
)
from lunarbase.operations.schedule import ramp_fraction
from lunarbase.typing import FloatArray

if TYPE_CHECKING:
    from lunarbase.scenario import Landing, Operations


@dataclass(frozen=True)
class HourlyBalance:
    """The energy balance of a run, one value per hour.

    Attributes
    ----------
    dispatch : lunarbase.operations.power.Dispatch
        What the dispatch policy decided (demand and service by load [kW], miner-hours of
        excavation and processing [miner-h], battery [kW, kWh]).
    fission_kw, solar_kw : array
        Generation by source. [kW]
    base_demand_kw : array
        Base load asked for (from the first landing on). [kW]
    miners_up : array
        Miners up. [count]
    miners_present : array
        Miners on the Moon. [count]
    power_limited_miners : array
        Miners up but idled for lack of power. [count]
    light_repeated : bool
        Whether the light series was shorter than the run and repeated.
    """

    dispatch: Dispatch
    fission_kw: FloatArray
    solar_kw: FloatArray
    base_demand_kw: FloatArray
    miners_up: FloatArray
    miners_present: FloatArray
    power_limited_miners: FloatArray
    light_repeated: bool


def hourly_balance(
    cfg: Operations,
    *,
    landings: tuple[Landing, ...],
    miners: UpLog,
    units: list[tuple[float, UpLog]],
    light: SiteLight | None,
    heater_kw_th: float,
    policy: DispatchPolicy,
    n_hours: int,
) -> HourlyBalance:
    """The hourly energy balance of the hardware in service.

    Parameters
    ----------
    cfg : lunarbase.scenario.Operations
        Power, processing and ramp-up settings.
    landings : tuple of lunarbase.scenario.Landing
        The landings in date order (arrays and batteries enter service on landing).
    miners, units : UpLog, list of (float, UpLog)
        The miners' and fission units' service (:func:`.events.hardware_in_service`).
    light : SiteLight or None
        The light at the base and the mining area; None: the Sun always fully up.
    heater_kw_th : float
        Heater power of one working miner. [kW(th)]
    policy : DispatchPolicy
        Dispatch policy of the base's bus.
    n_hours : int
        Length of the run. [h]

    Returns
    -------
    HourlyBalance
    """
    horizon_h = float(n_hours)
    base_sun, repeated = hourly_light(light, "base_sun_fraction", n_hours)
    mine_sun, _ = hourly_light(light, "mining_sun_fraction", n_hours)
    landed_h = np.array([landing.day * 24.0 for landing in landings])
    ends = np.full(landed_h.size, horizon_h)
    array_kw = interval_hours(landed_h, ends, n_hours, [x.array_kw for x in landings])
    capacity_kwh = interval_hours(landed_h, ends, n_hours, [x.battery_kwh for x in landings])
    fission_kw = _fission_kw(cfg, units, n_hours)
    solar_kw = solar_output_kw(array_kw, base_sun)
    base_demand = interval_hours(landed_h[:1], ends[:1], n_hours, [cfg.base_load_kw])
    up = interval_hours(*miners.arrays(), n_hours)
    present = interval_hours(np.array(miners.landed_h), horizon_h, n_hours)
    if cfg.heat_source == "solar_concentrator":
        heat_use = np.minimum(1.0, cfg.concentrator_kw_th * mine_sun / heater_kw_th)
    else:
        heat_use = np.ones(n_hours)
    can_dig = up * ramp_fraction(cfg.ramps, np.arange(n_hours) + 0.5)  # full-rate miner-hours
    dispatch = policy(
        fission_kw + solar_kw,
        Loads(
            base_kw=base_demand,
            processing_miner_h=can_dig * heat_use,
            excavation_miner_h=can_dig,
            processing_kw=processing_electric_kw(cfg, heater_kw_th),
            excavation_kw=cfg.miner_power_kw,
            hopper_miner_h=cfg.hopper_h * present,
        ),
        Battery(capacity_kwh, cfg.battery_round_trip_efficiency),
    )
    demand_kw = sum(dispatch.demand_kw[load] for load in ("processing", "excavation"))
    served_kw = sum(dispatch.served_kw[load] for load in ("processing", "excavation"))
    idle = up * np.divide(
        demand_kw - served_kw, demand_kw, out=np.zeros(n_hours), where=demand_kw > 0
    )
    return HourlyBalance(
        dispatch=dispatch,
        fission_kw=fission_kw,
        solar_kw=solar_kw,
        base_demand_kw=base_demand,
        miners_up=up,
        miners_present=present,
        power_limited_miners=idle,
        light_repeated=repeated,
    )


def _fission_kw(cfg: Operations, units: list[tuple[float, UpLog]], n_hours: int) -> FloatArray:
    """Hourly fission output [kW]: each unit's up hours x rating x capacity left (a unit that
    lands too late to be commissioned before the end gives nothing)."""
    total = np.zeros(n_hours)
    for rating_kwe, log in units:
        if not log.landed_h:
            continue
        up = interval_hours(*log.arrays(), n_hours)
        loss = cfg.reactor_capacity_loss_per_year
        total += fission_output_kw(up, rating_kwe, log.landed_h[0], loss)
    return total
