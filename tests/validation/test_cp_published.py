"""cp(T) of regolith at processing temperatures (900-1000 K) against primary thermochemical data.

The heater model (lunarbase.operations.heating) uses Biele et al. (2022) eq. 24 above 400 K, with
coefficients transcribed from a secondary source (heat1d). No lunar-soil cp measurement above
350 K was reachable (Robie, Hemingway & Wilson 1970 and Hemingway et al. 1973 stop at 350 K), so
the check is built from primary data on the soil's constituents: the NIST-JANAF tables (Chase
1998, J. Phys. Chem. Ref. Data Monograph 9, as served by the NIST Chemistry WebBook) give Cp of
the oxides, and soil 10084's bulk composition (Korotev & Gillis 2001 average, Lunar Sample
Compendium) weights them (the Neumann-Kopp additivity rule: a compound's heat capacity is the sum
of its constituents'). The rule ignores the structure (minerals and glass, not free oxides); its
error for silicate assemblages is not quantified by a source here, which is why the tolerance is
10 % and the miss is printed.
"""

from __future__ import annotations

import pytest

from lunarbase.operations.heating import specific_heat_j_per_kg_k
from tests.validation.published import record

GAS_CONSTANT_J_PER_MOL_K = 8.314462618
"""Molar gas constant [J/mol/K] (CODATA 2018, exact)."""

# Soil 10084 bulk composition [wt%], Korotev & Gillis (2001) average as tabulated in the Lunar
# Sample Compendium (C. Meyer), Table 2 (github bfeist/lsc_astro, apollo-11/10084). The minor
# oxides (Na2O, K2O, MnO, Cr2O3, P2O5; ~1.2 wt%) are left out and the rest renormalised.
SOIL_10084_WT_PCT = {
    "SiO2": 42.0,
    "TiO2": 7.54,
    "Al2O3": 13.55,
    "FeO": 15.81,
    "MgO": 7.88,
    "CaO": 11.96,
}

MOLAR_MASS_G_PER_MOL = {
    "SiO2": 60.084,
    "TiO2": 79.866,
    "Al2O3": 101.961,
    "FeO": 71.844,
    "MgO": 40.304,
    "CaO": 56.077,
}

# Cp [J/mol/K] of the solid oxides, NIST-JANAF (Chase 1998) tables as printed by the NIST
# Chemistry WebBook: quartz (beta above 847 K), periclase, wustite, corundum. Corundum's 900 K
# value is the mean of the 800 and 1000 K entries (120.135, 124.771; the table as reprinted from
# JANAF by a ceramics handbook page; the WebBook excerpt reached did not show it). CaO is the
# recommended smoothed Cp of Bodryakov's review of the measurements ("Specific heat and thermal
# expansion of refractory nonmetal: CaO"), the JANAF CaO table not being reachable.
JANAF_CP_J_PER_MOL_K = {
    900.0: {
        "SiO2": 67.95,
        "Al2O3": (120.135 + 124.771) / 2,
        "FeO": 58.36,
        "MgO": 50.44,
        "CaO": 52.37,
    },
    1000.0: {"SiO2": 68.95, "Al2O3": 124.771, "FeO": 59.36, "MgO": 51.12, "CaO": 52.89},
}

# TiO2 (rutile): no table was reached. At these temperatures the tabulated non-magnetic oxides
# above sit at 0.92 (quartz) to 1.06 (CaO) of the Dulong-Petit value 3nR (n atoms per formula
# unit), so TiO2 is bracketed by that span: 0.92-1.06 x 9R.
TIO2_DULONG_PETIT_SPAN = (0.92, 1.06)


def oxide_sum_cp_j_per_kg_k(temperature_k: float, tio2_factor: float) -> float:
    """Neumann-Kopp cp of soil 10084 [J/kg/K] at ``temperature_k`` with TiO2 at
    ``tio2_factor`` x its Dulong-Petit value."""
    cp_mol = dict(JANAF_CP_J_PER_MOL_K[temperature_k])
    cp_mol["TiO2"] = tio2_factor * 3 * 3 * GAS_CONSTANT_J_PER_MOL_K
    total_wt = sum(SOIL_10084_WT_PCT.values())
    return sum(
        SOIL_10084_WT_PCT[ox] / total_wt * cp_mol[ox] / MOLAR_MASS_G_PER_MOL[ox] * 1000.0
        for ox in SOIL_10084_WT_PCT
    )


@pytest.mark.parametrize("temperature_k", [900.0, 1000.0])
def test_chase1998_janaf_oxide_sum_cp_of_soil_10084(temperature_k: float) -> None:
    """Biele et al. (2022) eq. 24 (as in heat1d) against the JANAF oxide sum for soil 10084 at
    900 and 1000 K (the M-3 heats to 973 K). Ours (Biele) reads 5-8 % ABOVE the oxide sum
    (1121 vs 1055-1065 J/kg/K at 900 K, 1152 vs 1070-1080 at 1000 K). If the oxide sum were
    right, the M-3's fines heating (708 kJ/kg from 250 K) would be ~6 % lower and its heater
    ~15.5 MW(th) instead of 16.4, still above the published 12 MW; we keep the cited Biele fit
    and state the spread. Tolerance 10 % (module docstring)."""
    ours = float(specific_heat_j_per_kg_k(temperature_k, model="biele2022"))
    lo, hi = (oxide_sum_cp_j_per_kg_k(temperature_k, f) for f in TIO2_DULONG_PETIT_SPAN)
    record(
        "Chase 1998 (NIST-JANAF)",
        f"cp of soil 10084 at {temperature_k:g} K (biele2022)",
        f"{ours:.0f} J/kg/K",
        f"{lo:.0f}-{hi:.0f} J/kg/K (oxide sum)",
        f"{ours / hi - 1:+.1%} .. {ours / lo - 1:+.1%}",
    )
    assert 0.9 * lo <= ours <= 1.1 * hi
    # and the room-temperature constant the M-3's 12 MW implies (0.74 kJ/kg/K) is far below
    assert 0.8 * lo > 740.0
