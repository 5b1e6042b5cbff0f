"""Terrain off the pole, on the global grid: slope from LOLA LDEM_4 and the Earth's view over a
level horizon, at many points at once (the He-3 mining-site search of :mod:`lunarbase.sites`).

Outside 79-90 S the project has no DEM fine enough for horizons, so, as in
:func:`lunarbase.terrain.with_flat_horizon_light`, the Earth counts as in view whenever its
centre stands above the point's level horizon plane. Over the year the sub-Earth point wanders
by the optical librations, about +-7.9 deg in longitude and +-6.7 deg in latitude [1]_, so
points within ~82 deg of the mean sub-Earth point (0 N, 0 E) always see the Earth, points
beyond ~98 deg never do, and a band between sees it part of the time; the fractions here come
from the ephemeris (:func:`lunarbase.ephemeris.period_directions`), not from those round
numbers.

The slope is that of LDEM_4 (4 pixels per degree, 7.58 km at the equator) by central
differences on the 1737.4 km sphere [2]_: a slope over a ~15 km baseline, which smooths away
crater walls and boulder fields a miner would meet (a lower bound on the local slope).

References
----------
.. [1] Meeus, J. (1998) Astronomical Algorithms, 2nd ed., ch. 53 (Ephemeris for physical
   observations of the Moon): optical librations in longitude up to +-7.9 deg and in latitude
   up to +-6.7 deg.
.. [2] Smith, D. E. et al. (2010) Initial observations from the Lunar Orbiter Laser Altimeter
   (LOLA). GRL 37, L18204, doi:10.1029/2010GL043751 -- LDEM_4 (PDS LRO-L-LOLA-4-GDR-V1.0).
"""

from __future__ import annotations

import numpy as np

from lunarbase.constants import MOON_RADIUS_M
from lunarbase.ephemeris import period_directions
from lunarbase.terrain.point import LightSettings

EARTH_VIEW_MAX_TIMES = 500
"""Most times of the light period the map's Earth fractions are computed at [count]: the
period's time grid is thinned evenly to this (a year at 2 h is 4,380 steps, thinned to one in
9: the libration's monthly cycle is still sampled every 18 h)."""


def global_slope_deg(lat_deg: np.ndarray, lon_deg: np.ndarray) -> np.ndarray:
    """Slope [deg] of LDEM_4 at the pixels containing the points, by central differences on
    the sphere (east-west spacing ``R cos(lat) dlon``, north-south ``R dlat``).

    Parameters
    ----------
    lat_deg, lon_deg : numpy.ndarray
        Points [deg, deg E], same shape; latitudes within the grid's outermost pixel centres
        (+-89.875 deg) are clipped to them.

    Returns
    -------
    numpy.ndarray
        Slope [deg], same shape as the points.
    """
    from lunarbase.data import load

    dem = load("ldem_4")
    z = np.asarray(dem.values, float)
    lat = np.asarray(dem.lat, float)
    step = np.radians(0.25)
    dz_north = np.gradient(z, axis=0) / (-MOON_RADIUS_M * step)  # rows run south
    dz_east = (np.roll(z, -1, axis=1) - np.roll(z, 1, axis=1)) / 2.0
    dz_east /= MOON_RADIUS_M * step * np.cos(np.radians(lat))[:, None]
    slope = np.degrees(np.arctan(np.hypot(dz_north, dz_east)))
    row = np.clip(((90.0 - np.asarray(lat_deg, float)) * 4.0).astype(int), 0, 719)
    col = (np.mod(np.asarray(lon_deg, float), 360.0) * 4.0).astype(int) % 1440
    return np.asarray(slope[row, col], float)


def earth_visible_fraction_level(
    lat_deg: np.ndarray, lon_deg: np.ndarray, settings: LightSettings
) -> np.ndarray:
    """Fraction of the light period the Earth's centre stands above each point's level horizon
    [-] (the ephemeris over a flat horizon; see the module notes).

    Parameters
    ----------
    lat_deg, lon_deg : numpy.ndarray
        Points [deg, deg E], same shape.
    settings : LightSettings
        The light period and time step (thinned to at most :data:`EARTH_VIEW_MAX_TIMES`).

    Returns
    -------
    numpy.ndarray
        Fraction in [0, 1], same shape as the points.
    """
    earth = period_directions(settings.start, settings.end, settings.step_h).earth
    earth = earth[:: max(1, -(-len(earth) // EARTH_VIEW_MAX_TIMES))]
    lat = np.radians(np.asarray(lat_deg, float)).ravel()
    lon = np.radians(np.asarray(lon_deg, float)).ravel()
    up = np.column_stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])
    seen = np.empty(len(up))
    for start in range(0, len(up), 20_000):  # ~20k x 500 booleans at a time
        chunk = up[start : start + 20_000]
        seen[start : start + len(chunk)] = (chunk @ earth.T > 0.0).mean(axis=1)
    return seen.reshape(np.shape(lat_deg))
