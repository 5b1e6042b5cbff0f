"""Resources stage vs published figures (shared/reference/validation-figures.md ss 1-3, 5, 8, 9).

Only rows marked `confirmed (seen)` are tested with a bound; `seen, secondary` rows give loose
bounds only and say so. Every test prints an "ours vs theirs" line (run ``pytest -s`` to see it).
Where our number misses the published one, the test keeps the honest bound and says by how much
and why, rather than tuning the model.

Each test is named after the source it reproduces (first author + year, as the row of
validation-figures.md gives it) and its row ID (HE-xx, INV-xx, KR-xx, MIN-xx, ISO-xx), and cites
the source (DOI, NTRS or URL; the plain citation where none is known) at the test. Guards that
only compare our constants with the tables they were copied from (Wisconsin volatile total, the
15386 REE pattern) live in tests/resources/test_guards.py.
"""

from __future__ import annotations

import numpy as np
import pytest
import xarray as xr
from numpy.testing import assert_allclose

from lunarbase.resources.fluence import (
    APOLLO_SITE_LAT_DEG,
    APOLLO_SITE_LON_DEG,
    MAGNETOTAIL_CROSSING_DAYS,
    MAGNETOTAIL_CROSSING_DAYS_LONG,
    anchor_fluences,
    bin_fluence_factor,
    fluence_factor,
)
from lunarbase.resources.grades import (
    SOURCEBOOK_T7_15_TIO2_WT_PCT,
    TAYLOR1991_HE_PPM_HIGH_TI_MARE,
    TAYLOR1991_HE_PPM_HIGHLAND,
    grs_fluence,
    grs_he3_ppb,
    he3_ppb,
    he3_ppb_from_he_ppm,
    johnson1999_fluence_he_ppm,
    taylor1991_tio2_he_ppm,
)
from lunarbase.resources.grains import (
    M3_FINES_CUT_UM,
    fines_fractions,
    median_for_mass_fraction,
)
from lunarbase.resources.inventory import Inventory, he3_inventories
from lunarbase.resources.kreep import kreep_fraction
from lunarbase.resources.regions import containing_cell, region_weights
from lunarbase.resources.regolith import gas_thickness_m, regolith_thickness_m
from lunarbase.resources.volatiles import WISCONSIN_HE4_KG_PER_KG_HE3, he4_kg_per_kg_he3
from lunarbase.scenario import Resources
from tests.validation.published import record

SEED = 20350101


def ours_vs_theirs(what: str, ours: float, theirs: str, note: str = "") -> None:
    record("", what, f"{ours:.4g}", theirs, note.strip("()"))


def named_inventories(grs: xr.Dataset, cfg: Resources) -> dict[str, Inventory]:
    """Inventories (``cfg``'s draws) of the Moon, its two sides and the south cap."""
    names = ("moon", "nearside", "farside", "south-pole")
    invs = he3_inventories(grs, cfg, [region_weights(grs, n) for n in names], seed=SEED)
    return dict(zip(names, invs, strict=True))


def check_published_global_band(what: str, inv: Inventory) -> None:
    """INV-03..06: the published ~1.0-1.1e6 t lies inside our 5-95 % band and our p05 clears
    the maria-only 2.2e5 t (Taylor 1991)."""
    ours_vs_theirs(
        what,
        inv.he3_tonnes_p50,
        "2.2e5 .. 1.1e6",
        f"(p05-p95 {inv.he3_tonnes_p05:.3g}-{inv.he3_tonnes_p95:.3g}; "
        f"p50/1.1e6 = {inv.he3_tonnes_p50 / 1.1e6:.2f})",
    )
    assert inv.he3_tonnes_p05 >= 2.2e5
    assert inv.he3_tonnes_p05 <= 1.0e6
    assert inv.he3_tonnes_p95 >= 1.1e6


@pytest.fixture(scope="module")
def inventories(grs: xr.Dataset) -> dict[str, Inventory]:
    """Default-scenario inventories (2000 draws) of the Moon, its two sides and the south cap."""
    return named_inventories(grs, Resources())


# --- Section 3: isotopes -------------------------------------------------------------------


def test_buhler1971_iso03_geiss2004_iso01_conversion_note() -> None:
    """Conversion note of validation-figures.md s3: 28 ppm 4He -> 7.8 ppb He-3 at R = 2700 (ISO-03,
    Bühler et al. 1971, EPSL 10:297-306; no DOI known) and 9.0 ppb at R = 2350 (ISO-01, Apollo
    SWC, usually cited as Geiss et al. 2004, Space Sci. Rev. 110:307-335; attribution
    unconfirmed, no DOI known)."""
    # validation-figures.md s3 "Conversion note (derived)": 28 ppm 4He -> 7.8 ppb He-3 at
    # R = 2700 (Buhler et al. 1971, EPSL 10:297) and 9.0 ppb at R = 2350 (Apollo SWC, ISO-01).
    # Tolerance: the note rounds to two significant figures (+-0.05 ppb).
    ours = he3_ppb_from_he_ppm(28.0, he4_he3_atom_ratio=np.array([2700.0, 2350.0]))
    ours_vs_theirs("28 ppm He -> He-3 [ppb], R=2700/2350", ours[0], "7.8 / 9.0")
    assert_allclose(ours, [7.8, 9.0], atol=0.05)


def test_schmitt_wisconsin_he4_per_he3_at_geiss2004_iso01_swc_ratio() -> None:
    """Wisconsin He-4 "one part He-3 in 3,100 by mass" (Lunarpedia "Volatiles",
    lunarpedia.org/w/Volatiles, after H. H. Schmitt, UW; secondary, no year or DOI) vs our He-4
    at the Apollo SWC ratio (ISO-01, Geiss et al. 2004, attribution unconfirmed)."""
    # Wisconsin "He-4: one part He-3 in 3,100 by mass" is `seen, secondary` (Lunarpedia
    # "Volatiles" after H. H. Schmitt, UW) -> loose bound. Our He-4 follows exactly from the atom
    # ratio; at the Apollo SWC ratio 2350 +- 120 (2 sigma; ISO-01, Geiss et al. 2004) it must
    # land within that ratio's own 5 % (120/2350) of 3100.
    ours = float(he4_kg_per_kg_he3(2350.0))
    ours_vs_theirs("He-4 per He-3 [kg/kg] at R=2350", ours, "3100 (Wisconsin, secondary)")
    assert_allclose(ours, WISCONSIN_HE4_KG_PER_KG_HE3, rtol=120.0 / 2350.0)


# --- Section 1: He-3 grades ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("site", "bounds"),
    [
        ("apollo11", TAYLOR1991_HE_PPM_HIGH_TI_MARE),
        ("apollo17_17a", TAYLOR1991_HE_PPM_HIGH_TI_MARE),
        ("apollo16", TAYLOR1991_HE_PPM_HIGHLAND),
    ],
)
def test_taylor1991_he03_ranges_at_landing_sites(site: str, bounds: tuple[float, float]) -> None:
    """HE-03: Taylor (1991) Helium abundances on the Moon, NTRS 19910016782 (no DOI), at the
    TiO2 of Lunar Sourcebook Table 7.15 (Heiken, Vaniman & French, eds., 1991, Cambridge Univ.
    Press; USGS Lunar Consortium tab7_15.asc)."""
    # HE-03, Taylor (1991) NTRS 19910016782: high-Ti mare 15-50 ppm He, highlands 3-9 ppm; TiO2
    # of each site from Lunar Sourcebook Table 7.15 (s5, confirmed seen). Bounds are the ranges.
    ours = float(taylor1991_tio2_he_ppm(SOURCEBOOK_T7_15_TIO2_WT_PCT[site]))
    ours_vs_theirs(f"total He at {site} [ppm]", ours, f"{bounds[0]:g}-{bounds[1]:g}")
    assert bounds[0] <= ours <= bounds[1]


def test_kaydash1999_he05_mare_tranquillitatis(grs: xr.Dataset) -> None:
    """HE-05: Kaydash, Shkuratov & Starukhina (1999) DPS abstract 18.06, BAAS 31(4) (no DOI
    known): nearside He-3 maxima 16-20 ppb."""
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


def test_kaydash1999_he05_highlands_a_few_ppb(grs: xr.Dataset) -> None:
    """HE-05: Kaydash, Shkuratov & Starukhina (1999) DPS abstract 18.06, BAAS 31(4) (no DOI
    known): highlands 1-5 ppb He-3."""
    # HE-05 (Kaydash et al. 1999): highlands 1-5 ppb He-3. Highland bins = FeO < 8 wt%
    # (highland soils 4-6 wt% FeO, Lunar Sourcebook Table 7.15). The 5-95 % range of our
    # highland grades must sit inside 1-5 ppb (no tolerance: the published range is wide).
    feo = grs["FeO_wt_pct"].values
    grade = he3_ppb(grs["TiO2_wt_pct"].values[feo < 8.0])
    p05, p50, p95 = np.percentile(grade, [5, 50, 95])
    ours_vs_theirs("He-3 highlands median [ppb]", p50, "1-5", f"(5-95 %: {p05:.2f}-{p95:.2f})")
    assert p05 >= 1.0
    assert p95 <= 5.0


def test_bobin2023_he08_sample_average(grs: xr.Dataset) -> None:
    """HE-08: Bobin & Bobin (2023) The scientific basis for lunar helium-3 production, ROOM Space
    Journal (no DOI known), room.eu.com/article/the-scientific-basis-for-lunar-helium-3-production:
    Luna + Apollo sample average 10.0 ppb He-3."""
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


def test_johnson1999_he02_high_ti_mare_above_highlands(grs: xr.Dataset) -> None:
    """HE-02: Johnson, Swindle & Lucey (1999) GRL 26(3):385-388, doi:10.1029/1998GL900305."""
    # HE-02, Johnson, Swindle & Lucey (1999) GRL 26:385, doi:10.1029/1998GL900305 (qualitative):
    # high-Ti mare > highlands. (Their farside-mare > nearside-mare ranking needs a fluence term
    # that taylor1991_tio2 does not have; tested for johnson1999_fluence below.)
    tio2, feo = grs["TiO2_wt_pct"].values, grs["FeO_wt_pct"].values
    grade = he3_ppb(tio2)
    high_ti = grade[(feo >= 14.0) & (tio2 >= 5.0)]
    highland = grade[feo < 8.0]
    ours_vs_theirs("He-3 high-Ti mare min / highland max [ppb]", high_ti.min(), "> highlands")
    assert high_ti.min() > highland.max()


def test_kim2019_he10_tranquillitatis_in_top_decile(grs: xr.Dataset) -> None:
    """HE-10: Prospective 3He-rich landing sites on the Moon, PSS 177:104686 (2019),
    doi:10.1016/j.pss.2019.07.001 (usually cited as Kim, K.J. et al. 2019; authors unconfirmed)."""
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


def test_fa_jin2010_inv01_global_inventory(inventories: dict[str, Inventory]) -> None:
    """INV-01: Fa & Jin, CE-1 microwave inventory, cited as Fa & Jin 2010a,b in Jin (2013),
    doi:10.1007/978-3-642-27969-0_4 (no DOI known for the Fa & Jin paper itself): 6.6e8 kg."""
    # INV-01, Fa & Jin (CE-1 microwave regolith thickness; cited as Fa & Jin 2010 in Jin 2013,
    # doi:10.1007/978-3-642-27969-0_4): 6.6e8 kg. Tolerance: factor 2, the reference's own
    # suggestion for a map x thickness x density integral built from different thickness maps.
    ours_kg = inventories["moon"].he3_tonnes_p50 * 1e3
    ours_vs_theirs("Moon He-3 p50 [kg]", ours_kg, "6.6e8 (INV-01)", f"ratio {ours_kg / 6.6e8:.2f}")
    assert 6.6e8 / 2 <= ours_kg <= 6.6e8 * 2


def test_kulcinski1992_wittenberg1992_inv03_06_global_inventory_band(
    inventories: dict[str, Inventory],
) -> None:
    """INV-03..06: Kulcinski et al. (1988, secondary; nuenergy.org/he3-intro.htm) 1.1e6 t;
    Kulcinski & Schmitt (1992) Fusion Technol. 21(4):2221-2229, doi:10.13182/FST92-A29717, 1e9 kg;
    Wittenberg et al. (1992) Fusion Technol. 21(4):2230-2253 (no DOI known), ~1e6 t; Taylor
    (1991) NTRS 19910016782, maria-only 2.2e5 t (lower)."""
    # INV-03..06: Taylor (1991) maria-only 2.2e5 t (lower), Wittenberg et al. (1992) Fusion Tech.
    # 21:2230 ~1e6 t, Kulcinski & Schmitt (1992) doi:10.13182/FST92-A29717 1e9 kg, Kulcinski et
    # al. (1988, secondary) 1.1e6 t. With the gas uniform to the regolith base our p50 was
    # 1.16e6 t, 5 % above the 1.1e6 t top; with the gardened-layer depth profile
    # (regolith.he3_depth_profile: surface grade in the top 3 m, half of it below, both drawn
    # over their assumed ranges) it is ~7.7e5 t, inside the span (issue 22's judged figure,
    # no constant set to reach it). The published ~1.0-1.1e6 t also sits inside our 5-95 %
    # band and our p05 clears the maria-only lower figure.
    moon = inventories["moon"]
    check_published_global_band("Moon He-3 [t]", moon)
    assert 2.0e5 <= moon.he3_tonnes_p50 <= 1.1e6
    assert moon.he3_tonnes_p05 <= moon.he3_tonnes_p50 <= moon.he3_tonnes_p95


def test_inventory_sensitivity_to_the_gas_depth_profile(inventories: dict[str, Inventory]) -> None:
    """The inventory's sensitivity to the depth profile (Kirsten et al. 1970; Heymann et al.
    1972; Costello et al. 2021 -- regolith.he3_depth_profile): the nominal inventory with the
    profile at its least gas (2 m gardened layer, nothing below) and at its most (5 m, surface
    grade to the regolith base, the former uniform model) brackets the nominal and spans the
    published 2.2e5-1.1e6 t almost end to end: the profile is the largest single uncertainty
    of the inventory, which is why it is drawn in the Monte Carlo."""
    moon = inventories["moon"]
    low, high = moon.he3_tonnes_profile_low, moon.he3_tonnes_profile_high
    ours_vs_theirs(
        "Moon He-3, least/most-gas profile [t]",
        moon.he3_tonnes_nominal,
        "2.2e5 .. 1.1e6",
        f"(profile range {low:.3g}-{high:.3g})",
    )
    assert low < moon.he3_tonnes_nominal < high
    assert high / low > 3.0


def test_taylor1991_inv06_maria_only_outer_2m(grs: xr.Dataset) -> None:
    """INV-06: Taylor (1991) NTRS 19910016782 (no DOI): maria, outer 2 m, 220,000 t."""
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


def test_fa_jin2010_inv01_nearside_share(inventories: dict[str, Inventory]) -> None:
    """INV-01: Fa & Jin (CE-1; cited as Fa & Jin 2010 in Jin 2013, doi:10.1007/978-3-642-27969-0_4):
    3.7e8 of 6.6e8 kg on the nearside."""
    # INV-01: 3.7e8 kg nearside of 6.6e8 kg -> 56 %. Tolerance +-5 percentage points: CE-1 used
    # microwave-derived thickness, we use a two-class FeO thickness; the share is what the two
    # methods should agree on best.
    share = inventories["nearside"].he3_tonnes_nominal / inventories["moon"].he3_tonnes_nominal
    ours_vs_theirs("nearside share of He-3", share, "0.56 (3.7/6.6)")
    assert abs(share - 3.7 / 6.6) <= 0.05


# --- Section 8: KREEP, REE, Th -------------------------------------------------------------


def test_jolliff2000_lawrence2000_kr07_lp_thorium_peak(grs: xr.Dataset) -> None:
    """KR-07/KR-08: LP Th peak ~10 ppm in the PKT (Jolliff et al. 2000, JGR 105:4197-4216,
    doi:10.1029/1999JE001103; the ~10 ppm is the brief's/MANIFEST's figure); tolerance from
    KR-07 (usually Lawrence et al. 2000, JGR; attribution unconfirmed, no DOI known)."""
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


def test_remotesens2023_kr05_pkt_holds_the_thorium(grs: xr.Dataset) -> None:
    """KR-05: Remote Sens. 15(7):1861 (2023), doi:10.3390/rs15071861 (authors not shown on the
    page seen): the PKT, 16 % of the surface, holds ~40 % of the radioactive elements."""
    # KR-05, Remote Sens. 15(7):1861 (2023), doi:10.3390/rs15071861: the PKT, 16 % of the
    # surface, holds ~40 % of the radioactive elements. The 16 % of the surface with the highest
    # LP Th is by construction the richest 16 %, so its share of the Th must be >= 40 %.
    th, area = grs["Th_ppm"].values, grs["area_m2"].values
    order = np.argsort(-th)
    top = order[: int(np.searchsorted(np.cumsum(area[order]) / area.sum(), 0.16)) + 1]
    share = float((th[top] * area[top]).sum() / (th * area).sum())
    ours_vs_theirs("Th share of the top-Th 16 % of the surface", share, ">= 0.40 (PKT ~40 %)")
    assert share >= 0.40


# --- The second model, johnson1999_fluence (cos-latitude x magnetotail fluence x TiO2 line) ----

FLUENCE = "johnson1999_fluence"


@pytest.fixture(scope="module")
def fluence_inventories(grs: xr.Dataset) -> dict[str, Inventory]:
    return named_inventories(grs, Resources(he3_model=FLUENCE))


@pytest.mark.parametrize(
    ("site", "apollo", "bounds"),
    [
        ("apollo11", "apollo11", TAYLOR1991_HE_PPM_HIGH_TI_MARE),
        ("apollo17_17a", "apollo17", TAYLOR1991_HE_PPM_HIGH_TI_MARE),
        ("apollo16", "apollo16", TAYLOR1991_HE_PPM_HIGHLAND),
    ],
)
def test_taylor1991_he03_fluence_model_at_landing_sites(
    site: str, apollo: str, bounds: tuple[float, float]
) -> None:
    """HE-03: Taylor (1991) NTRS 19910016782 (no DOI), for the johnson1999_fluence model."""
    # HE-03 (Taylor 1991) ranges, now at each site's TiO2 (Table 7.15) AND its latitude and
    # longitude (Davies & Colvin 2000): the anchors were re-based per unit fluence (magnetotail
    # included), so the sites must still land inside Taylor's ranges. No tolerance: the ranges
    # are the bound.
    f = fluence_factor(APOLLO_SITE_LAT_DEG[apollo], APOLLO_SITE_LON_DEG[apollo])
    ours = float(johnson1999_fluence_he_ppm(SOURCEBOOK_T7_15_TIO2_WT_PCT[site], fluence=f))
    ours_vs_theirs(f"{FLUENCE} total He at {site} [ppm]", ours, f"{bounds[0]:g}-{bounds[1]:g}")
    assert bounds[0] <= ours <= bounds[1]


def test_kaydash1999_he05_fluence_model_tranquillitatis_and_highlands(grs: xr.Dataset) -> None:
    """HE-05: Kaydash, Shkuratov & Starukhina (1999) DPS 18.06, BAAS 31(4) (no DOI known)."""
    # HE-05 (Kaydash et al. 1999): nearside maxima 16-20 ppb, highlands 1-5 ppb. Tranquillitatis
    # (8 N, 20-30 E) sits next to the Apollo 11 anchor in latitude and longitude, so it keeps the
    # taylor1991_tio2 bias (~44 % low; same factor-2.5 bound and reasons as
    # test_kaydash1999_he05_mare_tranquillitatis). Highlands on |lat| <= 60 deg (the nearside
    # map's reach):
    # 5-95 % 1.1-2.9 ppb, inside 1-5 ppb -- the magnetotail term lifts farside highlands by up to
    # 1/F_anchor = 1.7x, which offsets the cos(lat) loss that put the cos-only model's 5 %
    # quantile 25 % below 1 ppb. All latitudes still reach below 1 ppb near the poles (printed).
    # Not asserted but printed: farside equatorial highlands reach ~14 ppm total He, above
    # Taylor's 3-9 ppm highland range (HE-03), which was built from nearside samples.
    grade = grs_he3_ppb(grs, he3_model=FLUENCE, he4_he3_atom_ratio=Resources().he4_he3_atom_ratio)
    cells = [containing_cell(grs, 8.0, lon) for lon in (22.5, 27.5)]
    tranq = float(grade[cells].mean())
    feo, lat = grs["FeO_wt_pct"].values, grs["lat"].values
    near_hl = grade[(feo < 8.0) & (np.abs(lat) <= 60.0)]
    p05, p50, p95 = np.percentile(near_hl, [5, 50, 95])
    all_p05 = np.percentile(grade[feo < 8.0], 5)
    he_hl = johnson1999_fluence_he_ppm(grs["TiO2_wt_pct"].values, fluence=grs_fluence(grs))
    note = f"ours/16 {tranq / 16:.2f}"
    ours_vs_theirs("fluence He-3 Tranquillitatis [ppb]", tranq, "16-20", note)
    ours_vs_theirs(
        "fluence He-3 highlands |lat|<=60 median [ppb]",
        p50,
        "1-5",
        f"(5-95 %: {p05:.2f}-{p95:.2f}; all latitudes p05 {all_p05:.2f})",
    )
    ours_vs_theirs("fluence highland total He max [ppm]", he_hl[feo < 8.0].max(), "3-9 (HE-03)")
    assert 16.0 / 2.5 <= tranq <= 20.0
    assert p05 >= 1.0 and p95 <= 5.0


def test_johnson1999_he02_fluence_model_farside_richer_at_equal_tio2(grs: xr.Dataset) -> None:
    """HE-02: Johnson, Swindle & Lucey (1999) GRL 26(3):385-388, doi:10.1029/1998GL900305."""
    # HE-02 (Johnson et al. 1999): farside maria are richest "due to greater solar wind fluence
    # received" -- the Earth's magnetotail shields the nearside around full Moon. At equal TiO2
    # and latitude a farside bin must now beat its nearside twin (before the magnetotail term:
    # ratio exactly 1.000, the documented deviation). Johnson et al. give no number (qualitative
    # row), so only the direction is asserted; the ratio is printed for the default 4.1-day
    # crossing (Hurley & Farrell 2013) and the 6-day one (NASA 2008). The 5-degree LP map has no
    # farside bin with mare FeO (>= 14 wt%): the farside maria are smaller than a bin, so their
    # ranking above the nearside maria cannot be tested on the map itself.
    near = containing_cell(grs, 5.0, 22.5)
    far = containing_cell(grs, 5.0, 202.5)
    assert grs["lat"].values[near] == grs["lat"].values[far]
    edges = ("lat_min", "lat_max", "lon_min", "lon_max")
    ratios = {}
    for days in (MAGNETOTAIL_CROSSING_DAYS, MAGNETOTAIL_CROSSING_DAYS_LONG, 0.0):
        f = [
            bin_fluence_factor(*(grs[e].values[i] for e in edges), crossing_days=days)
            for i in (near, far)
        ]
        at_near, at_far = (he3_ppb(5.0, model=FLUENCE, fluence=fi) for fi in f)  # equal TiO2
        ratios[days] = float(at_far / at_near)
    ours_vs_theirs(
        "far/near He-3 at equal TiO2, 5 N (202.5 vs 22.5 E)",
        ratios[MAGNETOTAIL_CROSSING_DAYS],
        "> 1 (HE-02)",
        f"(6-day tail: {ratios[MAGNETOTAIL_CROSSING_DAYS_LONG]:.3f}; no tail: {ratios[0.0]:.3f})",
    )
    assert ratios[MAGNETOTAIL_CROSSING_DAYS] > 1.0
    assert ratios[MAGNETOTAIL_CROSSING_DAYS_LONG] > ratios[MAGNETOTAIL_CROSSING_DAYS]
    assert_allclose(ratios[0.0], 1.0, rtol=1e-12)
    # and high-Ti mare > highlands still holds over the whole map
    grade = grs_he3_ppb(grs, he3_model=FLUENCE, he4_he3_atom_ratio=Resources().he4_he3_atom_ratio)
    tio2 = grs["TiO2_wt_pct"].values
    feo = grs["FeO_wt_pct"].values
    assert grade[(feo >= 14.0) & (tio2 >= 5.0)].min() > grade[feo < 8.0].max()


def test_kim2019_he10_fluence_model_tranquillitatis_in_top_decile(grs: xr.Dataset) -> None:
    """HE-10: PSS 177:104686 (2019), doi:10.1016/j.pss.2019.07.001 (usually Kim et al. 2019)."""
    # HE-10 (PSS 177:104686): NW Mare Tranquillitatis among the He-3-richest sites.
    grade = grs_he3_ppb(grs, he3_model=FLUENCE, he4_he3_atom_ratio=Resources().he4_he3_atom_ratio)
    top = np.percentile(grade, 90)
    nw = grade[containing_cell(grs, 10.0, 22.5)]
    ours_vs_theirs("fluence NW Tranquillitatis vs top decile [ppb]", nw, f">= {top:.2f}")
    assert nw >= top


def test_kulcinski1992_wittenberg1992_inv03_06_fluence_model_global_band(
    fluence_inventories: dict[str, Inventory],
) -> None:
    """INV-03..06 (Kulcinski & Schmitt 1992, doi:10.13182/FST92-A29717; Wittenberg et al. 1992,
    Fusion Technol. 21(4):2230; Kulcinski et al. 1988; Taylor 1991, NTRS 19910016782)."""
    # INV-03..06 as for taylor1991_tio2. The magnetotail term lifts the Moon's p50 (figures
    # here with the gas uniform to the regolith base; the gardened-layer profile takes ~30 %
    # off them, to ~8.8e5 t) from ~0.92e6 t (cos(lat) alone) to ~1.29e6 t: the
    # anchors sit on the shielded nearside (F ~ 0.59), so per unit fluence the TiO2 line is
    # ~1.7x Taylor's, while the Moon's area-mean fluence is pi/4 x (1 - 25/180) = 0.68. As for
    # taylor1991_tio2, the honest check is that the published ~1.0-1.1e6 t lies inside our
    # 5-95 % band and that our p05 clears the maria-only 2.2e5 t.
    check_published_global_band("fluence Moon He-3 [t]", fluence_inventories["moon"])


def _nominal_nearside_share(grs: xr.Dataset, crossing_days: float) -> float:
    """Nearside share of the fluence model's nominal He-3 for a given magnetotail crossing, with
    anchors and bin fluence both at that crossing."""
    cfg = Resources(he3_model=FLUENCE)
    edges = (grs[e].values for e in ("lat_min", "lat_max", "lon_min", "lon_max"))
    f = bin_fluence_factor(*edges, crossing_days=crossing_days)
    mare, highland = anchor_fluences(crossing_days)
    he = johnson1999_fluence_he_ppm(
        grs["TiO2_wt_pct"].values,
        fluence=f,
        anchor_fluence_mare=mare,
        anchor_fluence_highland=highland,
    )
    thickness = gas_thickness_m(regolith_thickness_m(grs["FeO_wt_pct"].values, cfg), None)
    he3_kg = he3_ppb_from_he_ppm(he) * grs["area_m2"].values * thickness  # density cancels
    near = region_weights(grs, "nearside")[1]
    return float((he3_kg * near).sum() / he3_kg.sum())


def test_fa_jin2010_inv01_fluence_model_global_and_nearside_share(
    grs: xr.Dataset, fluence_inventories: dict[str, Inventory]
) -> None:
    """INV-01: Fa & Jin (CE-1; cited as Fa & Jin 2010 in Jin 2013,
    doi:10.1007/978-3-642-27969-0_4)."""
    # INV-01 (Fa & Jin, CE-1): 6.6e8 kg, 56 % nearside. Global: factor 2 as above; ours ~8.8e8
    # kg (gardened-layer profile; 1.29e9 with the gas uniform to the regolith base) is 1.33x.
    # Nearside share: ours ~0.52, 4 points BELOW 0.56 (0.50 with the uniform profile, whose
    # thick highland regolith weighs the farside more); without the magnetotail the same model
    # gives ~0.61 (5 points above). Fa & Jin's flux term is not published in a form we
    # could read, so the honest check is that their 0.56 lies between our shares with and
    # without magnetotail shielding (a bracket that fails if the tail term had the wrong sign
    # or no effect); the miss of each side is printed.
    moon = fluence_inventories["moon"]
    share = fluence_inventories["nearside"].he3_tonnes_nominal / moon.he3_tonnes_nominal
    share_no_tail = _nominal_nearside_share(grs, 0.0)
    assert_allclose(_nominal_nearside_share(grs, MAGNETOTAIL_CROSSING_DAYS), share, rtol=1e-9)
    ours_vs_theirs(
        "fluence Moon He-3 p50 [kg]",
        moon.he3_tonnes_p50 * 1e3,
        "6.6e8",
        f"ratio {moon.he3_tonnes_p50 * 1e3 / 6.6e8:.2f}",
    )
    ours_vs_theirs(
        "fluence nearside share",
        share,
        "0.56 (3.7/6.6)",
        f"(ours - theirs {share - 3.7 / 6.6:+.3f}; without the tail {share_no_tail:.3f})",
    )
    assert 6.6e8 / 2 <= moon.he3_tonnes_p50 * 1e3 <= 6.6e8 * 2
    assert share < 3.7 / 6.6 < share_no_tail


def test_cocks2010_he07_polar_cap_has_no_psr_term(
    fluence_inventories: dict[str, Inventory],
) -> None:
    """HE-07: Cocks (2010) Icarus 206(2):778-779, doi:10.1016/j.icarus.2009.12.032."""
    # HE-07 (Cocks 2010, doi:10.1016/j.icarus.2009.12.032): PSRs may hold >= 50 ppb. Neither
    # model has a cold-trap term; the fluence model puts the cap south of 80 S near 0.25 ppb,
    # ~200x below Cocks' figure. Printed and bounded only to show the deviation's direction.
    grade = fluence_inventories["south-pole"].he3_grade_ppb
    ours_vs_theirs("fluence south-cap He-3 grade [ppb]", grade, ">= 50 in PSRs (HE-07)")
    assert grade < 50.0


# --- Section 9: He-3 in the < 100 um fines (grain-size model) vs the Wisconsin M-3 miner -------
# MIN-01/02, Olson (2021) NTRS 20210022801 (confirmed seen): 1258 t/h excavated, 556 t/h of
# < 100 um fines heated during lunar daytime (4383 h/yr), 66 kg/yr He-3 at 20 ppb.

M3_EXCAVATED_T_PER_H = 1258.0
M3_FINES_T_PER_H = 556.0
M3_DAYLIT_H_PER_YR = 4383.0
M3_GRADE_PPB = 20.0
M3_HE3_KG_PER_YR = 66.0


def test_olson2021_min02_fines_hold_enough_he3_for_66_kg() -> None:
    """MIN-02: Olson (2021) AIAA ASCEND, NTRS 20210022801: 66 kg/yr at 20 ppb."""
    # MIN-02's derived check: 66 kg is 60 % of the 110 kg of He-3 in all the excavated regolith
    # at 20 ppb, but the fines at the bulk grade hold only 48.7 kg -- so 66 kg needs He-3
    # concentrated in the fines. Our grain-size model (surface gas ~ 1/d on a log-normal, plus
    # the agglutinates' volume-correlated 26 %, grains.VOLUME_GAS_FRACTION) at M-3's own mass
    # split (44.2 % below 100 um -> median 125 um at our 2.18-phi sorting) puts ~79 % of the
    # He-3 in those fines (91 % with surface gas alone, the former upper bound): 1.8x the bulk
    # grade, 87 kg/yr held, so 66 kg needs a release of ~0.76 of it (the ops default 0.75 is
    # an unconfirmed assumption, REL-05). Asserted: our fines hold at least the 60 % that 66 kg
    # requires at 100 % release, at every agglutinate gas retention (0-1: volume share 0-0.52).
    # Not an M-3 number: Olson's record gives no enrichment, so the printed release is ours.
    bulk_kg = M3_EXCAVATED_T_PER_H * M3_DAYLIT_H_PER_YR * 1e3 * M3_GRADE_PPB * 1e-9
    needed = M3_HE3_KG_PER_YR / bulk_kg
    m3_mass = M3_FINES_T_PER_H / M3_EXCAVATED_T_PER_H
    sorting = Resources().grain_sorting_phi
    d50 = median_for_mass_fraction(M3_FINES_CUT_UM, m3_mass, sorting)
    mass, gas = (float(x) for x in fines_fractions(M3_FINES_CUT_UM, d50, sorting))
    held_kg = gas * bulk_kg
    ours_vs_theirs(
        "M-3 share of He-3 in < 100 um fines",
        gas,
        f">= {needed:.3f} (66 of {bulk_kg:.1f} kg/yr)",
        f"(fines grade {M3_GRADE_PPB * gas / mass:.1f} ppb vs bulk {M3_GRADE_PPB:g}; "
        f"held {held_kg:.1f} kg/yr; implied release {M3_HE3_KG_PER_YR / held_kg:.2f})",
    )
    assert_allclose(mass, m3_mass, rtol=1e-9)
    assert gas >= needed
    _, most_volume_gas = fines_fractions(M3_FINES_CUT_UM, d50, sorting, volume_gas_fraction=0.52)
    assert most_volume_gas >= needed


def test_olson2021_min01_10084_is_finer_than_m3_excavated_regolith() -> None:
    """MIN-01: Olson (2021) AIAA ASCEND, NTRS 20210022801: 556 of 1258 t/h below 100 um."""
    # Our default grain size is Apollo 11 soil 10084 (< 1 mm sieved, mature): 67 % of it passes
    # 100 um, vs 44 % of M-3's excavated regolith (with its rock fragments). The default soil must
    # be the finer of the two; the gap (~23 points) is printed, not hidden: inventories' fines
    # fields describe < 1 mm soil, not run-of-mine regolith.
    cfg = Resources()
    mass, gas = fines_fractions(cfg.fines_cut_um, cfg.grain_median_um, cfg.grain_sorting_phi)
    m3_mass = M3_FINES_T_PER_H / M3_EXCAVATED_T_PER_H
    ours_vs_theirs(
        "mass fraction < 100 um",
        float(mass),
        f"{m3_mass:.3f} (M-3, 556/1258 t/h)",
        f"(ours - M-3 {float(mass) - m3_mass:+.3f}; He-3 share {float(gas):.3f})",
    )
    assert float(mass) > m3_mass
