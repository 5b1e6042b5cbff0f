"""Property tests (hypothesis): non-negative concentrations, additive and monotonic inventories."""

from __future__ import annotations

import math

import numpy as np
import xarray as xr
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from lunarbase.resources.fluence import (
    MAGNETOTAIL_CENTRE_SUBSOLAR_LON_DEG,
    bin_fluence_factor,
    fluence_factor,
    magnetotail_factor,
    magnetotail_half_width_deg,
)
from lunarbase.resources.grades import (
    TAYLOR1991_HE_PPM_HIGH_TI_MARE,
    TAYLOR1991_HE_PPM_HIGHLAND,
    he3_ppb_from_he_ppm,
    johnson1999_fluence_he_ppm,
    taylor1991_tio2_he_ppm,
)
from lunarbase.resources.grains import fines_enrichment, fines_fractions
from lunarbase.resources.inventory import he3_inventories, he3_inventory
from lunarbase.resources.kreep import kreep_fraction, ree_ppm
from lunarbase.resources.regions import polygon_weights
from lunarbase.resources.volatiles import byproducts_per_tonne_regolith
from lunarbase.scenario import Resources

finite = st.floats(min_value=-1e3, max_value=1e3, allow_nan=False)
seeds = st.integers(min_value=0, max_value=2**32 - 1)


@given(
    tio2=st.lists(finite, min_size=1, max_size=20),
    lo=st.floats(*TAYLOR1991_HE_PPM_HIGHLAND),
    hi=st.floats(*TAYLOR1991_HE_PPM_HIGH_TI_MARE),
    ratio=st.floats(min_value=100.0, max_value=1e4),
)
def test_he3_never_negative(tio2: list[float], lo: float, hi: float, ratio: float) -> None:
    he = taylor1991_tio2_he_ppm(np.array(tio2), highland_he_ppm=lo, mare_he_ppm=hi)
    out = he3_ppb_from_he_ppm(he, he4_he3_atom_ratio=ratio)
    assert np.all(out >= 0.0) and np.all(np.isfinite(out))


@given(th=st.lists(finite, min_size=1, max_size=20))
def test_ree_and_kreep_never_negative(th: list[float]) -> None:
    ree = ree_ppm(np.array(th))
    assert all(np.all(v >= 0.0) for v in ree.values())
    frac = kreep_fraction(np.array(th))
    assert np.all((frac >= 0.0) & (frac <= 1.0))


@given(grade=st.lists(finite, min_size=1, max_size=10), f=st.floats(0.0, 1.0))
def test_byproducts_never_negative(grade: list[float], f: float) -> None:
    out = byproducts_per_tonne_regolith(np.array(grade), he3_release_fraction=f)
    assert all(np.all(v >= 0.0) for v in out.values())


def _cfg(density: float, mare: float, highland: float) -> Resources:
    return Resources(
        uncertainty_draws=16,
        regolith_density_kg_m3=density,
        mare_regolith_depth_m=mare,
        highland_regolith_depth_m=highland,
    )


cfgs = st.builds(
    _cfg,
    density=st.floats(800.0, 3000.0),
    mare=st.floats(0.5, 40.0),
    highland=st.floats(0.5, 40.0),
)


@settings(max_examples=15, deadline=None)
@given(cfg=cfgs, seed=seeds)
def test_nearside_plus_farside_is_the_moon(grs: xr.Dataset, cfg: Resources, seed: int) -> None:
    # Same seed -> same draws for every bin, so nominal and mean inventories add up exactly.
    # (Percentiles of a sum are not sums of percentiles, so p05/p50/p95 are not compared.)
    moon = he3_inventory(grs, cfg, region="moon", seed=seed)
    near = he3_inventory(grs, cfg, region="nearside", seed=seed)
    far = he3_inventory(grs, cfg, region="farside", seed=seed)
    assert_allclose(near.he3_tonnes_nominal + far.he3_tonnes_nominal, moon.he3_tonnes_nominal)
    assert_allclose(near.he3_tonnes_mean + far.he3_tonnes_mean, moon.he3_tonnes_mean)
    assert_allclose(near.area_km2 + far.area_km2, moon.area_km2)


@settings(max_examples=15, deadline=None)
@given(
    cfg=cfgs,
    seed=seeds,
    which=st.sampled_from(["mare", "highland", "both"]),
    region=st.sampled_from(["moon", "nearside", "farside", "south-pole"]),
)
def test_doubling_regolith_depth_never_lowers_the_inventory(
    grs: xr.Dataset, cfg: Resources, seed: int, which: str, region: str
) -> None:
    mare = cfg.mare_regolith_depth_m * (2 if which in ("mare", "both") else 1)
    highland = cfg.highland_regolith_depth_m * (2 if which in ("highland", "both") else 1)
    deeper = cfg.model_copy(
        update={"mare_regolith_depth_m": mare, "highland_regolith_depth_m": highland}
    )
    a = he3_inventory(grs, cfg, region=region, seed=seed)
    b = he3_inventory(grs, deeper, region=region, seed=seed)
    for field in ("nominal", "mean", "p05", "p50", "p95"):
        before = getattr(a, f"he3_tonnes_{field}")
        after = getattr(b, f"he3_tonnes_{field}")
        assert after >= before * (1 - 1e-12), field
    if which == "both":
        # the gardened layer does not thicken with the regolith: at most twice the gas, in
        # every draw, so in every percentile too
        assert b.he3_tonnes_p50 <= 2 * a.he3_tonnes_p50 * (1 + 1e-9)
        assert b.he3_tonnes_p50 > a.he3_tonnes_p50


# --- johnson1999_fluence, polygons and mining depth ------------------------------------------


@given(
    tio2=st.lists(finite, min_size=1, max_size=20),
    fluence=st.floats(-1.0, 2.0),
    lo=st.floats(*TAYLOR1991_HE_PPM_HIGHLAND),
    hi=st.floats(*TAYLOR1991_HE_PPM_HIGH_TI_MARE),
)
def test_fluence_model_never_negative(
    tio2: list[float], fluence: float, lo: float, hi: float
) -> None:
    he = johnson1999_fluence_he_ppm(
        np.array(tio2), fluence=fluence, highland_he_ppm=lo, mare_he_ppm=hi
    )
    assert np.all(he >= 0.0) and np.all(np.isfinite(he))


@given(
    lat=st.floats(-90.0, 90.0),
    lat2=st.floats(-90.0, 90.0),
    lon=st.floats(-180.0, 180.0),
    width=st.floats(0.0, 360.0),
    days=st.floats(0.0, 14.0),
)
def test_bin_fluence_lies_between_its_extremes(
    lat: float, lat2: float, lon: float, width: float, days: float
) -> None:
    # The area mean of a bin lies between the smallest and largest point values inside it
    # (sampled on a dense grid; the sample can miss a narrow extreme by a hair, hence 1e-4).
    a, b = sorted((lat, lat2))
    f = float(bin_fluence_factor(a, b, lon, lon + width, crossing_days=days))
    grid_lat = np.linspace(a, b, 101)[:, None]
    grid_lon = np.linspace(lon, lon + width, 721)[None, :]
    points = fluence_factor(grid_lat, grid_lon, crossing_days=days)
    assert float(points.min()) - 1e-4 <= f <= float(points.max()) + 1e-4


@given(lon=st.floats(-720.0, 720.0), days=st.floats(0.0, 14.0), shift=st.floats(0.0, 180.0))
def test_magnetotail_factor_bounds_symmetry_and_farside_maximum(
    lon: float, days: float, shift: float
) -> None:
    w = math.radians(magnetotail_half_width_deg(days))
    m = float(magnetotail_factor(lon, crossing_days=days))
    assert 1.0 - math.sin(w) - 1e-12 <= m <= 1.0 + 1e-12
    # symmetric about the tail centre; 1 (no loss) opposite it; periodic in 360 deg
    c = MAGNETOTAIL_CENTRE_SUBSOLAR_LON_DEG
    left, right = magnetotail_factor([c - shift, c + shift], crossing_days=days)
    assert_allclose(left, right, atol=1e-12)
    assert_allclose(magnetotail_factor(c + 180.0, crossing_days=days), 1.0, atol=1e-12)
    assert_allclose(magnetotail_factor(lon + 360.0, crossing_days=days), m, atol=1e-9)


@given(lon=st.floats(-180.0, 180.0), d1=st.floats(0.0, 14.0), d2=st.floats(0.0, 14.0))
def test_longer_tail_crossing_never_raises_the_fluence(lon: float, d1: float, d2: float) -> None:
    short, long = sorted((d1, d2))
    assert (
        magnetotail_factor(lon, crossing_days=long)
        <= magnetotail_factor(lon, crossing_days=short) + 1e-12
    )


@settings(max_examples=15, deadline=None)
@given(
    split=st.integers(-35, 35).map(lambda k: 5.0 * k),
    lat_split=st.floats(-40.0, 40.0),
    seed=seeds,
    model=st.sampled_from(["taylor1991_tio2", "johnson1999_fluence"]),
)
def test_disjoint_polygons_add_up(
    grs: xr.Dataset, split: float, lat_split: float, seed: int, model: str
) -> None:
    # Four quadrants of a box that share edges (a meridian on bin edges and any parallel):
    # every bin centre falls in exactly one, so nominal and mean inventories add up.
    cfg = Resources(uncertainty_draws=16, he3_model=model)
    w, e, s, n = split - 60.0, split + 60.0, -50.0, 50.0
    quads = [
        [(s, w), (s, split), (lat_split, split), (lat_split, w)],
        [(s, split), (s, e), (lat_split, e), (lat_split, split)],
        [(lat_split, w), (lat_split, split), (n, split), (n, w)],
        [(lat_split, split), (lat_split, e), (n, e), (n, split)],
    ]
    whole = [(s, w), (s, e), (n, e), (n, w)]
    weights = [polygon_weights(grs, q) for q in quads]
    assert np.all(sum(weights) == polygon_weights(grs, whole))
    regions = [(f"q{i}", wq) for i, wq in enumerate(weights)]
    regions.append(("whole", polygon_weights(grs, whole)))
    invs = he3_inventories(grs, cfg, [r for r in regions if r[1].any()], seed=seed)
    *parts, total = invs
    assert_allclose(sum(p.he3_tonnes_nominal for p in parts), total.he3_tonnes_nominal)
    assert_allclose(sum(p.he3_tonnes_mean for p in parts), total.he3_tonnes_mean)


@settings(max_examples=15, deadline=None)
@given(
    cfg=cfgs,
    seed=seeds,
    depth=st.floats(0.05, 60.0),
    model=st.sampled_from(["taylor1991_tio2", "johnson1999_fluence"]),
)
def test_doubling_mining_depth_never_lowers_the_inventory(
    grs: xr.Dataset, cfg: Resources, seed: int, depth: float, model: str
) -> None:
    cfg = cfg.model_copy(update={"he3_model": model})
    a = he3_inventory(grs, cfg, seed=seed, depth_m=depth)
    b = he3_inventory(grs, cfg, seed=seed, depth_m=2.0 * depth)
    for field in ("nominal", "mean", "p05", "p50", "p95"):
        before = getattr(a, f"he3_tonnes_{field}")
        after = getattr(b, f"he3_tonnes_{field}")
        assert after >= before * (1 - 1e-12), field
    assert b.he3_tonnes_above_cutoff >= a.he3_tonnes_above_cutoff * (1 - 1e-12)


# --- grain size: fines fractions -------------------------------------------------------------

cuts = st.floats(1e-3, 1e5)
medians = st.floats(1.0, 2000.0)
sortings = st.floats(0.05, 5.0)


@given(cut=cuts, median=medians, sorting=sortings)
def test_fines_fractions_are_fractions_and_gas_leads_mass(
    cut: float, median: float, sorting: float
) -> None:
    mass, gas = fines_fractions(cut, median, sorting)
    assert 0.0 <= mass <= 1.0 and 0.0 <= gas <= 1.0
    assert gas >= mass
    assert fines_enrichment(cut, median, sorting) >= 1.0 or mass == 0.0


@given(c1=cuts, c2=cuts, median=medians, sorting=sortings)
def test_fines_fractions_grow_with_the_cut(
    c1: float, c2: float, median: float, sorting: float
) -> None:
    lo, hi = sorted((c1, c2))
    m_lo, g_lo = fines_fractions(lo, median, sorting)
    m_hi, g_hi = fines_fractions(hi, median, sorting)
    assert m_hi >= m_lo and g_hi >= g_lo


@given(cut=cuts, m1=medians, m2=medians, sorting=sortings)
def test_coarser_soil_has_less_in_the_fines(
    cut: float, m1: float, m2: float, sorting: float
) -> None:
    fine, coarse = sorted((m1, m2))
    assert fines_fractions(cut, coarse, sorting)[0] <= fines_fractions(cut, fine, sorting)[0]
    assert fines_fractions(cut, coarse, sorting)[1] <= fines_fractions(cut, fine, sorting)[1]
