"""Contested terrain: parties claim base sites in turn, each claim ringed by a safety zone.

The Artemis Accords (NASA 2020, section 11) provide for "safety zones" around operations but
fix no radius, so the radius is an explicit assumption of every contest. Parties claim in
turn from the sites stage's ranked sites (:class:`~lunarbase.sites.SiteResults`, best first):
each takes the best remaining site, and no later claim may lie within the safety-zone radius of
an earlier one. A late arrival's loss is what it gets against the first party, criterion by
criterion.

References
----------
.. [1] NASA (2020) The Artemis Accords: Principles for cooperation in the civil exploration and
   use of the Moon, Mars, comets, and asteroids for peaceful purposes, section 11
   (deconfliction of activities; safety zones). https://www.nasa.gov/artemis-accords
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from lunarbase.errors import QueryError
from lunarbase.sites.candidates import spaced_best

LOSS_COLUMNS = (
    "score",
    "illumination_fraction",
    "longest_night_h",
    "earth_visible_fraction",
    "distance_to_psr_km",
    "psr_area_nearby_km2",
    "he3_ppb",
)
"""Criteria compared between each party's claim and the first party's."""


def claims(ranked: pd.DataFrame, parties: int, safety_zone_km: float) -> pd.DataFrame:
    """Who claims what: party 1 the best site, each next party the best site outside every
    earlier claim's safety zone.

    Parameters
    ----------
    ranked : pandas.DataFrame
        Sites best first (the sites stage's ``table``): ``x_m``, ``y_m`` [m], ``score`` and
        the criteria of :data:`LOSS_COLUMNS`.
    parties : int
        Parties claiming in turn, at least 1. [count]
    safety_zone_km : float
        Safety-zone radius around each claim, at least 0 [km].

    Returns
    -------
    pandas.DataFrame
        Index ``party`` 1..N: the claimed sites' rows, their ``rank`` among the ranked sites,
        and ``<criterion>_loss`` (the first party's value minus this party's; positive is
        worse for this party for score, light, Earth view, ice area and He-3, negative for the
        night and the distance to ice, which it is better to have less of).

    Raises
    ------
    QueryError
        Fewer than 1 party, a negative radius, or more parties than sites the ranking offers
        at that radius (each names the option).
    """
    if parties < 1:
        raise QueryError(f"--parties: at least 1 party must claim (got {parties})")
    if not safety_zone_km >= 0.0:
        raise QueryError(f"--safety-zone-km: the radius must be >= 0 km (got {safety_zone_km})")
    picks = spaced_best(
        ranked["score"].to_numpy(float),
        ranked["x_m"].to_numpy(float),
        ranked["y_m"].to_numpy(float),
        parties,
        safety_zone_km * 1000.0,
    )
    if len(picks) < parties:
        raise QueryError(
            f"--parties: only {len(picks)} of the {len(ranked)} ranked sites can be claimed with "
            f"{safety_zone_km:g} km safety zones, not {parties} (fewer parties or a smaller "
            "radius)"
        )
    table = ranked.iloc[picks].reset_index()
    table.index = pd.RangeIndex(1, parties + 1, name="party")
    first = table.iloc[0]
    for column in LOSS_COLUMNS:
        table[f"{column}_loss"] = first[column] - table[column]
    return table


def race(
    rankings: dict[str, pd.DataFrame], order: list[str], safety_zone_km: float
) -> dict[str, dict[str, Any] | None]:
    """Programmes claim sites in the order they arrive, each from its own ranking (its own
    weights and light period), outside the safety zones of the claims before it.

    Parameters
    ----------
    rankings : dict of str to pandas.DataFrame
        Each programme's ranked sites (the sites stage's ``table``), best first.
    order : list of str
        The programmes in arrival order (first to land power first).
    safety_zone_km : float
        Safety-zone radius around each claim, at least 0 [km] (an assumption).

    Returns
    -------
    dict
        Per programme its claim (the ranked row as a dict, with its ``rank`` and
        ``score_loss``: its own best score minus the claimed site's), or None when every one of
        its ranked sites lies in an earlier zone.
    """
    if not safety_zone_km >= 0.0:
        raise QueryError(f"--safety-zone-km: the radius must be >= 0 km (got {safety_zone_km})")
    taken: list[tuple[float, float]] = []
    out: dict[str, dict[str, Any] | None] = {}
    r = safety_zone_km * 1000.0
    for name in order:
        table = rankings[name]
        free = np.ones(len(table), bool)
        for x, y in taken:
            free &= np.hypot(table["x_m"].to_numpy() - x, table["y_m"].to_numpy() - y) >= r
        if not free.any():
            out[name] = None
            continue
        row = table[free].iloc[0]
        taken.append((float(row["x_m"]), float(row["y_m"])))
        claim = {"rank": int(row.name), **row.to_dict()}
        claim["score_loss"] = float(table["score"].iloc[0] - row["score"])
        out[name] = claim
    return out
