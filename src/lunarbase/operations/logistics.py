"""Logistics: return flights that carry the stored helium-3 to Earth at a fixed interval.

A flight leaves every ``launch_interval_days`` (the first one interval after the start) and takes
``min(stock, return_capacity_kg)``. A flight with nothing to carry is not flown and not counted.
Assumption: ``return_capacity_kg`` limits the He-3 mass itself (no container or packaging mass
is counted; the scenario field says "with containers", so this is optimistic).
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import simpy

from lunarbase.operations.ledger import TIME_EPS_H, AnnualLedger


def return_flights(
    env: simpy.Environment,
    he3_store: simpy.Container,
    ledger: AnnualLedger,
    *,
    interval_h: float,
    capacity_kg: float,
) -> Generator[simpy.Event, Any, None]:
    """SimPy process of the return flights until the ledger's horizon.

    Records ``he3_shipped_kg`` and ``launches`` in ``ledger``.

    Parameters
    ----------
    interval_h : float
        Time between flights. [h]
    capacity_kg : float
        He-3 one flight carries at most. [kg]
    """
    while True:
        yield env.timeout(interval_h)
        if env.now - ledger.horizon_h > TIME_EPS_H:
            return
        cargo_kg = min(he3_store.level, capacity_kg)
        if cargo_kg <= 0.0:
            continue
        yield he3_store.get(cargo_kg)
        ledger.add("he3_shipped_kg", env.now, cargo_kg)
        ledger.add("launches", env.now, 1.0)
