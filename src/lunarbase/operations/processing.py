"""Regolith processing: sieving to fines and heating them to release solar-wind helium-3.

The model follows the Wisconsin Mark-3 (M-3) miner: the excavated regolith is sieved, only the
fines (<100 um) are heated to ~700 C in a heat-pipe exchanger that recuperates 85 % of the heat,
and the released gas is kept [1]_.

Assumption (stated, not published): the *bulk* He-3 grade of the regolith applies to the fines,
i.e. sieving neither concentrates nor dilutes He-3. Published M-3 figures imply the opposite
(66 kg/yr from 556 t/h of fines at a 20 ppb bulk grade needs He-3 enriched in the fines, see
validation table MIN-02); pass an enriched ``he3_grade_ppb`` to model that.

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


def fines_processed_t(excavated_t: Numeric, fines_fraction: float) -> Numeric:
    """Mass of fines passed to the heater.

    Parameters
    ----------
    excavated_t : numeric
        Regolith excavated. [t]
    fines_fraction : float
        Mass fraction of the regolith that is fines and is heated. [-]

    Returns
    -------
    numeric
        Fines heated. [t]
    """
    return excavated_t * fines_fraction


def he3_extracted_kg(
    fines_t: Numeric, he3_grade_ppb: float, he3_release_fraction: float
) -> Numeric:
    """Helium-3 released from heated fines.

    Parameters
    ----------
    fines_t : numeric
        Fines heated. [t]
    he3_grade_ppb : float
        He-3 mass fraction of the fines; by the module's assumption, the bulk grade. [ppb]
    he3_release_fraction : float
        Fraction of the He-3 in the fines that the heater releases and keeps. [-]

    Returns
    -------
    numeric
        He-3 extracted. [kg]
    """
    return fines_t * KG_PER_T * he3_grade_ppb * PPB * he3_release_fraction
