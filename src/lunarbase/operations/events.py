"""The discrete events of a run (SimPy 4, time in hours): the landings putting hardware in
service, each miner's and fission unit's failures and repairs (:mod:`.fleet`), and the return
flights carrying the He-3 to Earth (:mod:`.logistics`)."""

from __future__ import annotations

from collections.abc import Generator, Iterator
from typing import TYPE_CHECKING, Any

import numpy as np
import simpy

from lunarbase.operations.fleet import UpLog, mean_up_h, unit_life
from lunarbase.operations.hourly import event_hours
from lunarbase.operations.logistics import FlightLog, return_flights
from lunarbase.typing import FloatArray

if TYPE_CHECKING:
    from lunarbase.scenario import Landing, Operations


def hardware_in_service(
    cfg: Operations,
    landings: tuple[Landing, ...],
    streams: Iterator[np.random.Generator],
    horizon_h: float,
) -> tuple[UpLog, list[tuple[float, UpLog]]]:
    """Run the landings and the hardware's lives to ``horizon_h`` [h].

    Parameters
    ----------
    cfg : lunarbase.scenario.Operations
        Reliability, repair and spares settings.
    landings : tuple of lunarbase.scenario.Landing
        The landings in date order.
    streams : iterator of numpy.random.Generator
        One stream per miner and per fission unit, taken in landing order.
    horizon_h : float
        End of the run. [h]

    Returns
    -------
    miners : UpLog
        The miners' up intervals, landing hours and spares taken.
    units : list of (float, UpLog)
        Each fission unit's rating [kWe] and up intervals.
    """
    env = simpy.Environment()
    miners = UpLog()
    units: list[tuple[float, UpLog]] = []
    repair = None if cfg.repair_units is None else simpy.Resource(env, capacity=cfg.repair_units)
    spares = simpy.Container(env, init=0.0) if cfg.spares_kg_per_repair > 0.0 else None
    env.process(_arrivals(env, cfg, landings, miners, units, streams, repair, spares, horizon_h))
    env.run(until=horizon_h)
    return miners, units


def _arrivals(
    env: simpy.Environment,
    cfg: Operations,
    landings: tuple[Landing, ...],
    miners: UpLog,
    units: list[tuple[float, UpLog]],
    streams: Any,
    repair: simpy.Resource | None,
    spares: simpy.Container | None,
    horizon_h: float,
) -> Generator[simpy.Event, Any, None]:
    """SimPy process of the landings in date order: each fills the spares store, starts its
    miners' lives and, after commissioning, its fission unit's (units enter service on
    landing)."""
    reactor_up_h = mean_up_h(cfg.reactor_availability, cfg.reactor_mttr_h)
    for landing in landings:
        yield env.timeout(max(landing.day * 24.0 - env.now, 0.0))
        if spares is not None and landing.spares_kg > 0.0:
            yield spares.put(landing.spares_kg)
        for _ in range(landing.miners):
            env.process(
                unit_life(
                    env,
                    miners,
                    horizon_h=horizon_h,
                    mtbf_h=cfg.miner_mtbf_h,
                    mttr_h=cfg.miner_mttr_h,
                    rng=next(streams),
                    repair=repair,
                    spares=spares,
                    spares_kg_per_repair=cfg.spares_kg_per_repair,
                )
            )
        if landing.reactor_kwe > 0.0:
            unit = UpLog()
            units.append((landing.reactor_kwe, unit))
            env.process(_commissioned(env, unit, cfg, horizon_h, reactor_up_h, next(streams)))


def _commissioned(
    env: simpy.Environment,
    unit: UpLog,
    cfg: Operations,
    horizon_h: float,
    mtbf_h: float,
    rng: np.random.Generator,
) -> Generator[simpy.Event, Any, None]:
    """A fission unit: commissioning, then up and down until ``horizon_h`` (outages repaired
    in place, not by the miners' repair units); its service starts when it is first up."""
    if cfg.landings:  # without a schedule the plant is in place and commissioned at the start
        yield env.timeout(cfg.reactor_commissioning_days * 24.0)
    yield from unit_life(
        env,
        unit,
        horizon_h=horizon_h,
        mtbf_h=mtbf_h,
        mttr_h=cfg.reactor_mttr_h,
        rng=rng,
    )


def ship(
    cfg: Operations, he3_kg: FloatArray, horizon_h: float, rng: np.random.Generator
) -> FlightLog:
    """Fly the return flights (SimPy) against the He-3 made hour by hour."""
    made = np.concatenate([[0.0], np.cumsum(he3_kg)])
    edges = np.arange(made.size, dtype=float)
    env = simpy.Environment()
    store = simpy.Container(env, init=0.0)
    log = FlightLog()
    env.process(
        return_flights(
            env,
            store,
            lambda t_h: float(np.interp(t_h, edges, made)),
            log,
            horizon_h=horizon_h,
            interval_h=cfg.launch_interval_days * 24.0,
            capacity_kg=cfg.return_capacity_kg,
            loss_probability=cfg.return_loss_probability,
            rng=rng,
        )
    )
    env.run()
    return log


def flight_hours(flights: FlightLog, n_hours: int) -> dict[str, FloatArray]:
    """Shipped and lost He-3 [kg] and flights flown, by the hour each flight left."""
    times = np.asarray(flights.times_h, dtype=float)
    cargo = np.asarray(flights.cargo_kg, dtype=float)
    lost = np.asarray(flights.lost, dtype=bool)
    return {
        "he3_shipped_kg": event_hours(times[~lost], n_hours, cargo[~lost]),
        "he3_lost_kg": event_hours(times[lost], n_hours, cargo[lost]),
        "launches": event_hours(times, n_hours),
    }
