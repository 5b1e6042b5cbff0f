"""Volatile by-products released with He-3 when regolith is heated to ~700 C.

Solar-wind H, C and N come out of the regolith with the helium. The University of Wisconsin
studies give the mass of each by-product per unit mass of He-3 recovered; the yield per tonne of
processed regolith follows from the He-3 released from that tonne.

Status of the numbers (read this before relying on them)
---------------------------------------------------------
* H2 6100, H2O 3300, CO 1900, CO2 1700, CH4 1600 (kg per kg He-3) and He-4 "one part He-3 in
  3,100 by mass" were **seen only in a secondary source**, the Lunarpedia page "Volatiles" [1]_,
  which quotes H. H. Schmitt's University of Wisconsin lecture pages for regolith heated to
  700 C. The primary table (usually credited to Wittenberg, Santarius & Kulcinski 1986 [3]_)
  was not reached.
* **N2 = 500 kg per kg He-3 is unconfirmed**: the page seen was cut off before nitrogen. The
  value is the one commonly quoted; it is consistent with the confirmed total of "over 18,000
  tons of volatiles ... for every tonne of He-3" [2]_, which needs N2 >= 300 given the others.
* He-4 is not taken from the table: it follows exactly from the 4He/3He atom ratio,
  R x M(4He) / M(3He) kg per kg He-3 (3583 at R = 2700; Wisconsin's 3100 implies R = 2336).

The ratios belong to the Wisconsin reference soil (mature high-Ti mare); scaling them by the
local He-3 grade assumes H, C and N track He-3 everywhere, which is only roughly true.

References
----------
.. [1] Lunarpedia, "Volatiles" (lunarpedia.org/w/Volatiles), citing H. H. Schmitt's
   University of Wisconsin lecture pages -- secondary source.
.. [2] "Impact of lunar volatiles produced during He-3 mining activities" (abstract; authors
   not shown on the page seen; Wisconsin Fusion Technology Institute work) -- "over 18,000 tons
   of volatiles will be evolved for every tonne of He-3"; species H2, H2O, He-4, N2, CO, CO2,
   CH4.
.. [3] Wittenberg, L. J., Santarius, J. F. & Kulcinski, G. L. (1986) Lunar source of 3He for
   commercial fusion power. Fusion Technology 10:167-178 (attribution unconfirmed).
"""

from __future__ import annotations

from types import MappingProxyType

import numpy as np
import numpy.typing as npt

from lunarbase.constants import HE3_MOLAR_MASS_KG_PER_MOL, HE4_MOLAR_MASS_KG_PER_MOL
from lunarbase.errors import ScenarioError
from lunarbase.resources.grades import check_atom_ratio

WISCONSIN_KG_PER_KG_HE3 = MappingProxyType(
    {"H2": 6100.0, "H2O": 3300.0, "N2": 500.0, "CO": 1900.0, "CO2": 1700.0, "CH4": 1600.0}
)
"""By-product mass per mass of He-3 at 700 C [kg/kg] [1]_ (N2 unconfirmed, see module doc)."""

WISCONSIN_HE4_KG_PER_KG_HE3 = 3100.0
"""He-4 per He-3 in the Wisconsin listing [kg/kg] [1]_ -- kept for comparison only."""

UNCONFIRMED_SPECIES = frozenset({"N2"})
"""By-products whose Wisconsin ratio was not seen in any source."""

WISCONSIN_TOTAL_MIN_KG_PER_KG_HE3 = 18_000.0
"""Lower bound on all volatiles per He-3 ("over 18,000 tons ... per tonne") [kg/kg] [2]_."""


def he4_kg_per_kg_he3(he4_he3_atom_ratio: npt.ArrayLike = 2700.0) -> np.ndarray:
    """He-4 released per kg of He-3 [kg/kg]: atom ratio x M(4He) / M(3He) (exact).

    Parameters
    ----------
    he4_he3_atom_ratio : array_like, optional
        4He/3He atom ratio of the implanted helium [-], > 0.

    Returns
    -------
    numpy.ndarray
        He-4 mass per He-3 mass [kg/kg].

    References
    ----------
    .. [1] Wieser, M. E. et al. (2013) Pure Appl. Chem. 85:1047 (molar masses).
    """
    ratio = check_atom_ratio(he4_he3_atom_ratio)
    return np.asarray(ratio * HE4_MOLAR_MASS_KG_PER_MOL / HE3_MOLAR_MASS_KG_PER_MOL)


def byproducts_per_kg_he3(*, he4_he3_atom_ratio: float = 2700.0) -> dict[str, float]:
    """Volatile by-products per kg of He-3 recovered [kg/kg].

    Parameters
    ----------
    he4_he3_atom_ratio : float, optional
        4He/3He atom ratio [-] used for He-4.

    Returns
    -------
    dict of str to float
        ``H2``, ``H2O``, ``N2``, ``CO``, ``CO2``, ``CH4`` (Wisconsin ratios [1]_; N2 unconfirmed)
        and ``He4`` (from the atom ratio) [kg per kg He-3].

    References
    ----------
    .. [1] Lunarpedia "Volatiles" after H. H. Schmitt (UW); see the module docstring.
    """
    out = dict(WISCONSIN_KG_PER_KG_HE3)
    out["He4"] = float(he4_kg_per_kg_he3(he4_he3_atom_ratio))
    return out


def byproducts_per_tonne_regolith(
    he3_ppb: npt.ArrayLike,
    *,
    he3_release_fraction: float = 1.0,
    he4_he3_atom_ratio: float = 2700.0,
) -> dict[str, np.ndarray]:
    """Volatiles released per tonne of processed regolith, scaled from its He-3 grade.

    Parameters
    ----------
    he3_ppb : array_like
        He-3 grade of the processed regolith [ppb by mass]; negative counts as 0, NaN stays NaN.
    he3_release_fraction : float, optional
        Fraction of the He-3 released by the heater [-], in [0, 1]; applied to every species.
    he4_he3_atom_ratio : float, optional
        4He/3He atom ratio [-].

    Returns
    -------
    dict of str to numpy.ndarray
        ``He3`` and every by-product of :func:`byproducts_per_kg_he3` [kg per t of regolith].

    Raises
    ------
    ScenarioError
        Release fraction outside [0, 1] or a non-positive atom ratio.

    References
    ----------
    .. [1] Lunarpedia "Volatiles" after H. H. Schmitt (UW); see the module docstring.
    """
    if not 0.0 <= he3_release_fraction <= 1.0:
        raise ScenarioError(f"he3_release_fraction = {he3_release_fraction!r} must lie in [0, 1]")
    grade = np.maximum(np.asarray(he3_ppb, dtype=float), 0.0)
    he3_kg_per_t = grade * 1e-9 * 1000.0 * he3_release_fraction
    out = {"He3": np.asarray(he3_kg_per_t)}
    for species, kg_per_kg in byproducts_per_kg_he3(he4_he3_atom_ratio=he4_he3_atom_ratio).items():
        out[species] = np.asarray(he3_kg_per_t * kg_per_kg)
    return out
