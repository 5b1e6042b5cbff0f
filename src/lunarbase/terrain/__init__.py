"""Terrain and light: polar DEMs, horizons, Sun/Earth visibility, slopes and PSRs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from lunarbase.ephemeris import period_directions
from lunarbase.errors import QueryError
from lunarbase.scenario import Terrain
from lunarbase.terrain.dem import (
    check_latlon,
    global_elevation_m,
    latlon_to_xy,
    polar_terrain,
)
from lunarbase.terrain.horizon import Horizon, point_horizon
from lunarbase.terrain.illumination import LightSeries, light_series
from lunarbase.terrain.psr import distance_to_psr_km, in_psr

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["TerrainResults", "assess", "point_elevation", "point_light"]


def point_elevation(lat_deg: float, lon_deg: float) -> dict[str, Any]:
    """Elevation [m] at a point from the finest DEM covering it, and the DEM's name."""
    check_latlon(lat_deg, lon_deg)
    x, y = latlon_to_xy(lat_deg, lon_deg)
    terrain = polar_terrain()
    z, which = terrain.elevation_m(x, y)
    if int(which) >= 0:
        grid = terrain.grids[int(which)]
        slope = terrain.slope_deg(float(x), float(y))
        return {
            "elevation_m": float(z),
            "slope_deg": slope,
            "dem": grid.attrs["dataset"],
            "dem_resolution_m": float(grid.attrs["pixel_size_m"]),
            "x_m": float(x),
            "y_m": float(y),
        }
    return {
        "elevation_m": global_elevation_m(lat_deg, lon_deg),
        "slope_deg": None,
        "dem": "ldem_4",
        "dem_resolution_m": 7580.0,
        "x_m": None,
        "y_m": None,
    }


def point_light(
    lat_deg: float,
    lon_deg: float,
    *,
    start: dt.date | str,
    end: dt.date | str,
    step_h: float,
    observer_height_m: float = 2.0,
    n_azimuths: int = 360,
    max_distance_km: float = 330.0,
) -> LightSeries:
    """Sun-disk fraction and Earth view series at a point of the south-polar DEMs."""
    check_latlon(lat_deg, lon_deg)
    if observer_height_m < 0:
        raise QueryError(f"observer height {observer_height_m} m must be >= 0")
    dirs = period_directions(start, end, step_h)
    x, y = latlon_to_xy(lat_deg, lon_deg)
    if int(polar_terrain().elevation_m(x, y)[1]) < 0:
        raise QueryError(
            f"point {lat_deg}, {lon_deg} is outside the south-polar DEMs (79S-90S); "
            "light is computed only there"
        )
    horizon = cached_point_horizon(
        float(x),
        float(y),
        observer_height_m=observer_height_m,
        n_azimuths=n_azimuths,
        max_distance_m=max_distance_km * 1000.0,
    )
    return light_series(horizon, dirs, step_h)


POINT_HORIZON_CACHE_VERSION = 2
"""Bump when :func:`lunarbase.terrain.horizon.point_horizon` changes, to rebuild the cache."""


def cached_point_horizon(
    x_m: float, y_m: float, *, observer_height_m: float, n_azimuths: int, max_distance_m: float
) -> Horizon:
    """:func:`point_horizon` on the real polar DEM stack, cached on disk by the DEMs' sha256
    and every parameter (a repeated point query reads 3 kB instead of sampling 0.8 million
    terrain points: 0.11 s -> 1 ms)."""
    from lunarbase.data.loaders import cached_array

    terrain = polar_terrain()
    key = {
        "kind": "point_horizon",
        "version": POINT_HORIZON_CACHE_VERSION,
        "dems": [str(g.attrs.get("sha256", "")) for g in terrain.grids],
        "x_m": x_m,
        "y_m": y_m,
        "observer_height_m": observer_height_m,
        "n_azimuths": n_azimuths,
        "max_distance_m": max_distance_m,
    }

    def build() -> np.ndarray:
        h = point_horizon(
            terrain,
            x_m,
            y_m,
            observer_height_m=observer_height_m,
            n_azimuths=n_azimuths,
            max_distance_m=max_distance_m,
        )
        return np.concatenate([[h.ground_m], h.elevation_deg])

    packed = np.asarray(cached_array(key, build), dtype=np.float64)
    azimuth = np.arange(n_azimuths, dtype=np.float64) * (360.0 / n_azimuths)
    return Horizon(azimuth, np.array(packed[1:]), x_m, y_m, float(packed[0]), observer_height_m)


@dataclass(frozen=True)
class TerrainResults:
    """Terrain and light at one site: ``summary`` (JSON-ready scalars with units in their
    names) and ``light`` (Sun fraction and Earth view per UTC time; None off the polar DEMs).
    """

    summary: dict[str, Any]
    light: LightSeries | None

    @property
    def series(self) -> pd.DataFrame:
        """``light`` as a DataFrame indexed by UTC time (empty off the polar DEMs)."""
        import pandas as pd

        return pd.DataFrame() if self.light is None else self.light.frame


def assess(lat_deg: float, lon_deg: float, cfg: Terrain) -> TerrainResults:
    """Everything terrain knows about a point: elevation, slope, light statistics, PSR."""
    out = point_elevation(lat_deg, lon_deg)
    out.update({"lat_deg": lat_deg, "lon_deg": lon_deg % 360.0})
    if out["x_m"] is None:
        return TerrainResults(out, None)
    series = point_light(
        lat_deg,
        lon_deg,
        start=cfg.start,
        end=cfg.end,
        step_h=cfg.step_h,
        observer_height_m=cfg.observer_height_m,
        n_azimuths=cfg.horizon_azimuths,
        max_distance_km=cfg.horizon_max_distance_km,
    )
    out.update(series.stats())
    out["in_psr"] = in_psr(out["x_m"], out["y_m"])
    out["distance_to_psr_km"] = distance_to_psr_km(out["x_m"], out["y_m"])
    out["observer_height_m"] = cfg.observer_height_m
    out["period_utc"] = f"{cfg.start}/{cfg.end}"
    out["step_h"] = cfg.step_h
    return TerrainResults(out, series)
