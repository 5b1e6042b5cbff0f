"""Volatile by-products per kg He-3 and per tonne of regolith.

Status of the Wisconsin ratios (see lunarbase.resources.volatiles): H2, H2O, CO, CO2, CH4 and
He-4 = 3100 were seen only in a secondary source (Lunarpedia "Volatiles", after H. H. Schmitt,
UW); N2 = 500 is UNCONFIRMED (not seen anywhere). Only He-4 from the atom ratio is exact.
"""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose

from lunarbase.constants import HE3_MOLAR_MASS_KG_PER_MOL, HE4_MOLAR_MASS_KG_PER_MOL
from lunarbase.errors import ScenarioError
from lunarbase.resources.volatiles import (
    UNCONFIRMED_SPECIES,
    WISCONSIN_KG_PER_KG_HE3,
    byproducts_per_kg_he3,
    byproducts_per_tonne_regolith,
    he4_kg_per_kg_he3,
)


def test_he4_follows_exactly_from_the_atom_ratio() -> None:
    expected = 2700.0 * HE4_MOLAR_MASS_KG_PER_MOL / HE3_MOLAR_MASS_KG_PER_MOL
    assert_allclose(he4_kg_per_kg_he3(2700.0), expected, rtol=1e-15)
    assert byproducts_per_kg_he3(he4_he3_atom_ratio=2700.0)["He4"] == pytest.approx(expected)


def test_species_and_unconfirmed_flag() -> None:
    assert set(byproducts_per_kg_he3()) == {"H2", "H2O", "N2", "CO", "CO2", "CH4", "He4"}
    assert set(UNCONFIRMED_SPECIES) == {"N2"}  # N2 = 500 was not seen in any source


def test_per_tonne_scales_with_grade_and_release() -> None:
    out = byproducts_per_tonne_regolith(20.0, he3_release_fraction=0.5)
    he3_kg_per_t = 20e-9 * 1000.0 * 0.5
    assert_allclose(out["He3"], he3_kg_per_t, rtol=1e-12)
    for species, ratio in WISCONSIN_KG_PER_KG_HE3.items():
        assert_allclose(out[species], he3_kg_per_t * ratio, rtol=1e-12)


def test_per_tonne_edge_cases() -> None:
    out = byproducts_per_tonne_regolith(np.array([-1.0, 0.0, np.nan]))
    assert out["H2"][0] == 0.0 and out["H2"][1] == 0.0 and np.isnan(out["H2"][2])
    assert out["H2O"].shape == (3,)


@pytest.mark.parametrize("fraction", [-0.1, 1.5, float("nan")])
def test_release_fraction_outside_unit_interval(fraction: float) -> None:
    with pytest.raises(ScenarioError, match="he3_release_fraction"):
        byproducts_per_tonne_regolith(10.0, he3_release_fraction=fraction)


@pytest.mark.parametrize("ratio", [0.0, -5.0, float("nan")])
def test_bad_atom_ratio(ratio: float) -> None:
    with pytest.raises(ScenarioError, match="he4_he3_atom_ratio"):
        he4_kg_per_kg_he3(ratio)
