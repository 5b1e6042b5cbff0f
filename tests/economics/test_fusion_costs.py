"""Unit tests of D-He3 energetics and the cost functions."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose

from lunarbase.constants import AVOGADRO_PER_MOL, HE3_MOLAR_MASS_KG_PER_MOL, MEV_J
from lunarbase.economics import costs, fusion

# --- fusion ----------------------------------------------------------------------------------


def test_q_value_from_mass_excesses() -> None:
    # AME2020 differences by hand: 13135.722895 + 14931.21888 - 2424.91587 - 7288.971064 keV
    assert fusion.q_value_mev() == pytest.approx(18.353054841, abs=1e-9)


def test_energy_per_kg_is_per_reaction_times_reactions() -> None:
    reactions_per_kg = AVOGADRO_PER_MOL / HE3_MOLAR_MASS_KG_PER_MOL
    expected = fusion.q_value_mev() * MEV_J * reactions_per_kg
    assert fusion.fusion_energy_j_per_kg_he3() == pytest.approx(expected, rel=1e-12)


def test_electricity_is_linear_in_efficiency_and_broadcasts() -> None:
    eff = np.array([0.0, 0.25, 0.5])
    mwh = np.asarray(fusion.electric_energy_mwh_per_kg(eff))
    assert np.shape(mwh) == (3,)
    assert mwh[0] == 0.0
    assert mwh[2] == pytest.approx(2.0 * mwh[1])
    assert np.ndim(fusion.electric_energy_mwh_per_kg(0.5)) == 0


def test_electricity_value_is_energy_times_price() -> None:
    value = fusion.electricity_value_usd_per_kg(0.5, np.array([0.0, 100.0]))
    assert_allclose(value, [0.0, 100.0 * float(fusion.electric_energy_mwh_per_kg(0.5))])


def test_fuel_value_is_the_margin_over_the_plant_and_never_negative() -> None:
    """$80/MWh power from a plant costing $65/MWh without fuel leaves $15/MWh for the fuel;
    a plant dearer than the power pays nothing for it."""
    mwh = float(fusion.electric_energy_mwh_per_kg(0.54))
    value = fusion.fuel_value_usd_per_kg(0.54, 80.0, np.array([65.0, 80.0, 120.0]))
    assert_allclose(value, [15.0 * mwh, 0.0, 0.0])
    assert float(fusion.fuel_value_usd_per_kg(0.54, 80.0, 65.0)) < float(
        fusion.electricity_value_usd_per_kg(0.54, 80.0)
    )


def test_energy_per_kg_matches_en01() -> None:
    """EN-01 (Wikipedia 'Helium-3', secondary): 493 MWh per mole (3 g); derived 163 GWh(th)/kg
    and 18.6 MW(th)-yr/kg. Physics, so 0.5 %."""
    per_mol_mwh = fusion.fusion_energy_j_per_mol_he3() / fusion.J_PER_MWH
    assert per_mol_mwh == pytest.approx(493.0, rel=0.005)
    assert fusion.fusion_energy_j_per_kg_he3() / fusion.J_PER_MWH / 1e3 == pytest.approx(
        163.0, rel=0.005
    )
    assert float(fusion.electric_mwe_yr_per_kg(1.0)) == pytest.approx(18.6, rel=0.005)


def test_tonnes_per_gwe_year_matches_en02_en03() -> None:
    """EN-02/EN-03: 10 MWe-yr per kg (Sviatoslavsky & Jacobs 1988), i.e. 100 kg runs 1 GWe
    for a year (Kulcinski & Schmitt 1992), at the 0.54 net efficiency the first implies. The
    0.54 is rounded from 10/18.6, so 1 %."""
    assert float(fusion.kg_per_gwe_year(fusion.CONVERSIONS["sviatoslavsky1988"])) == (
        pytest.approx(100.0, rel=0.01)
    )


def test_homes_and_national_demand_by_hand() -> None:
    mwh = float(fusion.electric_energy_mwh_per_kg(0.5))
    assert float(fusion.homes_powered_for_a_year(2.0, 0.5, 10.0)) == pytest.approx(2 * mwh / 10)
    # 1 TWh/yr = 1e6 MWh/yr
    assert float(fusion.he3_kg_for_electricity(1.0, 0.5)) == pytest.approx(1e6 / mwh)


# --- costs -----------------------------------------------------------------------------------


def test_wright_learning_by_hand() -> None:
    """Progress ratio 0.85: unit k costs k ** log2(0.85); units 1..4 cost 1, 0.85, 0.7729,
    0.7225 first-unit costs."""
    b = np.log2(0.85)
    assert_allclose(costs.learning_cost_sum([0, 1, 2, 4], 0.85), [0, 1, 1.85, 1.85 + 3**b + 0.7225])
    assert_allclose(costs.learning_cost_sum([3], 1.0), [3.0])
    # two miners in year 1, none in year 2, one in year 3: the third unit's cost in year 3
    out = costs.miner_build_usd([2, 0, 1], [100.0, 200.0], 0.85)
    assert_allclose(out, [[185.0, 0.0, 100 * 3**b], [370.0, 0.0, 200 * 3**b]])


def test_om_is_on_the_hardware_on_the_moon() -> None:
    build = np.array([[100.0, 0.0, 50.0]])
    assert_allclose(costs.om_usd(build, [0.1]), [[10.0, 10.0, 15.0]])


def test_return_flights_fixed_plus_per_kg() -> None:
    out = costs.return_usd([1, 2], np.array([[3.0, 0.0]]), [10.0], [2.0])
    assert_allclose(out, [[16.0, 20.0]])
