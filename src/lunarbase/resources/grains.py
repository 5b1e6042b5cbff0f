"""Grain size of lunar soil and the share of its implanted He-3 held by the fines below a sieve cut.

A He-3 miner that sieves the regolith and heats only the fines (the Wisconsin M-3 miner heats the
< 100 um fraction, 556 of the 1258 t/h it excavates [1]_) recovers more than that fraction's mass
share of the He-3, because solar-wind gas sits on grain surfaces: in Apollo 11 soil 10084 the
trapped noble-gas "concentrations are inversely proportional to particle size" [2]_, the gas being
concentrated in the outer layers of the grains [3]_, [4]_.

Model
-----
Grain diameters ``d`` of the soil follow a log-normal *mass* distribution, median ``d50`` and
geometric spread ``sigma`` (``ln d ~ Normal(ln d50, sigma^2)``); in the sedimentologists' phi
scale (``phi = -log2(d / 1 mm)``) ``sigma_phi = sigma / ln 2`` is the Folk-Ward sorting [5]_,
exact for a log-normal. The trapped gas of a size fraction is the sum of a *surface-correlated*
and a *volume-correlated* part, ``c(d) = c_v + c_s / d`` (the two-component form of the
grain-size studies of Apollo 11 fines, Eberhardt et al. 1970 [8]_; "concentrations are
inversely proportional to particle size" for the surface part [2]_):

* the surface-correlated gas sits in the outer ~10 um of grains [3]_, [4]_, so per unit mass it
  goes as the specific surface, ``~ 1/d``. Weighting the normal density of ``ln d`` by
  ``exp(-ln d)`` shifts its mean by ``-sigma^2`` and keeps its width;
* the volume-correlated gas is carried inside agglutinates -- glass-welded aggregates melted
  from gas-rich soil by micrometeorite impacts [6]_ -- and per unit mass does not depend on
  grain size. Its share of the bulk gas is ``f_v`` = agglutinate mass share of the soil (52 %
  of 10084's 90-1000 um fraction, Simon et al. 1981 [6]_) x the share of the parent soil's gas
  an agglutinate keeps through melting (no measurement reached: 0.5, assumption 0-1), so
  ``f_v`` = 0.26 (:data:`VOLUME_GAS_FRACTION`; range 0-0.52). ``f_v = 0`` is the former
  surface-only model, an upper bound on the fines' share.

So for a sieve cut ``c``, with ``x = ln c - ln d50``:

* mass fraction below the cut  ``= Phi(x / sigma)``;
* He-3 fraction below the cut  ``= (1 - f_v) Phi((x + sigma^2) / sigma) + f_v Phi(x / sigma)``;

``Phi`` being the standard normal CDF (:func:`fines_fractions`). The He-3 fraction always exceeds
the mass fraction (for ``f_v < 1``), and the fines' grade is the bulk grade times their ratio
(:func:`fines_enrichment`).

Defaults (``lunarbase.scenario.Resources``) describe the Apollo 11 reference soil 10084:
"average grain size 51 microns with about 14 % less than 10 microns" (Lunar Sample Compendium,
after Basu et al. 2001 [6]_). The average is taken as the median (for a log-normal the geometric
mean *is* the median), and the sorting follows from the two numbers (:func:`sorting_phi_from`):
2.18 phi, inside the "very poorly sorted" class (2-4 phi [5]_) that Carrier (2003) [7]_ gives
for lunar soil.

Limits (stated, not modelled): the agglutinate share is taken the same at every grain size (it
is measured on 90-1000 um), and the finest grains, whose whole volume lies within the implanted
layer (a mean He layer of 10 um by microprobe [3]_), saturate; both would move He-3 out of the
fines. No measured He-3-per-size-fraction table was reachable to check the split
quantitatively. 10084 is a mature soil sieved to < 1 mm; excavated regolith with its rock
fragments is coarser (the M-3 miner's fines are 44 % of its excavated mass, 10084's < 100 um
fraction ~67 %).

References
----------
.. [1] Olson, A. D. S. (2021) Lunar Helium-3: Mining Concepts, Extraction Research, and Potential
   ISRU Synergies. AIAA ASCEND 2021; NTRS 20210022801 (record seen: 1258 t/h excavated, 556 t/h
   of < 100 um processed, 66 kg/yr He-3 at 20 ppb).
.. [2] Inert gases in lunar samples. Science 167:555-558 (1970),
   doi:10.1126/science.167.3918.555 (abstract seen: sample 10084,40 "concentrations are
   inversely proportional to particle size"; authors not shown on the page, usually cited as
   Heymann, Yaniv, Adams & Fryer 1970).
.. [3] Kirsten, T., Steinbrunn, F. & Zahringer, J. (1970) Science 167:571-574,
   doi:10.1126/science.167.3918.571 -- gases in grain surfaces; mean He layer 10 um.
.. [4] Rare gases, hydrogen, and nitrogen: concentrations and isotopic composition in lunar
   material. Science 167:543-545 (1970), doi:10.1126/science.167.3918.543 (abstract seen:
   grain-size fractions show "strong concentrations of the solar-wind component in the surface
   layers of the grains"; Hintenberger et al. 1970).
.. [5] Folk, R. L. & Ward, W. C. (1957) Brazos River bar: a study in the significance of grain
   size parameters. J. Sediment. Petrol. 27:3-26 -- inclusive graphic standard deviation;
   "very poorly sorted" = 2.00-4.00 phi (standard classes, not re-read in this pass).
.. [6] Meyer, C. Lunar Sample Compendium, sample 10084 (NASA JSC; Markdown edition github
   bfeist/lsc_astro, src/content/docs/apollo-11/10084/10084.md), citing Basu, A., Wentworth,
   S. J. & McKay, D. S. (2001) Submillimeter grain-size distribution of Apollo 11 soil 10084.
   Meteorit. Planet. Sci. 36:177-181.
.. [7] Carrier, W. D. III (2003) Particle size distribution of lunar soil. J. Geotech.
   Geoenviron. Eng. 129(10):956-959 (abstract seen: "very fine sand, very poorly sorted, nearly
   symmetrical, and mesokurtic").
.. [8] Eberhardt, P., Geiss, J., Graf, H., Grogler, N., Krahenbuhl, U., Schwaller, H.,
   Schwarzmuller, J. & Stettler, A. (1970) Trapped solar wind noble gases, exposure age and
   K/Ar-age in Apollo 11 lunar fine material. Proc. Apollo 11 Lunar Sci. Conf. 1037-1070 --
   gas content of grain-size fractions as a volume- plus a surface-correlated part (form as
   commonly cited; the paper was not re-read in this pass).
"""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np

from lunarbase.errors import ScenarioError
from lunarbase.typing import ArrayLike

SOIL_10084_MEAN_GRAIN_UM = 51.0
"""Average grain size of Apollo 11 soil 10084 [um] (Lunar Sample Compendium after Basu et al.
2001 [6]_); used as the median of the log-normal."""

SOIL_10084_MASS_FRACTION_BELOW_10_UM = 0.14
"""Mass fraction of 10084 finer than 10 um [-] ("about 14 %", same source)."""

FOLK_WARD_VERY_POORLY_SORTED_PHI = (2.0, 4.0)
"""Folk-Ward sorting range called "very poorly sorted" [phi] [5]_; lunar soil is in it [7]_."""

SOIL_10084_AGGLUTINATE_FRACTION = 0.52
"""Agglutinate share of soil 10084's 90-1000 um fraction [-] (Lunar Sample Compendium, mode of
Simon et al. 1981 [6]_)."""

AGGLUTINATE_GAS_RETENTION = 0.5
"""Share of its parent soil's solar-wind gas an agglutinate keeps through melting [-]
(assumption: 0-1; no measurement was reachable, the middle of the range is taken)."""

VOLUME_GAS_FRACTION = SOIL_10084_AGGLUTINATE_FRACTION * AGGLUTINATE_GAS_RETENTION
"""Volume-correlated (agglutinate) share of the soil's He-3 [-]: 0.26 (range 0-0.52)."""

M3_FINES_CUT_UM = 100.0
"""Sieve cut of the fines the Wisconsin M-3 miner heats [um] [1]_."""

LN2 = math.log(2.0)

# The standard normal CDF from the standard library, element-wise: the inputs here are a few
# scalars, and scipy.special would add 0.4 s of import to every ``lunarbase point``.
_normal_cdf = np.vectorize(NormalDist().cdf, otypes=[float])


def _check_positive(name: str, value: ArrayLike) -> np.ndarray:
    arr = np.asarray(value, dtype=float)
    if np.any(~(arr > 0.0)):
        raise ScenarioError(f"resources.{name} = {value!r} must be > 0")
    return arr


def sorting_phi_from(median_um: float, cut_um: float, mass_fraction_below: float) -> float:
    """Folk-Ward sorting [phi] of a log-normal with a given median and one point of its curve.

    ``sigma_phi = log2(median / cut) / z``, ``z`` the standard normal quantile of
    ``1 - mass_fraction_below`` (the cut must lie below the median).

    Parameters
    ----------
    median_um : float
        Median grain size [um].
    cut_um : float
        A sieve size below the median [um].
    mass_fraction_below : float
        Mass fraction finer than ``cut_um`` [-], in (0, 0.5).

    Returns
    -------
    float
        Sorting [phi units].

    Raises
    ------
    ScenarioError
        Inputs out of range (named in the message).

    Examples
    --------
    >>> round(sorting_phi_from(51.0, 10.0, 0.14), 2)   # soil 10084 (module reference [6])
    2.18
    """
    if not (math.isfinite(median_um) and math.isfinite(cut_um) and 0.0 < cut_um < median_um):
        raise ScenarioError(
            f"cut_um = {cut_um!r} must lie between 0 and median_um = {median_um!r} [um]"
        )
    if not 0.0 < mass_fraction_below < 0.5:
        raise ScenarioError(f"mass_fraction_below = {mass_fraction_below!r} must be in (0, 0.5)")
    z = NormalDist().inv_cdf(1.0 - mass_fraction_below)
    return math.log2(median_um / cut_um) / z


def fines_fractions(
    cut_um: ArrayLike,
    median_um: ArrayLike,
    sorting_phi: ArrayLike,
    *,
    volume_gas_fraction: ArrayLike = VOLUME_GAS_FRACTION,
) -> tuple[np.ndarray, np.ndarray]:
    """Mass fraction of the soil, and fraction of its solar-wind He-3, below a sieve cut.

    Log-normal grain-size mass distribution; surface-correlated gas per unit mass ~ 1/d plus a
    volume-correlated share (module docstring): ``mass = Phi(x / s)`` and
    ``he3 = (1 - f_v) Phi((x + s^2) / s) + f_v mass``, with ``x = ln c - ln d50``,
    ``s = sorting_phi x ln 2`` and ``f_v = volume_gas_fraction``.

    Parameters
    ----------
    cut_um : array_like
        Sieve cut [um], > 0 (``inf`` = everything). Broadcasts.
    median_um : array_like
        Median grain size of the soil [um], > 0. Broadcasts.
    sorting_phi : array_like
        Folk-Ward sorting = standard deviation of phi [phi units], > 0. Broadcasts.
    volume_gas_fraction : array_like, optional
        Volume-correlated (agglutinate) share of the gas [-], 0..1; 0 = surface gas only.
        Broadcasts.

    Returns
    -------
    (numpy.ndarray, numpy.ndarray)
        ``(mass_fraction, he3_fraction)`` [-], each in [0, 1], ``he3_fraction >= mass_fraction``.

    Raises
    ------
    ScenarioError
        A non-positive (or NaN) input, named as its ``resources`` field.

    References
    ----------
    .. [1] Science 167:555 (1970), doi:10.1126/science.167.3918.555 -- gas ~ 1/grain size.
    .. [2] Folk & Ward (1957) J. Sediment. Petrol. 27:3 -- sorting in phi units.
    .. [3] Eberhardt et al. (1970) Proc. Apollo 11 Lunar Sci. Conf. 1037 -- volume- plus
       surface-correlated gas (module reference [8]).

    Examples
    --------
    >>> m, g = fines_fractions(100.0, 51.0, 2.18)   # 10084-like soil, M-3 cut
    >>> round(float(m), 2), round(float(g), 2)
    (0.67, 0.9)
    >>> round(float(fines_fractions(100.0, 51.0, 2.18, volume_gas_fraction=0.0)[1]), 2)
    0.97
    """
    c = _check_positive("fines_cut_um", cut_um)
    d50 = _check_positive("grain_median_um", median_um)
    s = _check_positive("grain_sorting_phi", sorting_phi) * LN2
    f_v = np.asarray(volume_gas_fraction, dtype=float)
    if np.any(~((f_v >= 0.0) & (f_v <= 1.0))):
        raise ScenarioError(f"volume_gas_fraction = {volume_gas_fraction!r} must be in 0..1")
    x = np.log(c) - np.log(d50)
    mass = np.asarray(_normal_cdf(x / s))
    surface = np.asarray(_normal_cdf((x + s * s) / s))
    return mass, np.asarray((1.0 - f_v) * surface + f_v * mass)


def fines_enrichment(
    cut_um: ArrayLike,
    median_um: ArrayLike,
    sorting_phi: ArrayLike,
    *,
    volume_gas_fraction: ArrayLike = VOLUME_GAS_FRACTION,
) -> np.ndarray:
    """He-3 grade of the fines below ``cut_um`` over the bulk soil's grade [-], >= 1.

    ``he3_fraction / mass_fraction`` of :func:`fines_fractions` (same parameters and errors);
    the fines' grade [ppb] is the bulk grade times this factor.
    """
    mass, he3 = fines_fractions(
        cut_um, median_um, sorting_phi, volume_gas_fraction=volume_gas_fraction
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = he3 / mass
    # a cut so fine that the mass fraction underflows to 0: the ratio grows without bound
    return np.asarray(np.where(mass > 0.0, ratio, np.inf))


def median_for_mass_fraction(cut_um: float, mass_fraction: float, sorting_phi: float) -> float:
    """Median grain size [um] of a log-normal soil with ``mass_fraction`` finer than ``cut_um``.

    Inverse of the mass part of :func:`fines_fractions`: ``d50 = c x exp(-z s)``, ``z`` the
    standard normal quantile of ``mass_fraction`` and ``s = sorting_phi x ln 2``.

    Raises
    ------
    ScenarioError
        ``mass_fraction`` outside (0, 1) or a non-positive cut or sorting.
    """
    _check_positive("fines_cut_um", cut_um)
    _check_positive("grain_sorting_phi", sorting_phi)
    if not 0.0 < mass_fraction < 1.0:
        raise ScenarioError(f"mass_fraction = {mass_fraction!r} must be in (0, 1)")
    z = NormalDist().inv_cdf(mass_fraction)
    return float(cut_um * math.exp(-z * sorting_phi * LN2))
