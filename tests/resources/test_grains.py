"""Grain size of lunar soil and the share of its He-3 in the fines (lunarbase.resources.grains)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import xarray as xr
from numpy.testing import assert_allclose

from lunarbase import scenario
from lunarbase.errors import ScenarioError
from lunarbase.resources import point_grades, region_resources
from lunarbase.resources.grains import (
    FOLK_WARD_VERY_POORLY_SORTED_PHI,
    M3_FINES_CUT_UM,
    SOIL_10084_MASS_FRACTION_BELOW_10_UM,
    SOIL_10084_MEAN_GRAIN_UM,
    VOLUME_GAS_FRACTION,
    fines_enrichment,
    fines_fractions,
    median_for_mass_fraction,
    sorting_phi_from,
)
from lunarbase.resources.inventory import he3_inventory
from lunarbase.scenario import Resources


def quadrature_fractions(
    cut: float, median: float, sorting_phi: float, volume_gas_fraction: float
) -> tuple[float, float]:
    """Mass and gas fractions below ``cut`` by direct integration over ln d (the definition,
    not the closed form): gas per unit mass ``c_v + c_s / d`` with ``c_v`` the given share of
    the bulk gas."""
    s = sorting_phi * math.log(2.0)
    x = np.linspace(math.log(median) - 12 * s, math.log(median) + 12 * s, 400_001)
    density = np.exp(-0.5 * ((x - math.log(median)) / s) ** 2)  # mass per unit ln d
    surface = density * np.exp(-x)  # surface gas per unit mass ~ 1/d
    below = x < math.log(cut)
    mass = float(density[below].sum() / density.sum())
    surf = float(surface[below].sum() / surface.sum())
    return mass, (1.0 - volume_gas_fraction) * surf + volume_gas_fraction * mass


def test_defaults_come_from_soil_10084() -> None:
    cfg = Resources()
    assert cfg.grain_median_um == SOIL_10084_MEAN_GRAIN_UM
    assert cfg.fines_cut_um == M3_FINES_CUT_UM
    derived = sorting_phi_from(SOIL_10084_MEAN_GRAIN_UM, 10.0, SOIL_10084_MASS_FRACTION_BELOW_10_UM)
    # the scenario default is the derived value rounded to two decimals
    assert cfg.grain_sorting_phi == pytest.approx(derived, abs=0.005)
    lo, hi = FOLK_WARD_VERY_POORLY_SORTED_PHI
    assert lo <= cfg.grain_sorting_phi <= hi  # "very poorly sorted" (Carrier 2003)
    # and it reproduces the 14 % below 10 um it came from
    mass, _ = fines_fractions(10.0, cfg.grain_median_um, cfg.grain_sorting_phi)
    assert_allclose(mass, SOIL_10084_MASS_FRACTION_BELOW_10_UM, atol=0.002)


@pytest.mark.parametrize(
    ("cut", "median", "sorting", "f_v"),
    [
        (100.0, 51.0, 2.18, VOLUME_GAS_FRACTION),
        (10.0, 51.0, 2.18, 0.0),
        (100.0, 125.0, 1.0, 0.5),
        (500.0, 60.0, 3.0, VOLUME_GAS_FRACTION),
    ],
)
def test_closed_form_matches_direct_integration(
    cut: float, median: float, sorting: float, f_v: float
) -> None:
    mass, gas = fines_fractions(cut, median, sorting, volume_gas_fraction=f_v)
    assert_allclose([mass, gas], quadrature_fractions(cut, median, sorting, f_v), atol=1e-5)


def test_median_cut_holds_half_the_mass_and_more_of_the_gas() -> None:
    mass, surface = fines_fractions(51.0, 51.0, 2.18, volume_gas_fraction=0.0)
    assert_allclose(mass, 0.5, rtol=1e-12)
    # surface gas only: sigma = 1.51 in ln units, the tilt is sigma^2 = 2.28, Phi(1.51) = 0.93
    assert_allclose(surface, 0.5 * math.erfc(-2.18 * math.log(2) / math.sqrt(2)), rtol=1e-12)
    _, gas = fines_fractions(51.0, 51.0, 2.18)
    # the agglutinates' volume gas follows the mass: the default share pulls the fines' share
    # from 0.93 to 0.26 x 0.5 + 0.74 x 0.93
    assert_allclose(gas, VOLUME_GAS_FRACTION * 0.5 + (1 - VOLUME_GAS_FRACTION) * surface)
    assert 0.5 < gas < surface


def test_volume_gas_fraction_is_checked_and_one_means_no_enrichment() -> None:
    assert_allclose(fines_enrichment(100.0, 51.0, 2.18, volume_gas_fraction=1.0), 1.0)
    with pytest.raises(ScenarioError, match="volume_gas_fraction"):
        fines_fractions(100.0, 51.0, 2.18, volume_gas_fraction=1.5)


def test_well_sorted_soil_has_no_enrichment_to_speak_of() -> None:
    # all grains near the median: gas and mass fractions coincide (to first order in sigma)
    assert_allclose(fines_enrichment(1e4, 51.0, 0.01), 1.0, rtol=1e-9)
    assert_allclose(fines_enrichment(60.0, 51.0, 0.01), 1.0, atol=1e-6)


def test_broadcasts() -> None:
    mass, gas = fines_fractions(np.array([[10.0], [100.0]]), 51.0, np.array([1.0, 2.0, 3.0]))
    assert mass.shape == gas.shape == (2, 3)


def test_median_for_mass_fraction_inverts_the_mass_fraction() -> None:
    d50 = median_for_mass_fraction(100.0, 0.442, 2.18)
    assert_allclose(fines_fractions(100.0, d50, 2.18)[0], 0.442, rtol=1e-9)
    assert d50 > 100.0  # less than half below the cut: the median is coarser


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ((0.0, 51.0, 2.0), "fines_cut_um"),
        ((100.0, -1.0, 2.0), "grain_median_um"),
        ((100.0, 51.0, float("nan")), "grain_sorting_phi"),
    ],
)
def test_bad_input_names_the_field(args: tuple[float, float, float], field: str) -> None:
    with pytest.raises(ScenarioError, match=field):
        fines_fractions(*args)


def test_bad_derivation_inputs_are_one_line_errors() -> None:
    with pytest.raises(ScenarioError, match="cut_um"):
        sorting_phi_from(51.0, 60.0, 0.14)
    with pytest.raises(ScenarioError, match="mass_fraction_below"):
        sorting_phi_from(51.0, 10.0, 0.6)
    with pytest.raises(ScenarioError, match="mass_fraction"):
        median_for_mass_fraction(100.0, 1.0, 2.0)


def test_scenario_rejects_a_non_positive_grain_size() -> None:
    with pytest.raises(ScenarioError, match="grain_median_um"):
        scenario.parse("[resources]\ngrain_median_um = -5.0\n")
    with pytest.raises(ScenarioError, match="fines_cut_um"):
        scenario.parse("[resources]\nfines_cut_um = 0\n")


def test_inventory_reports_the_he3_in_the_fines(grs: xr.Dataset, small_cfg: Resources) -> None:
    inv = he3_inventory(grs, small_cfg, region="nearside", seed=7)
    mass, gas = fines_fractions(
        small_cfg.fines_cut_um, small_cfg.grain_median_um, small_cfg.grain_sorting_phi
    )
    assert inv.fines_cut_um == small_cfg.fines_cut_um
    assert_allclose([inv.fines_mass_fraction, inv.he3_fines_fraction], [mass, gas])
    assert_allclose(inv.he3_tonnes_in_fines, inv.he3_tonnes_nominal * gas, rtol=1e-12)
    assert_allclose(inv.he3_fines_ppb, inv.he3_grade_ppb * gas / mass, rtol=1e-12)
    assert inv.he3_tonnes_in_fines < inv.he3_tonnes_nominal
    assert inv.he3_fines_ppb > inv.he3_grade_ppb


def test_fines_settings_leave_the_bulk_inventory_alone(
    grs: xr.Dataset, small_cfg: Resources
) -> None:
    coarse_cut = small_cfg.model_copy(update={"fines_cut_um": 1000.0})
    a = he3_inventory(grs, small_cfg, seed=7)
    b = he3_inventory(grs, coarse_cut, seed=7)
    assert a.he3_tonnes_nominal == b.he3_tonnes_nominal
    assert a.he3_tonnes_p50 == b.he3_tonnes_p50
    assert b.he3_tonnes_in_fines > a.he3_tonnes_in_fines
    assert b.he3_fines_ppb < a.he3_fines_ppb  # more mass, less enriched


def test_point_and_region_outputs_carry_the_fines(grs: xr.Dataset, small_cfg: Resources) -> None:
    g = point_grades(8.0, 22.5, cfg=small_cfg, grs=grs)
    enrich = fines_enrichment(
        small_cfg.fines_cut_um, small_cfg.grain_median_um, small_cfg.grain_sorting_phi
    )
    assert_allclose(g["he3_fines_ppb"], g["he3_ppb"] * enrich, rtol=1e-12)
    d = region_resources(small_cfg, seed=3, region="farside", grs=grs).to_dict()
    assert_allclose(d["he3_tonnes_in_fines"], d["he3"]["he3_tonnes_in_fines"])
    assert d["fines_cut_um"] == small_cfg.fines_cut_um
    assert d["he3_fines_ppb"] > d["he3_grade_ppb"]
