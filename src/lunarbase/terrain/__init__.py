"""Terrain and light: polar DEMs, horizons, Sun/Earth visibility, slopes and PSRs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd

from lunarbase.ephemeris import period_directions
from lunarbase.errors import QueryError
from lunarbase.scenario import Terrain
from lunarbase.terrain.dem import (
    check_latlon,
    global_elevation_m,
    latlon_to_xy,
    polar_terrain,
)
from lunarbase.terrain.horizon import point_horizon
from lunarbase.terrain.illumination import LightSeries, light_series
from lunarbase.terrain.psr import distance_to_psr_km, in_psr

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
    horizon = point_horizon(
        polar_terrain(),
        float(x),
        float(y),
        observer_height_m=observer_height_m,
        n_azimuths=n_azimuths,
        max_distance_m=max_distance_km * 1000.0,
    )
    return light_series(horizon, dirs, step_h)


@dataclass(frozen=True)
class TerrainResults:
    """Terrain and light at one site: ``summary`` (JSON-ready scalars with units in their
    names) and ``series`` (Sun fraction and Earth view per UTC time; empty off the polar DEMs).
    """

    summary: dict[str, Any]
    series: pd.DataFrame


def assess(lat_deg: float, lon_deg: float, cfg: Terrain) -> TerrainResults:
    """Everything terrain knows about a point: elevation, slope, light statistics, PSR."""
    out = point_elevation(lat_deg, lon_deg)
    out.update({"lat_deg": lat_deg, "lon_deg": lon_deg % 360.0})
    if out["x_m"] is None:
        return TerrainResults(out, pd.DataFrame())
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
    return TerrainResults(out, series.frame)
