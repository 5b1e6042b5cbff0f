"""Geometry on the lunar reference sphere (R = 1737.4 km): the one latitude/longitude check,
distances, longitude wrapping and the south polar stereographic radius, shared by every stage."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lunarbase.constants import MOON_RADIUS_M
from lunarbase.errors import QueryError


def wrap_lon_180(lon_deg: ArrayLike) -> NDArray[np.float64]:
    """Longitude wrapped to [-180, 180) [deg E]."""
    return (np.asarray(lon_deg, dtype=float) + 180.0) % 360.0 - 180.0


def great_circle_km(
    lat1_deg: ArrayLike, lon1_deg: ArrayLike, lat2_deg: ArrayLike, lon2_deg: ArrayLike
) -> NDArray[np.float64]:
    """Great-circle distance on the lunar reference sphere [km] (haversine form, broadcasts)."""
    p1, p2 = np.radians(lat1_deg), np.radians(lat2_deg)
    dlat = p2 - p1
    dlon = np.radians(np.asarray(lon2_deg, dtype=float) - np.asarray(lon1_deg, dtype=float))
    h = np.sin(dlat / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlon / 2) ** 2
    angle = 2.0 * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
    return np.asarray(angle * MOON_RADIUS_M / 1000.0)


def polar_radius_m(colatitude_deg: ArrayLike) -> NDArray[np.float64]:
    """South polar stereographic map radius rho = 2R tan(c/2) [m] of a colatitude c from the
    pole [deg] (the LOLA polar convention)."""
    return np.asarray(2.0 * MOON_RADIUS_M * np.tan(np.radians(colatitude_deg) / 2.0))


def check_latlon(lat_deg: float, lon_deg: float) -> None:
    """Raise a one-line :class:`~lunarbase.errors.QueryError` unless ``lat_deg`` is a finite
    latitude in [-90, 90] [deg] and ``lon_deg`` a finite longitude in [-360, 360] [deg E]
    (both 0..360 and -180..180 conventions are accepted)."""
    if not np.isfinite(lat_deg) or not -90.0 <= lat_deg <= 90.0:
        raise QueryError(f"latitude {lat_deg} deg is outside [-90, 90]")
    if not np.isfinite(lon_deg) or not -360.0 <= lon_deg <= 360.0:
        raise QueryError(f"longitude {lon_deg} deg is outside [-360, 360]")
