"""The johnson1999_fluence model: cos(latitude) solar-wind fluence x the TiO2 line."""

from __future__ import annotations

import math

import numpy as np
import pytest
import xarray as xr
from numpy.testing import assert_allclose

from lunarbase.errors import LunarbaseError, ScenarioError
from lunarbase.resources import he3
from lunarbase.resources.he3 import (
    ANCHOR_FLUENCE_HIGH_TI_MARE,
    ANCHOR_FLUENCE_HIGHLAND,
    APOLLO_SITE_LAT_DEG,
    HE3_MODELS,
    bin_fluence_factor,
    fluence_factor,
    grs_fluence,
    grs_he3_ppb,
    he3_inventory,
    he3_ppb,
    johnson1999_fluence_he_ppm,
    taylor1991_tio2_he_ppm,
)
from lunarbase.scenario import Resources


def test_registry_names_both_models() -> None:
    assert set(HE3_MODELS) == {"taylor1991_tio2", "johnson1999_fluence"}
    assert HE3_MODELS["johnson1999_fluence"].needs_fluence
    assert not HE3_MODELS["taylor1991_tio2"].needs_fluence


def test_scenario_accepts_the_new_name() -> None:
    assert Resources(he3_model="johnson1999_fluence").he3_model == "johnson1999_fluence"


def test_fluence_is_cos_latitude() -> None:
    lat = np.array([0.0, 30.0, -60.0, 90.0, -90.0])
    assert_allclose(fluence_factor(lat), np.clip(np.cos(np.radians(lat)), 0, 1), atol=1e-15)
    assert np.isnan(fluence_factor(np.nan))


def test_bin_fluence_is_the_area_mean_of_cos() -> None:
    a, b = 10.0, 35.0
    lat = np.linspace(a, b, 200_001)
    w = np.cos(np.radians(lat))
    expected = float((w * w).sum() / w.sum())
    assert_allclose(bin_fluence_factor(a, b), expected, rtol=1e-6)
    # a thin band is the point value; a polar cap is small but not zero (centre at the pole)
    assert_allclose(bin_fluence_factor(20.0, 20.0), math.cos(math.radians(20.0)))
    cap = float(bin_fluence_factor(-90.0, -87.5))
    assert 0.0 < cap < math.cos(math.radians(87.5))


def test_grs_fluence_is_within_each_bins_edges(grs: xr.Dataset) -> None:
    f = grs_fluence(grs)
    lo = np.cos(np.radians(np.maximum(np.abs(grs["lat_min"]), np.abs(grs["lat_max"]))))
    assert np.all(f >= lo.values - 1e-12) and np.all(f <= 1.0)


def test_anchors_reproduced_at_the_apollo_latitudes() -> None:
    # At the fluence of the sites the anchors come from, the model returns Taylor's midpoints.
    he = johnson1999_fluence_he_ppm(
        [he3.HIGHLAND_TIO2_WT_PCT, he3.HIGH_TI_MARE_TIO2_WT_PCT],
        fluence=[ANCHOR_FLUENCE_HIGHLAND, ANCHOR_FLUENCE_HIGH_TI_MARE],
    )
    assert_allclose(he, [6.0, 32.5], rtol=1e-12)
    assert_allclose(
        ANCHOR_FLUENCE_HIGHLAND, math.cos(math.radians(APOLLO_SITE_LAT_DEG["apollo16"]))
    )


def test_equator_is_a_few_percent_above_taylor() -> None:
    # Anchors sit at F = 0.97-0.99, so at F = 1 the line is a few percent higher.
    ratio = johnson1999_fluence_he_ppm(5.0, fluence=1.0) / taylor1991_tio2_he_ppm(5.0)
    assert 1.0 < float(ratio) < 1.04


def test_linear_in_fluence_and_zero_without_it() -> None:
    f = np.linspace(0.0, 1.0, 5)
    he = johnson1999_fluence_he_ppm(4.0, fluence=f)
    assert_allclose(he, f * he[-1], rtol=1e-12)
    assert he[0] == 0.0


def test_he3_ppb_without_fluence_says_what_to_set() -> None:
    with pytest.raises(ScenarioError, match="fluence"):
        he3_ppb(5.0, model="johnson1999_fluence")


def test_unknown_model_is_a_one_line_error() -> None:
    with pytest.raises(LunarbaseError, match=r"he3_model.*allowed: johnson1999_fluence"):
        he3_ppb(5.0, model="cameron1992")


def test_broadcasts_over_tio2_and_fluence() -> None:
    out = he3_ppb(np.ones((3, 1)), model="johnson1999_fluence", fluence=np.ones(4))
    assert out.shape == (3, 4)


def test_grid_grades_fall_towards_the_poles(grs: xr.Dataset) -> None:
    cfg = Resources(he3_model="johnson1999_fluence")
    ratio = grs_he3_ppb(grs, cfg) / grs_he3_ppb(grs, Resources())
    # ratio = F / F_anchor, a function of latitude only
    assert_allclose(ratio * ANCHOR_FLUENCE_HIGHLAND, grs_fluence(grs), rtol=0.05)
    assert ratio[0] < 0.05  # south polar cap


def test_fluence_model_inventory_is_below_taylor(grs: xr.Dataset, small_cfg: Resources) -> None:
    cfg = small_cfg.model_copy(update={"he3_model": "johnson1999_fluence"})
    a = he3_inventory(grs, small_cfg, seed=5)
    b = he3_inventory(grs, cfg, seed=5)
    assert b.model == "johnson1999_fluence"
    # area-mean of cos(lat) is pi/4; over the ~0.98 anchor fluence -> ~0.8 of taylor1991_tio2
    assert 0.7 < b.he3_tonnes_nominal / a.he3_tonnes_nominal < 0.9
