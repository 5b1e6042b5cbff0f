"""Hardware in service: one SimPy process per miner and per fission unit, alternating up and
down from the day it lands until the end of the run.

A unit is either up or down. Times to failure and repair times are exponential (a constant
failure rate) with the given means, drawn from the unit's own ``numpy.random.Generator``.
Assumption: failures run on calendar time whether or not the unit works (dust, thermal cycling
and radiation age an idle miner too), so the steady-state availability is
MTBF / (MTBF + MTTR). A failed miner queues for one of the base's repair units (a SimPy
Resource) and, where repairs use spares, for the spares a repair takes from the surface store (a
SimPy Container that landings fill): without spares on the Moon it waits for the next landing.

The processes only record when each unit is up; what the up units produce depends on the power
they get, which the hourly energy balance of the stage decides (:mod:`.power`).
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import simpy


@dataclass
class UpLog:
    """Up intervals of a set of units, ``[start_h, end_h)``, the hours they landed, when
    repairs took spares, and how many repairs were done."""

    starts_h: list[float] = field(default_factory=list)
    ends_h: list[float] = field(default_factory=list)
    landed_h: list[float] = field(default_factory=list)
    spares_taken_h: list[float] = field(default_factory=list)
    repairs: int = 0

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """The up intervals as arrays: starts [h], ends [h]."""
        return np.array(self.starts_h), np.array(self.ends_h)


def unit_life(
    env: simpy.Environment,
    log: UpLog,
    *,
    horizon_h: float,
    mtbf_h: float,
    mttr_h: float,
    rng: np.random.Generator,
    repair: simpy.Resource | None = None,
    spares: simpy.Container | None = None,
    spares_kg_per_repair: float = 0.0,
) -> Generator[simpy.Event, Any, None]:
    """SimPy process of one unit from now (it lands, or is commissioned) to ``horizon_h``.

    Records its up intervals in ``log``. ``mtbf_h = inf`` is a unit that never fails.

    Parameters
    ----------
    repair : simpy.Resource, optional
        Repair units, each fixing one unit at a time; None: repairs start at once.
    spares : simpy.Container, optional
        Surface store of spares [kg]; each repair takes ``spares_kg_per_repair`` from it first,
        waiting for a landing when it holds too little.
    """
    log.landed_h.append(env.now)
    while env.now < horizon_h:
        up_h = float(rng.exponential(mtbf_h)) if np.isfinite(mtbf_h) else np.inf
        end_h = min(env.now + up_h, horizon_h)
        log.starts_h.append(env.now)
        log.ends_h.append(end_h)
        if end_h >= horizon_h:
            return
        yield env.timeout(end_h - env.now)
        fix_h = float(rng.exponential(mttr_h))
        if repair is None:
            yield from _repaired(env, log, fix_h, spares, spares_kg_per_repair)
            continue
        with repair.request() as unit:  # queue for a repair unit, hold it for the repair
            yield unit
            yield from _repaired(env, log, fix_h, spares, spares_kg_per_repair)


def _repaired(
    env: simpy.Environment,
    log: UpLog,
    fix_h: float,
    spares: simpy.Container | None,
    spares_kg: float,
) -> Generator[simpy.Event, Any, None]:
    """Wait for the spares a repair takes, then for the repair itself."""
    if spares is not None and spares_kg > 0.0:
        yield spares.get(spares_kg)
        log.spares_taken_h.append(env.now)
    yield env.timeout(fix_h)
    log.repairs += 1


def mean_up_h(availability: float, mean_down_h: float) -> float:
    """Mean up time that gives ``availability`` with outages of mean ``mean_down_h``:
    ``mean_down_h x A / (1 - A)`` [h]; infinite for A = 1 (never down)."""
    if availability >= 1.0:
        return float("inf")
    return mean_down_h * availability / (1.0 - availability)
