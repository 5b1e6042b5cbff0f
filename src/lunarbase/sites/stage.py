"""Sites stage: rank candidate base sites near the south pole.

Entry point :func:`rank` (the scenario's ``[sites]`` section and the terrain results in,
:class:`SiteResults` out). Candidates are evaluated with
:func:`lunarbase.terrain.point_criteria` under the terrain stage's own light settings, so a
candidate's numbers are those ``lunarbase point`` gives for it (and share its cached horizons).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from lunarbase.jsonable import plain
from lunarbase.scenario import Sites
from lunarbase.sites.candidates import nearest_feature, score, summit_candidates
from lunarbase.terrain import (
    LightSettings,
    TerrainResults,
    point_criteria,
    polar_terrain,
    xy_to_latlon,
)

CRITERIA = (
    "lat_deg",
    "lon_deg",
    "elevation_m",
    "slope_deg",
    "illumination_fraction",
    "sunlit_any_fraction",
    "longest_night_h",
    "earth_visible_fraction",
    "distance_to_psr_km",
)
"""Columns of the candidate table taken from :class:`lunarbase.terrain.PointCriteria`."""


@dataclass(frozen=True, eq=False)
class SiteResults:
    """Ranked candidate sites, best first.

    Attributes
    ----------
    table : pandas.DataFrame
        Index ``rank`` (1 = best); columns :data:`CRITERIA` (lat [deg], lon [deg E], elevation
        [m], slope [deg], mean Sun-disk fraction [-], any-of-the-disk fraction [-], longest
        night [h], Earth in view [-], distance to the nearest PSR [km]), ``score`` [0-1],
        ``near_feature`` (IAU name) and ``near_feature_distance_km`` [km].
    """

    table: pd.DataFrame

    def to_records(self) -> list[dict[str, object]]:
        """Rows as JSON-ready dicts, best first."""
        records: list[dict[str, object]] = plain(self.table.reset_index().to_dict(orient="records"))
        return records


def evaluate(
    points: pd.DataFrame,
    settings: LightSettings,
    progress: Callable[[float], None] | None = None,
) -> pd.DataFrame:
    """:data:`CRITERIA` of every point (``x_m``, ``y_m`` columns [m]) under ``settings``."""
    rows = []
    for i, (x, y) in enumerate(zip(points["x_m"], points["y_m"], strict=True)):
        lat, lon = xy_to_latlon(x, y)
        point = point_criteria(float(lat), float(lon), settings)
        rows.append({k: getattr(point, k) for k in CRITERIA})
        if progress is not None:
            progress((i + 1) / len(points))
    return pd.DataFrame(rows, index=points.index)


def named_features(max_lat_deg: float = -75.0) -> pd.DataFrame:
    """IAU named features south of ``max_lat_deg`` [deg]: index name, columns lat, lon [deg]."""
    from lunarbase.data import load

    iau = load("iau_nomenclature")
    frame = pd.DataFrame(
        {"lat": iau["lat"].values, "lon": iau["lon"].values}, index=iau["feature"].values
    )
    return frame[frame["lat"] < max_lat_deg]


def rank(
    cfg: Sites,
    terrain: TerrainResults,
    progress: Callable[[float], None] | None = None,
) -> SiteResults:
    """Find summit candidates, evaluate and score them, best first.

    Parameters
    ----------
    cfg : lunarbase.scenario.Sites
        Search radius, candidate count, slope limit and criterion weights.
    terrain : lunarbase.terrain.TerrainResults
        The terrain stage's results; its light settings are used for every candidate.
    progress : callable, optional
        ``progress(fraction)`` after each candidate.
    """
    points = summit_candidates(
        polar_terrain(), cfg.max_colatitude_deg, cfg.max_slope_deg, cfg.n_candidates
    )
    table = evaluate(points, terrain.light_settings, progress)
    weights = {k: v for k, v in cfg.model_dump().items() if k.startswith("weight_")}
    table["score"] = score(table, weights, cfg.max_slope_deg)
    features = named_features()
    near = [
        nearest_feature(a, b, features) for a, b in zip(table.lat_deg, table.lon_deg, strict=True)
    ]
    table["near_feature"] = [n for n, _ in near]
    table["near_feature_distance_km"] = [d for _, d in near]
    table = table.sort_values("score", ascending=False, kind="stable").reset_index(drop=True)
    table.index = pd.RangeIndex(1, len(table) + 1, name="rank")
    return SiteResults(table)
