"""The fluence_tio2_line model: cos(latitude) x magnetotail solar-wind fluence x the TiO2 line."""

from __future__ import annotations

import math

import numpy as np
import pytest
import xarray as xr
from numpy.testing import assert_allclose

from lunarbase.errors import LunarbaseError, QueryError, ScenarioError
from lunarbase.resources import fluence, grades
from lunarbase.resources.fluence import (
    ANCHOR_FLUENCE_HIGH_TI_MARE,
    ANCHOR_FLUENCE_HIGHLAND,
    APOLLO_SITE_LAT_DEG,
    APOLLO_SITE_LON_DEG,
    MAGNETOTAIL_CENTRE_SUBSOLAR_LON_DEG,
    MAGNETOTAIL_CROSSING_DAYS,
    SUBSOLAR_LON_RATE_DEG_PER_DAY,
    anchor_fluences,
    bin_fluence_factor,
    bin_magnetotail_factor,
    fluence_factor,
    magnetotail_factor,
    magnetotail_half_width_deg,
)
from lunarbase.resources.grades import (
    HE3_MODELS,
    fluence_tio2_line_he_ppm,
    grs_fluence,
    grs_he3_ppb,
    he3_ppb,
    tio2_line_he_ppm,
)
from lunarbase.resources.inventory import he3_inventory
from lunarbase.scenario import Resources

C0 = MAGNETOTAIL_CENTRE_SUBSOLAR_LON_DEG

GRADE_DEFAULTS = {
    "he3_model": Resources().he3_model,
    "he4_he3_atom_ratio": Resources().he4_he3_atom_ratio,
}


def brute_magnetotail(lon_deg: float, crossing_days: float, n: int = 72_000) -> float:
    """Direct average of max(0, cos(lon - s)) over sub-solar longitudes s outside the tail arc,
    normalised by the unshielded 1/pi (the definition, not the closed form)."""
    s = (np.arange(n) + 0.5) * 360.0 / n
    w = crossing_days / 2.0 * SUBSOLAR_LON_RATE_DEG_PER_DAY
    outside = np.abs((s - C0 + 180.0) % 360.0 - 180.0) >= w
    flux = np.maximum(0.0, np.cos(np.radians(lon_deg - s))) * outside
    return float(flux.mean() * math.pi)


def test_registry_names_both_models() -> None:
    assert set(HE3_MODELS) == {"tio2_line", "fluence_tio2_line"}
    assert HE3_MODELS["fluence_tio2_line"].needs_fluence
    assert not HE3_MODELS["tio2_line"].needs_fluence


def test_scenario_accepts_the_new_name() -> None:
    assert Resources(he3_model="fluence_tio2_line").he3_model == "fluence_tio2_line"


def test_crossing_time_is_hurley_farrells_phase_window() -> None:
    # 177 +- 25 deg of phase at 360 deg per 29.53 d: 50 deg -> 4.10 d, centred 3 deg E
    assert_allclose(SUBSOLAR_LON_RATE_DEG_PER_DAY, 12.19, atol=0.005)
    assert_allclose(MAGNETOTAIL_CROSSING_DAYS, 4.10, atol=0.005)
    assert_allclose(magnetotail_half_width_deg(MAGNETOTAIL_CROSSING_DAYS), 25.0, rtol=1e-12)
    assert C0 == 3.0


def test_without_the_tail_fluence_is_cos_latitude() -> None:
    lat = np.array([0.0, 30.0, -60.0, 90.0, -90.0])
    lon = np.array([0.0, 45.0, 180.0, 300.0, 10.0])
    expected = np.clip(np.cos(np.radians(lat)), 0, 1)
    assert_allclose(fluence_factor(lat, lon, crossing_days=0.0), expected, atol=1e-15)
    assert np.isnan(fluence_factor(np.nan, 0.0))
    # the farside meridian opposite the tail centre is never shielded
    assert_allclose(fluence_factor(lat, 180.0 + C0), expected, atol=1e-15)


@pytest.mark.parametrize("days", [MAGNETOTAIL_CROSSING_DAYS, 6.0, 14.0, 20.0])
@pytest.mark.parametrize("lon", [0.0, 3.0, 23.47, 90.0, 150.0, 183.0, -60.0, -170.0])
def test_closed_form_matches_the_direct_average(lon: float, days: float) -> None:
    assert_allclose(
        magnetotail_factor(lon, crossing_days=days), brute_magnetotail(lon, days), atol=1e-4
    )


def test_sub_earth_point_loses_sin_w_and_the_circle_loses_w_over_pi() -> None:
    w = math.radians(magnetotail_half_width_deg(MAGNETOTAIL_CROSSING_DAYS))
    assert_allclose(magnetotail_factor(C0), 1.0 - math.sin(w), rtol=1e-12)
    lon = (np.arange(36_000) + 0.5) / 100.0
    assert_allclose(magnetotail_factor(lon).mean(), 1.0 - w / math.pi, rtol=1e-9)
    assert_allclose(bin_magnetotail_factor(-180.0, 180.0), 1.0 - w / math.pi, rtol=1e-12)
    # a tail that lasts the whole month blocks everything
    assert_allclose(magnetotail_factor(lon[:10], crossing_days=fluence.SYNODIC_MONTH_DAYS), 0.0)


def test_bad_crossing_time_is_a_one_line_error() -> None:
    with pytest.raises(QueryError, match="crossing_days"):
        magnetotail_factor(0.0, crossing_days=-1.0)
    with pytest.raises(QueryError, match="crossing_days"):
        fluence_factor(0.0, 0.0, crossing_days=40.0)


@pytest.mark.parametrize(("lo", "hi"), [(10.0, 37.0), (-180.0, -135.0), (170.0, 215.0)])
def test_bin_magnetotail_is_the_mean_over_longitude(lo: float, hi: float) -> None:
    lon = np.linspace(lo, hi, 200_001)
    assert_allclose(bin_magnetotail_factor(lo, hi), magnetotail_factor(lon).mean(), rtol=1e-6)
    assert_allclose(bin_magnetotail_factor(20.0, 20.0), magnetotail_factor(20.0))


def test_bin_fluence_is_the_area_mean() -> None:
    a, b, lo, hi = 10.0, 35.0, -40.0, 5.0
    mid = (np.arange(2000) + 0.5) / 2000  # midpoint rule
    lat = (a + (b - a) * mid)[:, None]
    lon = (lo + (hi - lo) * mid)[None, :]
    area = np.cos(np.radians(lat)) * np.ones_like(lon)
    expected = float((fluence_factor(lat, lon) * area).sum() / area.sum())
    assert_allclose(bin_fluence_factor(a, b, lo, hi), expected, rtol=1e-5)
    # a thin band is the point value; a polar cap is small but not zero (centre at the pole)
    assert_allclose(bin_fluence_factor(20.0, 20.0, 60.0, 60.0), fluence_factor(20.0, 60.0))
    cap = float(bin_fluence_factor(-90.0, -87.5, -180.0, 180.0))
    assert 0.0 < cap < math.cos(math.radians(87.5))


def test_grs_fluence_is_within_each_bins_edges(grs: xr.Dataset) -> None:
    f = grs_fluence(grs)
    lat_lo = np.cos(np.radians(np.maximum(np.abs(grs["lat_min"]), np.abs(grs["lat_max"]))))
    w = math.radians(magnetotail_half_width_deg(MAGNETOTAIL_CROSSING_DAYS))
    assert np.all(f >= lat_lo.values * (1.0 - math.sin(w)) - 1e-12) and np.all(f <= 1.0)


def test_farside_gets_more_than_nearside_at_equal_latitude(grs: xr.Dataset) -> None:
    f = grs_fluence(grs)
    lat, lon = grs["lat"].values, grs["lon"].values
    for band in (0.0, 20.0, -40.0):
        row = np.isclose(lat, band)
        near = row & ((lon < 90.0) | (lon > 270.0))
        far = row & (lon > 90.0) & (lon < 270.0)
        assert f[far].mean() > f[near].mean()


def test_anchors_reproduced_at_the_apollo_sites() -> None:
    # At the fluence of the sites the anchors come from, the model returns Taylor's midpoints.
    he = fluence_tio2_line_he_ppm(
        [grades.HIGHLAND_TIO2_WT_PCT, grades.HIGH_TI_MARE_TIO2_WT_PCT],
        fluence=[ANCHOR_FLUENCE_HIGHLAND, ANCHOR_FLUENCE_HIGH_TI_MARE],
    )
    assert_allclose(he, [6.0, 32.5], rtol=1e-12)
    a16 = fluence_factor(APOLLO_SITE_LAT_DEG["apollo16"], APOLLO_SITE_LON_DEG["apollo16"])
    assert_allclose(ANCHOR_FLUENCE_HIGHLAND, a16)
    # the sites sit 12-28 deg E of the tail centre, so the tail removes ~40 % of their fluence
    assert 0.55 < ANCHOR_FLUENCE_HIGHLAND < ANCHOR_FLUENCE_HIGH_TI_MARE < 0.65


def test_anchors_follow_the_crossing_time() -> None:
    mare6, highland6 = anchor_fluences(6.0)
    assert mare6 < ANCHOR_FLUENCE_HIGH_TI_MARE and highland6 < ANCHOR_FLUENCE_HIGHLAND
    # consistent anchors and fluence: the Apollo 16 site still returns Taylor's 6 ppm
    f = fluence_factor(
        APOLLO_SITE_LAT_DEG["apollo16"], APOLLO_SITE_LON_DEG["apollo16"], crossing_days=6.0
    )
    he = fluence_tio2_line_he_ppm(
        grades.HIGHLAND_TIO2_WT_PCT,
        fluence=f,
        anchor_fluence_highland=highland6,
        anchor_fluence_mare=mare6,
    )
    assert_allclose(he, 6.0, rtol=1e-12)
    assert_allclose(anchor_fluences(0.0)[1], math.cos(math.radians(-8.973)))


def test_unshielded_equator_is_one_over_the_anchor_fluence_above_taylor() -> None:
    # At F = 1 (farside equator, never in the tail) the line is 1/F_anchor above Taylor's:
    # between 1/0.596 (mare anchor) and 1/0.580 (highland anchor).
    ratio = float(fluence_tio2_line_he_ppm(5.0, fluence=1.0) / tio2_line_he_ppm(5.0))
    assert 1.0 / ANCHOR_FLUENCE_HIGH_TI_MARE <= ratio <= 1.0 / ANCHOR_FLUENCE_HIGHLAND


def test_linear_in_fluence_and_zero_without_it() -> None:
    f = np.linspace(0.0, 1.0, 5)
    he = fluence_tio2_line_he_ppm(4.0, fluence=f)
    assert_allclose(he, f * he[-1], rtol=1e-12)
    assert he[0] == 0.0


def test_he3_ppb_without_fluence_says_what_to_set() -> None:
    with pytest.raises(ScenarioError, match="fluence"):
        he3_ppb(5.0, model="fluence_tio2_line")


def test_unknown_model_is_a_one_line_error() -> None:
    with pytest.raises(LunarbaseError, match=r"he3_model.*allowed: fluence_tio2_line"):
        he3_ppb(5.0, model="cameron1992")


def test_broadcasts_over_tio2_and_fluence() -> None:
    out = he3_ppb(np.ones((3, 1)), model="fluence_tio2_line", fluence=np.ones(4))
    assert out.shape == (3, 4)


def test_grid_grades_fall_towards_the_poles(grs: xr.Dataset) -> None:
    cfg = Resources(he3_model="fluence_tio2_line")
    ratio = grs_he3_ppb(
        grs, he3_model=cfg.he3_model, he4_he3_atom_ratio=cfg.he4_he3_atom_ratio
    ) / grs_he3_ppb(grs, **GRADE_DEFAULTS)
    # ratio = F / F_anchor (the two anchors differ by 3 %)
    assert_allclose(ratio * ANCHOR_FLUENCE_HIGHLAND, grs_fluence(grs), rtol=0.05)
    assert ratio[0] < 0.08  # south polar cap


def test_fluence_model_inventory_vs_taylor(grs: xr.Dataset, small_cfg: Resources) -> None:
    cfg = small_cfg.model_copy(update={"he3_model": "fluence_tio2_line"})
    a = he3_inventory(grs, small_cfg, seed=5)
    b = he3_inventory(grs, cfg, seed=5)
    assert b.model == "fluence_tio2_line"
    # area-mean fluence pi/4 x (1 - 25/180) = 0.676 over the ~0.59 nearside anchor fluence
    # -> ~1.15 x tio2_line (more where TiO2 is high on the farside, less at the poles)
    mean_f = math.pi / 4 * (1 - 25.0 / 180.0)
    expected = mean_f / ((ANCHOR_FLUENCE_HIGHLAND + ANCHOR_FLUENCE_HIGH_TI_MARE) / 2)
    assert_allclose(b.he3_tonnes_nominal / a.he3_tonnes_nominal, expected, rtol=0.1)
