"""Regolith thickness and the depth profile of solar-wind gas, shared by He-3 and REE counts.

The grade is uniform through the mixed regolith and zero below it [11]_
(:func:`he3_depth_profile`); an inventory to a depth ``d`` counts ``min(d, regolith depth)``
of every bin. The share of the He-3 held by the fines below a sieve cut (``fines_cut_um``; the
fraction a sieving miner heats) comes from a log-normal grain-size distribution with gas per
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
