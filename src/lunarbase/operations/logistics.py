"""Logistics: landers that bring the hardware, and return flights that carry the stored helium-3
to Earth at a fixed interval.

Landers are picked by name from :data:`LANDERS`, each with the payload it can put on the surface
(press figures, secondary: use them as cited defaults, not as physics) and the flights a year its
launcher can give the programme (a scenario may set its own, :func:`flight_rates`); a landing's
payload is checked against it (:func:`check_payload`), and the schedule is flown within those
rates (:func:`fly_landings`: a landing its launcher has no flight left for in its year slips to
the start of the next year with one).


A flight leaves every ``launch_interval_days`` (the first one interval after the start) and takes
``min(stock, return_capacity_kg)``. A flight with nothing to carry is not flown and not counted.
Assumption: ``return_capacity_kg`` limits the He-3 mass itself (no container or packaging mass
is counted; the scenario field says "with containers", so this is optimistic).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np
import simpy

from lunarbase.constants import HOURS_PER_YEAR
from lunarbase.errors import ScenarioError
from lunarbase.models import lookup
from lunarbase.operations.hourly import TIME_EPS_H
from lunarbase.typing import FloatArray


@dataclass(frozen=True)
class Lander:
    """A lunar lander and its launcher.

    Attributes
    ----------
    name : str
        Key of :data:`LANDERS`.
    payload_kg : float
        Payload it lands on the surface. [kg]
    source : str
        Where the payload comes from.
    max_flights_per_year : int
        Flights a year its launcher can give the programme. [1/yr]
    rate_source : str
        Where the rate comes from (an assumption with its range where none is published).
    """

    name: str
    payload_kg: float
    source: str
    max_flights_per_year: int
    rate_source: str


LANDERS = MappingProxyType(
    {
        "starship_hls": Lander(
            "starship_hls",
            100_000.0,
            "SpaceX Starship HLS, ~100 t to the lunar surface (SpaceX via Ars Technica; secondary)",
            12,
            "assumption: 12/yr (4-24) lunar cargo flights, each with its tanker flights",
        ),
        "blue_moon_mk1": Lander(
            "blue_moon_mk1",
            3_000.0,
            "Blue Origin Blue Moon MK1, 3 t of cargo to any lunar site (press; secondary)",
            4,
            "assumption: 4/yr (1-8) New Glenn flights for the programme",
        ),
        "blue_ghost_m1": Lander(
            "blue_ghost_m1",
            94.0,
            "Firefly Blue Ghost M1, a NASA CLPS lander: 10 NASA payloads totalling 94 kg to Mare "
            "Crisium ($93.3M task order, NASA award Feb 2021, via GovConWire; validation-figures "
            "CST-04); what it carried, not a rated capacity",
            2,
            "assumption: 2/yr (CLPS has flown 1-2 landers a year since 2024)",
        ),
        "long_march_9_lander": Lander(
            "long_march_9_lander",
            16_700.0,
            "Long March 9 (2024 design) puts 50 t into lunar transfer orbit (Long Lehao, Zhuhai "
            "2024; press); assumption: a chemical lander lands about a third of that (surface "
            "mass unpublished)",
            4,
            "assumption: 4/yr (2-8) Long March 9 flights for the programme",
        ),
    }
)
"""Landers by name (shared/reference/operations-economics.md, section 5)."""


def check_payload(index: int, lander: str, payload_kg: float, contents: str) -> Lander:
    """The lander named ``lander``, after checking it can land ``payload_kg`` [kg].

    Raises
    ------
    ScenarioError
        An unknown lander, or a payload over its capacity (naming ``operations.landings[i]``).
    """
    field = f"operations.landings[{index}].lander"
    vehicle = lookup(LANDERS, lander, kind=Lander, field=field)
    if payload_kg > vehicle.payload_kg:
        raise ScenarioError(
            f"operations.landings[{index}]: {contents} weigh {payload_kg:,.0f} kg, over the "
            f"{vehicle.name}'s {vehicle.payload_kg:,.0f} kg ({vehicle.source})"
        )
    return vehicle


YEAR_D = HOURS_PER_YEAR / 24.0
"""An operating year [d]: the bins in which each launcher's flights a year are counted."""


def flight_rates(overrides: Mapping[str, int]) -> dict[str, int]:
    """Flights a year of each lander's launcher for the programme [1/yr]: the catalogue's
    ``max_flights_per_year`` (:data:`LANDERS`), replaced by a scenario's own for the landers it
    names (``operations.max_flights_per_year``, each with its source in the scenario).

    Raises
    ------
    ScenarioError
        An override for a lander not in the catalogue (naming the field).
    """
    field = "operations.max_flights_per_year"
    for name in overrides:
        lookup(LANDERS, name, kind=Lander, field=field)
    return {
        name: int(overrides.get(name, lander.max_flights_per_year))
        for name, lander in LANDERS.items()
    }


def fly_landings(
    days_d: Sequence[float], landers: Sequence[str], rates: Mapping[str, int] | None = None
) -> FloatArray:
    """The day each landing flies, within its launcher's flights a year.

    Landings are taken in the order given (the schedule's date order: first planned, first
    served). Each uses one flight of its lander's launcher in the operating year (of
    :data:`YEAR_D` days from day 0) it falls in; one whose launcher has flown its rate in that
    year slips to the first day of the next year with a flight left. The catalogue's rates
    (:data:`LANDERS`) are assumptions (no launcher's rate for a lunar programme is published).

    Parameters
    ----------
    days_d : sequence of float
        Planned landing days, in date order. [d]
    landers : sequence of str
        The lander of each landing (keys of :data:`LANDERS`).
    rates : mapping of str to int, optional
        Flights a year by lander (:func:`flight_rates`) [1/yr]; None: the catalogue's.

    Returns
    -------
    numpy.ndarray
        The day each landing flies (its planned day, or the start of a later year). [d]
    """
    rates = flight_rates({}) if rates is None else rates
    used: dict[tuple[str, int], int] = {}
    flown = np.asarray(days_d, dtype=float).copy()
    for i, (day, lander) in enumerate(zip(days_d, landers, strict=True)):
        year = int(day // YEAR_D)
        while used.get((lander, year), 0) >= rates[lander]:
            year += 1
        used[(lander, year)] = used.get((lander, year), 0) + 1
        flown[i] = max(day, year * YEAR_D)
    return flown


@dataclass
class FlightLog:
    """Return flights flown: departure [h], He-3 carried [kg], and whether it was lost."""

    times_h: list[float] = field(default_factory=list)
    cargo_kg: list[float] = field(default_factory=list)
    lost: list[bool] = field(default_factory=list)


def return_flights(
    env: simpy.Environment,
    he3_store: simpy.Container,
    he3_made_kg: Callable[[float], float],
    log: FlightLog,
    *,
    horizon_h: float,
    interval_h: float,
    capacity_kg: float,
    loss_probability: float = 0.0,
    rng: np.random.Generator | None = None,
) -> Generator[simpy.Event, Any, None]:
    """SimPy process of the return flights until ``horizon_h``.

    Before each flight the He-3 made since the last one (``he3_made_kg(t)``: cumulative He-3
    extracted by hour ``t`` [kg]) goes into the store; the flight takes what it can carry.

    Parameters
    ----------
    interval_h : float
        Time between flights. [h]
    capacity_kg : float
        He-3 one flight carries at most. [kg]
    loss_probability : float
        Chance that a flight and its cargo are lost [-]; each flight draws from ``rng``.
    rng : numpy.random.Generator, optional
        The flights' own stream (required when ``loss_probability`` > 0).
    """
    made_kg = 0.0
    while True:
        yield env.timeout(interval_h)
        if env.now - horizon_h > TIME_EPS_H:
            return
        now_kg = he3_made_kg(env.now)
        if now_kg > made_kg:
            yield he3_store.put(now_kg - made_kg)
            made_kg = now_kg
        cargo_kg = min(he3_store.level, capacity_kg)
        if cargo_kg <= 0.0:
            continue
        yield he3_store.get(cargo_kg)
        lost = loss_probability > 0.0 and rng is not None and rng.random() < loss_probability
        log.times_h.append(env.now)
        log.cargo_kg.append(cargo_kg)
        log.lost.append(bool(lost))
