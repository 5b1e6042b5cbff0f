"""cp(T) models, sensible heat and heater power: hand sums, ranges and errors."""

from __future__ import annotations

import numpy as np
import pytest

from lunarbase.errors import ScenarioError
from lunarbase.operations import (
    CP_MODELS,
    heater_power_kw_th,
    sensible_heat_j_per_kg,
    specific_heat_j_per_kg_k,
)
from lunarbase.operations.heating import HAYNE2017_CP_COEFFS


def test_hayne2017_is_its_quartic() -> None:
    """At 300 K the Hayne polynomial is the sum of its five terms."""
    c = HAYNE2017_CP_COEFFS
    by_hand = c[0] + c[1] * 300 + c[2] * 300**2 + c[3] * 300**3 + c[4] * 300**4
    assert float(specific_heat_j_per_kg_k(300.0, "hayne2017")) == pytest.approx(by_hand)


@pytest.mark.parametrize("model", sorted(CP_MODELS))
def test_cp_rises_with_temperature_in_range(model: str) -> None:
    """Both fits increase monotonically over their fitted range (solids below melting)."""
    lo, hi = CP_MODELS[model].valid_k
    t = np.linspace(max(lo, 90.0), hi, 200)
    assert np.all(np.diff(specific_heat_j_per_kg_k(t, model)) > 0)


def test_out_of_range_is_a_one_line_error() -> None:
    """Hayne 2017 at 973 K (the 700 C set point) is refused, naming its range."""
    with pytest.raises(ScenarioError, match="hayne2017 holds for 90-400 K, not 973"):
        specific_heat_j_per_kg_k(973.0, "hayne2017")
    with pytest.raises(ScenarioError, match="holds for"):
        sensible_heat_j_per_kg(250.0, 973.0, "hayne2017")
    with pytest.raises(ScenarioError, match="unknown model 'cameron'"):
        specific_heat_j_per_kg_k(300.0, "cameron")


def test_sensible_heat_is_the_integral() -> None:
    """The quadrature matches a fine trapezoid sum, adds over sub-intervals, and a constant
    cp gives cp x dT."""
    t = np.linspace(250.0, 973.0, 200_001)
    trapezoid = float(np.trapezoid(specific_heat_j_per_kg_k(t), t))
    assert sensible_heat_j_per_kg(250.0, 973.0) == pytest.approx(trapezoid, rel=1e-9)
    parts = sensible_heat_j_per_kg(250.0, 600.0) + sensible_heat_j_per_kg(600.0, 973.0)
    assert parts == pytest.approx(sensible_heat_j_per_kg(250.0, 973.0), rel=1e-12)
    assert sensible_heat_j_per_kg(300.0, 300.0) == 0.0
    with pytest.raises(ScenarioError, match="below the regolith inlet"):
        sensible_heat_j_per_kg(400.0, 300.0)


def test_heater_power_by_hand() -> None:
    """3.6 t/h = 1 kg/s: power = integral(cp dT) x (1 - r) / 1000 kW, linear in the flow."""
    heat = sensible_heat_j_per_kg(250.0, 973.15)
    p = heater_power_kw_th(3.6, inlet_k=250.0, set_k=973.15, recuperation_fraction=0.85)
    assert p == pytest.approx(heat * 0.15 / 1000.0)
    doubled = heater_power_kw_th(7.2, inlet_k=250.0, set_k=973.15, recuperation_fraction=0.85)
    assert doubled == pytest.approx(2 * p)
    assert heater_power_kw_th(0.0, inlet_k=250.0, set_k=973.15, recuperation_fraction=0.5) == 0.0
    with pytest.raises(ScenarioError, match="heat_recuperation_fraction"):
        heater_power_kw_th(1.0, inlet_k=250.0, set_k=973.15, recuperation_fraction=1.0)
