"""Candidate base sites near the south pole: criteria layers -> weighted score -> ranked table.

Candidates are local summits of the 240 m LOLA grid within a set angle of the pole, because
polar peaks and ridges are where near-continuous sunlight exists (Bussey et al. 1999 [1]_;
Mazarico et al. 2011 [2]_). Each is scored by a weighted sum (multi-criteria decision
analysis, weighted linear combination; Malczewski 2006 [3]_) of: mean visible solar-disk
fraction, fraction of time Earth is in view, slope, and nearness to a permanently shadowed
region (possible ice).

References
----------
.. [1] Bussey, D. B. J., Spudis, P. D. & Robinson, M. S. (1999) Illumination conditions at the
   lunar south pole. GRL 26(9):1187-1190, doi:10.1029/1999GL900213
.. [2] Mazarico, E. et al. (2011) Icarus 211:1066-1081, doi:10.1016/j.icarus.2010.10.030
.. [3] Malczewski, J. (2006) GIS-based multicriteria decision analysis: a survey of the
   literature. Int. J. Geogr. Inf. Sci. 20(7):703-726, doi:10.1080/13658810600661508
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import ndimage

from lunarbase.ephemeris import Directions
from lunarbase.geometry import great_circle_km, polar_radius_m
from lunarbase.jsonable import plain
from lunarbase.scenario import Sites, Terrain
from lunarbase.terrain.dem import PolarTerrain, slope_map_deg, xy_to_latlon
from lunarbase.terrain.horizon import point_horizon
from lunarbase.terrain.illumination import light_series
from lunarbase.terrain.psr import distance_to_psr_km

PSR_PROXIMITY_SCALE_KM = 10.0
"""e-folding distance of the PSR-proximity score [km] (assumption: a rover's daily range)."""

SUMMIT_WINDOW_PX = 21
"""Neighbourhood in which a candidate must be the highest pixel [px] (5 km on the 240 m grid)."""


@dataclass(frozen=True)
class SiteResults:
    """Ranked candidate sites; ``table`` columns carry their units in their names."""

    table: pd.DataFrame

    def to_records(self) -> list[dict[str, object]]:
        """Rows as JSON-ready dicts, best first."""
        records: list[dict[str, object]] = plain(self.table.reset_index().to_dict(orient="records"))
        return records


def summit_candidates(
    terrain: PolarTerrain, max_colatitude_deg: float, max_slope_deg: float, n: int
) -> pd.DataFrame:
    """The ``n`` highest local summits of the 240 m grid within ``max_colatitude_deg`` of the
    south pole whose slope is at most ``max_slope_deg``; columns x_m, y_m, elevation_m."""
    grid = next(g for g in terrain.grids if float(g.attrs["pixel_size_m"]) == 240.0)
    z = np.asarray(grid.values, float)
    x, y = np.meshgrid(np.asarray(grid.x), np.asarray(grid.y))
    rho_max = polar_radius_m(max_colatitude_deg)
    filled = np.nan_to_num(z, nan=-np.inf)
    peaks = filled == ndimage.maximum_filter(filled, size=SUMMIT_WINDOW_PX)
    slope = slope_map_deg(grid)
    ok = peaks & (np.hypot(x, y) <= rho_max) & (slope <= max_slope_deg) & np.isfinite(z)
    order = np.argsort(z[ok])[::-1][:n]
    return pd.DataFrame(
        {"x_m": x[ok][order], "y_m": y[ok][order], "elevation_m": z[ok][order]}
    ).reset_index(drop=True)


def score(table: pd.DataFrame, cfg: Sites) -> pd.Series:
    """Weighted-sum suitability in [0, 1] from the criteria columns of ``table``."""
    layers = {
        "weight_illumination": table["illumination_fraction"],
        "weight_earth_visibility": table["earth_visible_fraction"],
        "weight_slope": (1.0 - table["slope_deg"] / cfg.max_slope_deg).clip(0.0, 1.0),
        "weight_psr_proximity": np.exp(-table["distance_to_psr_km"] / PSR_PROXIMITY_SCALE_KM),
    }
    weights = {k: getattr(cfg, k) for k in layers}
    total = sum(weights.values())
    return sum(weights[k] * layers[k] for k in layers) / total


def evaluate(
    points: pd.DataFrame,
    terrain: PolarTerrain,
    dirs: Directions,
    terrain_cfg: Terrain,
    progress: Callable[[float], None] | None = None,
) -> pd.DataFrame:
    """Criteria of every point (x_m, y_m columns): light statistics, slope, PSR distance."""
    rows = []
    for i, (x, y) in enumerate(zip(points["x_m"], points["y_m"], strict=True)):
        horizon = point_horizon(
            terrain,
            float(x),
            float(y),
            observer_height_m=terrain_cfg.observer_height_m,
            n_azimuths=terrain_cfg.horizon_azimuths,
            max_distance_m=terrain_cfg.horizon_max_distance_km * 1000.0,
        )
        stats = light_series(horizon, dirs, terrain_cfg.step_h).stats()
        lat, lon = xy_to_latlon(x, y)
        rows.append(
            {
                "lat_deg": float(lat),
                "lon_deg": float(lon),
                "elevation_m": horizon.ground_m,
                "slope_deg": terrain.slope_deg(float(x), float(y)),
                **stats,
                "distance_to_psr_km": distance_to_psr_km(float(x), float(y)),
            }
        )
        if progress is not None:
            progress((i + 1) / len(points))
    return pd.DataFrame(rows, index=points.index)


def nearest_feature(lat_deg: float, lon_deg: float, features: pd.DataFrame) -> tuple[str, float]:
    """Name of, and great-circle distance [km] to, the nearest named feature."""
    d = great_circle_km(lat_deg, lon_deg, features["lat"].to_numpy(), features["lon"].to_numpy())
    k = int(np.argmin(d))
    return str(features.index[k]), float(d[k])


def rank(
    cfg: Sites,
    terrain_cfg: Terrain,
    terrain: PolarTerrain,
    dirs: Directions,
    features: pd.DataFrame,
    progress: Callable[[float], None] | None = None,
) -> SiteResults:
    """Find summit candidates, evaluate and score them, best first."""
    points = summit_candidates(terrain, cfg.max_colatitude_deg, cfg.max_slope_deg, cfg.n_candidates)
    table = evaluate(points, terrain, dirs, terrain_cfg, progress)
    table["score"] = score(table, cfg)
    near = [
        nearest_feature(a, b, features) for a, b in zip(table.lat_deg, table.lon_deg, strict=True)
    ]
    table["near_feature"] = [n for n, _ in near]
    table["near_feature_distance_km"] = [d for _, d in near]
    table = table.sort_values("score", ascending=False, kind="stable").reset_index(drop=True)
    table.index = pd.RangeIndex(1, len(table) + 1, name="rank")
    return SiteResults(table)
