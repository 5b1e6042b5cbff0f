"""Site suitability: each criterion normalised to [0, 1], a weighted sum, hard constraints, the
best sites at a minimum spacing, and where each lies by the IAU names.

Polar peaks and ridges are where near-continuous sunlight exists (Bussey et al. 1999 [1]_;
Mazarico et al. 2011 [2]_); the ranking is a weighted linear combination of normalised criteria
under hard constraints (multi-criteria decision analysis; Malczewski 2006 [3]_). Normalisation
rules (each maps a criterion to [0, 1], 1 best):

- ``illumination_fraction``, ``sunlit_any_fraction``, ``earth_visible_fraction``: the fraction
  itself;
- ``longest_night_h``: ``1 - night / NIGHT_SCALE_H`` clipped at 0 (a night as long as an
  equatorial one scores 0);
- ``slope_deg``: ``1 - slope / max_slope_deg`` (the hard constraint's slope scores 0);
- ``distance_to_psr_km``: ``exp(-d / PSR_PROXIMITY_SCALE_KM)``;
- ``he3_ppb``, ``th_ppm``: the grade over the best grade in the search region.

References
----------
.. [1] Bussey, D. B. J., Spudis, P. D. & Robinson, M. S. (1999) Illumination conditions at the
   lunar south pole. GRL 26(9):1187-1190, doi:10.1029/1999GL900213
.. [2] Mazarico, E. et al. (2011) Icarus 211:1066-1081, doi:10.1016/j.icarus.2010.10.030
.. [3] Malczewski, J. (2006) GIS-based multicriteria decision analysis: a survey of the
   literature. Int. J. Geogr. Inf. Sci. 20(7):703-726, doi:10.1080/13658810600661508
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from lunarbase.constants import SYNODIC_MONTH_D
from lunarbase.geometry import great_circle_km

PSR_PROXIMITY_SCALE_KM = 10.0
"""e-folding distance of the PSR-proximity score [km] (assumption: a rover's daily range)."""

NIGHT_SCALE_H = SYNODIC_MONTH_D * 24.0 / 2.0
"""Night that scores 0 [h]: half a synodic month (~354 h), the night away from the poles."""

WEIGHTS = {
    "weight_illumination": "illumination_fraction",
    "weight_sunlit_any": "sunlit_any_fraction",
    "weight_night": "longest_night_h",
    "weight_earth_visibility": "earth_visible_fraction",
    "weight_slope": "slope_deg",
    "weight_psr_proximity": "distance_to_psr_km",
    "weight_he3": "he3_ppb",
    "weight_th": "th_ppm",
}
"""Scenario weight -> the criterion it weighs."""

ICE_RADIUS_KM = 10.0
"""Radius within which a claim's permanently shadowed area counts as its ice [km]
(assumption: a rover's day trip, the PSR-proximity scale of the site score)."""


def psr_area_nearby_km2(
    x_m: np.ndarray, y_m: np.ndarray, psr_x_m: np.ndarray, psr_y_m: np.ndarray, pixel_m: float
) -> np.ndarray:
    """Permanently shadowed area within :data:`ICE_RADIUS_KM` of each point [km^2].

    Parameters
    ----------
    x_m, y_m : numpy.ndarray
        The points [m] (south polar stereographic).
    psr_x_m, psr_y_m : numpy.ndarray
        Centres of the PSR pixels of the terrain stage's maps [m].
    pixel_m : float
        Their pixel size [m].
    """
    r = ICE_RADIUS_KM * 1000.0
    d2 = (np.asarray(x_m)[:, None] - psr_x_m[None, :]) ** 2 + (
        np.asarray(y_m)[:, None] - psr_y_m[None, :]
    ) ** 2
    return np.asarray((d2 <= r * r).sum(axis=1) * (pixel_m / 1000.0) ** 2, dtype=float)


RIM_BAND = (0.8, 1.25)
"""A site whose distance from a feature's centre is within this band of its radius [-] is "on
the rim" (assumption: crater rims are broad, and named peaks and massifs have no rim)."""


def normalised(
    values: Mapping[str, Any],
    *,
    max_slope_deg: float,
    best_he3_ppb: float,
    best_th_ppm: float,
) -> dict[str, Any]:
    """Each criterion of ``values`` mapped to [0, 1] by the module's rules.

    Parameters
    ----------
    values : mapping
        Criterion name -> values (arrays, pandas Series or xarray DataArrays alike) in the
        units of their names.
    max_slope_deg : float
        Slope that scores 0 [deg].
    best_he3_ppb, best_th_ppm : float
        Best grades in the search region [ppb, ppm]: they score 1.

    Returns
    -------
    dict
        Criterion name -> score in [0, 1], same type as the values.
    """
    return {
        "illumination_fraction": values["illumination_fraction"],
        "sunlit_any_fraction": values["sunlit_any_fraction"],
        "longest_night_h": (1.0 - values["longest_night_h"] / NIGHT_SCALE_H).clip(0.0, 1.0),
        "earth_visible_fraction": values["earth_visible_fraction"],
        "slope_deg": (1.0 - values["slope_deg"] / max_slope_deg).clip(0.0, 1.0),
        "distance_to_psr_km": np.exp(-values["distance_to_psr_km"] / PSR_PROXIMITY_SCALE_KM),
        "he3_ppb": values["he3_ppb"] / best_he3_ppb,
        "th_ppm": values["th_ppm"] / best_th_ppm,
    }


def weighted_score(scores: Mapping[str, Any], weights: Mapping[str, float]) -> Any:
    """Weighted mean of normalised criteria, in [0, 1].

    Parameters
    ----------
    scores : mapping
        Criterion -> normalised score (from :func:`normalised`).
    weights : mapping
        The scenario's ``weight_*`` of :data:`WEIGHTS` [-], >= 0 with a positive sum.
    """
    total = sum(weights[w] for w in WEIGHTS)
    return sum(weights[w] * scores[c] for w, c in WEIGHTS.items() if weights[w]) / total


def spaced_best(
    score: np.ndarray,
    x_m: np.ndarray,
    y_m: np.ndarray,
    n: int,
    min_spacing_m: float,
    z_m: np.ndarray | None = None,
) -> list[int]:
    """Indices of up to ``n`` best-scoring points, each at least ``min_spacing_m`` from every
    better one: take the best, drop every point closer than the spacing, repeat.

    Parameters
    ----------
    score : numpy.ndarray
        Score per point; NaN for points that may not be picked.
    x_m, y_m : numpy.ndarray
        Positions [m], same shape.
    n : int
        Most points to pick [count].
    min_spacing_m : float
        Least distance between picks [m]; 0 allows neighbours.
    z_m : numpy.ndarray, optional
        Third coordinates [m], same shape (points in space, e.g. on the sphere: the spacing
        is then a chord).

    Returns
    -------
    list of int
        Flat indices, best first; fewer than ``n`` when the points run out.
    """
    s = np.where(np.isfinite(score), score, -np.inf).ravel().astype(float)
    x, y = np.asarray(x_m, float).ravel(), np.asarray(y_m, float).ravel()
    z = np.zeros_like(x) if z_m is None else np.asarray(z_m, float).ravel()
    picks: list[int] = []
    while len(picks) < n:
        k = int(np.argmax(s))
        if not np.isfinite(s[k]):
            break
        picks.append(k)
        s[k] = -np.inf
        if min_spacing_m > 0.0:
            d2 = (x - x[k]) ** 2 + (y - y[k]) ** 2 + (z - z[k]) ** 2
            s[d2 < min_spacing_m**2] = -np.inf
    return picks


PLAINS = ("Mare", "Oceanus", "Lacus", "Sinus", "Palus")
"""First words of the IAU names of lava plains (maria, ocean, lakes, bays, marshes): areas with
no rim, so a point is "in" one, and a point inside one is placed within it as well."""


RIMLESS = (*PLAINS, "Mons", "Montes", "Rima", "Rimae", "Dorsum", "Dorsa", "Vallis", "Catena")
"""First words of the IAU names of features with no rim (plains, mountains, rilles, ridges,
valleys, crater chains): a point is never "on the rim of" one."""


def place_name(lat_deg: float, lon_deg: float, features: pd.DataFrame) -> tuple[str, float]:
    """Where a point lies, by the IAU names and the features' sizes.

    Among the features the point lies within (distance from the centre at most
    ``RIM_BAND[1]`` radii) the smallest places it, so a site on Shackleton's rim is placed by
    Shackleton, neither by a smaller crater's centre nearby nor by a basin it also lies in.
    Within :data:`RIM_BAND` of that feature's radius it is "on the rim of" it, nearer the
    centre "N km from the centre of" it. A point within no feature is placed by the nearest
    centre. A plain (:data:`PLAINS`) has no rim: a point within its radius is "in" it, and a
    point placed by a smaller feature inside one is also said to be in the plain ("on the rim
    of Arago, in Mare Tranquillitatis"). The IAU gives each feature a centre and a diameter
    only, so a plain counts as the circle of that diameter.

    Parameters
    ----------
    lat_deg, lon_deg : float
        The point [deg, deg E].
    features : pandas.DataFrame
        Index: name; columns ``lat``, ``lon`` [deg], ``diameter_km`` [km].

    Returns
    -------
    phrase : str
        E.g. ``"on the rim of Shackleton"``, ``"4 km from the centre of de Gerlache"`` or
        ``"in Mare Tranquillitatis, 18 km from its centre"``.
    distance_km : float
        Great-circle distance from that feature's centre [km].
    """
    d = great_circle_km(lat_deg, lon_deg, features["lat"].to_numpy(), features["lon"].to_numpy())
    radius = features["diameter_km"].to_numpy(float) / 2.0
    names = features.index.astype(str)
    plain = np.asarray(names.str.split(" ").str[0].isin(PLAINS), bool)
    within = np.flatnonzero(d <= np.where(plain, 1.0, RIM_BAND[1]) * radius)
    k = int(within[np.argmin(radius[within])]) if within.size else int(np.argmin(d))
    name, dist = str(names[k]), float(d[k])
    if within.size and plain[k]:
        return f"in {name}, {dist:.0f} km from its centre", dist
    rimmed = names[k].split(" ")[0] not in RIMLESS
    if within.size and rimmed and dist >= RIM_BAND[0] * radius[k]:
        phrase = f"on the rim of {name}"
    else:
        phrase = f"{dist:.0f} km from the centre of {name}"
    plains = within[plain[within]]
    if plains.size:
        phrase += f", in {names[int(plains[np.argmin(radius[plains])])]}"
    return phrase, dist


def named_features() -> pd.DataFrame:
    """IAU named features with a size, anywhere on the Moon: index name, columns lat, lon
    [deg], diameter_km [km]."""
    from lunarbase.data import load

    iau = load("iau_nomenclature")
    frame = pd.DataFrame(
        {
            "lat": iau["lat"].values,
            "lon": iau["lon"].values,
            "diameter_km": iau["diameter_km"].values,
        },
        index=iau["feature"].values,
    )
    return frame[frame["diameter_km"] > 0.0]
