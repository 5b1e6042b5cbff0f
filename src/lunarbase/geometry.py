"""Geometry on the lunar reference sphere (R = 1737.4 km): the one latitude/longitude check,
distances, longitude wrapping, the south polar stereographic radius and the coordinate
reference systems (CRS) of the maps, shared by every stage.

References
----------
.. [1] Archinal, B. A. et al. (2018) Report of the IAU Working Group on Cartographic Coordinates
   and Rotational Elements: 2015. Celest. Mech. Dyn. Astr. 130:22,
   doi:10.1007/s10569-017-9805-5 -- Moon mean radius 1737.4 km; PROJ's ``IAU_2015`` CRSs.
"""

from __future__ import annotations

import warnings
from functools import cache
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lunarbase.constants import MOON_RADIUS_M
from lunarbase.errors import QueryError

if TYPE_CHECKING:
    from pyproj import CRS

POLAR_STEREO_PROJ4 = (
    "+proj=stere +lat_0=-90 +lon_0=0 +k=1 +x_0=0 +y_0=0 +R=1737400 +units=m +no_defs"
)
"""LOLA south polar stereographic frame of every polar grid, x and y [m] (the catalog's
``crs``)."""

LONLAT_PROJ4 = "+proj=longlat +R=1737400 +no_defs"
"""Planetocentric latitude/longitude [deg] on the 1737.4 km sphere (the catalog's ``crs``)."""

MOON_IAU_2015_CRS = ("IAU_2015:30100", "IAU_2015:30130", "IAU_2015:30135")
"""IAU 2015 CRSs on the Moon's mean sphere (R = 1737.4 km) [1]_ in PROJ's database:
planetocentric latitude/longitude, north and south polar stereographic."""


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


@cache
def moon_crs(crs: str) -> CRS:
    """The named IAU 2015 lunar CRS [1]_ that a PROJ string (or WKT) defines.

    A GIS tool shown ``+R=1737400`` alone sees an unnamed sphere; the IAU CRS of the same
    parameters names the Moon's datum and sphere ("Moon (2015) - Sphere") and carries an
    ``IAU_2015:301xx`` identifier, so QGIS and GDAL place the map on the Moon. Offline: the
    definitions come from the ``proj.db`` that pyproj ships.

    Parameters
    ----------
    crs : str
        A CRS as PROJ string or WKT, e.g. :data:`POLAR_STEREO_PROJ4` or :data:`LONLAT_PROJ4`.

    Returns
    -------
    pyproj.CRS
        The entry of :data:`MOON_IAU_2015_CRS` with the same PROJ parameters, or ``crs`` itself
        (parsed) when none has them.
    """
    from pyproj import CRS

    given = CRS.from_user_input(crs)
    with warnings.catch_warnings():  # to_proj4 warns that a PROJ string drops names
        warnings.simplefilter("ignore", UserWarning)
        params = given.to_proj4()
        for code in MOON_IAU_2015_CRS:
            named = CRS.from_user_input(code)
            if named.to_proj4() == params:
                return named
    return given
