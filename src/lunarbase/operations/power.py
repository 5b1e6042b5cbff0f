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

:func:`priority_dispatch` is the default dispatch policy. The loads (:class:`Loads`) are
served in the order the issue asks for: the base (life support, thermal control and
communications) first, processing next, excavation last; each first from generation, then
from the battery; surplus charges the battery; what the battery cannot take is curtailed.
Processing and excavation are coupled through a fines hopper (processing can only heat fines
that were dug), so "processing before excavation" means that when power is short the miners
keep heating the stockpile rather than digging more (the hopper is a modelling assumption; its
size is a scenario field). A policy is any callable with the same signature, so a user can
replace it (e.g. to keep a reserve for life support). The hour loop is compiled with numba:
the battery's charge and the hopper's stock make each hour depend on the one before.

Energy balance (every hour, tested): generated = consumed + stored + curtailed + losses, where
stored is the change in the battery's state of charge and losses are its charge and discharge
losses (round-trip efficiency split evenly between charging and discharging, an assumption).
"""

from __future__ import annotations

from collections.abc import Callable
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
class Loads:
    """What the base asks of its bus each hour, highest priority first: the base (life support,
    thermal control, communications), then processing, then excavation.

    Miner work is counted in full-rate miner-hours (one miner working one hour at its rated
    excavation or processing rate). Between the two lines sits a fines hopper: excavation fills
    it, processing empties it, so processing can go on from the stockpile while power is short
    for digging, and digging can fill it while processing waits (for sunlight, with solar
    concentrators). With a hopper of zero capacity the two run in step.

    Attributes
    ----------
    base_kw : array
        Power the base asks for each hour. [kW]
    processing_miner_h : array
        Most full-rate processing miner-hours possible each hour (miners up x heat available x
        ramp-up). [miner-h]
    excavation_miner_h : array
        Most full-rate excavation miner-hours possible each hour (miners up x ramp-up). [miner-h]
    processing_kw : float
        Electric draw of one miner processing at its full rate. [kW]
    excavation_kw : float
        Electric draw of one miner excavating at its full rate (> 0). [kW]
    hopper_miner_h : array
        Hopper capacity each hour, in full-rate miner-hours of fines. [miner-h]
    """

    base_kw: FloatArray
    processing_miner_h: FloatArray
    excavation_miner_h: FloatArray
    processing_kw: float
    excavation_kw: float
    hopper_miner_h: FloatArray


LOADS = ("base", "processing", "excavation")
"""The loads of :class:`Loads`, in priority order (the keys of :class:`Dispatch`'s dicts)."""


@dataclass(frozen=True)
class Dispatch:
    """What a dispatch policy decided, per hour (kW, or kWh and miner-hours at the end of the
    hour).

    Attributes
    ----------
    demand_kw : dict of str to array
        Power each of the :data:`LOADS` asked for; the miners' demand is what they would draw
        with unlimited power, given the hopper's stock. [kW]
    served_kw : dict of str to array
        Power delivered to each of the :data:`LOADS`. [kW]
    processed_miner_h, excavated_miner_h : array
        Full-rate miner-hours of processing and of excavation done. [miner-h]
    hopper_miner_h : array
        Fines in the hopper at the end of each hour, in full-rate miner-hours. [miner-h]
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

    demand_kw: dict[str, FloatArray]
    served_kw: dict[str, FloatArray]
    processed_miner_h: FloatArray
    excavated_miner_h: FloatArray
    hopper_miner_h: FloatArray
    charge_kw: FloatArray
    discharge_kw: FloatArray
    state_of_charge_kwh: FloatArray
    curtailed_kw: FloatArray
    losses_kw: FloatArray


DispatchPolicy = Callable[[FloatArray, Loads, Battery], Dispatch]
"""A dispatch policy: (generation [kW], the base's :class:`Loads`, battery) -> :class:`Dispatch`."""


@njit(cache=True)
def _mining_split(
    available_kw: float,
    stock: float,
    room: float,
    most_p: float,
    most_e: float,
    kp: float,
    ke: float,
) -> tuple[float, float]:
    """Processing then excavation miner-hours for one hour, processing first.

    Processing p is the most that power and fines allow when excavation digs only what p
    needs beyond the stock: p <= most_p, p <= stock + most_e and p*kp + max(p - stock, 0)*ke
    <= available, i.e. p <= min(available/kp, (available + stock*ke)/(kp + ke)). Excavation
    then takes what power and hopper room are left: e <= most_e, e*ke <= available - p*kp,
    e <= room + p (room = capacity - stock). Both are feasible by construction.
    """
    p = min(most_p, stock + most_e, (available_kw + stock * ke) / (kp + ke))
    if kp > 0.0:
        p = min(p, available_kw / kp)
    p = max(p, 0.0)
    e = min(most_e, (available_kw - p * kp) / ke, room + p)
    return p, max(e, p - stock, 0.0)


@njit(cache=True)
def _priority_kernel(
    generation_kw: np.ndarray,
    base_kw: np.ndarray,
    most_p: np.ndarray,
    most_e: np.ndarray,
    hopper: np.ndarray,
    kp: float,
    ke: float,
    capacity_kwh: np.ndarray,
    eta: float,
) -> np.ndarray:
    """Hour loop of :func:`priority_dispatch` (one-hour steps, so kW and kWh agree)."""
    n_hours = generation_kw.size
    out = np.zeros((12, n_hours))
    # rows: base served, processing demand, processing served, excavation demand, excavation
    # served, processed, excavated, hopper stock, charge, discharge, state of charge, curtailed
    stored = 0.0
    stock = 0.0
    for h in range(n_hours):
        stored = min(stored, capacity_kwh[h])  # a battery never shrinks; kept for safety
        gen = generation_kw[h]
        # the base, from generation then the battery
        take = min(base_kw[h], gen)
        gen -= take
        short = base_kw[h] - take
        if short > 0.0 and stored > 0.0:
            dis = min(short, stored * eta)
            stored -= dis / eta
            out[9, h] += dis
            take += dis
        out[0, h] = take
        # the miners: demand with unlimited power, then what the bus can give
        room = max(hopper[h] - stock, 0.0)
        want_p, want_e = _mining_split(np.inf, stock, room, most_p[h], most_e[h], kp, ke)
        p, e = _mining_split(gen + stored * eta, stock, room, most_p[h], most_e[h], kp, ke)
        use = p * kp + e * ke
        from_gen = min(use, gen)
        gen -= from_gen
        if use > from_gen:
            dis = use - from_gen
            stored = max(stored - dis / eta, 0.0)
            out[9, h] += dis
        stock = max(stock + e - p, 0.0)
        out[1, h] = want_p * kp
        out[2, h] = p * kp
        out[3, h] = want_e * ke
        out[4, h] = e * ke
        out[5, h] = p
        out[6, h] = e
        out[7, h] = stock
        # surplus into the battery, the rest curtailed
        if gen > 0.0:
            space = capacity_kwh[h] - stored
            into = min(gen, space / eta) if space > 0.0 else 0.0
            stored += into * eta
            out[8, h] = into
            gen -= into
        out[11, h] = gen
        out[10, h] = stored
    return out


def priority_dispatch(generation_kw: FloatArray, loads: Loads, battery: Battery) -> Dispatch:
    """Serve the base first, processing next and excavation last, from generation first and
    the battery second; charge the battery with the surplus and curtail the rest (the default
    policy).

    Parameters
    ----------
    generation_kw : array
        Power generated each hour (fission + solar). [kW]
    loads : Loads
        The base's load and the miners' work limits, draws and hopper.
    battery : Battery
        Capacity per hour [kWh] and round-trip efficiency [-]; the battery starts empty, as
        does the hopper.

    Returns
    -------
    Dispatch
    """
    if not loads.excavation_kw > 0.0:
        raise ValueError(f"excavation_kw must be > 0 (got {loads.excavation_kw!r})")
    generation = np.ascontiguousarray(generation_kw, dtype=float)

    def hourly(values: FloatArray) -> np.ndarray:
        return np.ascontiguousarray(np.broadcast_to(values, generation.shape), dtype=float)

    eta = float(np.sqrt(battery.round_trip_efficiency))
    out = _priority_kernel(
        generation,
        hourly(loads.base_kw),
        hourly(loads.processing_miner_h),
        hourly(loads.excavation_miner_h),
        hourly(loads.hopper_miner_h),
        float(loads.processing_kw),
        float(loads.excavation_kw),
        hourly(battery.capacity_kwh),
        eta,
    )
    charge, discharge = out[8], out[9]
    return Dispatch(
        demand_kw=dict(zip(LOADS, (hourly(loads.base_kw), out[1], out[3]), strict=True)),
        served_kw=dict(zip(LOADS, (out[0], out[2], out[4]), strict=True)),
        processed_miner_h=out[5],
        excavated_miner_h=out[6],
        hopper_miner_h=out[7],
        charge_kw=charge,
        discharge_kw=discharge,
        state_of_charge_kwh=out[10],
        curtailed_kw=out[11],
        losses_kw=charge * (1.0 - eta) + discharge * (1.0 / eta - 1.0),
    )
