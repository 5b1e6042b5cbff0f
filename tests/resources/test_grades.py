"""He-3 grade model, regolith depth and inventory: unit tests and edge cases."""

from __future__ import annotations

import numpy as np
import pytest
import xarray as xr
from numpy.testing import assert_allclose

from lunarbase.constants import (
    HE3_MOLAR_MASS_KG_PER_MOL,
    HE4_MOLAR_MASS_KG_PER_MOL,
    MOON_SURFACE_AREA_M2,
)
from lunarbase.errors import LunarbaseError, QueryError, ScenarioError
from lunarbase.resources import grades
from lunarbase.resources.grades import (
    He3GradeModel,
    he3_ppb,
    he3_ppb_from_he_ppm,
    taylor1991_tio2_he_ppm,
)
from lunarbase.resources.inventory import he3_inventory
from lunarbase.resources.regions import Region
from lunarbase.resources.regolith import regolith_thickness_m
from lunarbase.scenario import Resources


def test_fit_anchors_come_from_cited_inputs() -> None:
    # High-Ti mare = mean of Apollo 11 (7.8) and Apollo 17 "17a" (8.4), Lunar Sourcebook T7.15.
    assert_allclose([grades.HIGH_TI_MARE_TIO2_WT_PCT, grades.HIGHLAND_TIO2_WT_PCT], [8.1, 0.54])
    # The line passes through the midpoints of Taylor's (1991) ranges at those TiO2 values.
    assert_allclose(taylor1991_tio2_he_ppm([0.54, 8.1]), [6.0, 32.5], rtol=1e-12)


def test_fit_is_a_straight_line_through_the_anchors() -> None:
    tio2 = np.linspace(0.6, 8.0, 7)
    he = taylor1991_tio2_he_ppm(tio2)
    slope = np.diff(he) / np.diff(tio2)
    assert_allclose(slope, (32.5 - 6.0) / (8.1 - 0.54), rtol=1e-12)


def test_he3_from_he_uses_molar_masses_and_atom_ratio() -> None:
    expected = 28.0 * 1000.0 * HE3_MOLAR_MASS_KG_PER_MOL / (HE4_MOLAR_MASS_KG_PER_MOL * 2700.0)
    assert_allclose(he3_ppb_from_he_ppm(28.0, he4_he3_atom_ratio=2700.0), expected, rtol=1e-12)


def test_he3_ppb_composes_fit_and_conversion() -> None:
    tio2 = np.array([0.0, 1.0, 5.0, 8.1])
    expected = he3_ppb_from_he_ppm(taylor1991_tio2_he_ppm(tio2), he4_he3_atom_ratio=2350.0)
    assert_allclose(he3_ppb(tio2, he4_he3_atom_ratio=2350.0), expected, rtol=1e-12)


def test_lower_atom_ratio_means_more_he3() -> None:
    assert he3_ppb(5.0, he4_he3_atom_ratio=2350.0) > he3_ppb(5.0, he4_he3_atom_ratio=2700.0)


@pytest.mark.parametrize("shape", [(), (3,), (2, 4)])
def test_shapes_follow_the_input(shape: tuple[int, ...]) -> None:
    tio2 = np.full(shape, 3.0)
    assert he3_ppb(tio2).shape == shape


def test_nan_propagates() -> None:
    out = he3_ppb([np.nan, 2.0])
    assert np.isnan(out[0]) and np.isfinite(out[1])


def test_negative_tio2_counts_as_zero() -> None:
    assert he3_ppb(-3.0) == pytest.approx(float(he3_ppb(0.0)))


def test_zero_tio2_gives_the_positive_intercept() -> None:
    # Intercept of the nominal line: 6 - slope * 0.54 ppm He, about 4.1 ppm.
    assert taylor1991_tio2_he_ppm(0.0) == pytest.approx(6.0 - 26.5 / 7.56 * 0.54)


def test_line_is_clipped_at_zero() -> None:
    # Extreme anchors within Taylor's ranges give a negative intercept; the clip holds it at 0.
    he = taylor1991_tio2_he_ppm(0.0, highland_he_ppm=3.0, mare_he_ppm=50.0)
    assert he == 0.0


def test_anchor_parameters_broadcast_over_draws() -> None:
    lo = np.array([[3.0], [9.0]])
    he = taylor1991_tio2_he_ppm(np.array([0.54, 8.1]), highland_he_ppm=lo, mare_he_ppm=30.0)
    assert he.shape == (2, 2)
    assert_allclose(he[:, 0], [3.0, 9.0])
    assert_allclose(he[:, 1], 30.0)


def test_unknown_model_is_one_line_and_lists_allowed() -> None:
    with pytest.raises(ScenarioError) as err:
        he3_ppb(5.0, model="cameron1988")
    msg = str(err.value)
    assert isinstance(err.value, LunarbaseError)
    assert "cameron1988" in msg and "tio2_line" in msg and "\n" not in msg


def test_model_instance_in_place_of_a_name() -> None:
    flat = He3GradeModel(
        name="flat",
        he_ppm=lambda tio2, *, level: np.full(np.shape(tio2), level, dtype=float),
        nominal={"level": 27.0},
        bounds={"level": (20.0, 30.0)},
        reference="test",
    )
    assert_allclose(he3_ppb([0.0, 9.0], model=flat), he3_ppb_from_he_ppm(27.0))


@pytest.mark.parametrize("ratio", [0.0, -2700.0, float("nan")])
def test_bad_atom_ratio_is_rejected(ratio: float) -> None:
    with pytest.raises(LunarbaseError, match="he4_he3_atom_ratio"):
        he3_ppb_from_he_ppm(10.0, he4_he3_atom_ratio=ratio)


def test_regolith_depth_by_feo_threshold() -> None:
    cfg = Resources(mare_feo_threshold_wt_pct=14.0, mare_regolith_depth_m=4.0)
    depth = regolith_thickness_m([5.0, 13.99, 14.0, 20.0, np.nan], cfg)
    assert_allclose(depth[:4], [10.0, 10.0, 4.0, 4.0])
    assert np.isnan(depth[4])


def test_inventory_is_seeded(grs: xr.Dataset, small_cfg: Resources) -> None:
    a = he3_inventory(grs, small_cfg, region="nearside", seed=7)
    b = he3_inventory(grs, small_cfg, region="nearside", seed=7)
    c = he3_inventory(grs, small_cfg, region="nearside", seed=8)
    assert a == b
    assert a.he3_tonnes_p50 != c.he3_tonnes_p50
    assert a.he3_tonnes_nominal == c.he3_tonnes_nominal  # the nominal value draws nothing


def test_inventory_band_is_ordered(grs: xr.Dataset, small_cfg: Resources) -> None:
    inv = he3_inventory(grs, small_cfg, seed=1)
    assert 0.0 < inv.he3_tonnes_p05 < inv.he3_tonnes_p50 < inv.he3_tonnes_p95
    assert inv.n_cells == grs.sizes["cell"]
    assert inv.area_km2 * 1e6 == pytest.approx(MOON_SURFACE_AREA_M2, rel=1e-9)
    assert inv.draws == small_cfg.uncertainty_draws and inv.seed == 1


def test_inventory_equals_area_depth_density_grade(grs: xr.Dataset, small_cfg: Resources) -> None:
    # Nominal integral recomputed by hand from the table: 1000 km circle around Tranquillitatis.
    circle = Region(lat=8.0, lon=25.0, radius_km=1000.0)
    inv = he3_inventory(grs, small_cfg, region=circle, seed=0)
    lat, lon = np.radians(grs["lat"].values), np.radians(grs["lon"].values)
    cos_d = np.sin(np.radians(8.0)) * np.sin(lat) + np.cos(np.radians(8.0)) * np.cos(lat) * np.cos(
        lon - np.radians(25.0)
    )
    inside = np.arccos(np.clip(cos_d, -1, 1)) * 1737.4 <= 1000.0
    # gas profile: surface grade in the top 3 m, half of it below, to 5 m (mare) or 10 m
    depth = np.where(grs["FeO_wt_pct"].values >= 14.0, 3.0 + 0.5 * 2.0, 3.0 + 0.5 * 7.0)
    grade = he3_ppb(grs["TiO2_wt_pct"].values)
    kg = (grs["area_m2"].values * depth * 1660.0 * grade * 1e-9)[inside].sum()
    assert inv.n_cells == int(inside.sum())
    assert_allclose(inv.he3_tonnes_nominal, kg / 1e3, rtol=1e-9)


def test_empty_circle_is_a_query_error(grs: xr.Dataset, small_cfg: Resources) -> None:
    with pytest.raises(QueryError, match="circle") as err:
        he3_inventory(grs, small_cfg, region=Region(lat=-84.0, lon=10.0, radius_km=1.0), seed=0)
    assert "\n" not in str(err.value)


def test_unknown_region_is_a_query_error(grs: xr.Dataset, small_cfg: Resources) -> None:
    with pytest.raises(QueryError, match="'atlantis'"):
        he3_inventory(grs, small_cfg, region="atlantis", seed=0)


def test_unknown_model_in_config_fails_before_drawing(grs: xr.Dataset) -> None:
    cfg = Resources.model_construct(**{**Resources().model_dump(), "he3_model": "nope"})
    with pytest.raises(ScenarioError, match="'nope'"):
        he3_inventory(grs, cfg, seed=0)
