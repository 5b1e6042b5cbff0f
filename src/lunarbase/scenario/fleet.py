"""Re-fleeting a landing schedule: the same landings bringing another number of miners or
another plant power (:func:`refleet`, behind :meth:`Operations.with_fleet`).

The rule, per kind (miners, plant kWe), applied to the landings in date order:

* the landings that carried the kind in the scenario carry it again, each at most what it
  carried, the earliest first: a smaller fleet empties the last carriers (a landing left with
  nothing at all is dropped; one that still brings other hardware or spares keeps flying);
* what does not fit comes on extra landings like the last carrier: the same lander and the same
  load (so its mass fits that lander as before), its spares pro rata, each as long after the one
  before as the last carrier came after the carrier before it (the same day when only one
  carried the kind). Miners first, then the plant.

Arrays, batteries and the other landings stay as they are. A schedule with no carrier of a kind
gains extra landings like its last landing, on its day.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lunarbase.scenario.operations_table import Landing

FLEET_KINDS = {"n_miners": "miners", "reactor_power_kwe": "reactor_kwe"}
"""The fleet totals :func:`refleet` can change, and the landing field that carries each."""

_CARGO = ("miners", "reactor_kwe", "array_kw", "battery_kwh", "spares_kg")


def refleet(
    landings: tuple[Landing, ...], *, miners: int | None = None, reactor_kwe: float | None = None
) -> tuple[Landing, ...]:
    """``landings`` bringing ``miners`` miners [count] and ``reactor_kwe`` of plant [kWe]
    instead of what they bring (None keeps a kind), by the rule of this module.

    Returns
    -------
    tuple of Landing
        The landings in date order (``landings`` themselves, sorted, when nothing changes).
    """
    loaded = sorted(landings, key=lambda landing: landing.day)
    for kind, total in (("miners", miners), ("reactor_kwe", reactor_kwe)):
        if total is not None and loaded:
            loaded = _load(loaded, kind, total)
    return tuple(sorted(loaded, key=lambda landing: landing.day))


def _load(landings: list[Landing], kind: str, total: float) -> list[Landing]:
    """``landings`` carrying ``total`` of ``kind`` (a :class:`Landing` field)."""
    if total < 0:
        raise ValueError(f"{kind}: must be >= 0 (got {total!r})")
    carriers = [landing for landing in landings if getattr(landing, kind) > 0]
    left = total
    loaded = []
    for landing in landings:
        carried = getattr(landing, kind)
        if carried > 0:
            share = min(carried, left)
            left -= share
            landing = landing.model_copy(update={kind: share})
            if not any(getattr(landing, name) > 0 for name in _CARGO):
                continue
        loaded.append(landing)
    last = carriers[-1] if carriers else landings[-1]
    size = getattr(last, kind) if carriers else total
    gap = last.day - carriers[-2].day if len(carriers) > 1 else 0.0
    day = last.day
    while left > 1e-9:
        day += gap
        share = min(size, left)
        left -= share
        spares = last.spares_kg * share / size if carriers else 0.0
        extra = {
            "day": day,
            "lander": last.lander,
            kind: share,
            "spares_kg": spares,
            "source": f"re-fleet: extra {kind} like the landing on day {last.day:g}",
        }
        loaded.append(type(last).model_validate(extra))
    return loaded
