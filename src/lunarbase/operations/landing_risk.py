"""Landing risk: the chance that a landing and its payload are lost, from the flown record.

The record (:data:`LANDING_RECORD`) is every robotic lunar landing attempt since Chang'e-3 (Dec
2013), the start of the present era of landers, to Hakuto-R Mission 2 (June 2025), counted here
from Wikipedia's "List of missions to the Moon" (an attempt: a lander that began its descent or
the burns leading to it; Astrobotic's Peregrine, lost in cruise in Jan 2024, never tried and is
left out). Of 14 attempts, 5 lost the lander (Beresheet, Chandrayaan-2's Vikram, Hakuto-R M1,
Luna 25, Hakuto-R M2): p = 5/14 = 0.36 (:data:`LANDING_FAILURE_PROBABILITY`). Two more (IM-1
Odysseus, IM-2 Athena) landed on their side; counted as landed here, as failures they give
7/14 = 0.5. The government landers alone lost 2 of 8 (0.25); the 1966-1976 era lost 6 of 20
(Luna 5, 7, 8, 15, 18, Surveyor 4: 0.30, same source). Range for uncertainty: 0.25-0.5.

A scenario may set its own probability (``operations.landing_failure_probability``); each
landing then fails independently, drawn from the operations stage's seeded stream
(:func:`draw_failures`). A failed landing loses its whole payload: its miners, plant unit,
arrays, batteries and spares never arrive.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from lunarbase.typing import BoolArray

Outcome = Literal["landed", "landed_on_side", "lost"]


@dataclass(frozen=True)
class LandingAttempt:
    """One robotic lunar landing attempt.

    Attributes
    ----------
    mission : str
        Lander or mission name.
    year : int
        Year of the attempt.
    operator : str
        ``"government"`` or ``"commercial"``.
    outcome : str
        ``"landed"``, ``"landed_on_side"`` (down but tipped over) or ``"lost"`` (crashed or lost
        before touchdown).
    """

    mission: str
    year: int
    operator: Literal["government", "commercial"]
    outcome: Outcome


LANDING_RECORD = (
    LandingAttempt("Chang'e-3", 2013, "government", "landed"),
    LandingAttempt("Chang'e-4", 2019, "government", "landed"),
    LandingAttempt("Beresheet", 2019, "commercial", "lost"),
    LandingAttempt("Chandrayaan-2 Vikram", 2019, "government", "lost"),
    LandingAttempt("Chang'e-5", 2020, "government", "landed"),
    LandingAttempt("Hakuto-R Mission 1", 2023, "commercial", "lost"),
    LandingAttempt("Luna 25", 2023, "government", "lost"),
    LandingAttempt("Chandrayaan-3 Vikram", 2023, "government", "landed"),
    LandingAttempt("SLIM", 2024, "government", "landed"),
    LandingAttempt("IM-1 Odysseus", 2024, "commercial", "landed_on_side"),
    LandingAttempt("Chang'e-6", 2024, "government", "landed"),
    LandingAttempt("Blue Ghost Mission 1", 2025, "commercial", "landed"),
    LandingAttempt("IM-2 Athena", 2025, "commercial", "landed_on_side"),
    LandingAttempt("Hakuto-R Mission 2 Resilience", 2025, "commercial", "lost"),
)
"""Robotic lunar landing attempts, Dec 2013 - June 2025 (Wikipedia, "List of missions to the
Moon", counted here)."""


def failure_probability(
    record: tuple[LandingAttempt, ...] = LANDING_RECORD, *, on_side_lost: bool = False
) -> float:
    """Share of the attempts in ``record`` that lost the lander [-].

    Parameters
    ----------
    record : tuple of LandingAttempt
        The attempts counted.
    on_side_lost : bool, default False
        Count landers that came down on their side as lost too.
    """
    if not record:
        raise ValueError("the record has no attempts")
    lost = {"lost", "landed_on_side"} if on_side_lost else {"lost"}
    return sum(attempt.outcome in lost for attempt in record) / len(record)


LANDING_FAILURE_PROBABILITY = failure_probability()
"""Chance that a robotic lunar landing is lost, 2013-2025: 5 of 14 attempts [-]."""


def draw_failures(n_landings: int, probability: float, rng: np.random.Generator) -> BoolArray:
    """Which of ``n_landings`` landings fail, each independently with ``probability`` [-]
    (one uniform draw per landing, in date order, from ``rng``) -> bool array."""
    if not 0.0 <= probability <= 1.0:
        raise ValueError(f"probability must be in [0, 1] (got {probability!r})")
    return np.asarray(rng.random(n_landings) < probability, dtype=bool)
