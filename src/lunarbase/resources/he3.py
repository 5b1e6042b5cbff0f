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
    fluence x TiO2): He = F(lat) x line(TiO2), with F = cos(latitude), the time-averaged
    solar-wind flux on a surface element relative to the equator (:func:`fluence_factor`), and
    the ``taylor1991_tio2`` line re-anchored per unit fluence at the latitudes of the Apollo
    sites its anchors come from [7]_. No published coefficient is used (none was reachable).
    OMAT is not in our data, so every soil counts as mature; the Earth's magnetotail, which
    shields the nearside around full Moon and makes the farside maria richest in Johnson et
    al.'s map, is not modelled. A bin gets its area-mean ``cos(lat)``
    (:func:`bin_fluence_factor`).

Depth
-----
The grade is uniform through the mixed regolith and zero below it [11]_
(:func:`he3_depth_profile`); an inventory to a depth ``d`` counts ``min(d, regolith depth)``
of every bin. No grain-size (fines) option: no cited partition of He-3 between size fractions
of bulk soil was reachable.

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
   landers. JGR 105(E8):20277-20280 -- Apollo 11 0.674 N, Apollo 16 8.973 S, Apollo 17
   20.191 N (values as commonly quoted from it; not re-read in this pass).
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
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt
import xarray as xr

from lunarbase.constants import HE3_MOLAR_MASS_KG_PER_MOL, HE4_MOLAR_MASS_KG_PER_MOL
from lunarbase.errors import QueryError, ScenarioError
from lunarbase.resources.regions import region_weights
from lunarbase.scenario import Resources

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


# --- johnson1999_fluence: solar-wind fluence by latitude x the TiO2 line ----------------------

APOLLO_SITE_LAT_DEG = MappingProxyType({"apollo11": 0.674, "apollo16": -8.973, "apollo17": 20.191})
"""Latitudes of the Apollo landing sites whose soils anchor the TiO2 line [deg] [7]_."""

ANCHOR_FLUENCE_HIGH_TI_MARE = (
    math.cos(math.radians(APOLLO_SITE_LAT_DEG["apollo11"]))
    + math.cos(math.radians(APOLLO_SITE_LAT_DEG["apollo17"]))
) / 2.0
"""Normalised solar-wind fluence of the high-Ti mare anchor (Apollo 11 and 17 mean) [-]."""

ANCHOR_FLUENCE_HIGHLAND = math.cos(math.radians(APOLLO_SITE_LAT_DEG["apollo16"]))
"""Normalised solar-wind fluence of the highland anchor (Apollo 16) [-]."""


def fluence_factor(lat_deg: ArrayLike) -> np.ndarray:
    """Time-averaged solar-wind fluence at a latitude, normalised to the equator [-].

    The solar wind flows radially from the Sun, close to the ecliptic, and the lunar spin axis
    is only ~1.5 deg from the ecliptic pole, so over a lunation a surface element at latitude
    ``lat`` sees the wind at the incidence of a sunlit surface: the flux on it is
    ``cos(lat) x max(0, cos(hour angle))`` and its average over the day is ``cos(lat) / pi``.
    Normalising by the equatorial value leaves ``cos(lat)``, the latitude factor of the fluence
    model in Johnson et al. (1999, module ref. 8). Terrain slopes, the Earth's magnetotail
    (which shields the Moon for part of each month around full Moon and so lowers the
    nearside's fluence) and the solar-wind aberration are ignored.

    Parameters
    ----------
    lat_deg : array_like
        Selenographic latitude [deg]; NaN stays NaN.

    Returns
    -------
    numpy.ndarray
        ``cos(lat)`` clipped to [0, 1] [-].
    """
    return np.asarray(np.clip(np.cos(np.radians(np.asarray(lat_deg, dtype=float))), 0.0, 1.0))


def bin_fluence_factor(lat_min_deg: ArrayLike, lat_max_deg: ArrayLike) -> np.ndarray:
    """Area-weighted mean of :func:`fluence_factor` over latitude bands [-].

    On a sphere the area element is ``cos(lat) dlat``, so the mean of ``cos(lat)`` over
    ``[a, b]`` is ``int cos^2 / int cos = ((b - a)/2 + (sin 2b - sin 2a)/4) / (sin b - sin a)``.
    Used for the Lunar Prospector bins so that the polar-cap bins, whose centre is the pole
    (where ``cos`` is 0), get their true mean fluence.

    Parameters
    ----------
    lat_min_deg, lat_max_deg : array_like
        Southern and northern edges of each band [deg]; where they are equal the point value
        is returned.

    Returns
    -------
    numpy.ndarray
        Mean normalised fluence of each band [-].
    """
    a = np.radians(np.asarray(lat_min_deg, dtype=float))
    b = np.radians(np.asarray(lat_max_deg, dtype=float))
    den = np.sin(b) - np.sin(a)
    num = (b - a) / 2.0 + (np.sin(2.0 * b) - np.sin(2.0 * a)) / 4.0
    thin = np.abs(den) < 1e-12
    mean = np.where(thin, np.cos((a + b) / 2.0), num / np.where(thin, 1.0, den))
    return np.asarray(np.clip(mean, 0.0, 1.0))


def johnson1999_fluence_he_ppm(
    tio2_wt_pct: ArrayLike,
    *,
    fluence: ArrayLike,
    highland_he_ppm: ArrayLike = HIGHLAND_HE_PPM,
    mare_he_ppm: ArrayLike = HIGH_TI_MARE_HE_PPM,
) -> np.ndarray:
    """Total solar-wind He from TiO2 and the latitude fluence factor -- the project's own model.

    He = F x line(TiO2), where F is the normalised fluence of :func:`fluence_factor` and the
    line is :func:`taylor1991_tio2_he_ppm` re-anchored *per unit fluence*: its anchors are
    Taylor's He values [1]_ divided by the fluence of the Apollo sites they came from
    (:data:`ANCHOR_FLUENCE_HIGH_TI_MARE`, :data:`ANCHOR_FLUENCE_HIGHLAND`), so the model
    returns exactly the anchors at those sites' latitudes. The form follows Fa & Jin (2007)
    [3]_ and Johnson et al. (1999) [2]_ -- He depends on solar-wind fluence, maturity and
    TiO2 -- but no published coefficients were reachable, so none are used:

    * Fa & Jin's regression is *additive*-linear in F, OMAT and TiO2; its F coefficient cannot
      be fitted from our anchors, which all lie within 21 deg of the equator (F = 0.94-1.00).
      The product F x line(TiO2) is linear in each input separately and vanishes with zero
      fluence, as implantation requires.
    * Maturity (OMAT) is not in the Lunar Prospector data; every soil is treated as the
      mature soils behind Taylor's ranges (the OMAT term is held at its mature value).

    Parameters
    ----------
    tio2_wt_pct : array_like
        TiO2 [wt%]; negative counts as 0, NaN stays NaN.
    fluence : array_like
        Normalised solar-wind fluence [-], in [0, 1] (``fluence_factor(lat)``). Broadcasts.
    highland_he_ppm, mare_he_ppm : array_like, optional
        Total He at the Apollo 16 and the Apollo 11/17 anchors [ppm]. Broadcast.

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
        highland_he_ppm=np.asarray(highland_he_ppm, dtype=float) / ANCHOR_FLUENCE_HIGHLAND,
        mare_he_ppm=np.asarray(mare_he_ppm, dtype=float) / ANCHOR_FLUENCE_HIGH_TI_MARE,
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
    ratio = np.asarray(he4_he3_atom_ratio, dtype=float)
    if np.any(~(ratio > 0.0)):
        raise ScenarioError(f"he4_he3_atom_ratio = {he4_he3_atom_ratio!r} must be > 0")
    mass_ratio = HE3_MOLAR_MASS_KG_PER_MOL / HE4_MOLAR_MASS_KG_PER_MOL
    return np.asarray(1000.0 * np.asarray(he_ppm, dtype=float) * mass_ratio / ratio)


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
                    "set fluence_factor explicitly (fluence_factor(lat_deg))"
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
            reference="project model: cos(latitude) solar-wind fluence (Johnson et al. 1999, "
            "doi:10.1029/1998GL900305; form of Fa & Jin 2007, doi:10.1016/j.icarus.2007.03.014) "
            "x the taylor1991_tio2 line per unit fluence; OMAT held at mature",
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
        Normalised solar-wind fluence [-] (:func:`fluence_factor` of the latitude, or
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
    4.68
    """
    he = get_he3_model(model).total_he_ppm(tio2_wt_pct, fluence)
    return he3_ppb_from_he_ppm(he, he4_he3_atom_ratio=he4_he3_atom_ratio)


def grs_fluence(grs: xr.Dataset) -> np.ndarray:
    """Mean normalised solar-wind fluence of every LP bin [-] (:func:`bin_fluence_factor`)."""
    return bin_fluence_factor(grs["lat_min"].values, grs["lat_max"].values)


def grs_he3_ppb(grs: xr.Dataset, cfg: Resources) -> np.ndarray:
    """Nominal He-3 grade of every LP bin under ``cfg.he3_model`` and its atom ratio [ppb]."""
    return he3_ppb(
        grs["TiO2_wt_pct"].values,
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


def _check_cutoff(name: str, value: float) -> None:
    if not (math.isfinite(value) and value >= 0.0):
        raise QueryError(f"{name} = {value!r} must be a finite grade >= 0")


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

    def to_dict(self) -> dict[str, Any]:
        """Fields as JSON-ready Python scalars."""
        return {
            k: v if v is None or isinstance(v, str | int) else float(v)
            for k, v in asdict(self).items()
        }


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
        One per region, in order.

    Raises
    ------
    QueryError
        Non-positive ``depth_m`` or a negative cut-off.
    ScenarioError
        Unknown He grade model.

    References
    ----------
    See the module docstring ([1]_-[11]_ there) for every input and its band.
    """
    check_depth_m(depth_m)
    _check_cutoff("cutoff_ppb", cutoff_ppb)
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
            )
        )
    return out


def he3_inventory(
    grs: xr.Dataset,
    cfg: Resources,
    *,
    region: str | None = None,
    seed: int,
    lat: float | None = None,
    lon: float | None = None,
    radius_km: float | None = None,
    polygon: Sequence[tuple[float, float]] | None = None,
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
    region : str, optional
        ``"moon"`` (default), ``"nearside"``, ``"farside"``, ``"south-pole"``, ``"circle"``
        (implied when ``lat``/``lon``/``radius_km`` are given) or ``"polygon"`` (implied by
        ``polygon``).
    seed : int
        Seed of the Monte Carlo draws.
    lat, lon : float, optional
        Circle centre [deg, deg E].
    radius_km : float, optional
        Circle radius [km]; bins whose centre lies inside are counted.
    polygon : sequence of (lat, lon), optional
        Polygon vertices [deg, deg E]; bins whose centre lies inside are counted.
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
    label, weights = region_weights(
        grs, region, lat=lat, lon=lon, radius_km=radius_km, polygon=polygon
    )
    return he3_inventories(
        grs, cfg, [(label, weights)], seed=seed, depth_m=depth_m, cutoff_ppb=cutoff_ppb
    )[0]
