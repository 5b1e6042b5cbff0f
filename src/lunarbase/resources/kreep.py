"""KREEP and rare-earth elements from Lunar Prospector thorium.

Thorium, mapped by the Lunar Prospector gamma-ray spectrometer (Prettyman et al. 2006 [3]_), is
the proxy for KREEP, the K-, REE- and P-rich component of the lunar crust. The model scales the
composition of the pristine KREEP basalt 15386 by Th:

* KREEP fraction = Th / Th(15386), clipped to [0, 1], with Th(15386) = 15.4 ppm [1]_;
* each rare-earth element = Th x (REE / Th of 15386) [1]_, i.e. the 15386 pattern scaled by Th.

The second rule assumes every bit of Th sits in 15386-like material; it overstates REE where
non-KREEP lithologies carry Th, and it ignores the between-lab spread of the 15386 analyses
(isotope dilution La 83.5, INAA La 58 ppm for the same rock [1]_). Lunar Prospector Th itself has
a systematic uncertainty of up to 30 % (high-altitude data) [2]_.

References
----------
.. [1] Meyer, C. *Lunar Sample Compendium*, NASA JSC: sample 15386 "KREEP basalt", Table 1
   "Chemical composition of 15386", ICP-MS column of Neal (2003) (read from the Markdown
   conversion github.com/bfeist/lsc_astro, src/content/docs/apollo-15/15386/15386.md, commit
   501ebf65; the column attribution is the project's reading of that table).
.. [2] Lawrence, D. J. et al. (2000) Thorium abundances on the lunar surface. JGR 105(E8):
   20307-20331 -- absolute Th accuracy: systematic <= 30 % (high altitude), <= 15 % (low).
   (Abstract seen; author list unconfirmed.)
.. [3] Prettyman, T. H. et al. (2006) JGR 111, E12007, doi:10.1029/2005JE002656.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from lunarbase.resources.regions import Region, region_weights
from lunarbase.resources.regolith import (
    RegolithInputs,
    check_cutoff,
    check_depth_m,
    counted_thickness_m,
    regolith_thickness_m,
)

if TYPE_CHECKING:
    import xarray as xr

TH_15386_PPM = 15.4
"""Th of KREEP basalt 15386 [ppm], Neal (2003) column of LSC Table 1 [1]_."""

REE_15386_PPM = MappingProxyType(
    {
        "La": 84.1,
        "Ce": 213.1,
        "Pr": 30.0,
        "Nd": 125.6,
        "Sm": 36.5,
        "Eu": 2.78,
        "Gd": 43.9,
        "Tb": 7.51,
        "Dy": 45.7,
        "Ho": 10.3,
        "Er": 28.3,
        "Tm": 3.97,
        "Yb": 26.2,
        "Lu": 3.59,
        "Y": 241.0,
    }
)
"""REE of KREEP basalt 15386 [ppm]: the 14 lanthanides listed and Y, Neal (2003) column [1]_."""

REE_TOTAL_KEY = "total"
"""Key of the sum of all listed REE in :func:`ree_ppm` results."""


def kreep_fraction(th_ppm: npt.ArrayLike) -> np.ndarray:
    """Mass fraction of 15386-like KREEP implied by Th.

    Parameters
    ----------
    th_ppm : array_like
        Thorium [ppm]; NaN stays NaN.

    Returns
    -------
    numpy.ndarray
        Th / 15.4 ppm clipped to [0, 1] [-].

    References
    ----------
    .. [1] Meyer, Lunar Sample Compendium, 15386, Table 1 (Neal 2003 column).
    """
    return np.asarray(np.clip(np.asarray(th_ppm, dtype=float) / TH_15386_PPM, 0.0, 1.0))


def ree_ppm(th_ppm: npt.ArrayLike) -> dict[str, np.ndarray]:
    """Rare-earth element contents from Th, scaled by the REE/Th ratios of KREEP basalt 15386.

    Parameters
    ----------
    th_ppm : array_like
        Thorium [ppm]; negative counts as 0, NaN stays NaN.

    Returns
    -------
    dict of str to numpy.ndarray
        One entry per element of ``REE_15386_PPM`` (La, Ce, Pr, Nd, Sm, Eu, Gd, Tb, Dy, Ho, Er,
        Tm, Yb, Lu, Y) and ``"total"`` (their sum), each [ppm] shaped like ``th_ppm``.

    References
    ----------
    .. [1] Meyer, Lunar Sample Compendium, 15386, Table 1 (Neal 2003 column).

    Examples
    --------
    >>> round(float(ree_ppm(15.4)["La"]), 6)
    84.1
    """
    th = np.maximum(np.asarray(th_ppm, dtype=float), 0.0)
    out = {el: np.asarray(th * (v / TH_15386_PPM)) for el, v in REE_15386_PPM.items()}
    total_per_th = sum(REE_15386_PPM.values()) / TH_15386_PPM
    out[REE_TOTAL_KEY] = np.asarray(th * total_per_th)
    return out


@dataclass(frozen=True)
class ReeInventory:
    """Rare-earth elements held in the regolith of a region above a cut-off grade.

    Attributes
    ----------
    region : str
        Region label.
    cutoff_ppm : float
        Total-REE cut-off grade [ppm].
    n_cells : int
        Bins in the region at or above the cut-off [count].
    area_km2 : float
        Area of those bins inside the region [km^2].
    regolith_tonnes : float
        Regolith mass above the cut-off (area x regolith depth x density) [t].
    ree_grade_ppm : float
        Mass-weighted mean total-REE grade of that regolith [ppm] (NaN when none).
    ree_tonnes : float
        Total REE (14 lanthanides + Y) [t].
    element_tonnes : dict of str to float
        Tonnes of each element [t].
    """

    region: str
    cutoff_ppm: float
    n_cells: int
    area_km2: float
    regolith_tonnes: float
    ree_grade_ppm: float
    ree_tonnes: float
    element_tonnes: dict[str, float]


def ree_tonnes(
    grs: xr.Dataset,
    cfg: RegolithInputs,
    *,
    cutoff_ppm: float = 0.0,
    region: Region | str | None = None,
    depth_m: float | None = None,
) -> ReeInventory:
    """Rare-earth elements in the regolith of a region, counting bins at or above a cut-off.

    Deterministic (nominal Th; no Monte Carlo). The regolith depth follows
    :func:`lunarbase.resources.regolith.regolith_depth_m` and the density ``cfg``, as for He-3.

    Parameters
    ----------
    grs : xarray.Dataset
        LP GRS table (``load("lpgrs_5deg")``) with ``Th_ppm``, ``FeO_wt_pct`` and ``area_m2``.
    cfg : RegolithInputs
        Density and regolith depths.
    cutoff_ppm : float, optional
        Minimum total-REE grade of a bin to count [ppm], >= 0.
    region : Region or str, optional
        Region, as for :func:`lunarbase.resources.regions.region_weights`; default the Moon.
    depth_m : float, optional
        Count regolith down to this depth [m], > 0; default the whole regolith.

    Returns
    -------
    ReeInventory

    Raises
    ------
    QueryError
        Negative or non-finite cut-off, a non-positive depth, or an unknown or empty region.

    References
    ----------
    .. [1] Meyer, Lunar Sample Compendium, 15386, Table 1; Prettyman et al. (2006).
    """
    check_cutoff("cutoff_ppm", cutoff_ppm, "ppm")
    check_depth_m(depth_m)
    label, weights = region_weights(grs, region)
    th = np.asarray(grs["Th_ppm"].values, dtype=float)
    ree = ree_ppm(th)
    keep = np.where(ree[REE_TOTAL_KEY] >= cutoff_ppm, weights, 0.0)
    area_m2 = np.asarray(grs["area_m2"].values, dtype=float)
    thickness = counted_thickness_m(regolith_thickness_m(grs["FeO_wt_pct"].values, cfg), depth_m)
    mass_kg = area_m2 * thickness
    mass_kg = mass_kg * cfg.regolith_density_kg_m3 * keep
    regolith_kg = float(mass_kg.sum())
    element_t = {el: float((v * 1e-6 * mass_kg).sum() / 1e3) for el, v in ree.items()}
    total_t = element_t.pop(REE_TOTAL_KEY)
    return ReeInventory(
        region=label,
        cutoff_ppm=float(cutoff_ppm),
        n_cells=int(np.count_nonzero(keep > 0)),
        area_km2=float((area_m2 * keep).sum() / 1e6),
        regolith_tonnes=regolith_kg / 1e3,
        ree_grade_ppm=total_t * 1e3 / regolith_kg * 1e6 if regolith_kg > 0 else float("nan"),
        ree_tonnes=total_t,
        element_tonnes=element_t,
    )
