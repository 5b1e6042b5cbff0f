"""D-He3 fusion energetics: energy and electricity from one kilogram of helium-3.

D + 3He -> 4He (3.6 MeV) + p (14.7 MeV). The Q value is computed here from the AME2020 atomic
mass excesses [1]_ (atomic masses: the electrons balance, 3 on each side),
Q = Delta(2H) + Delta(3He) - Delta(4He) - Delta(1H) = 18.353 MeV.
The deuterium burned with it (2/3 kg per kg of He-3) is not costed.

References
----------
.. [1] Wang, M., Huang, W. J., Kondev, F. G., Audi, G. & Naimi, S. (2021) The AME 2020 atomic
   mass evaluation (II). Tables, graphs and references. Chinese Physics C 45, 030003,
   doi:10.1088/1674-1137/abddaf (mass_1.mas20: 1H, 2H, 3He, 4He rows).
.. [2] Sviatoslavsky, I. N. & Jacobs, M. (1988) Mobile helium-3 mining and extraction system
   and its benefits toward lunar base self-sufficiency. ASCE Space 88 -- 10 MW(e)-yr per kg.
"""

from __future__ import annotations

import numpy as np

from lunarbase.constants import AVOGADRO_PER_MOL, HE3_MOLAR_MASS_KG_PER_MOL, MEV_J, SECONDS_PER_YEAR
from lunarbase.typing import Numeric

MASS_EXCESS_KEV = {
    "H1": 7288.971064,
    "H2": 13135.722895,
    "He3": 14931.21888,
    "He4": 2424.91587,
}
"""AME2020 atomic mass excesses [keV] [1]_."""

J_PER_MWH = 3.6e9
"""Joules in one megawatt-hour [J/MWh]."""


def q_value_mev() -> float:
    """Energy released by one D + 3He -> 4He + p reaction, from AME2020 mass excesses. [MeV]"""
    m = MASS_EXCESS_KEV
    return (m["H2"] + m["He3"] - m["He4"] - m["H1"]) / 1000.0


def fusion_energy_j_per_mol_he3() -> float:
    """Fusion energy of one mole of He-3 burned with deuterium. [J/mol]"""
    return q_value_mev() * MEV_J * AVOGADRO_PER_MOL


def fusion_energy_j_per_kg_he3() -> float:
    """Fusion (thermal) energy of one kilogram of He-3 burned with deuterium. [J/kg]"""
    return fusion_energy_j_per_mol_he3() / HE3_MOLAR_MASS_KG_PER_MOL


def electric_energy_mwh_per_kg(efficiency: Numeric) -> Numeric:
    """Net electric energy from one kilogram of He-3.

    Parameters
    ----------
    efficiency : numeric
        Net electric energy / fusion energy. [-]

    Returns
    -------
    numeric
        Electric energy. [MWh/kg]
    """
    return np.asarray(efficiency, dtype=float) * fusion_energy_j_per_kg_he3() / J_PER_MWH


def electric_mwe_yr_per_kg(efficiency: Numeric) -> Numeric:
    """Net electric energy from one kilogram of He-3 as megawatt-years (Julian year). [MWe-yr/kg]"""
    return electric_energy_mwh_per_kg(efficiency) * J_PER_MWH / (1.0e6 * SECONDS_PER_YEAR)


def electricity_value_usd_per_kg(
    efficiency: Numeric, electricity_price_usd_per_mwh: Numeric
) -> Numeric:
    """Gross value of the electricity one kilogram of He-3 makes: what the power sells for,
    before the plant that makes it is paid for.

    Parameters
    ----------
    efficiency : numeric
        Net electric energy / fusion energy. [-]
    electricity_price_usd_per_mwh : numeric
        Electricity price. [USD/MWh]

    Returns
    -------
    numeric
        Value of the electricity. [USD/kg]
    """
    return electric_energy_mwh_per_kg(efficiency) * np.asarray(
        electricity_price_usd_per_mwh, dtype=float
    )


def fuel_value_usd_per_kg(
    efficiency: Numeric,
    electricity_price_usd_per_mwh: Numeric,
    plant_nonfuel_cost_usd_per_mwh: Numeric,
) -> Numeric:
    """What a utility could pay for one kilogram of He-3 as fuel: the electricity price less
    the plant's non-fuel levelised cost (capital, operation, maintenance), times the
    electricity one kg makes; never negative (a plant that loses money without fuel pays
    nothing for it).

    The non-fuel cost is the scenario's; its default is the middle of the 5-8 US cents/kWh of
    the European PPCS and US ARIES fusion power-plant studies at 70-75 % availability [3]_,
    which are D-T designs, standing in for a D-He3 plant. The one D-He3 plant costing found in
    stored text, the 1000 MWe Apollo-L3 tokamak [4]_, gives a cost of electricity of 69
    mills/kWh (the abstract neither splits out the fuel nor states the dollar year) and calls
    it "competitive with recent advanced DT reactor designs"; its predecessor Apollo claimed a
    cost > 40 % below a similar D-T reactor [5]_. Those Wisconsin studies put D-He3 at or below
    D-T, while a fuel ~100x less reactive at the same temperature needs a larger plasma per
    MWe: the sign of the stand-in's error is unknown, so the default is neither bound. The US
    D-3He tokamak study ARIES-III (Najmabadi et al.) was not found in stored text
    (*unverified*). None of these costs is inflated to 2025 dollars (their dollar years
    differ: Apollo-L3 about 1990, PPCS about 2005).

    Parameters
    ----------
    efficiency : numeric
        Net electric energy / fusion energy. [-]
    electricity_price_usd_per_mwh : numeric
        Electricity price. [USD/MWh]
    plant_nonfuel_cost_usd_per_mwh : numeric
        Levelised cost of the plant's electricity without its fuel. [USD/MWh]

    Returns
    -------
    numeric
        Fuel value. [USD/kg]

    References
    ----------
    .. [3] Max-Planck-Institut fuer Plasmaphysik, "What will fusion power cost?" (FAQ,
       ipp.mpg.de/2767856/faq7): PPCS and ARIES studies, 5-8 cents/kWh at 70-75 % availability
       and a 10 % annuity.
    .. [4] Kulcinski, G. L. et al. (1991) Apollo-L3, an advanced fuel fusion power reactor
       utilizing direct and thermal energy conversion. Fusion Technology 19(3P2A):791-801,
       doi:10.13182/FST91-A29441 (abstract: 1000 MWe, net efficiency 47 %, COE 69 mills/kWh).
    .. [5] Kulcinski, G. L. et al. (1989) APOLLO: an advanced fuel fusion power reactor for
       the 21st century. Fusion Technology 15(2P2B):1233-1244, doi:10.13182/FST89-A39861.
    """
    margin = np.asarray(electricity_price_usd_per_mwh, dtype=float) - np.asarray(
        plant_nonfuel_cost_usd_per_mwh, dtype=float
    )
    return electric_energy_mwh_per_kg(efficiency) * np.maximum(margin, 0.0)


CONVERSIONS = {
    "sviatoslavsky1988": 0.54,
    "kulcinski1991_apollo_l3": 0.47,
    "direct_conversion": 0.65,
    "thermal_cycle": 0.40,
}
"""Net electric efficiencies by conversion route [-]: ``sviatoslavsky1988`` the 10 MWe-yr/kg of
[2]_ over 18.6 MWth-yr/kg; ``kulcinski1991_apollo_l3`` the overall net efficiency of the
Apollo-L3 D-He3 tokamak (synchrotron light to rectennas at 80 %, heat to an organic-coolant
cycle at 44 %; Kulcinski et al. 1991, Fusion Technology 19:791); ``direct_conversion`` the
middle of the 60-70 % Kulcinski et al.
(1990, SME, "Mining helium-3 from the Moon") give for D-He3's charged products;
``thermal_cycle`` a heat engine (assumption: ~40 %, a modern steam or Brayton plant)."""


def kg_per_gwe_year(efficiency: Numeric) -> Numeric:
    """He-3 that runs 1 GWe for a (Julian) year at the given net efficiency [-]. [kg/GWe-yr]"""
    return 1000.0 / np.asarray(electric_mwe_yr_per_kg(efficiency), dtype=float)


def homes_powered_for_a_year(
    he3_kg: Numeric, efficiency: Numeric, household_mwh_per_year: Numeric
) -> Numeric:
    """Households ``he3_kg`` of He-3 supplies for a year [count], each using
    ``household_mwh_per_year`` [MWh/yr], at net efficiency ``efficiency`` [-]."""
    mwh = np.asarray(he3_kg, dtype=float) * electric_energy_mwh_per_kg(efficiency)
    return mwh / np.asarray(household_mwh_per_year, dtype=float)


def he3_kg_for_electricity(twh_per_year: Numeric, efficiency: Numeric) -> Numeric:
    """He-3 a year that would make ``twh_per_year`` [TWh/yr] of electricity (e.g. a country's
    annual consumption) at net efficiency ``efficiency`` [-]. [kg/yr]"""
    return np.asarray(twh_per_year, dtype=float) * 1e6 / electric_energy_mwh_per_kg(efficiency)
