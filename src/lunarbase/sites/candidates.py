"""Candidate base sites near the south pole: summits of the polar grid and their weighted score.

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

from collections.abc import Mapping

import numpy as np
import pandas as pd
from scipy import ndimage

from lunarbase.geometry import great_circle_km, polar_radius_m
from lunarbase.terrain import PolarTerrain, slope_map_deg

PSR_PROXIMITY_SCALE_KM = 10.0
"""e-folding distance of the PSR-proximity score [km] (assumption: a rover's daily range)."""

SUMMIT_WINDOW_PX = 21
"""Neighbourhood in which a candidate must be the highest pixel [px] (5 km on the 240 m grid)."""


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


def score(table: pd.DataFrame, weights: Mapping[str, float], max_slope_deg: float) -> pd.Series:
    """Weighted-sum suitability in [0, 1] from the criteria columns of ``table``.

    Parameters
    ----------
    table : pandas.DataFrame
        Columns ``illumination_fraction`` [-], ``earth_visible_fraction`` [-], ``slope_deg``
        [deg] and ``distance_to_psr_km`` [km].
    weights : mapping
        ``weight_illumination``, ``weight_earth_visibility``, ``weight_slope`` and
        ``weight_psr_proximity`` [-], >= 0 with a positive sum (normalised here).
    max_slope_deg : float
        Slope that scores 0 [deg]; a flat site scores 1.
    """
    layers = {
        "weight_illumination": table["illumination_fraction"],
        "weight_earth_visibility": table["earth_visible_fraction"],
        "weight_slope": (1.0 - table["slope_deg"] / max_slope_deg).clip(0.0, 1.0),
        "weight_psr_proximity": np.exp(-table["distance_to_psr_km"] / PSR_PROXIMITY_SCALE_KM),
    }
    total = sum(weights[k] for k in layers)
    return sum(weights[k] * layers[k] for k in layers) / total


def nearest_feature(lat_deg: float, lon_deg: float, features: pd.DataFrame) -> tuple[str, float]:
    """Name of, and great-circle distance [km] to, the nearest named feature."""
    d = great_circle_km(lat_deg, lon_deg, features["lat"].to_numpy(), features["lon"].to_numpy())
    k = int(np.argmin(d))
    return str(features.index[k]), float(d[k])
