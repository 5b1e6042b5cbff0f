"""Operations stage: the mining base simulated hour by hour.

:func:`simulate` runs the base for ``cfg.years`` years of 365.25 days in three steps:

1. **Hardware in service** (SimPy 4, time in hours; :mod:`~lunarbase.operations.fleet`): the
   landings due within the run (everything in place at the start as the flights that land it,
   :func:`~.schedule.start_loads`), flown within their launchers' flights a year, in date
   order, each fail with ``landing_failure_probability``
   (the flown record, :mod:`~lunarbase.operations.landing_risk`; drawn on a stream of its own)
   and lose their payload, or put miners, fission units (after commissioning), arrays,
   batteries and spares on the Moon, weighed by :mod:`~lunarbase.operations.masses`; each
   miner and fission unit then fails and is repaired (repair units a SimPy Resource, spares a
   Container).
2. **The hourly energy balance** (vectorised; the battery loop numba-compiled;
   :mod:`~lunarbase.operations.power`): fission output with outages and capacity loss, solar
   output from the light series at the base (sites stage), a battery, and a dispatch policy
   (default :func:`~lunarbase.operations.power.priority_dispatch`: life support, thermal
   control and communications first, processing next, excavation last). Each up miner can dig
   at its rate times the ramp-up, drawing ``miner_power_kw``, and process (heat and separate
   the gases) at the same rate times the heat it can use (with solar concentrators, the
   visible Sun at the mining area), drawing ``processing_power_kw`` (plus its heater's power
   when ``heat_source = "electric"``). A fines hopper of ``hopper_h`` hours per miner sits
   between the two lines, so a power shortfall stops digging before it stops heating, and
   digging can run ahead while processing waits for the Sun.
3. **Production and shipping**: the dug regolith is sieved, the processed fines heated
   (:mod:`~lunarbase.operations.processing`), the rare-earth line beneficiates the same regolith
   (:mod:`~lunarbase.operations.rare_earths`), by-products scale with the He-3 released
   (Wisconsin ratios, :mod:`lunarbase.resources.volatiles`); return flights (SimPy,
   :mod:`~lunarbase.operations.logistics`) carry the stored He-3 to Earth.

What the miners dig comes from the resources stage (:class:`MiningFeed`, :func:`feed_from`) and
the light at the base and the mining area (:class:`SiteLight`, :func:`light_from`). A light series
shorter than the run is repeated and the results say so (``light_repeated``): polar light
varies over the ~18.6-year lunar precession cycle, so a repeated single year is not that.
:func:`expected_he3_kg_per_year` is the steady state of the same model, used to check it.

The steps live in their own modules: :mod:`.events` (1 and the return flights), :mod:`.balance`
(2), :mod:`.ledger` (the annual and daily tables); the inputs in :mod:`.inputs`, the per-miner
draws in :mod:`.miner_power`, the landing checks and ramp-up in :mod:`.schedule`, the results in
:mod:`.results` with their columns in :mod:`.columns`.

References
----------
.. [1] Olson, A. D. S. (2021) Lunar Helium-3: Mining Concepts, Extraction Research, and
   Potential ISRU Synergies. AIAA ASCEND 2021; NTRS 20210022801.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pandas as pd
from scipy import special

from lunarbase.constants import HOURS_PER_YEAR
from lunarbase.operations import processing
from lunarbase.operations.balance import HourlyBalance, hourly_balance
from lunarbase.operations.columns import (
    BYPRODUCT_COLUMNS,
    DAY_H,
    LANDED_MASS_COLUMNS,
    LANDINGS_COLUMNS,
    SPECIES,
)
from lunarbase.operations.events import flight_hours, hardware_in_service, ship
from lunarbase.operations.fleet import UpLog
from lunarbase.operations.hourly import event_hours
from lunarbase.operations.inputs import MiningFeed, SiteLight
from lunarbase.operations.landing_risk import draw_failures
from lunarbase.operations.ledger import binned_table
from lunarbase.operations.logistics import flight_rates, fly_landings
from lunarbase.operations.miner_power import (
    check_power,
    miner_electric_kw,
    miner_heater_power_kw_th,
)
from lunarbase.operations.power import DispatchPolicy, priority_dispatch
from lunarbase.operations.rare_earths import reo_mass_fractions
from lunarbase.operations.results import OperationsResults
from lunarbase.operations.schedule import (
    check_landings,
    concentrator_unit_mass_kg,
    miner_unit_mass_kg,
    payload_masses_kg,
    start_loads,
)
from lunarbase.scenario import Landing, Operations
from lunarbase.seeds import SeedLike, fresh_sequence, seed_entropy
from lunarbase.typing import ArrayLike, BoolArray, FloatArray


def simulate(
    cfg: Operations,
    *,
    feed: MiningFeed,
    seed: SeedLike,
    light: SiteLight | None = None,
    policy: DispatchPolicy = priority_dispatch,
) -> OperationsResults:
    """Simulate the mining base for ``cfg.years`` years, hour by hour.

    Parameters
    ----------
    cfg : lunarbase.scenario.Operations
        Fleet, processing, power and logistics settings.
    feed : MiningFeed
        What the miners dig (:func:`feed_from` the resources stage's results).
    seed : int or numpy.random.SeedSequence
        Seed; each miner and fission unit draws from its own spawned stream, the return
        flights from one more.
    light : SiteLight, optional
        The base's and the mining area's light (:func:`light_from` the sites stage's
        results). None: the Sun is taken as always fully up (``light_horizon = "none"``).
    policy : callable, default :func:`~lunarbase.operations.power.priority_dispatch`
        Dispatch policy (generation [kW], demands [kW] by load in priority order, battery)
        -> :class:`~lunarbase.operations.power.Dispatch`.

    Returns
    -------
    OperationsResults

    Raises
    ------
    ScenarioError
        No power source, a load no source can ever meet, solar concentrators with no heat, a
        payload over its lander's capacity, a return flight before any landing (each naming
        the field).
    """
    heater_kw_th = miner_heater_power_kw_th(cfg, feed.fines_mass_fraction)  # fails fast
    check_power(cfg, miner_electric_kw(cfg, heater_kw_th))
    n_hours = round(cfg.years * HOURS_PER_YEAR)
    rates = flight_rates(cfg.max_flights_per_year)
    flown, failed, planned_day = _schedule(cfg, n_hours, seed, rates)
    landings = tuple(landing for landing, lost in zip(flown, failed, strict=True) if not lost)
    n_units = sum(1 for landing in landings if landing.reactor_kwe > 0.0)
    n_miners = sum(landing.miners for landing in landings)
    # one stream per miner, one per fission unit, then one for the flights
    streams = iter(np.random.default_rng(fresh_sequence(seed)).spawn(n_miners + n_units + 1))
    # 1. hardware in service (discrete events)
    miners, units = hardware_in_service(cfg, landings, streams, float(n_hours))
    # 2. the hourly energy balance
    balance = hourly_balance(
        cfg,
        landings=landings,
        miners=miners,
        units=units,
        light=light,
        heater_kw_th=heater_kw_th,
        policy=policy,
        n_hours=n_hours,
    )
    # 3. production and shipping
    hourly, flows = _production(cfg, feed, landings, miners, balance, heater_kw_th, streams)
    flows.update(_lost_hours(cfg, flown, failed, n_hours))
    table = landings_table(cfg, flown, failed, planned_day)
    return _results(cfg, feed, table, balance, hourly, flows, light, heater_kw_th, seed, rates)


LANDING_STREAM = 1_000_000
"""Spawn index of the landing draws' stream: past every miner, unit and flight stream (at most
a few tens of thousands), and the same whatever the fleet, so two fleets of one scenario and
seed draw the same fate for the landings they share."""


def _landing_failures(cfg: Operations, planned: tuple[Landing, ...], seed: SeedLike) -> BoolArray:
    """Which planned landings fail (:func:`~.landing_risk.draw_failures`, one draw per landing
    in planned date order, on the :data:`LANDING_STREAM` child of ``seed``: a slip does not
    change a landing's fate). Only a schedule's landings are drawn: everything in place at the
    start (no landings given) never fails."""
    root = fresh_sequence(seed)
    stream = np.random.SeedSequence(root.entropy, spawn_key=(*root.spawn_key, LANDING_STREAM))
    rng = np.random.default_rng(stream)
    return draw_failures(len(planned), cfg.landing_failure_probability, rng)


def _lost_hours(
    cfg: Operations, planned: tuple[Landing, ...], failed: BoolArray, n_hours: int
) -> dict[str, FloatArray]:
    """The failed landings [count] and the payload they lost [kg], by the hour they were due."""
    lost = [landing for landing, fails in zip(planned, failed, strict=True) if fails]
    due_h = np.array([landing.day * 24.0 for landing in lost])
    lost_kg = [sum(payload_masses_kg(cfg, landing).values()) for landing in lost]
    return {
        "landings_failed": event_hours(due_h, n_hours),
        "payload_lost_kg": event_hours(due_h, n_hours, lost_kg),
    }


def landings_table(
    cfg: Operations,
    flown: tuple[Landing, ...],
    failed: BoolArray,
    planned_day: list[float],
) -> pd.DataFrame:
    """One row per landing flown within the run, in the date order it flew, columns
    :data:`~.columns.LANDINGS_COLUMNS`: ``day`` (flown) [d], ``lander``, ``miners`` [count],
    ``reactor_kwe`` [kWe], ``array_kw`` [kW], ``battery_kwh`` [kWh], ``spares_kg``,
    ``payload_kg`` (the whole payload, :func:`~.schedule.payload_masses_kg`) [kg],
    ``reactor_mass_kg`` (its plant unit's part of it) [kg], ``failed`` (lost with its payload)
    [bool] and ``planned_day`` (the schedule's day; earlier than ``day`` when its launcher's
    flight rate made it slip) [d]. Everything in place at the start is the flights that land
    it (:func:`_start_landings`), planned for day 0."""
    rows = []
    for landing, fails, planned in zip(flown, failed, planned_day, strict=True):
        masses = payload_masses_kg(cfg, landing)
        rows.append(
            {
                **{name: getattr(landing, name) for name in LANDINGS_COLUMNS[:7]},
                "payload_kg": sum(masses.values()),
                "reactor_mass_kg": masses["reactor_mass_landed_kg"],
                "failed": bool(fails),
                "planned_day": float(planned),
            }
        )
    return pd.DataFrame(rows, columns=list(LANDINGS_COLUMNS))


def _schedule(
    cfg: Operations, n_hours: int, seed: SeedLike, rates: dict[str, int]
) -> tuple[tuple[Landing, ...], BoolArray, list[float]]:
    """The landings flown within the run (``n_hours`` [h]), all of the schedule checked.

    Each planned landing draws its fate (:func:`_landing_failures`, in planned date order)
    and flies on the day its launcher has a flight for it (:func:`~.logistics.fly_landings`
    at ``rates``, flights a year by lander [1/yr]); those flying after the end never happen.
    Without a schedule, everything in place at the start is the flights that land it
    (:func:`_start_landings`), held to the same rates.

    Returns
    -------
    flown : tuple of Landing
        The landings flown within the run (``day`` the day flown), in the date order they flew.
    failed : numpy.ndarray of bool
        Which of them failed.
    planned_day : list of float
        The day each was planned. [d]
    """
    if cfg.landings:
        check_landings(cfg)
        ordered = tuple(sorted(cfg.landings, key=lambda landing: landing.day))
        fates = _landing_failures(cfg, ordered, seed)
    else:
        ordered = _start_landings(cfg)
        fates = np.zeros(len(ordered), dtype=bool)
    days = fly_landings([x.day for x in ordered], [x.lander for x in ordered], rates)
    order = [i for i in np.argsort(days, kind="stable") if days[i] * 24.0 < n_hours]
    flown = tuple(ordered[i].model_copy(update={"day": float(days[i])}) for i in order)
    return flown, fates[order], [ordered[i].day for i in order]


def _start_landings(cfg: Operations) -> tuple[Landing, ...]:
    """Everything in place at the start (no landings given) as the flights of the schema's
    default lander that land it (:func:`~.schedule.start_loads`), all planned for day 0. They
    carry no landing risk (the shortcut's promise, ``landing_failure_probability``)."""
    lander = Landing().lander
    loads = start_loads(cfg, lander)
    return tuple(
        Landing(
            day=0.0,
            lander=lander,
            miners=round(load["miners"]),
            reactor_kwe=load["reactor_kwe"],
            array_kw=load["array_kw"],
            battery_kwh=load["battery_kwh"],
            source=f"in place at the start (no landings given): flight {i} of {len(loads)}",
        )
        for i, load in enumerate(loads, 1)
    )


def _results(
    cfg: Operations,
    feed: MiningFeed,
    landings: pd.DataFrame,
    balance: HourlyBalance,
    hourly: pd.DataFrame,
    flows: dict[str, FloatArray],
    light: SiteLight | None,
    heater_kw_th: float,
    seed: SeedLike,
    rates: dict[str, int],
) -> OperationsResults:
    """Step 4: the annual and daily tables (:mod:`.ledger`) and the run's results; the fleet,
    plant and masses are what landed (``landings``, the :func:`landings_table`), flown within
    ``rates`` (flights a year by lander [1/yr]); the flights of everything in place at the
    start had no landing risk."""
    annual = binned_table(hourly, flows, int(HOURS_PER_YEAR), feed, cfg, "year", 1)
    daily = binned_table(hourly, flows, DAY_H, feed, cfg, "day", 0)
    present_h, up_h = balance.miners_present.sum(), balance.miners_up.sum()
    dispatch = balance.dispatch
    return OperationsResults(
        annual=annual,
        daily=daily,
        hourly=hourly,
        he3_stock_end_kg=float(annual["he3_stock_kg"].iloc[-1]),
        feed=feed,
        light_horizon="none" if light is None else light.horizon,
        light_repeated=balance.light_repeated,
        miner_availability=float(up_h / present_h) if present_h > 0.0 else float("nan"),
        heater_power_kw_th=heater_kw_th,
        heat_source=cfg.heat_source,
        byproducts_kg={
            species: float(annual[column].sum())
            for species, column in zip(SPECIES, BYPRODUCT_COLUMNS, strict=True)
        },
        landings=landings,
        landing_failure_probability=float(cfg.landing_failure_probability if cfg.landings else 0.0),
        max_flights_per_year=dict(rates),
        miner_mass_kg=miner_unit_mass_kg(cfg),
        concentrator_mass_kg_per_miner=concentrator_unit_mass_kg(cfg),
        miner_power_kw=miner_electric_kw(cfg, heater_kw_th),
        miner_mtbf_h=float(cfg.miner_mtbf_h),
        miner_mttr_h=float(cfg.miner_mttr_h),
        power_for_miners_kw=float(
            np.mean(balance.fission_kw + balance.solar_kw - balance.base_demand_kw)
        ),
        heat_use_fraction=float(dispatch.processed_miner_h.sum() / up_h) if up_h > 0 else 0.0,
        reo_mass_fractions=reo_mass_fractions(feed.th_ppm),
        seed=seed_entropy(seed),
    )


def _production(
    cfg: Operations,
    feed: MiningFeed,
    landings: tuple[Landing, ...],
    miners: UpLog,
    balance: HourlyBalance,
    heater_kw_th: float,
    streams: Iterator[np.random.Generator],
) -> tuple[pd.DataFrame, dict[str, FloatArray]]:
    """Step 3: what the served miner-hours dig, heat and extract, the return flights (on the
    last of ``streams``), and what landed, hour by hour.

    Returns
    -------
    hourly : pandas.DataFrame
        The power series, columns :data:`~.columns.HOURLY_COLUMNS`.
    flows : dict of str to array
        The hourly flows the ledger sums into the annual and daily tables.
    """
    n_hours = len(balance.fission_kw)
    dispatch = balance.dispatch
    excavated_t = dispatch.excavated_miner_h * cfg.excavation_t_per_h
    fines_t = np.asarray(
        processing.fines_processed_t(
            dispatch.processed_miner_h * cfg.excavation_t_per_h, feed.fines_mass_fraction
        )
    )
    hopper_t = np.asarray(
        processing.fines_processed_t(
            dispatch.hopper_miner_h * cfg.excavation_t_per_h, feed.fines_mass_fraction
        )
    )
    he3_kg = np.asarray(
        processing.he3_extracted_kg(fines_t, feed.he3_fines_ppb, cfg.he3_release_fraction)
    )
    flights = ship(cfg, he3_kg, float(n_hours), next(streams))
    hourly = pd.DataFrame(
        {
            "fission_kw": balance.fission_kw,
            "solar_kw": balance.solar_kw,
            **{f"{load}_demand_kw": kw for load, kw in dispatch.demand_kw.items()},
            **{f"{load}_served_kw": kw for load, kw in dispatch.served_kw.items()},
            "battery_charge_kw": dispatch.charge_kw,
            "battery_discharge_kw": dispatch.discharge_kw,
            "state_of_charge_kwh": dispatch.state_of_charge_kwh,
            "curtailed_kw": dispatch.curtailed_kw,
            "battery_losses_kw": dispatch.losses_kw,
            "hopper_fines_t": hopper_t,
            "miners_up": balance.miners_up,
        },
        index=pd.RangeIndex(n_hours, name="hour"),
    )
    landed_h = np.array([landing.day * 24.0 for landing in landings])
    payloads = [payload_masses_kg(cfg, landing) for landing in landings]
    flows: dict[str, FloatArray] = {
        "regolith_excavated_t": excavated_t,
        "fines_processed_t": fines_t,
        "he3_extracted_kg": he3_kg,
        "thermal_energy_mwh": dispatch.processed_miner_h * heater_kw_th / 1e3,
        "reactor_thermal_energy_mwh": balance.fission_kw / cfg.reactor_thermal_efficiency / 1e3,
        "power_limited_miners": balance.power_limited_miners,
        "present": balance.miners_present,
        **{
            column: event_hours(landed_h, n_hours, [masses[column] for masses in payloads])
            for column in LANDED_MASS_COLUMNS
        },
        **{
            f"{name}_landed": event_hours(landed_h, n_hours, [getattr(x, name) for x in landings])
            for name in ("miners", "reactor_kwe", "array_kw", "battery_kwh")
        },
        "spares_taken_kg": cfg.spares_kg_per_repair * event_hours(miners.spares_taken_h, n_hours),
        **flight_hours(flights, n_hours),
    }
    return hourly, flows


def steady_state_availability(mtbf_h: float, mttr_h: float) -> float:
    """Long-run fraction of time a miner is up, MTBF / (MTBF + MTTR). [-]"""
    return mtbf_h / (mtbf_h + mttr_h)


def expected_working_miners(
    n_miners: int, powered_miners: ArrayLike, availability: ArrayLike
) -> FloatArray:
    """Mean number of miners working: E[min(B, powered_miners)] with B ~ Binomial(n_miners,
    availability), for power enough for ``powered_miners`` (a real number) at once.

    Spare miners stand in for broken ones while there are more miners than power; with
    ``powered_miners >= n_miners`` this is simply ``availability * n_miners``. Broadcasts over
    arrays of ``powered_miners`` and ``availability`` (the economics stage's surrogate calls it
    once for all its draws).
    """
    powered = np.clip(np.asarray(powered_miners, dtype=float), 0.0, None)
    avail = np.asarray(availability, dtype=float)
    if n_miners <= 0:
        return np.zeros(np.broadcast(powered, avail).shape)
    k = np.arange(n_miners + 1).reshape((-1,) + (1,) * np.broadcast(powered, avail).ndim)
    # the binomial pmf written out: ~3x faster than scipy.stats.binom.pmf over 65,536 draws
    pmf = special.comb(n_miners, k) * avail**k * (1.0 - avail) ** (n_miners - k)
    return np.asarray((np.minimum(k, powered) * pmf).sum(axis=0))


def expected_he3_kg_per_year(
    cfg: Operations, *, feed: MiningFeed, heat_use_fraction: float = 1.0
) -> float:
    """Steady-state He-3 extracted per year by the model of :func:`simulate`, for a plant that
    is always up at its rating (no outages, no capacity loss), no arrays or battery, and no
    ramp-up.

    ``expected_working_miners x hours per year x heat_use_fraction x excavation rate x
    feed.fines_mass_fraction x feed.he3_fines_ppb x he3_release_fraction``, where the power
    left after the base load runs ``(reactor_power_kwe - base_load_kw) / miner draw`` miners at
    once.

    Parameters
    ----------
    cfg : lunarbase.scenario.Operations
        Fleet, processing and power settings.
    feed : MiningFeed
        What the miners dig (fines fraction and grade are used).
    heat_use_fraction : float, default 1.0
        Mean fraction of their rate the miners can heat for (1 with electric heaters). [-]

    Returns
    -------
    float
        He-3 extracted per year. [kg/yr]
    """
    if not 0.0 <= heat_use_fraction <= 1.0:
        raise ValueError(f"heat_use_fraction must be in [0, 1] (got {heat_use_fraction!r})")
    miner_kw = miner_electric_kw(cfg, miner_heater_power_kw_th(cfg, feed.fines_mass_fraction))
    availability = steady_state_availability(cfg.miner_mtbf_h, cfg.miner_mttr_h)
    if heat_use_fraction == 0.0:
        return 0.0
    # each up miner asks for heat_use_fraction of its full draw, so the plant carries more
    powered = max(cfg.reactor_power_kwe - cfg.base_load_kw, 0.0) / (miner_kw * heat_use_fraction)
    working = float(expected_working_miners(cfg.n_miners, powered, availability))
    excavated_t = working * HOURS_PER_YEAR * heat_use_fraction * cfg.excavation_t_per_h
    fines_t = processing.fines_processed_t(excavated_t, feed.fines_mass_fraction)
    he3_kg = processing.he3_extracted_kg(fines_t, feed.he3_fines_ppb, cfg.he3_release_fraction)
    return float(he3_kg)
