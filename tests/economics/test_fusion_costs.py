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


def test_fusion_value_is_energy_times_price() -> None:
    value = fusion.fusion_value_usd_per_kg(0.5, np.array([0.0, 100.0]))
    assert_allclose(value, [0.0, 100.0 * float(fusion.electric_energy_mwh_per_kg(0.5))])


# --- costs -----------------------------------------------------------------------------------


def test_capex_by_hand() -> None:
    # 2 miners x (1e8 build + 1e4 kg x 1e5 USD/kg) = 2.2e9
    assert costs.miner_capex_usd(2, 1e8, 1e4, 1e5) == pytest.approx(2.2e9)
    # 100 kWe x (1e6 USD/kWe + 150 kg/kWe x 1e5 USD/kg) = 1.6e9
    assert costs.reactor_capex_usd(100.0, 1e6, 15_000.0, 1e5) == pytest.approx(1.6e9)


def test_zero_miners_cost_nothing() -> None:
    assert costs.miner_capex_usd(0, 5e8, 1e4, 1e6) == 0.0


def test_costs_broadcast_over_draws() -> None:
    launch = np.array([1e5, 1e6])
    assert_allclose(costs.miner_capex_usd(1, 0.0, 10.0, launch), [1e6, 1e7])
    assert_allclose(costs.annual_opex_usd(np.array([1.0, 2.0]), 0.1), [0.1, 0.2])


def test_return_shipping_with_and_without_packaging() -> None:
    assert costs.return_shipping_usd(10.0, 1e5) == pytest.approx(1e6)
    assert costs.return_shipping_usd(10.0, 1e5, packaging_kg_per_kg_he3=9.0) == pytest.approx(1e7)
    with pytest.raises(ValueError):
        costs.return_shipping_usd(10.0, 1e5, packaging_kg_per_kg_he3=-1.0)
