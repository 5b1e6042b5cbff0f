"""Resources stage vs published figures (shared/reference/validation-figures.md ss 1-3, 5, 8, 9).

Only rows marked `confirmed (seen)` are tested with a bound; `seen, secondary` rows give loose
bounds only and say so. Every test prints an "ours vs theirs" line (run ``pytest -s`` to see it).
Where our number misses the published one, the test keeps the honest bound and says by how much
and why, rather than tuning the model.
"""

from __future__ import annotations

import numpy as np
import pytest
import xarray as xr
from numpy.testing import assert_allclose

from lunarbase.resources.he3 import (
    APOLLO_SITE_LAT_DEG,
    SOURCEBOOK_T7_15_TIO2_WT_PCT,
    TAYLOR1991_HE_PPM_HIGH_TI_MARE,
    TAYLOR1991_HE_PPM_HIGHLAND,
    Inventory,
    fluence_factor,
    grs_fluence,
    grs_he3_ppb,
    he3_inventories,
    he3_ppb,
    he3_ppb_from_he_ppm,
    johnson1999_fluence_he_ppm,
    taylor1991_tio2_he_ppm,
)
from lunarbase.resources.kreep import kreep_fraction, ree_ppm
from lunarbase.resources.regions import containing_cell, region_weights
from lunarbase.resources.volatiles import (
    WISCONSIN_HE4_KG_PER_KG_HE3,
    WISCONSIN_KG_PER_KG_HE3,
    WISCONSIN_TOTAL_MIN_KG_PER_KG_HE3,
    he4_kg_per_kg_he3,
)
from lunarbase.scenario import Resources

SEED = 20350101


def ours_vs_theirs(what: str, ours: float, theirs: str, note: str = "") -> None:
    print(f"\n[{what}] ours = {ours:.4g} | published = {theirs} {note}".rstrip())


@pytest.fixture(scope="module")
def inventories(grs: xr.Dataset) -> dict[str, Inventory]:
    """Default-scenario inventories (2000 draws) of the Moon, its two sides and the south cap."""
    names = ("moon", "nearside", "farside", "south-pole")
    invs = he3_inventories(grs, Resources(), [region_weights(grs, n) for n in names], seed=SEED)
    return dict(zip(names, invs, strict=True))


# --- Section 3: isotopes -------------------------------------------------------------------


def test_iso_conversion_note() -> None:
    # validation-figures.md s3 "Conversion note (derived)": 28 ppm 4He -> 7.8 ppb He-3 at
    # R = 2700 (Buhler et al. 1971, EPSL 10:297) and 9.0 ppb at R = 2350 (Apollo SWC, ISO-01).
    # Tolerance: the note rounds to two significant figures (+-0.05 ppb).
    ours = he3_ppb_from_he_ppm(28.0, he4_he3_atom_ratio=np.array([2700.0, 2350.0]))
    ours_vs_theirs("28 ppm He -> He-3 [ppb], R=2700/2350", ours[0], "7.8 / 9.0")
    assert_allclose(ours, [7.8, 9.0], atol=0.05)


def test_wisconsin_he4_per_he3_matches_swc_ratio() -> None:
    # Wisconsin "He-4: one part He-3 in 3,100 by mass" is `seen, secondary` (Lunarpedia
    # "Volatiles" after H. H. Schmitt, UW) -> loose bound. Our He-4 follows exactly from the atom
    # ratio; at the Apollo SWC ratio 2350 +- 120 (2 sigma; ISO-01, Geiss et al. 2004) it must
    # land within that ratio's own 5 % (120/2350) of 3100.
    ours = float(he4_kg_per_kg_he3(2350.0))
    ours_vs_theirs("He-4 per He-3 [kg/kg] at R=2350", ours, "3100 (Wisconsin, secondary)")
    assert_allclose(ours, WISCONSIN_HE4_KG_PER_KG_HE3, rtol=120.0 / 2350.0)


def test_wisconsin_volatile_total() -> None:
    # "over 18,000 tons of volatiles ... for every tonne of He-3" (abstract, "Impact of lunar
    # volatiles produced during He-3 mining activities", confirmed seen). The per-species ratios
    # are secondary and N2 = 500 is UNCONFIRMED; the listed species plus He-4 must reach the
    # confirmed total. Without N2 the sum is 17,700, so this also bounds N2 >= 300.
    ours = sum(WISCONSIN_KG_PER_KG_HE3.values()) + WISCONSIN_HE4_KG_PER_KG_HE3
    ours_vs_theirs("volatiles per He-3 [kg/kg]", ours, "> 18,000")
    assert ours > WISCONSIN_TOTAL_MIN_KG_PER_KG_HE3


# --- Section 1: He-3 grades ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("site", "bounds"),
    [
        ("apollo11", TAYLOR1991_HE_PPM_HIGH_TI_MARE),
        ("apollo17_17a", TAYLOR1991_HE_PPM_HIGH_TI_MARE),
        ("apollo16", TAYLOR1991_HE_PPM_HIGHLAND),
    ],
)
def test_he03_taylor_ranges_at_landing_site_tio2(site: str, bounds: tuple[float, float]) -> None:
    # HE-03, Taylor (1991) NTRS 19910016782: high-Ti mare 15-50 ppm He, highlands 3-9 ppm; TiO2
    # of each site from Lunar Sourcebook Table 7.15 (s5, confirmed seen). Bounds are the ranges.
    ours = float(taylor1991_tio2_he_ppm(SOURCEBOOK_T7_15_TIO2_WT_PCT[site]))
    ours_vs_theirs(f"total He at {site} [ppm]", ours, f"{bounds[0]:g}-{bounds[1]:g}")
    assert bounds[0] <= ours <= bounds[1]


def test_he05_mare_tranquillitatis(grs: xr.Dataset) -> None:
    # HE-05, Kaydash, Shkuratov & Starukhina (1999) BAAS 31(4), DPS 18.06: nearside He-3 maxima
    # 16-20 ppb. Our LP bins at 7.5-12.5 N, 20-30 E (Mare Tranquillitatis, TiO2 ~8 wt%) come out
    # near 9 ppb, i.e. ~45 % below the low end, for two known reasons: the 5-degree (~150 km)
    # LP footprint smooths TiO2 (bin maximum 8.15 wt% vs 10-15 wt% Clementine pixel maxima), and
    # the fit anchors on the *midpoint* of Taylor's 15-50 ppm, not on mature soils. The bound
    # keeps ours within a factor 2.5 below 16 ppb and not above 20 ppb; widening it further
    # would hide a real model bias.
    cells = [containing_cell(grs, 8.0, lon) for lon in (22.5, 27.5)]
    ours = float(he3_ppb(grs["TiO2_wt_pct"].values[cells]).mean())
    ours_vs_theirs(
        "He-3 Mare Tranquillitatis [ppb]",
        ours,
        "16-20 (HE-05); ~20 (HE-04, secondary)",
        f"-> ours/16 = {ours / 16:.2f}",
    )
    assert 16.0 / 2.5 <= ours <= 20.0


def test_he05_highlands_a_few_ppb(grs: xr.Dataset) -> None:
    # HE-05 (Kaydash et al. 1999): highlands 1-5 ppb He-3. Highland bins = FeO < 8 wt%
    # (highland soils 4-6 wt% FeO, Lunar Sourcebook Table 7.15). The 5-95 % range of our
    # highland grades must sit inside 1-5 ppb (no tolerance: the published range is wide).
    feo = grs["FeO_wt_pct"].values
    grade = he3_ppb(grs["TiO2_wt_pct"].values[feo < 8.0])
    p05, p50, p95 = np.percentile(grade, [5, 50, 95])
    ours_vs_theirs("He-3 highlands median [ppb]", p50, "1-5", f"(5-95 %: {p05:.2f}-{p95:.2f})")
    assert p05 >= 1.0
    assert p95 <= 5.0


def test_he08_sample_average(grs: xr.Dataset) -> None:
    # HE-08, Bobin & Bobin (2023) ROOM Space Journal: Luna 16/20/24 + Apollo samples average
    # 7.43e-5 m3/t He-3 = 10.0 ppb (derived). Ours at the nine site-average TiO2 values of
    # Lunar Sourcebook Table 7.15 (s5) averages ~3.7 ppb: a factor ~2.7 LOW. Same causes as
    # above (midpoint anchors; no maturity term). Bound: within a factor 3 below and not above;
    # this documents the bias rather than hiding it.
    tio2 = np.array([7.8, 3.0, 1.7, 1.4, 0.54, 4.2, 3.4, 0.55, 1.3])  # Table 7.15 site columns
    ours = float(he3_ppb(tio2).mean())
    ours_vs_theirs(
        "He-3 mean of landing sites [ppb]", ours, "10.0", f"-> 10/ours = {10 / ours:.2f}"
    )
    assert 10.0 / 3.0 <= ours <= 10.0


def test_he02_high_ti_mare_above_highlands(grs: xr.Dataset) -> None:
    # HE-02, Johnson, Swindle & Lucey (1999) GRL 26:385, doi:10.1029/1998GL900305 (qualitative):
    # high-Ti mare > highlands. (Their farside-mare > nearside-mare ranking needs a fluence term
    # that taylor1991_tio2 does not have; not tested.)
    tio2, feo = grs["TiO2_wt_pct"].values, grs["FeO_wt_pct"].values
    grade = he3_ppb(tio2)
    high_ti = grade[(feo >= 14.0) & (tio2 >= 5.0)]
    highland = grade[feo < 8.0]
    ours_vs_theirs("He-3 high-Ti mare min / highland max [ppb]", high_ti.min(), "> highlands")
    assert high_ti.min() > highland.max()


def test_he10_tranquillitatis_in_top_decile(grs: xr.Dataset) -> None:
    # HE-10, Kim et al. (2019) PSS 177:104686, doi:10.1016/j.pss.2019.07.001: NW Mare
    # Tranquillitatis among the He-3-richest sites -> its LP bin must be in our top decile.
    # Their small targets (Grimaldi, Riccioli, Mare Moscoviense) are below the 150 km LP
    # footprint and are printed, not asserted.
    grade = he3_ppb(grs["TiO2_wt_pct"].values)
    top = np.percentile(grade, 90)
    nw_tranq = grade[containing_cell(grs, 10.0, 22.5)]
    ours_vs_theirs("NW Tranquillitatis He-3 vs top-decile threshold", nw_tranq, f">= {top:.2f}")
    for name, lat, lon in [("Grimaldi", -5.4, 291.6), ("Mare Moscoviense", 27.3, 148.1)]:
        print(f"  {name}: {grade[containing_cell(grs, lat, lon)]:.2f} ppb (not resolved at 5 deg)")
    assert nw_tranq >= top


# --- Section 2: inventories ----------------------------------------------------------------


def test_inv01_global_inventory_fa_jin(inventories: dict[str, Inventory]) -> None:
    # INV-01, Fa & Jin (CE-1 microwave regolith thickness; cited as Fa & Jin 2010 in Jin 2013,
    # doi:10.1007/978-3-642-27969-0_4): 6.6e8 kg. Tolerance: factor 2, the reference's own
    # suggestion for a map x thickness x density integral built from different thickness maps.
    ours_kg = inventories["moon"].he3_tonnes_p50 * 1e3
    ours_vs_theirs("Moon He-3 p50 [kg]", ours_kg, "6.6e8 (INV-01)", f"ratio {ours_kg / 6.6e8:.2f}")
    assert 6.6e8 / 2 <= ours_kg <= 6.6e8 * 2


def test_inv03_06_global_inventory_band(inventories: dict[str, Inventory]) -> None:
    # INV-03..06: Taylor (1991) maria-only 2.2e5 t (lower), Wittenberg et al. (1992) Fusion Tech.
    # 21:2230 ~1e6 t, Kulcinski & Schmitt (1992) doi:10.13182/FST92-A29717 1e9 kg, Kulcinski et
    # al. (1988, secondary) 1.1e6 t. Our p50 (1.12-1.15e6 t, by seed) lies 2-5 % ABOVE the
    # 1.1e6 t top; the honest check is that the published ~1.0-1.1e6 t sits inside our 5-95 %
    # band and that our p05 clears the maria-only lower figure.
    inv = inventories["moon"]
    ours_vs_theirs(
        "Moon He-3 [t]",
        inv.he3_tonnes_p50,
        "2.2e5 .. 1.1e6",
        f"(p05-p95 {inv.he3_tonnes_p05:.3g}-{inv.he3_tonnes_p95:.3g}; "
        f"p50/1.1e6 = {inv.he3_tonnes_p50 / 1.1e6:.2f})",
    )
    assert inv.he3_tonnes_p05 >= 2.2e5
    assert inv.he3_tonnes_p05 <= 1.0e6
    assert inv.he3_tonnes_p95 >= 1.1e6


def test_inv06_maria_only_outer_2m(grs: xr.Dataset) -> None:
    # INV-06, Taylor (1991) NTRS 19910016782: maria, outer 2 m, 220,000 t. Ours (bins with
    # FeO >= 14 wt%, 2 m deep) is ~7.7e4 t, a factor ~2.9 LOW: the grade bias seen at
    # Tranquillitatis (~1.8x) times the 5-degree map classing only ~12 % of the surface as mare
    # (maria are usually put at ~16-17 %; not a tested figure). Bound: within 3.5x below
    # (product of those two documented effects, rounded up), never above.
    cfg = Resources(mare_regolith_depth_m=2.0)
    mare = (grs["FeO_wt_pct"].values >= cfg.mare_feo_threshold_wt_pct).astype(float)
    (inv,) = he3_inventories(grs, cfg, [("maria", mare)], seed=SEED)
    ours_vs_theirs(
        "maria-only 2 m He-3 [t]",
        inv.he3_tonnes_p50,
        "220,000",
        f"ratio {inv.he3_tonnes_p50 / 2.2e5:.2f}",
    )
    assert 2.2e5 / 3.5 <= inv.he3_tonnes_p50 <= 2.2e5


def test_inv01_nearside_share(inventories: dict[str, Inventory]) -> None:
    # INV-01: 3.7e8 kg nearside of 6.6e8 kg -> 56 %. Tolerance +-5 percentage points: CE-1 used
    # microwave-derived thickness, we use a two-class FeO thickness; the share is what the two
    # methods should agree on best.
    share = inventories["nearside"].he3_tonnes_nominal / inventories["moon"].he3_tonnes_nominal
    ours_vs_theirs("nearside share of He-3", share, "0.56 (3.7/6.6)")
    assert abs(share - 3.7 / 6.6) <= 0.05


# --- Section 8: KREEP, REE, Th -------------------------------------------------------------


def test_kr01_15386_pattern_reproduced() -> None:
    # KR-01, Meyer, Lunar Sample Compendium, 15386 Table 1, Neal (2003) ICP-MS column: at the
    # rock's own Th (15.4 ppm) the scaled pattern must be the rock's pattern (float rounding).
    kr01 = {"La": 84.1, "Ce": 213.1, "Pr": 30, "Nd": 125.6, "Sm": 36.5, "Eu": 2.78, "Gd": 43.9,
            "Tb": 7.51, "Dy": 45.7, "Ho": 10.3, "Er": 28.3, "Tm": 3.97, "Yb": 26.2, "Lu": 3.59,
            "Y": 241}  # fmt: skip
    ours = ree_ppm(15.4)
    ours_vs_theirs("La at Th 15.4 [ppm]", float(ours["La"]), "84.1")
    for el, ppm in kr01.items():
        assert_allclose(ours[el], ppm, rtol=1e-12)
    assert_allclose(ours["total"], sum(kr01.values()), rtol=1e-12)
    assert kreep_fraction(15.4) == 1.0


def test_kr07_lp_thorium_peak(grs: xr.Dataset) -> None:
    # LP 5-degree Th peak ~10 ppm in the Procellarum KREEP Terrane (Jolliff et al. 2000, JGR
    # 105:4197, doi:10.1029/1999JE001103; the "~10 ppm" is the brief's/MANIFEST's figure, not a
    # table row). Tolerance: KR-07 (Lawrence et al. 2000, abstract seen) gives <= 30 % systematic
    # error for high-altitude LP Th. The peak must also sit on the western nearside (PKT) and
    # below pristine KREEP basalt 15386 (15.4 ppm, KR-01) since a 150 km bin mixes lithologies.
    th = grs["Th_ppm"].values
    i = int(np.argmax(th))
    lat, lon = float(grs["lat"].values[i]), float(grs["lon"].values[i])
    ours_vs_theirs("LP Th peak [ppm]", th[i], "~10 (PKT)", f"at {lat:.1f} N, {lon:.1f} E")
    assert abs(th[i] - 10.0) <= 0.3 * 10.0
    assert -30.0 <= lat <= 60.0 and 270.0 <= lon <= 360.0
    assert kreep_fraction(th[i]) < 1.0


def test_kr05_pkt_holds_the_thorium(grs: xr.Dataset) -> None:
    # KR-05, Remote Sens. 15(7):1861 (2023), doi:10.3390/rs15071861: the PKT, 16 % of the
    # surface, holds ~40 % of the radioactive elements. The 16 % of the surface with the highest
    # LP Th is by construction the richest 16 %, so its share of the Th must be >= 40 %.
    th, area = grs["Th_ppm"].values, grs["area_m2"].values
    order = np.argsort(-th)
    top = order[: int(np.searchsorted(np.cumsum(area[order]) / area.sum(), 0.16)) + 1]
    share = float((th[top] * area[top]).sum() / (th * area).sum())
    ours_vs_theirs("Th share of the top-Th 16 % of the surface", share, ">= 0.40 (PKT ~40 %)")
    assert share >= 0.40


# --- The second model, johnson1999_fluence (cos-latitude fluence x the TiO2 line) -----------

FLUENCE = "johnson1999_fluence"


@pytest.fixture(scope="module")
def fluence_inventories(grs: xr.Dataset) -> dict[str, Inventory]:
    names = ("moon", "nearside", "farside", "south-pole")
    cfg = Resources(he3_model=FLUENCE)
    invs = he3_inventories(grs, cfg, [region_weights(grs, n) for n in names], seed=SEED)
    return dict(zip(names, invs, strict=True))


@pytest.mark.parametrize(
    ("site", "apollo", "bounds"),
    [
        ("apollo11", "apollo11", TAYLOR1991_HE_PPM_HIGH_TI_MARE),
        ("apollo17_17a", "apollo17", TAYLOR1991_HE_PPM_HIGH_TI_MARE),
        ("apollo16", "apollo16", TAYLOR1991_HE_PPM_HIGHLAND),
    ],
)
def test_he03_fluence_model_at_landing_sites(
    site: str, apollo: str, bounds: tuple[float, float]
) -> None:
    # HE-03 (Taylor 1991) ranges, now at each site's TiO2 (Table 7.15) AND its latitude
    # (Davies & Colvin 2000): the anchors were re-based per unit fluence, so the sites must
    # still land inside Taylor's ranges. No tolerance: the ranges are the bound.
    f = fluence_factor(APOLLO_SITE_LAT_DEG[apollo])
    ours = float(johnson1999_fluence_he_ppm(SOURCEBOOK_T7_15_TIO2_WT_PCT[site], fluence=f))
    ours_vs_theirs(f"{FLUENCE} total He at {site} [ppm]", ours, f"{bounds[0]:g}-{bounds[1]:g}")
    assert bounds[0] <= ours <= bounds[1]


def test_he05_fluence_model_tranquillitatis_and_highlands(grs: xr.Dataset) -> None:
    # HE-05 (Kaydash et al. 1999): nearside maxima 16-20 ppb, highlands 1-5 ppb. At 8 N the
    # fluence factor is 0.99, so Tranquillitatis keeps the taylor1991_tio2 bias (~45 % low; the
    # same factor-2.5 bound and reasons as test_he05_mare_tranquillitatis). Highlands: the
    # fluence term drives high-latitude highlands below 1 ppb (all-latitude 5 % quantile
    # ~0.4 ppb). On |lat| <= 60 deg highland bins (the nearside map's reach) the median
    # (~1.3 ppb) and 95 % quantile sit inside 1-5 ppb but the 5 % quantile is ~0.75 ppb, 25 %
    # BELOW the published low end: cos(lat)/F_anchor falls to 0.51 at 60 deg. That lower bound
    # is therefore the model's own: taylor1991_tio2's highland 5 % quantile (>= 1 ppb, tested
    # above) x 0.5, not the published figure.
    grade = grs_he3_ppb(grs, Resources(he3_model=FLUENCE))
    cells = [containing_cell(grs, 8.0, lon) for lon in (22.5, 27.5)]
    tranq = float(grade[cells].mean())
    feo, lat = grs["FeO_wt_pct"].values, grs["lat"].values
    near_hl = grade[(feo < 8.0) & (np.abs(lat) <= 60.0)]
    p05, p50, p95 = np.percentile(near_hl, [5, 50, 95])
    all_p05 = np.percentile(grade[feo < 8.0], 5)
    note = f"ours/16 {tranq / 16:.2f}"
    ours_vs_theirs("fluence He-3 Tranquillitatis [ppb]", tranq, "16-20", note)
    ours_vs_theirs(
        "fluence He-3 highlands |lat|<=60 median [ppb]",
        p50,
        "1-5",
        f"(5-95 %: {p05:.2f}-{p95:.2f}; all latitudes p05 {all_p05:.2f})",
    )
    assert 16.0 / 2.5 <= tranq <= 20.0
    assert 1.0 <= p50 <= 5.0 and p95 <= 5.0
    assert p05 >= 0.5


def test_he02_fluence_model_farside_maria_not_reproduced(grs: xr.Dataset) -> None:
    # HE-02 (Johnson et al. 1999): farside maria are richest "due to greater solar wind fluence
    # received". That excess comes from the Earth's magnetotail shielding the nearside around
    # full Moon, which our cos(lat) fluence leaves out, so at equal TiO2 and latitude a farside
    # bin gets exactly the nearside grade: the documented deviation is a farside/nearside
    # ratio of 1.000 where Johnson et al. have > 1. What we do reproduce: high-Ti mare >
    # highlands.
    fluence = grs_fluence(grs)
    near = containing_cell(grs, 2.5, 22.5)
    far = containing_cell(grs, 2.5, 202.5)
    at_near, at_far = (
        he3_ppb(5.0, model=FLUENCE, fluence=fluence[i]) for i in (near, far)
    )  # equal TiO2
    ours_vs_theirs("far/near He-3 at equal TiO2, 2.5 N", at_far / at_near, "> 1 (HE-02)")
    assert_allclose(at_far, at_near, rtol=1e-12)
    grade = grs_he3_ppb(grs, Resources(he3_model=FLUENCE))
    tio2 = grs["TiO2_wt_pct"].values
    feo = grs["FeO_wt_pct"].values
    assert grade[(feo >= 14.0) & (tio2 >= 5.0)].min() > grade[feo < 8.0].max()


def test_he10_fluence_model_tranquillitatis_in_top_decile(grs: xr.Dataset) -> None:
    # HE-10 (PSS 177:104686): NW Mare Tranquillitatis among the He-3-richest sites.
    grade = grs_he3_ppb(grs, Resources(he3_model=FLUENCE))
    top = np.percentile(grade, 90)
    nw = grade[containing_cell(grs, 10.0, 22.5)]
    ours_vs_theirs("fluence NW Tranquillitatis vs top decile [ppb]", nw, f">= {top:.2f}")
    assert nw >= top


def test_inv03_06_fluence_model_global_band(fluence_inventories: dict[str, Inventory]) -> None:
    # INV-03..06 as for taylor1991_tio2. The cos(lat) fluence lowers the Moon's p50 to
    # ~0.92e6 t (area-mean cos(lat) = pi/4 over an anchor fluence of ~0.98): inside the
    # published 2.2e5 .. 1.1e6 t span, ~8 % below Wittenberg et al.'s ~1e6 t.
    inv = fluence_inventories["moon"]
    ours_vs_theirs(
        "fluence Moon He-3 [t]",
        inv.he3_tonnes_p50,
        "2.2e5 .. 1.1e6",
        f"(p05-p95 {inv.he3_tonnes_p05:.3g}-{inv.he3_tonnes_p95:.3g})",
    )
    assert 2.2e5 <= inv.he3_tonnes_p50 <= 1.1e6
    assert inv.he3_tonnes_p05 <= 1.0e6 <= inv.he3_tonnes_p95


def test_inv01_fluence_model_global_and_nearside_share(
    fluence_inventories: dict[str, Inventory],
) -> None:
    # INV-01 (Fa & Jin, CE-1): 6.6e8 kg, 56 % nearside. Factor-2 and +-5 point tolerances as
    # above. Ours has no magnetotail term, which in Johnson et al.'s map favours the farside,
    # so our nearside share (~0.59) sits above theirs.
    moon = fluence_inventories["moon"]
    share = fluence_inventories["nearside"].he3_tonnes_nominal / moon.he3_tonnes_nominal
    ours_vs_theirs("fluence Moon He-3 p50 [kg]", moon.he3_tonnes_p50 * 1e3, "6.6e8")
    ours_vs_theirs("fluence nearside share", share, "0.56")
    assert 6.6e8 / 2 <= moon.he3_tonnes_p50 * 1e3 <= 6.6e8 * 2
    assert abs(share - 3.7 / 6.6) <= 0.05


def test_he07_polar_cap_has_no_psr_term(fluence_inventories: dict[str, Inventory]) -> None:
    # HE-07 (Cocks 2010, doi:10.1016/j.icarus.2009.12.032): PSRs may hold >= 50 ppb. Neither
    # model has a cold-trap term; the fluence model puts the cap south of 80 S near 0.16 ppb,
    # ~300x below Cocks' figure. Printed and bounded only to show the deviation's direction.
    grade = fluence_inventories["south-pole"].he3_grade_ppb
    ours_vs_theirs("fluence south-cap He-3 grade [ppb]", grade, ">= 50 in PSRs (HE-07)")
    assert grade < 50.0
