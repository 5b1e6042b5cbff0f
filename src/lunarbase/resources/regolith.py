"""Regolith thickness and the depth profile of solar-wind gas, shared by He-3 and REE counts.

The He-3 grade is the surface grade through a gardened mixed layer, a fraction of it in the
deeper regolith, and zero in bedrock (:func:`he3_depth_profile`; [11]_, [16]_-[19]_); an
inventory to a depth ``d`` counts the integral of that profile (:func:`gas_thickness_m`) and
the regolith mass of ``min(d, regolith depth)`` (:func:`counted_thickness_m`; REE is uniform
with depth). The
share of the He-3 held by the fines below a sieve cut (``fines_cut_um``; the fraction a
sieving miner heats) comes from a log-normal grain-size distribution with gas per
unit mass ~ 1/grain size (:mod:`lunarbase.resources.grains`); it is the same everywhere (no
per-bin grain size), so :class:`Inventory` reports it as fractions of the nominal inventory.

(Reference numbers are those of the former single He-3 module, kept so that citations in
tests and notes stay valid.)

References
----------
.. [6] Carrier, W. D., Olhoeft, G. R. & Mendell, W. (1991) Physical properties of the lunar
   surface. Lunar Sourcebook ch. 9 -- bulk density; McKay, D. S. et al. (1991) The lunar
   regolith, ch. 7 -- regolith thickness (defaults of :class:`lunarbase.scenario.Resources`).
.. [10] Kirsten, T., Steinbrunn, F. & Zahringer, J. (1970) Science 167:571-574,
   doi:10.1126/science.167.3918.571 -- mean solar-wind He layer 10 um deep in grains.
.. [11] Abstract of a Chinese 3He-reserve assessment using Chang'e-1 regolith thickness
   (Science China; record hnlib.gt.cqvip.com/fund/article.aspx?id=1212556, authors not shown
   in the excerpt seen) -- "in a range of at least meters deep, 3He abundance in lunar
   regolith is homogeneously distributed and generally does not depend on the depth".
.. [16] McKay, D. S., Heiken, G., Basu, A. et al. (1991) The lunar regolith. Lunar Sourcebook
   ch. 7 -- the Apollo 15, 16 and 17 deep drill cores, 2.4-3 m.
.. [17] Costello, E. S., Ghent, R. R. & Lucey, P. G. (2021) Secondary impact burial and
   excavation gardening on the Moon and the depth to ice in permanent shadow. JGR Planets,
   doi:10.1029/2021JE006933 (abstract seen: gardening disrupts the top 1-10 m).
.. [18] Heymann, D., Yaniv, A. & Lakatos, S. (1972) Inert gases in twelve particles and one
   "dust" sample from Luna 16. EPSL 13:400-406 -- "no clear-cut difference in gas content"
   between the top (zone A) and bottom (zone G) of the core.
.. [19] Review of noble gases in lunar regolith, doi:10.1007/BF02840409 (abstract seen, authors
   not shown): noble-gas concentrations "of slight variation with the depth of lunar soil".
"""

from __future__ import annotations

import math
from typing import Protocol

import numpy as np

from lunarbase.errors import QueryError
from lunarbase.typing import ArrayLike


class RegolithInputs(Protocol):
    """The regolith's parameters under their scenario names and units; the scenario's
    ``[resources]`` table (:class:`lunarbase.scenario.Resources`) is one."""

    @property
    def regolith_density_kg_m3(self) -> float:
        """Bulk density of the regolith [kg/m^3]."""

    @property
    def mare_regolith_depth_m(self) -> float:
        """Mean mare regolith thickness [m]."""

    @property
    def highland_regolith_depth_m(self) -> float:
        """Mean highland regolith thickness [m]."""

    @property
    def mare_feo_threshold_wt_pct(self) -> float:
        """FeO at and above which a soil counts as mare [wt%]."""

    @property
    def gardened_depth_m(self) -> float:
        """Gardened layer holding gas at the surface grade [m]."""

    @property
    def deep_gas_fraction(self) -> float:
        """Grade below the gardened layer relative to the surface grade [-]."""


def regolith_thickness_m(feo_wt_pct: ArrayLike, regolith: RegolithInputs) -> np.ndarray:
    """:func:`regolith_depth_m` with the depths and threshold of ``regolith`` [m]."""
    return regolith_depth_m(
        feo_wt_pct,
        mare_feo_threshold_wt_pct=regolith.mare_feo_threshold_wt_pct,
        mare_regolith_depth_m=regolith.mare_regolith_depth_m,
        highland_regolith_depth_m=regolith.highland_regolith_depth_m,
    )


def regolith_depth_m(
    feo_wt_pct: ArrayLike,
    *,
    mare_feo_threshold_wt_pct: float,
    mare_regolith_depth_m: float,
    highland_regolith_depth_m: float,
) -> np.ndarray:
    """Regolith thickness from FeO: mare where FeO >= the threshold, highland elsewhere.

    Parameters
    ----------
    feo_wt_pct : array_like
        FeO [wt%]; NaN gives NaN.
    mare_feo_threshold_wt_pct : float
        FeO at and above which a soil counts as mare [wt%].
    mare_regolith_depth_m, highland_regolith_depth_m : float
        Mean regolith thickness of mare and of highlands [m].

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
        feo >= mare_feo_threshold_wt_pct,
        mare_regolith_depth_m,
        highland_regolith_depth_m,
    )
    return np.asarray(np.where(np.isnan(feo), np.nan, depth))


GARDENED_DEPTH_M = 3.0
"""Depth of the gardened, gas-bearing mixed layer [m] (assumption: 2-5): the Apollo 15-17 deep
drill cores (2.4-3 m, Lunar Sourcebook ch. 7 [16]_) hold solar-wind gas at soil levels to their
base [11]_ [18]_, and impact gardening reaches 1-10 m over the last few Gyr [17]_."""

GARDENED_DEPTH_RELATIVE_BOUNDS = (2.0 / 3.0, 5.0 / 3.0)
"""Uniform Monte Carlo range of the gardened-layer thickness relative to its nominal value [-]
(assumption: 2-5 m about the nominal 3 m)."""

DEEP_GAS_FRACTION = 0.5
"""He-3 grade of the regolith below the gardened layer relative to the surface grade [-]
(assumption: 0-1; no sample reaches it, so the midpoint of the range is taken)."""

DEEP_GAS_FRACTION_BOUNDS = (0.0, 1.0)
"""Uniform Monte Carlo range of :data:`DEEP_GAS_FRACTION` [-]: 0 = no gas below the gardened
layer, 1 = uniform to the regolith base (the former model)."""


def he3_depth_profile(
    depth_m: ArrayLike,
    regolith_depth_m: ArrayLike,
    *,
    gardened_depth_m: ArrayLike = GARDENED_DEPTH_M,
    deep_gas_fraction: ArrayLike = DEEP_GAS_FRACTION,
) -> np.ndarray:
    """He-3 grade at a depth relative to the surface grade [-]: a gardened mixed layer over
    deeper regolith over bedrock.

    * **Gardened layer** (depth < ``gardened_depth_m``): the surface grade. Solar-wind gas sits
      in the outer ~10 um of grains [1]_, but impact gardening mixes the upper metres; returned
      cores hold gas at soil levels through their depth (Luna 16: "no clear-cut difference in
      gas content" between the top and bottom zones [5]_; "in a range of at least meters deep,
      3He abundance in lunar regolith is homogeneously distributed" [2]_ [6]_), and the Apollo
      deep drill cores reach 2.4-3 m [3]_. Gardening turns the regolith over to 1-10 m in the
      last few Gyr [4]_.
    * **Deeper regolith** (``gardened_depth_m`` to the regolith base): ``deep_gas_fraction``
      of the surface grade. It was implanted when those layers lay at the surface, but no sample
      reaches them; the fraction is an assumption (:data:`DEEP_GAS_FRACTION_BOUNDS`).
    * **Bedrock** below the regolith: no solar-wind gas.

    Parameters
    ----------
    depth_m : array_like
        Depth below the surface [m], >= 0. Broadcasts.
    regolith_depth_m : array_like
        Regolith thickness there [m].
    gardened_depth_m : array_like, optional
        Thickness of the gardened layer [m]; a layer deeper than the regolith ends at its base.
    deep_gas_fraction : array_like, optional
        Grade below the gardened layer relative to the surface [-], 0..1.

    Returns
    -------
    numpy.ndarray
        1 in the gardened layer, ``deep_gas_fraction`` below it to the regolith base, 0 in
        bedrock [-]; NaN where the depth or the regolith depth is NaN.

    References
    ----------
    .. [1] Kirsten, Steinbrunn & Zahringer (1970) Science 167:571 (module reference [10]).
    .. [2] Chinese 3He-reserve assessment, Science China (module reference [11]).
    .. [3] McKay, D. S. et al. (1991) The lunar regolith, Lunar Sourcebook ch. 7 (module [16]).
    .. [4] Costello, Ghent & Lucey (2021) JGR Planets, doi:10.1029/2021JE006933 (module [17]).
    .. [5] Heymann, Yaniv & Lakatos (1972) EPSL 13:400-406 (module [18]).
    .. [6] Noble gases in lunar regolith (review), doi:10.1007/BF02840409 (module [19]).

    Examples
    --------
    >>> he3_depth_profile([1.0, 4.0, 12.0], 10.0).tolist()
    [1.0, 0.5, 0.0]
    """
    d = np.asarray(depth_m, dtype=float)
    r = np.asarray(regolith_depth_m, dtype=float)
    out = np.where(d < np.asarray(gardened_depth_m, dtype=float), 1.0, deep_gas_fraction)
    out = np.where(d < r, out, 0.0)
    return np.asarray(np.where(np.isnan(d) | np.isnan(r), np.nan, out))


def gas_thickness_m(
    regolith_depth_m: ArrayLike,
    depth_m: float | None,
    *,
    gardened_depth_m: ArrayLike = GARDENED_DEPTH_M,
    deep_gas_fraction: ArrayLike = DEEP_GAS_FRACTION,
) -> np.ndarray:
    """Surface-grade-equivalent thickness of He-bearing regolith down to ``depth_m`` [m]: the
    integral of :func:`he3_depth_profile` from 0 to ``min(depth_m, regolith depth)`` (the whole
    regolith when ``depth_m`` is None). Broadcasts over arrays of every input."""
    end = counted_thickness_m(regolith_depth_m, depth_m)
    top = np.minimum(end, np.asarray(gardened_depth_m, dtype=float))
    return np.asarray(top + np.asarray(deep_gas_fraction, dtype=float) * (end - top))


def counted_thickness_m(regolith_depth_m: ArrayLike, depth_m: float | None) -> np.ndarray:
    """Thickness of He-bearing regolith down to ``depth_m`` [m]: the integral of
    uniform grade from 0 to ``depth_m``, i.e. ``min(depth_m, regolith depth)`` (the whole
    regolith when ``depth_m`` is None): the regolith mass counted, and the REE-bearing
    thickness."""
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
