"""Regolith processing: sieving to fines and heating them to release solar-wind helium-3.

The model follows the Wisconsin Mark-3 (M-3) miner: the excavated regolith is sieved, only the
fines (<100 um) are heated to ~700 C in a heat-pipe exchanger that recuperates 85 % of the heat,
and the released gas is kept [1]_.

The fines and their He-3 grade come from the resources stage's one grain-size model
(:mod:`lunarbase.resources.grains`: a log-normal size distribution with gas ~ 1/grain size),
which gives both the mass fraction below the sieve cut and the enriched grade of those fines for
the same soil; the operations stage never assumes a fines fraction of its own.

References
----------
.. [1] Olson, A. D. S. (2021) Lunar Helium-3: Mining Concepts, Extraction Research, and
   Potential ISRU Synergies. AIAA ASCEND 2021; NTRS 20210022801 (M-3 miner: 1258 t/h
   excavated, 556 t/h of <100 um fines processed, 700 C, 85 % heat recuperation).
"""

from __future__ import annotations

from lunarbase.typing import Numeric

PPB = 1.0e-9
"""One part per billion by mass [kg/kg]."""

KG_PER_T = 1000.0
"""Kilograms in one metric tonne [kg/t]."""


def fines_processed_t(excavated_t: Numeric, fines_mass_fraction: float) -> Numeric:
    """Mass of fines passed to the heater.

    Parameters
    ----------
    excavated_t : numeric
        Regolith excavated. [t]
    fines_mass_fraction : float
        Mass fraction of the regolith below the sieve cut, which is heated. [-]

    Returns
    -------
    numeric
        Fines heated. [t]
    """
    return excavated_t * fines_mass_fraction


def he3_extracted_kg(
    fines_t: Numeric, he3_fines_ppb: float, he3_release_fraction: float
) -> Numeric:
    """Helium-3 released from heated fines.

    Parameters
    ----------
    fines_t : numeric
        Fines heated. [t]
    he3_fines_ppb : float
        He-3 mass fraction of the fines (enriched over the bulk grade). [ppb]
    he3_release_fraction : float
        Fraction of the He-3 in the fines that the heater releases and keeps. [-]

    Returns
    -------
    numeric
        He-3 extracted. [kg]
    """
    return fines_t * KG_PER_T * he3_fines_ppb * PPB * he3_release_fraction
