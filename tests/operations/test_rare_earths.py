"""Rare-earth line: oxide factors from atomic weights, REO by group from Th by hand."""

from __future__ import annotations

import pytest

from lunarbase.operations.rare_earths import GROUPS, oxide_factor, reo_kg_by_group
from lunarbase.resources import ree_ppm


def test_oxide_factors_by_hand() -> None:
    """La2O3, CeO2, Pr6O11 and Tb4O7 per metal mass from the IUPAC weights."""
    assert oxide_factor("La") == pytest.approx((2 * 138.91 + 3 * 15.999) / (2 * 138.91))
    assert oxide_factor("Ce") == pytest.approx((140.12 + 2 * 15.999) / 140.12)
    assert oxide_factor("Pr") == pytest.approx((6 * 140.91 + 11 * 15.999) / (6 * 140.91))
    assert oxide_factor("Tb") == pytest.approx((4 * 158.93 + 7 * 15.999) / (4 * 158.93))
    assert oxide_factor("Y") == pytest.approx((2 * 88.906 + 3 * 15.999) / (2 * 88.906))


def test_reo_by_group_from_thorium() -> None:
    """1000 t at 5 ppm Th, half recovered: each group is the sum of its elements' oxides."""
    out = reo_kg_by_group(1000.0, 5.0, 0.5)
    grades = ree_ppm(5.0)
    for group, elements in GROUPS.items():
        by_hand = sum(0.5 * float(grades[el]) * 1e-6 * 1e6 * oxide_factor(el) for el in elements)
        assert out[group] == pytest.approx(by_hand)
    assert sum(len(e) for e in GROUPS.values()) == 15  # every element of the 15386 pattern
    assert reo_kg_by_group(1000.0, 0.0, 0.5) == {g: 0.0 for g in GROUPS}
    assert reo_kg_by_group(2000.0, 5.0, 0.5)["light"] == pytest.approx(2 * out["light"])
