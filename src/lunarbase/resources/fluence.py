"""Solar-wind fluence on the lunar surface: latitude and the Earth's magnetotail.

The normalised, time-averaged solar-wind flux on a surface element relative to the unshielded
equator (:func:`fluence_factor`) is ``cos(lat)`` times a longitude factor for the magnetotail,
which blocks the wind for ~4 days around full Moon [13]_, when the nearside is the day side
(:func:`magnetotail_factor`); bins get their area-mean fluence (:func:`bin_fluence_factor`).
The ``fluence_tio2_line`` grade model (:mod:`.grades`) multiplies its TiO2 line by it.

(Reference numbers are those of the former single He-3 module, kept so that citations in
tests and notes stay valid.)

References
----------
.. [7] Davies, M. E. & Colvin, T. R. (2000) Lunar coordinates in the regions of the Apollo
   landers. JGR 105(E8):20277-20280 -- Apollo 11 0.674 N 23.473 E, Apollo 16 8.973 S 15.501 E,
   Apollo 17 20.191 N 30.772 E (values as commonly quoted from it; not re-read in this pass).
   Apollo 16 checked against the LROC-based position 8.9734 S 15.5011 E (J. Astron. Space Sci.
   41(4):249, Table 4).
.. [8] Johnson, J. R., Swindle, T. D. & Lucey, P. G. (1999) Estimated solar wind-implanted
   helium-3 distribution on the Moon. GRL 26(3):385-388, doi:10.1029/1998GL900305 (abstract
   seen: He-3 depends on maturity, solar-wind fluence and TiO2; richest in farside maria).
.. [12] Meeus, J. (1998) *Astronomical Algorithms*, 2nd ed., Willmann-Bell, ch. 49 -- mean
   synodic month 29.530588861 d (standard value; not re-read in this pass).
.. [13] Hurley, D. M. & Farrell, W. M. (2013) Solar wind fluence to the lunar surface. 44th LPSC,
   abstract 2015 (seen via docslib.org/doc/1425623): fluence for one lunation "assuming a
   spherical Moon, no obliquity, and a magnetotail spanning the moon phase 177 +- 25 deg during
   which the flux is zero".
.. [14] Dandouras, I. (2025) The lunar plasma environment when the Moon is in the terrestrial
   magnetotail. EPSC-DPS 2025, doi:10.5194/epsc-dps2025-1517 -- "The Moon during 5 - 6 days
   every orbit crosses the tail of the terrestrial magnetosphere".
.. [15] Phillips, T. (2008) The Moon and the magnetotail. Science@NASA, 17 Apr 2008 (seen as the
   SpaceDaily (SPX) text of 18 Apr 2008, re-posted), quoting T. Stubbs (GSFC): the Moon "enters the
   magnetotail three days before it is full and takes about six days to cross".
"""

from __future__ import annotations

import math
from types import MappingProxyType

import numpy as np

from lunarbase.errors import QueryError
from lunarbase.typing import ArrayLike

# --- fluence_tio2_line: solar-wind fluence by latitude and longitude x the TiO2 line --------

APOLLO_SITE_LAT_DEG = MappingProxyType({"apollo11": 0.674, "apollo16": -8.973, "apollo17": 20.191})
"""Latitudes of the Apollo landing sites whose soils anchor the TiO2 line [deg] [7]_."""

APOLLO_SITE_LON_DEG = MappingProxyType({"apollo11": 23.473, "apollo16": 15.501, "apollo17": 30.772})
"""East longitudes of the same landing sites [deg E] [7]_."""

SYNODIC_MONTH_DAYS = 29.530589
"""Mean synodic month (lunation) [d] [12]_."""

SUBSOLAR_LON_RATE_DEG_PER_DAY = 360.0 / SYNODIC_MONTH_DAYS
"""Rate at which the sub-solar point sweeps selenographic longitude (westward) [deg/d]:
360 deg per synodic month, 12.19 deg/d."""

HURLEY2013_MAGNETOTAIL_PHASE_DEG = (177.0, 25.0)
"""Lunar phase (0 = new, 180 = full) at the centre of the magnetotail crossing and the half-width
of the crossing [deg], over which Hurley & Farrell (2013) [13]_ set the solar-wind flux to zero."""

MAGNETOTAIL_CENTRE_SUBSOLAR_LON_DEG = 180.0 - HURLEY2013_MAGNETOTAIL_PHASE_DEG[0]
"""Sub-solar selenographic longitude at the centre of the magnetotail crossing [deg E]: at phase
``p`` the Sun stands over longitude ``180 - p`` (over 0 at full Moon, over +90 E at first
quarter), so +3 deg: the tail axis is aberrated by the Earth's orbital motion and the Moon reaches
it ~6 h before full."""

MAGNETOTAIL_CROSSING_DAYS = (
    2.0 * HURLEY2013_MAGNETOTAIL_PHASE_DEG[1] / SUBSOLAR_LON_RATE_DEG_PER_DAY
)
"""Time the Moon spends in the Earth's magnetotail each lunation, solar wind fully blocked [d]:
50 deg of phase [13]_ = 4.10 d. Other accounts give 5-6 d [14]_ and "about six days" [15]_, which
:data:`MAGNETOTAIL_CROSSING_DAYS_LONG` keeps for sensitivity runs."""

MAGNETOTAIL_CROSSING_DAYS_LONG = 6.0
"""Longer magnetotail crossing quoted by NASA/GSFC ("about six days") [15]_ and the upper end of
Dandouras' "5-6 days every orbit" [14]_ [d]."""

_HALF_PI = math.pi / 2.0
_TWO_PI = 2.0 * math.pi


def _wrap_period(u: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``u = 2 pi k + v`` with integer ``k`` and ``v`` in [-pi, pi)."""
    k = np.floor((u + math.pi) / _TWO_PI)
    return k, u - _TWO_PI * k


def _cos_plus_antiderivative(u: np.ndarray) -> np.ndarray:
    """``Q(u) = int_0^u max(0, cos t) dt`` [rad]: ``2k + sin(clip(v, -pi/2, pi/2))``."""
    k, v = _wrap_period(u)
    return np.asarray(2.0 * k + np.sin(np.clip(v, -_HALF_PI, _HALF_PI)))


def _cos_plus_second_antiderivative(u: np.ndarray) -> np.ndarray:
    """``R(u) = int_0^u Q(t) dt`` [rad^2]: ``2 pi k^2 + 2 k v + r(v)`` with ``r(v) = 1 - cos v``
    for ``|v| <= pi/2`` and ``1 + |v| - pi/2`` beyond (the integral of ``Q`` over a full period
    from ``-pi`` is ``4 pi k``)."""
    k, v = _wrap_period(u)
    av = np.abs(v)
    r = np.where(av <= _HALF_PI, 1.0 - np.cos(v), 1.0 + av - _HALF_PI)
    return np.asarray(_TWO_PI * k * k + 2.0 * k * v + r)


def magnetotail_half_width_deg(crossing_days: float) -> float:
    """Half-width of the shielded arc of sub-solar longitude [deg]:
    ``crossing_days / 2 x`` :data:`SUBSOLAR_LON_RATE_DEG_PER_DAY`.

    Raises
    ------
    QueryError
        ``crossing_days`` outside 0 .. one synodic month.
    """
    if not (math.isfinite(crossing_days) and 0.0 <= crossing_days <= SYNODIC_MONTH_DAYS):
        raise QueryError(
            f"crossing_days = {crossing_days!r} must be between 0 and {SYNODIC_MONTH_DAYS} d"
        )
    return crossing_days / 2.0 * SUBSOLAR_LON_RATE_DEG_PER_DAY


def magnetotail_factor(
    lon_deg: ArrayLike,
    *,
    crossing_days: float = MAGNETOTAIL_CROSSING_DAYS,
    centre_deg: float = MAGNETOTAIL_CENTRE_SUBSOLAR_LON_DEG,
) -> np.ndarray:
    """Solar-wind fluence at a longitude, with the Earth's magnetotail, over that without it [-].

    Over a lunation the sub-solar longitude ``s`` sweeps the whole circle at a uniform rate; a
    surface element at longitude ``lon`` receives ``max(0, cos(lon - s))`` (times ``cos(lat)``,
    :func:`fluence_factor`), except while the Moon is inside the magnetotail, i.e. for ``s``
    within ``w`` of the tail centre ``s0`` (Hurley & Farrell 2013 [1]_ model the tail the same
    way: zero flux over a phase window). The time average over ``s`` outside that arc,
    normalised by the unshielded average ``1/pi``, is

    ``1 - (1/2) int_{x-w}^{x+w} max(0, cos u) du``,  ``x = lon - s0``,

    the integral being ``Q(x + w) - Q(x - w)`` with ``Q`` the antiderivative of
    ``max(0, cos)``. It is 1 on the farside meridian opposite ``s0``, ``1 - sin w`` at ``s0``
    (the sub-Earth region, whose noon falls in the tail) and averages ``1 - w/pi`` over the
    circle. Libration, the 1.5 deg spin-axis tilt, the 5 deg orbital inclination (the Moon can
    pass above or below the tail) and the plasma-sheet ions inside the tail are ignored.

    Parameters
    ----------
    lon_deg : array_like
        Selenographic longitude [deg E], any range; NaN stays NaN.
    crossing_days : float, optional
        Time in the magnetotail per lunation [d]; default :data:`MAGNETOTAIL_CROSSING_DAYS`
        (4.10 d [1]_); 0 switches shielding off.
    centre_deg : float, optional
        Sub-solar longitude at mid-crossing [deg E]; default +3 deg [1]_.

    Returns
    -------
    numpy.ndarray
        Factor in [1 - sin w, 1] for ``w <= 90 deg`` [-].

    Raises
    ------
    QueryError
        ``crossing_days`` outside 0 .. one synodic month.

    References
    ----------
    .. [1] Hurley & Farrell (2013) LPSC 44, abstract 2015 (module reference [13]).
    """
    w = math.radians(magnetotail_half_width_deg(crossing_days))
    x = np.radians(np.asarray(lon_deg, dtype=float) - centre_deg)
    blocked = _cos_plus_antiderivative(x + w) - _cos_plus_antiderivative(x - w)
    return np.asarray(1.0 - blocked / 2.0)


def bin_magnetotail_factor(
    lon_min_deg: ArrayLike,
    lon_max_deg: ArrayLike,
    *,
    crossing_days: float = MAGNETOTAIL_CROSSING_DAYS,
    centre_deg: float = MAGNETOTAIL_CENTRE_SUBSOLAR_LON_DEG,
) -> np.ndarray:
    """Mean of :func:`magnetotail_factor` over longitude intervals [-].

    With ``R`` the second antiderivative of ``max(0, cos)``, the integral of the blocked part
    over ``x`` in ``[a, b]`` is ``R(b + w) - R(a + w) - R(b - w) + R(a - w)``; exact for any
    width (a 360-deg polar cap gives ``1 - w/pi``).

    Parameters
    ----------
    lon_min_deg, lon_max_deg : array_like
        Western and eastern edges [deg E], ``lon_max >= lon_min`` (LP bins: -180..180); where
        equal, the point value.
    crossing_days, centre_deg : float, optional
        As for :func:`magnetotail_factor`.

    Returns
    -------
    numpy.ndarray
        Mean factor of each interval [-].
    """
    w = math.radians(magnetotail_half_width_deg(crossing_days))
    a = np.radians(np.asarray(lon_min_deg, dtype=float) - centre_deg)
    b = np.radians(np.asarray(lon_max_deg, dtype=float) - centre_deg)
    r = _cos_plus_second_antiderivative
    blocked = r(b + w) - r(a + w) - r(b - w) + r(a - w)
    width = b - a
    thin = np.abs(width) < 1e-12
    point = _cos_plus_antiderivative((a + b) / 2 + w) - _cos_plus_antiderivative((a + b) / 2 - w)
    mean_blocked = np.where(thin, point, blocked / np.where(thin, 1.0, width))
    return np.asarray(1.0 - mean_blocked / 2.0)


def fluence_factor(
    lat_deg: ArrayLike,
    lon_deg: ArrayLike,
    *,
    crossing_days: float = MAGNETOTAIL_CROSSING_DAYS,
) -> np.ndarray:
    """Time-averaged solar-wind fluence at a point, normalised to the unshielded equator [-].

    The solar wind flows radially from the Sun, close to the ecliptic, and the lunar spin axis
    is only ~1.5 deg from the ecliptic pole, so over a lunation a surface element sees the wind
    at the incidence of a sunlit surface: ``cos(lat) x max(0, cos(lon - s))`` for sub-solar
    longitude ``s``. Averaged over ``s`` this gives the latitude factor ``cos(lat)`` of the
    fluence model of Johnson et al. (1999, module ref. [8]) times the longitude factor of the
    Earth's magnetotail (:func:`magnetotail_factor`), which shields the Moon around full Moon,
    when the nearside is the day side -- the reason Johnson et al. put the most He-3 in the
    farside maria. Terrain slopes and the solar-wind aberration are ignored.

    Parameters
    ----------
    lat_deg : array_like
        Selenographic latitude [deg]; NaN stays NaN.
    lon_deg : array_like
        Selenographic longitude [deg E]. Broadcasts against ``lat_deg``.
    crossing_days : float, optional
        Time in the magnetotail per lunation [d] (0 = no shielding, ``cos(lat)`` alone).

    Returns
    -------
    numpy.ndarray
        Normalised fluence in [0, 1] [-].
    """
    lat = np.clip(np.cos(np.radians(np.asarray(lat_deg, dtype=float))), 0.0, 1.0)
    return np.asarray(lat * magnetotail_factor(lon_deg, crossing_days=crossing_days))


def _band_mean_cos_lat(lat_min_deg: ArrayLike, lat_max_deg: ArrayLike) -> np.ndarray:
    """Area-weighted mean of ``cos(lat)`` over latitude bands:
    ``int cos^2 / int cos = ((b - a)/2 + (sin 2b - sin 2a)/4) / (sin b - sin a)``."""
    a = np.radians(np.asarray(lat_min_deg, dtype=float))
    b = np.radians(np.asarray(lat_max_deg, dtype=float))
    den = np.sin(b) - np.sin(a)
    num = (b - a) / 2.0 + (np.sin(2.0 * b) - np.sin(2.0 * a)) / 4.0
    thin = np.abs(den) < 1e-12
    mean = np.where(thin, np.cos((a + b) / 2.0), num / np.where(thin, 1.0, den))
    return np.asarray(np.clip(mean, 0.0, 1.0))


def bin_fluence_factor(
    lat_min_deg: ArrayLike,
    lat_max_deg: ArrayLike,
    lon_min_deg: ArrayLike,
    lon_max_deg: ArrayLike,
    *,
    crossing_days: float = MAGNETOTAIL_CROSSING_DAYS,
) -> np.ndarray:
    """Area-weighted mean of :func:`fluence_factor` over latitude-longitude bins [-].

    The area element ``cos(lat) dlat dlon`` and the fluence ``cos(lat) x M(lon)`` both
    separate, so the bin mean is the band mean of ``cos(lat)``,
    ``((b - a)/2 + (sin 2b - sin 2a)/4) / (sin b - sin a)``, times the longitude mean of the
    magnetotail factor ``M`` (:func:`bin_magnetotail_factor`). Used for the Lunar Prospector
    bins so that the polar-cap bins, whose centre is the pole (where ``cos`` is 0), get their
    true mean fluence.

    Parameters
    ----------
    lat_min_deg, lat_max_deg : array_like
        Southern and northern edges [deg]; where equal, the point value of ``cos(lat)``.
    lon_min_deg, lon_max_deg : array_like
        Western and eastern edges [deg E]; a polar cap spans 360 deg.
    crossing_days : float, optional
        Time in the magnetotail per lunation [d].

    Returns
    -------
    numpy.ndarray
        Mean normalised fluence of each bin [-].
    """
    lon_mean = bin_magnetotail_factor(lon_min_deg, lon_max_deg, crossing_days=crossing_days)
    return np.asarray(_band_mean_cos_lat(lat_min_deg, lat_max_deg) * lon_mean)


def anchor_fluences(crossing_days: float = MAGNETOTAIL_CROSSING_DAYS) -> tuple[float, float]:
    """Normalised fluence of the two anchors of the TiO2 line [-]: ``(high-Ti mare, highland)``.

    High-Ti mare = mean of :func:`fluence_factor` at the Apollo 11 and 17 sites; highland =
    Apollo 16 (coordinates :data:`APOLLO_SITE_LAT_DEG`, :data:`APOLLO_SITE_LON_DEG`).
    """

    def at(site: str) -> float:
        lat, lon = APOLLO_SITE_LAT_DEG[site], APOLLO_SITE_LON_DEG[site]
        return float(fluence_factor(lat, lon, crossing_days=crossing_days))

    return (at("apollo11") + at("apollo17")) / 2.0, at("apollo16")


ANCHOR_FLUENCE_HIGH_TI_MARE, ANCHOR_FLUENCE_HIGHLAND = anchor_fluences()
"""Normalised solar-wind fluence of the high-Ti mare anchor (Apollo 11 and 17 mean, ~0.60) and of
the highland anchor (Apollo 16, ~0.58) with the default magnetotail crossing [-]."""
