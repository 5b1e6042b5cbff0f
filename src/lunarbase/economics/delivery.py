"""Delivered prices to the lunar surface, by lander and launcher: what one landing costs.

Each lander of :data:`lunarbase.operations.LANDERS` (the payload it puts on the surface and the
flights a year its launcher can fly, which the operations stage's schedule keeps to) has a
:class:`DeliveryPrice` here: the price per kg delivered with its source and year, the launcher that
carries it and the launch energy per kg where known. A landing costs its payload times its lander's
price (a scenario may set one price for every lander, ``launch_cost_usd_per_kg``), lowered by a
learning curve over the cumulative flights of that lander in the programme: Wright's law [1]_,
flight k costs k ** log2(p) times the first, p the progress ratio. A landing is paid in the year it
flew (after any slip for its launcher's rate; a fleet "in place at the start" flies as the
flights that land it, held to the same rates). The operations stage flies every landing within
its lander's payload and its launcher's flights a year (the catalogue's, or the scenario's own
``operations.max_flights_per_year``); the bill counts each landing's flights again,
ceil(payload / capacity), and lists any year over the rates the run flew under
(:attr:`LaunchBill.over_rate`, empty for every bundled scenario: a check of that stage).

Prices are the vendors' or NASA's, secondary (press); where none is published the entry says
"assumption" and gives its range. Real 2025 US dollars are assumed equal to the quoted dollars
(the quotes are 2020-2025; inflation over those years, ~20 %, is inside their uncertainty).

References
----------
.. [1] Wright, T. P. (1936) Factors affecting the cost of airplanes. J. Aeronautical Sciences
   3(4):122-128, doi:10.2514/8.155 (80 % per doubling for airframes).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from lunarbase.operations import LANDERS
from lunarbase.typing import FloatArray


@dataclass(frozen=True)
class DeliveryPrice:
    """What landing on the Moon with one lander costs.

    Attributes
    ----------
    lander : str
        Key of :data:`lunarbase.operations.LANDERS`.
    launcher : str
        The rocket that carries it.
    price_usd_per_kg : float
        Price per kg delivered to the surface, first flight. [USD/kg]
    year : int
        Year of the quote.
    launch_energy_mj_per_kg : float or None
        Propellant energy per kg landed, where known. [MJ/kg]
    source : str
        Where the price and the energy come from.
    """

    lander: str
    launcher: str
    price_usd_per_kg: float
    year: int
    launch_energy_mj_per_kg: float | None
    source: str


PRICES = MappingProxyType(
    {
        "starship_hls": DeliveryPrice(
            "starship_hls",
            "SpaceX Starship (refuelled in Earth orbit)",
            1.0e5,
            2025,
            4600.0,
            "price: Starship lunar cargo $100M per tonne from 2028 (SpaceX website, via "
            "TeslaNorth 12 Oct 2025; validation-figures CST-05), a list price, not a delivered "
            "record; energy: assumption ~4,600 MJ/kg, the "
            "methalox of a Starship and its tanker flights per kg landed",
        ),
        "blue_moon_mk1": DeliveryPrice(
            "blue_moon_mk1",
            "Blue Origin New Glenn",
            1.0e6,
            2020,
            None,
            "price: unpublished; assumption: NASA's CLPS planning price $1M/kg (Orbital Index "
            "69, 2020; CST-01), range $0.3-1.2M/kg",
        ),
        "blue_ghost_m1": DeliveryPrice(
            "blue_ghost_m1",
            "SpaceX Falcon 9",
            93.3e6 / 94.0,
            2021,
            None,
            "price: $93.3M CLPS task order for 94 kg of NASA payloads = $0.99M/kg (NASA award "
            "Feb 2021, via GovConWire; CST-04)",
        ),
        "long_march_9_lander": DeliveryPrice(
            "long_march_9_lander",
            "Long March 9 (2024 design, reusable CH4/LOX)",
            3.0e5,
            2024,
            None,
            "price: unpublished; assumption $0.3M/kg (0.1-1.0), between Starship's $0.1M/kg "
            "list price (CST-05) and the CLPS $1M/kg (CST-01) for a reusable super-heavy "
            "launcher of the same class",
        ),
    }
)
"""Delivered prices by lander (shared/reference/validation-figures.md CST-01..05)."""


def price_of(lander: str) -> DeliveryPrice:
    """The delivered price of ``lander``; an unknown one is a ``KeyError`` naming the known."""
    try:
        return PRICES[lander]
    except KeyError:
        known = ", ".join(PRICES)
        raise KeyError(f"no delivered price for lander {lander!r} (known: {known})") from None


def typical_price_usd_per_kg(landers: Sequence[str]) -> float:
    """Delivered price of the lander flown most often among ``landers`` (the first on a tie;
    the schema's default lander, Starship HLS, when there are none). [USD/kg]"""
    names = list(landers) or ["starship_hls"]
    return price_of(max(names, key=names.count)).price_usd_per_kg


def catalogue() -> list[dict[str, object]]:
    """Every lander with its payload to the surface [kg] and delivered price: what
    ``lunarbase landers`` lists."""
    rows = []
    for name, vehicle in LANDERS.items():
        price = price_of(name)
        rows.append(
            {
                "lander": name,
                "launcher": price.launcher,
                "payload_kg": vehicle.payload_kg,
                "price_usd_per_kg": price.price_usd_per_kg,
                "flight_price_usd": price.price_usd_per_kg * vehicle.payload_kg,
                "price_year": price.year,
                "max_flights_per_year": vehicle.max_flights_per_year,
                "launch_energy_mj_per_kg": price.launch_energy_mj_per_kg,
                "payload_source": vehicle.source,
                "price_source": price.source,
                "rate_source": vehicle.rate_source,
            }
        )
    return rows


def flights(lander: str, payload_kg: float) -> int:
    """Flights of ``lander`` that land ``payload_kg`` [kg]: ceil(payload / capacity), at
    least 1. [count]"""
    return max(1, math.ceil(payload_kg / LANDERS[lander].payload_kg - 1e-9))


def learning_factor(first: int, count: int, progress_ratio: float) -> float:
    """Mean of k ** log2(progress_ratio) over flights k = first .. first + count - 1 [-]
    (Wright's law [1]_; 1 with no learning)."""
    k = np.arange(first, first + count, dtype=float)
    return float(np.mean(k ** np.log2(progress_ratio)))


@dataclass(frozen=True)
class LaunchBill:
    """What the landings cost to deliver, per operating year, at unit price multiplier 1.

    Attributes
    ----------
    launch_usd : numpy.ndarray, shape (years,)
        Delivery cost each year. [USD]
    flights : dict of (str, int) to int
        Flights by (lander, operating year).
    lost_usd : float
        Delivery cost of the landings that failed (paid, their payload lost), all years. [USD]
    over_rate : list of dict
        Years where a lander flies more than its launcher's flights a year (none when the
        operations stage flew the landings within those rates): ``lander``, ``year``,
        ``flights``, ``max_flights_per_year``.
    """

    launch_usd: FloatArray
    flights: dict[tuple[str, int], int]
    lost_usd: float
    over_rate: list[dict[str, object]]


def launch_bill(
    landings: Sequence[Mapping[str, object]],
    years: int,
    *,
    progress_ratio: float,
    price_usd_per_kg: float | None = None,
    max_flights_per_year: Mapping[str, int] | None = None,
) -> LaunchBill:
    """Delivery cost of each operating year's landings.

    Parameters
    ----------
    landings : sequence of mappings
        In date order, each with ``year`` (operating year 1..N, int), ``lander`` (str),
        ``payload_kg`` (float) [kg] and optionally ``failed`` (bool, default False); landings
        past year N are not flown.
    years : int
        Operating years. [count]
    progress_ratio : float
        Wright's-law progress ratio on each lander's price over its cumulative flights [-].
    price_usd_per_kg : float, optional
        One price for every lander [USD/kg]; None: each lander's catalogue price.
    max_flights_per_year : mapping of str to int, optional
        Flights a year by lander the landings were flown within [1/yr]; None: the catalogue's.

    Returns
    -------
    LaunchBill
    """
    rates = max_flights_per_year or {n: x.max_flights_per_year for n, x in LANDERS.items()}
    cost = np.zeros(years)
    lost_usd = 0.0
    flown: dict[str, int] = {}
    by_year: dict[tuple[str, int], int] = {}
    for landing in landings:
        year, lander = int(landing["year"]), str(landing["lander"])  # type: ignore[call-overload]
        payload = float(landing["payload_kg"])  # type: ignore[arg-type]
        if not 1 <= year <= years or payload <= 0.0:
            continue
        n = flights(lander, payload)
        unit = price_of(lander).price_usd_per_kg if price_usd_per_kg is None else price_usd_per_kg
        factor = learning_factor(flown.get(lander, 0) + 1, n, progress_ratio)
        cost[year - 1] += payload * unit * factor
        if landing.get("failed", False):
            lost_usd += payload * unit * factor
        flown[lander] = flown.get(lander, 0) + n
        by_year[(lander, year)] = by_year.get((lander, year), 0) + n
    over = [
        {
            "lander": lander,
            "year": year,
            "flights": n,
            "max_flights_per_year": rates[lander],
        }
        for (lander, year), n in sorted(by_year.items(), key=lambda kv: (kv[0][1], kv[0][0]))
        if n > rates[lander]
    ]
    return LaunchBill(cost, by_year, lost_usd, over)
