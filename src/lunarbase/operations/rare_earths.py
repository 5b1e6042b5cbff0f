"""Rare-earth line: KREEP beneficiation of the excavated regolith to a rare-earth concentrate.

The miners' excavated regolith carries the rare-earth elements of the resources stage's KREEP
model (each element = Th x its REE/Th ratio in KREEP basalt 15386). A beneficiation plant keeps
a fraction of them (``ree_recovery_fraction``: **a declared assumption**, no lunar process has
published a recovery) and the output is counted as rare-earth oxide (REO), the unit of the
world-supply statistics (USGS Mineral Commodity Summaries [2]_): each element's mass times its
oxide's mass per mass of metal. Oxides follow the USGS/industry convention: CeO2, Pr6O11, Tb4O7,
and R2O3 for the others, with IUPAC standard atomic weights [1]_.

Groups: light REE La-Eu, heavy REE Gd-Lu, and Y on its own (the split world markets price).

References
----------
.. [1] Prohaska, T. et al. (2022) Standard atomic weights of the elements 2021 (IUPAC Technical
   Report). Pure Appl. Chem. 94(5):573-600, doi:10.1515/pac-2019-0603 (abridged values).
.. [2] U.S. Geological Survey (2025) Mineral Commodity Summaries 2025: Rare Earths (reports
   rare-earth oxide equivalent), doi:10.3133/mcs2025.
"""

from __future__ import annotations

from types import MappingProxyType

from lunarbase.resources import ree_ppm
from lunarbase.typing import Numeric

ATOMIC_WEIGHT = MappingProxyType(
    {
        "O": 15.999,
        "Y": 88.906,
        "La": 138.91,
        "Ce": 140.12,
        "Pr": 140.91,
        "Nd": 144.24,
        "Sm": 150.36,
        "Eu": 151.96,
        "Gd": 157.25,
        "Tb": 158.93,
        "Dy": 162.50,
        "Ho": 164.93,
        "Er": 167.26,
        "Tm": 168.93,
        "Yb": 173.05,
        "Lu": 174.97,
    }
)
"""Standard atomic weights [g/mol], IUPAC 2021 abridged [1]_."""

OXIDE_ATOMS = MappingProxyType({"Ce": (1, 2), "Pr": (6, 11), "Tb": (4, 7)})
"""Metal and oxygen atoms per formula unit where the oxide is not R2O3 (CeO2, Pr6O11, Tb4O7)."""

GROUPS = MappingProxyType(
    {
        "light": ("La", "Ce", "Pr", "Nd", "Sm", "Eu"),
        "heavy": ("Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu"),
        "yttrium": ("Y",),
    }
)
"""Element groups of the REO output."""


def oxide_factor(element: str) -> float:
    """Mass of oxide per mass of metal for ``element`` [kg/kg] (e.g. La2O3: 1.173)."""
    metals, oxygens = OXIDE_ATOMS.get(element, (2, 3))
    metal = metals * ATOMIC_WEIGHT[element]
    return (metal + oxygens * ATOMIC_WEIGHT["O"]) / metal


def reo_kg_by_group(
    excavated_t: Numeric, th_ppm: float, ree_recovery_fraction: float
) -> dict[str, Numeric]:
    """Rare-earth oxide recovered from excavated regolith, by group [kg].

    Parameters
    ----------
    excavated_t : float or numpy.ndarray
        Regolith beneficiated [t] (an array gives one result per element, e.g. per day).
    th_ppm : float
        Its thorium grade [ppm] (the resources stage's ``mining_th_ppm``); REE follow the 15386
        pattern (:func:`lunarbase.resources.ree_ppm`).
    ree_recovery_fraction : float
        Fraction of each element recovered into the concentrate [-] (assumption).

    Returns
    -------
    dict of str to float or numpy.ndarray
        ``light``, ``heavy`` and ``yttrium`` REO [kg], shaped like ``excavated_t``.
    """
    grades = ree_ppm(th_ppm)
    out: dict[str, Numeric] = {}
    for group, elements in GROUPS.items():
        oxide_ppm = sum(float(grades[el]) * oxide_factor(el) for el in elements)
        out[group] = ree_recovery_fraction * oxide_ppm * 1e-6 * excavated_t * 1000.0
    return out


def reo_mass_fractions(th_ppm: float) -> dict[str, float]:
    """Mass fraction of each element's oxide in the rare-earth concentrate [-] (recovery is
    the same for every element, so the concentrate keeps the 15386 pattern; Th only scales it)."""
    grades = ree_ppm(th_ppm)
    oxide = {el: float(grades[el]) * oxide_factor(el) for els in GROUPS.values() for el in els}
    total = sum(oxide.values())
    return {el: ppm / total for el, ppm in oxide.items()} if total > 0.0 else {}
