"""Helium-3 in the lunar regolith: grade models, regolith depth and Monte Carlo inventories.

Grade models are picked by an author-year name (``model="taylor1991_tio2"``), pvlib-style; a
:class:`He3GradeModel` instance may be passed in place of a name. Each model returns the total
solar-wind helium of a soil [ppm by mass]; :func:`he3_ppb_from_he_ppm` turns it into He-3 [ppb by
mass] with the implanted 4He/3He atom ratio.

Available models
----------------
``taylor1991_tio2``
    **The project's own fit, not a published regression.** No paper with published He-vs-TiO2
    coefficients was reachable (Cameron 1988/1992, Fa & Jin 2007 and Johnson et al. 1999 were
    seen as abstracts only). Taylor (1991) [1]_ gives total-He *ranges* by soil type -- high-Ti
    mare (Apollo 17 type) 15-50 ppm, highlands 3-9 ppm -- and names TiO2 as the best predictor.
    The model is the straight line through the midpoints of those ranges placed at the
    representative TiO2 of each soil type from Lunar Sourcebook Table 7.15 [2]_: high-Ti mare =
    mean of Apollo 11 (7.8 wt%) and Apollo 17 "17a" (8.4 wt%); highlands = Apollo 16
    (0.54 wt%). The slope and intercept are computed in code from those cited inputs; the result
    is clipped at >= 0. The fit knows nothing of maturity or solar-wind fluence.
``johnson1999_fluence``
    **Also the project's own model**, in the form of Fa & Jin (2007) [9]_ (He-3 linear in
    normalised solar-wind flux, OMAT and TiO2) and Johnson et al. (1999) [8]_ (maturity x
    fluence x TiO2): He = F(lat, lon) x line(TiO2). F is the time-averaged solar-wind flux on a
    surface element relative to the unshielded equator (:func:`fluence_factor`): ``cos(lat)``
    times a longitude factor for the Earth's magnetotail, which blocks the wind for ~4 days
    around full Moon [13]_, when the nearside is the day side (:func:`magnetotail_factor`); that
    is why Johnson et al.'s map is richest in the farside maria. The ``taylor1991_tio2`` line is
    re-anchored per unit fluence at the Apollo sites its anchors come from [7]_
    (:func:`anchor_fluences`). No published coefficient is used (none was reachable). OMAT is
    not in our data, so every soil counts as mature. A bin gets its area-mean fluence
    (:func:`bin_fluence_factor`).

Depth and grain size
--------------------
The grade is uniform through the mixed regolith and zero below it [11]_
(:func:`he3_depth_profile`); an inventory to a depth ``d`` counts ``min(d, regolith depth)``
of every bin. The share of the He-3 held by the fines below a sieve cut (``fines_cut_um``; the
fraction a sieving miner heats) comes from a log-normal grain-size distribution with gas per
unit mass ~ 1/grain size (:mod:`lunarbase.resources.grains`); it is the same everywhere (no
per-bin grain size), so :class:`Inventory` reports it as fractions of the nominal inventory.

Inventories
-----------
:func:`he3_inventory` integrates bin area x regolith depth x bulk density x grade over the LP GRS
bins (Prettyman et al. 2006 [5]_) of a region (see :mod:`lunarbase.resources.regions`). The
uncertainty band is a Monte Carlo seeded with ``numpy.random.default_rng(seed)``; per draw:

* TiO2 of every bin ~ Normal(value, 1-sigma of the LP table), clipped at >= 0 (independent bins);
* the two fit anchors ~ Uniform over Taylor's ranges (15-50 ppm and 3-9 ppm He);
* the 4He/3He atom ratio ~ Uniform between 2350 (Apollo SWC foils [3]_) and 2700 + 130
  (Surveyor 3 [4]_), scaled by ``cfg.he4_he3_atom_ratio / 2700`` so that a scenario that moves
  the ratio moves the band with it;
* bulk density, mare depth and highland depth each x Uniform(0.8, 1.2), one factor per draw for
  the whole Moon (a systematic, not a per-bin, error).

The magnetotail crossing time of ``johnson1999_fluence`` is not drawn: it stays at 4.1 d. The
6-day crossing of [15]_ (anchors and bins both at 6 d) raises that model's lunar inventory by
~27 % and its farside/nearside grade ratio at the equator from 1.66 to 2.28.

The band is not centred on the nominal value: the ratio band (2350-2830) has its middle below
2700, and clipping TiO2 draws at 0 lifts low-Ti bins, so the Monte Carlo mean exceeds the nominal
inventory by ~5 % with the default scenario.

The random stream does not depend on the region: all bins are drawn every time, so two calls
with the same seed and configuration see the same draws, and the mean and nominal inventories
of disjoint regions add up exactly to that of their union (percentiles do not add).

References
----------
.. [1] Taylor, L. A. (1991) Helium abundances on the Moon: assumptions and estimates. In
   *Resources of Near-Earth Space: Abstracts*, Univ. Arizona. NTRS 19910016782.
.. [2] Heiken, G., Vaniman, D. & French, B. M., eds. (1991) *Lunar Sourcebook*, Cambridge Univ.
   Press, Table 7.15 (average soil compositions at the landing sites), as posted by the USGS
   Lunar Consortium (tab7_15.asc).
.. [3] Geiss, J. et al. (2004) The Apollo SWC experiment: results, conclusions, consequences.
   Space Sci. Rev. 110:307-335 -- solar-wind 4He/3He = 2350 +- 120 (2 sigma).
.. [4] Buhler, F., Eberhardt, P., Geiss, J. & Schwarzmuller, J. (1971) Trapped solar wind helium
   and neon in Surveyor 3 material. EPSL 10:297-306 -- 4He/3He = 2700 +- 130.
.. [5] Prettyman, T. H. et al. (2006) Elemental composition of the lunar surface: analysis of
   gamma ray spectroscopy data from Lunar Prospector. JGR 111, E12007,
   doi:10.1029/2005JE002656.
.. [6] Carrier, W. D., Olhoeft, G. R. & Mendell, W. (1991) Physical properties of the lunar
   surface. Lunar Sourcebook ch. 9 -- bulk density; McKay, D. S. et al. (1991) The lunar
   regolith, ch. 7 -- regolith thickness (defaults of :class:`lunarbase.scenario.Resources`).
.. [7] Davies, M. E. & Colvin, T. R. (2000) Lunar coordinates in the regions of the Apollo
   landers. JGR 105(E8):20277-20280 -- Apollo 11 0.674 N 23.473 E, Apollo 16 8.973 S 15.501 E,
   Apollo 17 20.191 N 30.772 E (values as commonly quoted from it; not re-read in this pass).
   Apollo 16 checked against the LROC-based position 8.9734 S 15.5011 E (J. Astron. Space Sci.
   41(4):249, Table 4).
.. [8] Johnson, J. R., Swindle, T. D. & Lucey, P. G. (1999) Estimated solar wind-implanted
   helium-3 distribution on the Moon. GRL 26(3):385-388, doi:10.1029/1998GL900305 (abstract
   seen: He-3 depends on maturity, solar-wind fluence and TiO2; richest in farside maria).
.. [9] Fa, W. & Jin, Y.-Q. (2007) Quantitative estimation of helium-3 spatial distribution in
   the lunar regolith layer. Icarus 190:15-23, doi:10.1016/j.icarus.2007.03.014 (form only:
   "a linear relationship between 3He abundance and solar wind flux, optical maturity and
   TiO2", as restated in the abstract of their CE-1 inventory paper; coefficients not seen).
.. [10] Kirsten, T., Steinbrunn, F. & Zahringer, J. (1970) Science 167:571-574,
   doi:10.1126/science.167.3918.571 -- mean solar-wind He layer 10 um deep in grains.
.. [11] Abstract of a Chinese 3He-reserve assessment using Chang'e-1 regolith thickness
   (Science China; record hnlib.gt.cqvip.com/fund/article.aspx?id=1212556, authors not shown
   in the excerpt seen) -- "in a range of at least meters deep, 3He abundance in lunar
   regolith is homogeneously distributed and generally does not depend on the depth".
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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from lunarbase.constants import HE3_MOLAR_MASS_KG_PER_MOL, HE4_MOLAR_MASS_KG_PER_MOL
from lunarbase.errors import QueryError, ScenarioError
from lunarbase.resources.grains import fines_enrichment, fines_fractions
from lunarbase.resources.regions import Region, region_weights
from lunarbase.scenario import Resources

if TYPE_CHECKING:
    import xarray as xr

ArrayLike = npt.ArrayLike

# --- Cited inputs of the taylor1991_tio2 fit ------------------------------------------------

TAYLOR1991_HE_PPM_HIGH_TI_MARE = (15.0, 50.0)
"""Total He of high-Ti (Apollo 17 type) mare soils [ppm], range from Taylor (1991) [1]_."""

TAYLOR1991_HE_PPM_HIGHLAND = (3.0, 9.0)
"""Total He of highland soils [ppm], range from Taylor (1991) [1]_."""

SOURCEBOOK_T7_15_TIO2_WT_PCT = MappingProxyType(
    {"apollo11": 7.8, "apollo16": 0.54, "apollo17_17a": 8.4}
)
"""Average-soil TiO2 at landing sites [wt%], Lunar Sourcebook Table 7.15 [2]_."""

HIGH_TI_MARE_TIO2_WT_PCT = (
    SOURCEBOOK_T7_15_TIO2_WT_PCT["apollo11"] + SOURCEBOOK_T7_15_TIO2_WT_PCT["apollo17_17a"]
) / 2.0
"""Representative TiO2 of high-Ti mare soil [wt%]: mean of Apollo 11 and Apollo 17 "17a"."""

HIGHLAND_TIO2_WT_PCT = SOURCEBOOK_T7_15_TIO2_WT_PCT["apollo16"]
"""Representative TiO2 of highland soil [wt%]: Apollo 16."""

HE4_HE3_ATOM_RATIO_SWC = 2350.0
"""Solar-wind 4He/3He atom ratio from the Apollo SWC foils [-] [3]_."""

HE4_HE3_ATOM_RATIO_SURVEYOR3 = (2700.0, 130.0)
"""4He/3He atom ratio (value, error) trapped in Surveyor 3 material [-] [4]_."""

RELATIVE_SPREAD_DENSITY_DEPTH = 0.2
"""Half-width of the uniform band on bulk density and regolith depths [-] (assumption)."""

_DRAW_CHUNK = 256  # draws per vectorised block; fixed so a seed always gives the same numbers


def _midpoint(bounds: tuple[float, float]) -> float:
    return (bounds[0] + bounds[1]) / 2.0


HIGHLAND_HE_PPM = _midpoint(TAYLOR1991_HE_PPM_HIGHLAND)
"""Nominal total He of highland soil [ppm]: midpoint of Taylor's 3-9 ppm [1]_."""

HIGH_TI_MARE_HE_PPM = _midpoint(TAYLOR1991_HE_PPM_HIGH_TI_MARE)
"""Nominal total He of high-Ti mare soil [ppm]: midpoint of Taylor's 15-50 ppm [1]_."""


def taylor1991_tio2_he_ppm(
    tio2_wt_pct: ArrayLike,
    *,
    highland_he_ppm: ArrayLike = HIGHLAND_HE_PPM,
    mare_he_ppm: ArrayLike = HIGH_TI_MARE_HE_PPM,
) -> np.ndarray:
    """Total solar-wind He of a soil from its TiO2 -- the project's own two-point line fit.

    The line passes through (``HIGHLAND_TIO2_WT_PCT``, ``highland_he_ppm``) and
    (``HIGH_TI_MARE_TIO2_WT_PCT``, ``mare_he_ppm``); by default the anchors are the midpoints of
    Taylor's ranges [1]_ at the Table 7.15 TiO2 [2]_. Not a published regression.

    Parameters
    ----------
    tio2_wt_pct : array_like
        TiO2 content of the soil [wt%]. Negative values (measurement noise) count as 0; NaN
        stays NaN.
    highland_he_ppm : array_like, optional
        Total He of highland soil at 0.54 wt% TiO2 [ppm]. Broadcasts against ``tio2_wt_pct``.
    mare_he_ppm : array_like, optional
        Total He of high-Ti mare soil at 8.1 wt% TiO2 [ppm]. Broadcasts.

    Returns
    -------
    numpy.ndarray
        Total He (essentially He-4) [ppm by mass], >= 0.

    References
    ----------
    .. [1] Taylor (1991), NTRS 19910016782.
    .. [2] Lunar Sourcebook (1991) Table 7.15.
    """
    tio2 = np.maximum(np.asarray(tio2_wt_pct, dtype=float), 0.0)
    lo = np.asarray(highland_he_ppm, dtype=float)
    hi = np.asarray(mare_he_ppm, dtype=float)
    slope = (hi - lo) / (HIGH_TI_MARE_TIO2_WT_PCT - HIGHLAND_TIO2_WT_PCT)
    he_ppm = lo + slope * (tio2 - HIGHLAND_TIO2_WT_PCT)
    return np.asarray(np.maximum(he_ppm, 0.0))


# --- johnson1999_fluence: solar-wind fluence by latitude and longitude x the TiO2 line --------

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


def johnson1999_fluence_he_ppm(
    tio2_wt_pct: ArrayLike,
    *,
    fluence: ArrayLike,
    highland_he_ppm: ArrayLike = HIGHLAND_HE_PPM,
    mare_he_ppm: ArrayLike = HIGH_TI_MARE_HE_PPM,
    anchor_fluence_highland: float = ANCHOR_FLUENCE_HIGHLAND,
    anchor_fluence_mare: float = ANCHOR_FLUENCE_HIGH_TI_MARE,
) -> np.ndarray:
    """Total solar-wind He from TiO2 and the solar-wind fluence -- the project's own model.

    He = F x line(TiO2), where F is the normalised fluence of :func:`fluence_factor` (latitude
    and the Earth's magnetotail) and the line is :func:`taylor1991_tio2_he_ppm` re-anchored *per
    unit fluence*: its anchors are Taylor's He values [1]_ divided by the fluence of the Apollo
    sites they came from (:func:`anchor_fluences`), so the model returns exactly the anchors at
    those sites. The Apollo sites lie on the nearside, shielded by the magnetotail around full
    Moon (F = 0.58-0.61), so per unit fluence the line is ~1.7 x Taylor's and an unshielded
    farside soil of equal TiO2 at the equator (F = 1) gets ~1.7 x the Apollo value. The form
    follows Fa & Jin (2007) [3]_ and Johnson et al. (1999) [2]_ -- He depends on solar-wind
    fluence, maturity and TiO2 -- but no published coefficients were reachable, so none are
    used:

    * Fa & Jin's regression is *additive*-linear in F, OMAT and TiO2; its F coefficient cannot
      be fitted from our anchors, which all lie within 31 deg of the sub-Earth point (F =
      0.58-0.61). The product F x line(TiO2) is linear in each input separately and vanishes
      with zero fluence, as implantation requires.
    * Maturity (OMAT) is not in the Lunar Prospector data; every soil is treated as the
      mature soils behind Taylor's ranges (the OMAT term is held at its mature value).

    Parameters
    ----------
    tio2_wt_pct : array_like
        TiO2 [wt%]; negative counts as 0, NaN stays NaN.
    fluence : array_like
        Normalised solar-wind fluence [-], in [0, 1] (``fluence_factor(lat, lon)`` or
        :func:`bin_fluence_factor`). Broadcasts.
    highland_he_ppm, mare_he_ppm : array_like, optional
        Total He at the Apollo 16 and the Apollo 11/17 anchors [ppm]. Broadcast.
    anchor_fluence_highland, anchor_fluence_mare : float, optional
        Fluence of those anchors [-]; change them together with ``fluence`` when using a
        different magnetotail crossing time (``anchor_fluences(crossing_days)``).

    Returns
    -------
    numpy.ndarray
        Total He [ppm by mass], >= 0.

    References
    ----------
    .. [1] Taylor (1991), NTRS 19910016782; Lunar Sourcebook (1991) Table 7.15.
    .. [2] Johnson, Swindle & Lucey (1999) GRL 26:385, doi:10.1029/1998GL900305.
    .. [3] Fa & Jin (2007) Icarus 190:15-23, doi:10.1016/j.icarus.2007.03.014.
    """
    f = np.clip(np.asarray(fluence, dtype=float), 0.0, None)
    line = taylor1991_tio2_he_ppm(
        tio2_wt_pct,
        highland_he_ppm=np.asarray(highland_he_ppm, dtype=float) / anchor_fluence_highland,
        mare_he_ppm=np.asarray(mare_he_ppm, dtype=float) / anchor_fluence_mare,
    )
    return np.asarray(f * line)


def he3_ppb_from_he_ppm(
    he_ppm: ArrayLike, *, he4_he3_atom_ratio: ArrayLike = HE4_HE3_ATOM_RATIO_SURVEYOR3[0]
) -> np.ndarray:
    """He-3 mass fraction from the total (4He-dominated) helium mass fraction.

    He-3 [ppb] = 1000 x He [ppm] x M(3He) / (R x M(4He)), with R the 4He/3He atom ratio and the
    molar masses of :mod:`lunarbase.constants`. He-3 is < 0.05 % of the atoms, so total He is
    treated as He-4 (the error is below 0.04 %).

    Parameters
    ----------
    he_ppm : array_like
        Total helium [ppm by mass].
    he4_he3_atom_ratio : array_like, optional
        4He/3He atom ratio [-], > 0; 2700 from Surveyor 3 [1]_ by default. Broadcasts.

    Returns
    -------
    numpy.ndarray
        He-3 [ppb by mass].

    References
    ----------
    .. [1] Buhler et al. (1971) EPSL 10:297-306.
    """
    ratio = check_atom_ratio(he4_he3_atom_ratio)
    mass_ratio = HE3_MOLAR_MASS_KG_PER_MOL / HE4_MOLAR_MASS_KG_PER_MOL
    return np.asarray(1000.0 * np.asarray(he_ppm, dtype=float) * mass_ratio / ratio)


def check_atom_ratio(he4_he3_atom_ratio: ArrayLike) -> np.ndarray:
    """``he4_he3_atom_ratio`` as a float array [-].

    Raises
    ------
    ScenarioError
        A value that is not > 0 (NaN included).
    """
    ratio = np.asarray(he4_he3_atom_ratio, dtype=float)
    if np.any(~(ratio > 0.0)):
        raise ScenarioError(f"he4_he3_atom_ratio = {he4_he3_atom_ratio!r} must be > 0")
    return ratio


@dataclass(frozen=True)
class He3GradeModel:
    """A named total-He model with its nominal parameters and Monte Carlo bounds.

    Attributes
    ----------
    name : str
        Author-year name used in scenario files.
    he_ppm : callable
        ``he_ppm(tio2_wt_pct, **params) -> total He [ppm]`` (plus ``fluence=`` when
        ``needs_fluence``); must broadcast over arrays of parameters (draws along the first
        axis).
    nominal : mapping of str to float
        Best-estimate parameters.
    bounds : mapping of str to (float, float)
        Uniform Monte Carlo range of each parameter; drawn in this order.
    reference : str
        Short citation shown in reports.
    needs_fluence : bool
        Whether ``he_ppm`` takes the normalised solar-wind fluence (``fluence=``, [-]).
    """

    name: str
    he_ppm: Callable[..., np.ndarray]
    nominal: Mapping[str, float]
    bounds: Mapping[str, tuple[float, float]]
    reference: str
    needs_fluence: bool = False

    def total_he_ppm(
        self, tio2_wt_pct: ArrayLike, fluence: ArrayLike | None = None, **params: Any
    ) -> np.ndarray:
        """Total He [ppm] at ``params`` (nominal where not given); ``fluence`` [-] is required
        by models with ``needs_fluence`` and ignored by the others.

        Raises
        ------
        ScenarioError
            A fluence model called without ``fluence``.
        """
        kwargs = {**self.nominal, **params}
        if self.needs_fluence:
            if fluence is None:
                raise ScenarioError(
                    f"resources.he3_model: model {self.name!r} needs the solar-wind fluence; "
                    "pass fluence= explicitly (fluence_factor(lat_deg, lon_deg))"
                )
            kwargs["fluence"] = fluence
        return self.he_ppm(tio2_wt_pct, **kwargs)


_TAYLOR_BOUNDS = {
    "highland_he_ppm": TAYLOR1991_HE_PPM_HIGHLAND,
    "mare_he_ppm": TAYLOR1991_HE_PPM_HIGH_TI_MARE,
}
_TAYLOR_NOMINAL = {"highland_he_ppm": HIGHLAND_HE_PPM, "mare_he_ppm": HIGH_TI_MARE_HE_PPM}

HE3_MODELS: Mapping[str, He3GradeModel] = MappingProxyType(
    {
        "taylor1991_tio2": He3GradeModel(
            name="taylor1991_tio2",
            he_ppm=taylor1991_tio2_he_ppm,
            nominal=_TAYLOR_NOMINAL,
            bounds=_TAYLOR_BOUNDS,
            reference="project fit through Taylor (1991) NTRS 19910016782 He ranges at "
            "Lunar Sourcebook Table 7.15 TiO2",
        ),
        "johnson1999_fluence": He3GradeModel(
            name="johnson1999_fluence",
            he_ppm=johnson1999_fluence_he_ppm,
            nominal=_TAYLOR_NOMINAL,
            bounds=_TAYLOR_BOUNDS,
            reference="project model: solar-wind fluence, cos(latitude) x Earth-magnetotail "
            "shielding by longitude (Johnson et al. 1999, doi:10.1029/1998GL900305; tail window "
            "of Hurley & Farrell 2013, LPSC 44 #2015; form of Fa & Jin 2007, "
            "doi:10.1016/j.icarus.2007.03.014) x the taylor1991_tio2 line per unit fluence; "
            "OMAT held at mature",
            needs_fluence=True,
        ),
    }
)
"""Registry of He grade models by name (add new models here)."""


def get_he3_model(model: str | He3GradeModel) -> He3GradeModel:
    """The :class:`He3GradeModel` for a name (or the instance itself).

    Raises
    ------
    ScenarioError
        Unknown name; the message lists the allowed names.
    """
    if isinstance(model, He3GradeModel):
        return model
    try:
        return HE3_MODELS[model]
    except (KeyError, TypeError):
        allowed = ", ".join(sorted(HE3_MODELS))
        raise ScenarioError(
            f"resources.he3_model: unknown He-3 model {model!r} (allowed: {allowed})"
        ) from None


def he3_ppb(
    tio2_wt_pct: ArrayLike,
    *,
    model: str | He3GradeModel = "taylor1991_tio2",
    he4_he3_atom_ratio: ArrayLike = HE4_HE3_ATOM_RATIO_SURVEYOR3[0],
    fluence: ArrayLike | None = None,
) -> np.ndarray:
    """He-3 grade of regolith from its TiO2 content (and, for fluence models, its fluence).

    Parameters
    ----------
    tio2_wt_pct : array_like
        TiO2 [wt%]; negative counts as 0, NaN gives NaN.
    model : str or He3GradeModel, optional
        Grade model name (see the module docstring) or instance.
    he4_he3_atom_ratio : array_like, optional
        4He/3He atom ratio of the implanted helium [-].
    fluence : array_like, optional
        Normalised solar-wind fluence [-] (:func:`fluence_factor` of a point, or
        :func:`bin_fluence_factor` for a bin); required by ``"johnson1999_fluence"``, ignored
        by ``"taylor1991_tio2"``. Broadcasts.

    Returns
    -------
    numpy.ndarray
        He-3 [ppb by mass], >= 0, shaped like the broadcast inputs.

    Raises
    ------
    ScenarioError
        Unknown model name, or a fluence model without ``fluence``.

    References
    ----------
    .. [1] Taylor (1991), NTRS 19910016782; Lunar Sourcebook (1991) Table 7.15.
    .. [2] Johnson, Swindle & Lucey (1999) GRL 26:385, doi:10.1029/1998GL900305.

    Examples
    --------
    >>> float(he3_ppb(8.1).round(2))   # high-Ti mare anchor: 32.5 ppm He at R = 2700
    9.07
    >>> float(he3_ppb(8.1, model="johnson1999_fluence", fluence=0.5).round(2))
    7.61
    """
    he = get_he3_model(model).total_he_ppm(tio2_wt_pct, fluence)
    return he3_ppb_from_he_ppm(he, he4_he3_atom_ratio=he4_he3_atom_ratio)


def grs_fluence(grs: xr.Dataset | Mapping[str, np.ndarray]) -> np.ndarray:
    """Mean normalised solar-wind fluence of every LP bin [-] (:func:`bin_fluence_factor` over
    the bin's latitude and longitude edges); ``grs`` is the LP table as xarray or as arrays."""
    return bin_fluence_factor(
        *(np.asarray(grs[k]) for k in ("lat_min", "lat_max", "lon_min", "lon_max"))
    )


def grs_he3_ppb(grs: xr.Dataset | Mapping[str, np.ndarray], cfg: Resources) -> np.ndarray:
    """Nominal He-3 grade of every LP bin under ``cfg.he3_model`` and its atom ratio [ppb]."""
    return he3_ppb(
        np.asarray(grs["TiO2_wt_pct"]),
        model=cfg.he3_model,
        he4_he3_atom_ratio=cfg.he4_he3_atom_ratio,
        fluence=grs_fluence(grs),
    )


def regolith_depth_m(feo_wt_pct: ArrayLike, cfg: Resources) -> np.ndarray:
    """Regolith thickness from FeO: mare where FeO >= the threshold, highland elsewhere.

    Parameters
    ----------
    feo_wt_pct : array_like
        FeO [wt%]; NaN gives NaN.
    cfg : lunarbase.scenario.Resources
        Supplies ``mare_feo_threshold_wt_pct`` [wt%], ``mare_regolith_depth_m`` and
        ``highland_regolith_depth_m`` [m].

    Returns
    -------
    numpy.ndarray
        Regolith thickness [m].

    References
    ----------
    .. [1] McKay, D. S. et al. (1991) The lunar regolith. Lunar Sourcebook ch. 7 -- mare
       4-5 m, highlands ~10-15 m; mare vs highland soils by FeO from Table 7.15.
    """
    feo = np.asarray(feo_wt_pct, dtype=float)
    depth = np.where(
        feo >= cfg.mare_feo_threshold_wt_pct,
        cfg.mare_regolith_depth_m,
        cfg.highland_regolith_depth_m,
    )
    return np.asarray(np.where(np.isnan(feo), np.nan, depth))


def he3_depth_profile(depth_m: ArrayLike, regolith_depth_m: ArrayLike) -> np.ndarray:
    """He-3 grade at a depth relative to the surface grade [-]: 1 in the regolith, 0 below.

    Solar-wind gas sits in the outer ~10 um of grains [1]_, but impact gardening mixes the
    regolith, so the bulk grade of the mixed layer is taken as uniform with depth. An
    assessment of Chinese and Apollo/Luna data reports that "in a range of at least meters
    deep, 3He abundance in lunar regolith is homogeneously distributed and generally does not
    depend on the depth" [2]_. The bedrock below the regolith holds no solar-wind He.

    Parameters
    ----------
    depth_m : array_like
        Depth below the surface [m], >= 0. Broadcasts.
    regolith_depth_m : array_like
        Regolith thickness there [m].

    Returns
    -------
    numpy.ndarray
        1.0 where ``depth_m < regolith_depth_m``, else 0.0 [-]; NaN where either is NaN.

    References
    ----------
    .. [1] Kirsten, Steinbrunn & Zahringer (1970) Science 167:571 (module reference [10]).
    .. [2] Chinese 3He-reserve assessment, Science China (module reference [11]).
    """
    d = np.asarray(depth_m, dtype=float)
    r = np.asarray(regolith_depth_m, dtype=float)
    out = np.where(d < r, 1.0, 0.0)
    return np.asarray(np.where(np.isnan(d) | np.isnan(r), np.nan, out))


def counted_thickness_m(regolith_depth_m: ArrayLike, depth_m: float | None) -> np.ndarray:
    """Thickness of He-bearing regolith down to ``depth_m`` [m]: the integral of
    :func:`he3_depth_profile` from 0 to ``depth_m``, i.e. ``min(depth_m, regolith depth)``
    (the whole regolith when ``depth_m`` is None)."""
    r = np.asarray(regolith_depth_m, dtype=float)
    return r if depth_m is None else np.asarray(np.minimum(r, depth_m))


def check_depth_m(depth_m: float | None) -> None:
    """Raise QueryError unless ``depth_m`` is None or a finite depth > 0 [m]."""
    if depth_m is not None and not (math.isfinite(depth_m) and depth_m > 0.0):
        raise QueryError(f"depth_m = {depth_m!r} must be a positive depth in m")


def check_cutoff(name: str, value: float, unit: str = "") -> None:
    """Raise QueryError, naming the field ``name`` (and ``unit`` when given), unless the cut-off
    grade ``value`` is finite and >= 0."""
    if not (math.isfinite(value) and value >= 0.0):
        raise QueryError(f"{name} = {value!r} must be a finite grade >= 0 {unit}".rstrip())


@dataclass(frozen=True)
class Inventory:
    """He-3 held in the regolith of a region.

    Attributes
    ----------
    region : str
        Region label.
    n_cells : int
        LP bins counted (weight > 0) [count].
    area_km2 : float
        Area counted [km^2].
    regolith_tonnes : float
        Nominal regolith mass counted (area x thickness x density) [t].
    he3_grade_ppb : float
        Nominal mass-weighted mean He-3 grade [ppb].
    he3_tonnes_nominal : float
        He-3 with every input at its nominal value [t].
    he3_tonnes_mean, he3_tonnes_p05, he3_tonnes_p50, he3_tonnes_p95 : float
        Mean and 5/50/95th percentiles over the Monte Carlo draws [t].
    draws : int
        Monte Carlo draws [count].
    seed : int
        Seed of the draws.
    model : str
        He grade model name.
    depth_m : float or None
        Depth the inventory counts down to [m]; None = the whole regolith.
    cutoff_ppb : float
        Cut-off grade [ppb].
    area_above_cutoff_km2 : float
        Area of the region whose nominal grade is >= the cut-off [km^2].
    he3_tonnes_above_cutoff : float
        Nominal He-3 in that area [t].
    fines_cut_um : float
        Sieve cut of the fines [um] (``cfg.fines_cut_um``).
    fines_mass_fraction : float
        Mass fraction of the soil below the cut [-] (:func:`~lunarbase.resources.grains.
        fines_fractions`, the same everywhere).
    he3_fines_fraction : float
        Fraction of the He-3 held by those fines [-] (>= ``fines_mass_fraction``).
    he3_tonnes_in_fines : float
        Nominal He-3 in the fines, ``he3_tonnes_nominal x he3_fines_fraction`` [t].
    he3_fines_grade_ppb : float
        Nominal He-3 grade of the fines, ``he3_grade_ppb x he3_fines_fraction /
        fines_mass_fraction`` [ppb].
    """

    region: str
    n_cells: int
    area_km2: float
    regolith_tonnes: float
    he3_grade_ppb: float
    he3_tonnes_nominal: float
    he3_tonnes_mean: float
    he3_tonnes_p05: float
    he3_tonnes_p50: float
    he3_tonnes_p95: float
    draws: int
    seed: int
    model: str
    depth_m: float | None = None
    cutoff_ppb: float = 0.0
    area_above_cutoff_km2: float = float("nan")
    he3_tonnes_above_cutoff: float = float("nan")
    fines_cut_um: float = float("nan")
    fines_mass_fraction: float = float("nan")
    he3_fines_fraction: float = float("nan")
    he3_tonnes_in_fines: float = float("nan")
    he3_fines_grade_ppb: float = float("nan")


def _nominal_cells(
    grs: xr.Dataset, cfg: Resources, depth_m: float | None
) -> tuple[np.ndarray, ...]:
    """Per-bin regolith thickness [m], counted mass [kg], He-3 grade [ppb] and mare mask at
    nominal inputs."""
    area_m2 = np.asarray(grs["area_m2"].values, dtype=float)
    feo = np.asarray(grs["FeO_wt_pct"].values, dtype=float)
    thickness = regolith_depth_m(feo, cfg)
    mass_kg = area_m2 * counted_thickness_m(thickness, depth_m) * cfg.regolith_density_kg_m3
    mare = feo >= cfg.mare_feo_threshold_wt_pct
    return thickness, mass_kg, grs_he3_ppb(grs, cfg), mare


def he3_inventories(
    grs: xr.Dataset,
    cfg: Resources,
    regions: Sequence[tuple[str, np.ndarray]],
    *,
    seed: int,
    depth_m: float | None = None,
    cutoff_ppb: float = 0.0,
) -> list[Inventory]:
    """He-3 inventories of several regions from one shared set of Monte Carlo draws.

    Parameters
    ----------
    grs : xarray.Dataset
        LP GRS table (``load("lpgrs_5deg")``) with TiO2, FeO, their sigmas and ``area_m2``.
    cfg : lunarbase.scenario.Resources
        Model name, atom ratio, density, depths and ``uncertainty_draws``.
    regions : sequence of (str, numpy.ndarray)
        ``(label, weights)`` pairs from :func:`lunarbase.resources.regions.region_weights`.
    seed : int
        Seed of ``numpy.random.default_rng``.
    depth_m : float, optional
        Count He-3 down to this depth [m] (> 0); the grade is uniform through the regolith
        (:func:`he3_depth_profile`), so each bin holds ``min(depth_m, regolith depth)`` of it.
        Default: the whole regolith.
    cutoff_ppb : float, optional
        Cut-off grade [ppb], >= 0, for ``area_above_cutoff_km2`` and
        ``he3_tonnes_above_cutoff`` (nominal grades; the Monte Carlo band is for all grades).

    Returns
    -------
    list of Inventory
        One per region, in order; the fines fields use ``cfg.fines_cut_um``,
        ``cfg.grain_median_um`` and ``cfg.grain_sorting_phi``
        (:mod:`lunarbase.resources.grains`).

    Raises
    ------
    QueryError
        Non-positive ``depth_m`` or a negative cut-off.
    ScenarioError
        Unknown He grade model.

    References
    ----------
    See the module docstring ([1]_-[15]_ there) for every input and its band.
    """
    check_depth_m(depth_m)
    check_cutoff("cutoff_ppb", cutoff_ppb)
    m = get_he3_model(cfg.he3_model)
    draws = int(cfg.uncertainty_draws)
    thickness, mass_kg, grade_ppb, mare = _nominal_cells(grs, cfg, depth_m)
    weights = np.stack([w for _, w in regions], axis=1)  # (cell, region)
    n_cells = weights.shape[0]
    area = np.asarray(grs["area_m2"].values, dtype=float)
    fluence = grs_fluence(grs) if m.needs_fluence else None

    rng = np.random.default_rng(seed)
    params = {k: rng.uniform(lo, hi, draws) for k, (lo, hi) in m.bounds.items()}
    lo_r = HE4_HE3_ATOM_RATIO_SWC / HE4_HE3_ATOM_RATIO_SURVEYOR3[0]
    hi_r = sum(HE4_HE3_ATOM_RATIO_SURVEYOR3) / HE4_HE3_ATOM_RATIO_SURVEYOR3[0]
    ratio = cfg.he4_he3_atom_ratio * rng.uniform(lo_r, hi_r, draws)
    s = RELATIVE_SPREAD_DENSITY_DEPTH
    f_density = rng.uniform(1 - s, 1 + s, draws)
    f_mare = rng.uniform(1 - s, 1 + s, draws)
    f_highland = rng.uniform(1 - s, 1 + s, draws)

    tio2 = np.asarray(grs["TiO2_wt_pct"].values, dtype=float)
    tio2_sigma = np.asarray(grs["TiO2_wt_pct_sigma"].values, dtype=float)
    area_density = area * cfg.regolith_density_kg_m3
    totals_kg = np.empty((draws, weights.shape[1]))
    for start in range(0, draws, _DRAW_CHUNK):
        sl = slice(start, min(start + _DRAW_CHUNK, draws))
        z = rng.standard_normal((sl.stop - sl.start, n_cells))
        tio2_draw = np.maximum(tio2 + tio2_sigma * z, 0.0)
        he = m.total_he_ppm(tio2_draw, fluence, **{k: v[sl, None] for k, v in params.items()})
        grade = he3_ppb_from_he_ppm(he, he4_he3_atom_ratio=ratio[sl, None])
        f_depth = np.where(mare, f_mare[sl, None], f_highland[sl, None])
        cell_kg = area_density * counted_thickness_m(thickness * f_depth, depth_m)
        totals_kg[sl] = (grade * 1e-9 * cell_kg * f_density[sl, None]) @ weights

    he3_kg = grade_ppb * 1e-9 * mass_kg
    rich = (grade_ppb >= cutoff_ppb).astype(float)
    nominal_kg = he3_kg @ weights
    rich_kg = (he3_kg * rich) @ weights
    regolith_kg = mass_kg @ weights
    area_m2 = area @ weights
    rich_m2 = (area * rich) @ weights
    pct = np.percentile(totals_kg, [5.0, 50.0, 95.0], axis=0)
    grain = (cfg.fines_cut_um, cfg.grain_median_um, cfg.grain_sorting_phi)
    fines_mass, fines_he3 = (float(f) for f in fines_fractions(*grain))
    enrichment = float(fines_enrichment(*grain))
    out = []
    for j, (label, w) in enumerate(regions):
        out.append(
            Inventory(
                region=label,
                n_cells=int(np.count_nonzero(w > 0)),
                area_km2=float(area_m2[j] / 1e6),
                regolith_tonnes=float(regolith_kg[j] / 1e3),
                he3_grade_ppb=float(nominal_kg[j] / regolith_kg[j] * 1e9),
                he3_tonnes_nominal=float(nominal_kg[j] / 1e3),
                he3_tonnes_mean=float(totals_kg[:, j].mean() / 1e3),
                he3_tonnes_p05=float(pct[0, j] / 1e3),
                he3_tonnes_p50=float(pct[1, j] / 1e3),
                he3_tonnes_p95=float(pct[2, j] / 1e3),
                draws=draws,
                seed=int(seed),
                model=m.name,
                depth_m=None if depth_m is None else float(depth_m),
                cutoff_ppb=float(cutoff_ppb),
                area_above_cutoff_km2=float(rich_m2[j] / 1e6),
                he3_tonnes_above_cutoff=float(rich_kg[j] / 1e3),
                fines_cut_um=float(cfg.fines_cut_um),
                fines_mass_fraction=fines_mass,
                he3_fines_fraction=fines_he3,
                he3_tonnes_in_fines=float(nominal_kg[j] / 1e3) * fines_he3,
                he3_fines_grade_ppb=float(nominal_kg[j] / regolith_kg[j] * 1e9) * enrichment,
            )
        )
    return out


def he3_inventory(
    grs: xr.Dataset,
    cfg: Resources,
    *,
    region: Region | str | None = None,
    seed: int,
    depth_m: float | None = None,
    cutoff_ppb: float = 0.0,
) -> Inventory:
    """He-3 inventory of the regolith of one region, with a seeded Monte Carlo band.

    Parameters
    ----------
    grs : xarray.Dataset
        LP GRS table from ``lunarbase.data.load("lpgrs_5deg")``.
    cfg : lunarbase.scenario.Resources
        Resource settings (model, 4He/3He ratio, density, depths, draws).
    region : Region or str, optional
        ``"moon"`` (default), ``"nearside"``, ``"farside"``, ``"south-pole"``, or a
        :class:`~lunarbase.resources.regions.Region` (a circle or a polygon counts the bins
        whose centre lies inside).
    seed : int
        Seed of the Monte Carlo draws.
    depth_m : float, optional
        Count down to this depth [m]; default the whole regolith.
    cutoff_ppb : float, optional
        Cut-off grade for the area above it [ppb].

    Returns
    -------
    Inventory
        Tonnes of He-3 (nominal, mean, p05/p50/p95), grade, area, bin count and the area and
        tonnes above the cut-off.

    Raises
    ------
    QueryError
        Unknown or empty region, bad circle or polygon, non-positive depth, negative cut-off.
    ScenarioError
        Unknown He grade model.

    References
    ----------
    See the module docstring.
    """
    return he3_inventories(
        grs, cfg, [region_weights(grs, region)], seed=seed, depth_m=depth_m, cutoff_ppb=cutoff_ppb
    )[0]
