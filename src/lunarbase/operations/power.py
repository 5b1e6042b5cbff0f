"""Base electric power: how many miners the nuclear plant can run at once (power slots).

The plant's electric output, less the rest of the base's load, is split into whole "miner
slots"; a miner must hold a slot to work. A miner that is up but finds no free slot idles
(power-limited) until it next tries, which is how spare miners stand in for broken ones.
"""

from __future__ import annotations

import math

import simpy

_SLOT_ROUNDING = 1e-9
"""Relative slack so that e.g. 900 kW / 300 kW counts as 3 slots despite float rounding."""


def powered_miner_slots(
    reactor_power_kwe: float, base_load_kw: float, miner_power_kw: float
) -> int:
    """Number of miners the plant can power at the same time.

    Parameters
    ----------
    reactor_power_kwe : float
        Electric output of the nuclear plant. [kWe]
    base_load_kw : float
        Power drawn by the rest of the base, served first. [kW]
    miner_power_kw : float
        Power one working miner draws. [kW]

    Returns
    -------
    int
        Whole miners that can work at once (0 if the base load uses it all).
    """
    spare_kw = reactor_power_kwe - base_load_kw
    if spare_kw <= 0.0:
        return 0
    return math.floor(spare_kw / miner_power_kw * (1.0 + _SLOT_ROUNDING))


class PowerBus:
    """Miner power slots: a miner must hold one to work; none waits for one (a miner without a
    slot idles for a shift and asks again), and the number of slots grows as reactor units land.

    Parameters
    ----------
    env : simpy.Environment
        The simulation environment (kept for symmetry with SimPy resources).
    slots : int
        Miners that may draw power at once, from :func:`powered_miner_slots`.
    """

    def __init__(self, env: simpy.Environment, slots: int) -> None:
        self.env = env
        self.slots = slots
        self.in_use = 0

    def set_slots(self, slots: int) -> None:
        """Change the number of slots (a reactor unit landed); slots in use are kept."""
        self.slots = slots

    def try_acquire(self) -> bool:
        """Take a free slot (True) or learn that all are busy (False); never waits."""
        if self.in_use >= self.slots:
            return False
        self.in_use += 1
        return True

    def release(self) -> None:
        """Give back a slot obtained from :meth:`try_acquire`."""
        assert self.in_use > 0
        self.in_use -= 1
