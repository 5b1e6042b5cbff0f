"""Base power, hour by hour: fission units, solar arrays, a battery and the dispatch of loads.

Sources are pure functions of hourly arrays (kW, one value per hour from the start of
operations):

- :func:`fission_output_kw`: a unit's electric rating while it is up and commissioned, falling by
  ``capacity_loss_per_year`` per year of service (1.59 %/yr in the peer cost model cited in
  shared/reference/operations-economics.md, an Imperial College MSc thesis assumption); up and
  down times come from the fleet model's renewal process (:mod:`.fleet`).
- :func:`solar_output_kw`: the arrays' rating times the visible fraction of the Sun's disk at
  the base (the terrain stage's light series); assumption: the arrays track the Sun in azimuth
  and stand vertical, as polar arrays do, so output follows the visible disk fraction alone
  (no cosine loss, no dust, no temperature derating).

:func:`priority_dispatch` is the default dispatch policy: loads are served in the order given
(the stage passes life support, thermal control and communications first, then the miners),
first from generation, then from the battery; surplus charges the battery; what the battery
cannot take is curtailed. A policy is any callable with the same signature, so a user can
replace it (e.g. to keep a reserve for life support). The hour loop is compiled with numba:
a battery's state of charge makes each hour depend on the one before.

Energy balance (every hour, tested): generated = consumed + stored + curtailed + losses, where
stored is the change in the battery's state of charge and losses are its charge and discharge
losses (round-trip efficiency split evenly between charging and discharging, an assumption).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
from numba import njit

from lunarbase.constants import HOURS_PER_YEAR
from lunarbase.typing import FloatArray


def fission_output_kw(
    up_fraction: FloatArray,
    rating_kwe: float,
    service_start_h: float,
    capacity_loss_per_year: float,
) -> FloatArray:
    """Electric output of one fission unit per hour [kW].

    Parameters
    ----------
    up_fraction : array
        Fraction of each hour the unit is up (0 before it is commissioned). [-]
    rating_kwe : float
        Electric rating at commissioning. [kWe]
    service_start_h : float
        Hour it was commissioned; capacity falls from then on. [h]
    capacity_loss_per_year : float
        Fraction of the remaining capacity lost per year of service. [1/yr]

    Returns
    -------
    array
        ``up_fraction x rating_kwe x (1 - capacity_loss_per_year) ** years_in_service``. [kW]
    """
    hours = np.arange(up_fraction.size) + 0.5
    years = np.clip(hours - service_start_h, 0.0, None) / HOURS_PER_YEAR
    return up_fraction * rating_kwe * (1.0 - capacity_loss_per_year) ** years


def solar_output_kw(array_kw: FloatArray, sun_fraction: FloatArray) -> FloatArray:
    """Electric output of the solar arrays per hour [kW]: rating [kW] x visible fraction of the
    Sun's disk at the arrays [-] (Sun-tracking vertical arrays; see the module docstring)."""
    return np.asarray(array_kw) * np.asarray(sun_fraction)


@dataclass(frozen=True)
class Battery:
    """The base's battery, hour by hour.

    Attributes
    ----------
    capacity_kwh : array
        Usable capacity on the Moon each hour (grows as batteries land). [kWh]
    round_trip_efficiency : float
        Energy out per energy in over a full cycle, split evenly between charge and discharge. [-]
    """

    capacity_kwh: FloatArray
    round_trip_efficiency: float


@dataclass(frozen=True)
class Dispatch:
    """What a dispatch policy decided, per hour (kW, or kWh at the end of the hour).

    Attributes
    ----------
    served_kw : dict of str to array
        Power delivered to each load, in the order the loads were given. [kW]
    charge_kw : array
        Power taken from the bus into the battery. [kW]
    discharge_kw : array
        Power the battery delivered to the bus. [kW]
    state_of_charge_kwh : array
        Energy stored at the end of each hour. [kWh]
    curtailed_kw : array
        Generation neither used nor stored. [kW]
    losses_kw : array
        Battery charge and discharge losses. [kW]
    """

    served_kw: dict[str, FloatArray]
    charge_kw: FloatArray
    discharge_kw: FloatArray
    state_of_charge_kwh: FloatArray
    curtailed_kw: FloatArray
    losses_kw: FloatArray


DispatchPolicy = Callable[[FloatArray, Mapping[str, FloatArray], Battery], Dispatch]
"""A dispatch policy: (generation [kW], demands [kW] by load in priority order, battery) ->
:class:`Dispatch`."""


@njit(cache=True)
def _priority_kernel(
    generation_kw: np.ndarray,
    demand_kw: np.ndarray,
    capacity_kwh: np.ndarray,
    eta: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Hour loop of :func:`priority_dispatch` (one-hour steps, so kW and kWh agree)."""
    n_loads, n_hours = demand_kw.shape
    served = np.zeros((n_loads, n_hours))
    charge = np.zeros(n_hours)
    discharge = np.zeros(n_hours)
    soc = np.zeros(n_hours)
    curtailed = np.zeros(n_hours)
    stored = 0.0
    for h in range(n_hours):
        stored = min(stored, capacity_kwh[h])  # a battery never shrinks; kept for safety
        available = generation_kw[h]
        for k in range(n_loads):
            want = demand_kw[k, h]
            take = min(want, available)
            available -= take
            short = want - take
            if short > 0.0 and stored > 0.0:
                out = min(short, stored * eta)
                stored -= out / eta
                discharge[h] += out
                take += out
            served[k, h] = take
        if available > 0.0:
            room = capacity_kwh[h] - stored
            into = min(available, room / eta) if room > 0.0 else 0.0
            stored += into * eta
            charge[h] = into
            available -= into
        curtailed[h] = available
        soc[h] = stored
    return served, charge, discharge, soc, curtailed


def priority_dispatch(
    generation_kw: FloatArray, demands_kw: Mapping[str, FloatArray], battery: Battery
) -> Dispatch:
    """Serve loads strictly in the order given, from generation first and the battery second;
    charge the battery with the surplus and curtail the rest (the default policy).

    Parameters
    ----------
    generation_kw : array
        Power generated each hour (fission + solar). [kW]
    demands_kw : mapping of str to array
        Power each load asks for each hour, highest priority first. [kW]
    battery : Battery
        Capacity per hour [kWh] and round-trip efficiency [-]; the battery starts empty.

    Returns
    -------
    Dispatch
    """
    names = list(demands_kw)
    generation = np.ascontiguousarray(generation_kw, dtype=float)
    demand = np.zeros((len(names), generation.size))
    for k, name in enumerate(names):
        demand[k] = demands_kw[name]
    eta = float(np.sqrt(battery.round_trip_efficiency))
    capacity = np.ascontiguousarray(battery.capacity_kwh, dtype=float)
    served, charge, discharge, soc, curtailed = _priority_kernel(generation, demand, capacity, eta)
    losses = charge * (1.0 - eta) + discharge * (1.0 / eta - 1.0)
    return Dispatch(
        served_kw={name: served[k] for k, name in enumerate(names)},
        charge_kw=charge,
        discharge_kw=discharge,
        state_of_charge_kwh=soc,
        curtailed_kw=curtailed,
        losses_kw=losses,
    )
