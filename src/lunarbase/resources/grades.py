"""Helium-3 grade of the lunar regolith: the He models, picked by author-year name.

Grade models are picked by name (``model="tio2_line"``), pvlib-style; a :class:`He3GradeModel`
instance may be passed in place of a name. Both models here are the project's own fits, so
their names say what they are (a line in TiO2; the solar-wind fluence times that line) rather
than an author and year; the former names ``taylor1991_tio2`` and ``johnson1999_fluence`` (and
their ``*_he_ppm`` functions) still work, with a DeprecationWarning
(:data:`lunarbase.models.RENAMED`). Each model returns the total
solar-wind helium of a soil [ppm by mass]; :func:`he3_ppb_from_he_ppm` turns it into He-3 [ppb by
mass] with the implanted 4He/3He atom ratio.

Available models
----------------
``tio2_line``
    **The project's own fit, not a published regression.** No paper with published He-vs-TiO2
    coefficients was reachable (Cameron 1988/1992, Fa & Jin 2007 and Johnson et al. 1999 were
    seen as abstracts only). Taylor (1991) [1]_ gives total-He *ranges* by soil type -- high-Ti
    mare (Apollo 17 type) 15-50 ppm, highlands 3-9 ppm -- and names TiO2 as the best predictor.
    The model is the straight line through the midpoints of those ranges placed at the
    representative TiO2 of each soil type from Lunar Sourcebook Table 7.15 [2]_: high-Ti mare =
    mean of Apollo 11 (7.8 wt%) and Apollo 17 "17a" (8.4 wt%); highlands = Apollo 16
    (0.54 wt%). The slope and intercept are computed in code from those cited inputs; the result
    is clipped at >= 0. The fit knows nothing of maturity or solar-wind fluence.
``fluence_tio2_line``
    **Also the project's own model**, in the form of Fa & Jin (2007) [9]_ (He-3 linear in
    normalised solar-wind flux, OMAT and TiO2) and Johnson et al. (1999) [8]_ (maturity x
    fluence x TiO2): He = F(lat, lon) x line(TiO2). F is the time-averaged solar-wind flux on a
    surface element relative to the unshielded equator (:func:`fluence_factor`): ``cos(lat)``
    times a longitude factor for the Earth's magnetotail, which blocks the wind for ~4 days
    around full Moon [13]_, when the nearside is the day side (:func:`magnetotail_factor`); that
    is why Johnson et al.'s map is richest in the farside maria. The ``tio2_line`` line is
    re-anchored per unit fluence at the Apollo sites its anchors come from [7]_
    (:func:`anchor_fluences`). No published coefficient is used (none was reachable). OMAT is
    not in our data, so every soil counts as mature. A bin gets its area-mean fluence
    (:func:`bin_fluence_factor`).
    (:mod:`.fluence`).

(Reference numbers are those of the former single He-3 module, kept so that citations in
tests and notes stay valid.)

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
.. [13] Hurley, D. M. & Farrell, W. M. (2013) Solar wind fluence to the lunar surface. 44th LPSC,
   abstract 2015 (seen via docslib.org/doc/1425623): fluence for one lunation "assuming a
   spherical Moon, no obliquity, and a magnetotail spanning the moon phase 177 +- 25 deg during
   which the flux is zero".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import numpy as np

from lunarbase.constants import HE3_MOLAR_MASS_KG_PER_MOL, HE4_MOLAR_MASS_KG_PER_MOL
from lunarbase.errors import ScenarioError
from lunarbase.models import RENAMED, current_name, lookup
from lunarbase.resources.fluence import (
    ANCHOR_FLUENCE_HIGH_TI_MARE,
    ANCHOR_FLUENCE_HIGHLAND,
    bin_fluence_factor,
)
from lunarbase.typing import ArrayLike

if TYPE_CHECKING:
    import xarray as xr

# --- Cited inputs of the tio2_line fit ------------------------------------------------

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


def _midpoint(bounds: tuple[float, float]) -> float:
    return (bounds[0] + bounds[1]) / 2.0


HIGHLAND_HE_PPM = _midpoint(TAYLOR1991_HE_PPM_HIGHLAND)
"""Nominal total He of highland soil [ppm]: midpoint of Taylor's 3-9 ppm [1]_."""

HIGH_TI_MARE_HE_PPM = _midpoint(TAYLOR1991_HE_PPM_HIGH_TI_MARE)
"""Nominal total He of high-Ti mare soil [ppm]: midpoint of Taylor's 15-50 ppm [1]_."""


def tio2_line_he_ppm(
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


def fluence_tio2_line_he_ppm(
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
    and the Earth's magnetotail) and the line is :func:`tio2_line_he_ppm` re-anchored *per
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
    line = tio2_line_he_ppm(
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
        "tio2_line": He3GradeModel(
            name="tio2_line",
            he_ppm=tio2_line_he_ppm,
            nominal=_TAYLOR_NOMINAL,
            bounds=_TAYLOR_BOUNDS,
            reference="project fit through Taylor (1991) NTRS 19910016782 He ranges at "
            "Lunar Sourcebook Table 7.15 TiO2",
        ),
        "fluence_tio2_line": He3GradeModel(
            name="fluence_tio2_line",
            he_ppm=fluence_tio2_line_he_ppm,
            nominal=_TAYLOR_NOMINAL,
            bounds=_TAYLOR_BOUNDS,
            reference="project model: solar-wind fluence, cos(latitude) x Earth-magnetotail "
            "shielding by longitude (Johnson et al. 1999, doi:10.1029/1998GL900305; tail window "
            "of Hurley & Farrell 2013, LPSC 44 #2015; form of Fa & Jin 2007, "
            "doi:10.1016/j.icarus.2007.03.014) x the tio2_line per unit fluence; "
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
    return lookup(HE3_MODELS, model, kind=He3GradeModel, field="resources.he3_model")


def he3_ppb(
    tio2_wt_pct: ArrayLike,
    *,
    model: str | He3GradeModel = "tio2_line",
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
        :func:`bin_fluence_factor` for a bin); required by ``"fluence_tio2_line"``, ignored
        by ``"tio2_line"``. Broadcasts.

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
    >>> float(he3_ppb(8.1, model="fluence_tio2_line", fluence=0.5).round(2))
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


def grs_he3_ppb(
    grs: xr.Dataset | Mapping[str, np.ndarray],
    *,
    he3_model: str | He3GradeModel,
    he4_he3_atom_ratio: float,
) -> np.ndarray:
    """Nominal He-3 grade of every LP bin [ppb] under ``he3_model`` (a name of
    :data:`HE3_MODELS` or a model) at the 4He/3He atom ratio ``he4_he3_atom_ratio`` [-];
    ``grs`` is the LP table as xarray or as arrays."""
    return he3_ppb(
        np.asarray(grs["TiO2_wt_pct"]),
        model=he3_model,
        he4_he3_atom_ratio=he4_he3_atom_ratio,
        fluence=grs_fluence(grs),
    )


def __getattr__(name: str) -> Any:
    """The former ``<name>_he_ppm`` functions of renamed models (:data:`RENAMED`), with a
    DeprecationWarning."""
    old = name.removesuffix("_he_ppm")
    if name.endswith("_he_ppm") and old in RENAMED:
        new = current_name(old, field=f"lunarbase.resources.grades.{name}")
        return globals()[f"{new}_he_ppm"]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
