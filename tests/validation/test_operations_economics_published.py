"""Published numbers the operations and economics stages reproduce.

Rows of /work/shared/reference/validation-figures.md, sections 9 and 10. Rows marked
``confirmed (seen)`` are tested tightly; ``seen, secondary`` rows only as loose bounds.

Each test is named after the source it reproduces (first author + year) and the row ID of
validation-figures.md (EN-xx, MIN-xx), and cites the source (DOI, NTRS or URL) at the test.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from lunarbase.constants import HOURS_PER_YEAR
from lunarbase.economics import fusion
from lunarbase.operations import (
    SiteLight,
    expected_he3_kg_per_year,
    miner_heater_power_kw_th,
    simulate,
    specific_heat_j_per_kg_k,
)
from lunarbase.resources import fines_enrichment, fines_fractions
from lunarbase.resources.grains import median_for_mass_fraction
from lunarbase.scenario import Operations, Resources
from tests.cli.helpers import invoke
from tests.operations.helpers import feed
from tests.validation.published import record

# --- EN-01: D + 3He -> 4He + p, 18.3-18.4 MeV; "493 MWh per 3 grams (one mole)" --------------
# Wikipedia "Helium-3" snapshot (seen, secondary, a physics constant); our Q comes from AME2020,
# Wang et al. (2021) Chinese Phys. C 45, 030003, doi:10.1088/1674-1137/abddaf.


def test_wang2021_ame2020_en01_q_value() -> None:
    """EN-01: Q of D + 3He -> 4He + p from AME2020 masses vs the published 18.3-18.4 MeV.

    Masses: Wang et al. (2021) Chinese Phys. C 45, 030003, doi:10.1088/1674-1137/abddaf.
    Published figure: Wikipedia "Helium-3" snapshot (seen, secondary; github
    chinapedia/wikipedia.abstract.en, Page/Helium-3.md).
    """
    q = fusion.q_value_mev()
    record("EN-01", "Q of D + 3He", f"{q:.4f} MeV", "18.3-18.4 MeV")
    assert 18.3 <= q <= 18.4


def test_wang2021_ame2020_en01_energy_per_mole_and_per_kg() -> None:
    """EN-01: "493 MWh per 3 grams (one mole)" and the derived 5.87e14 J/kg, from AME2020 Q.

    Masses: Wang et al. (2021) Chinese Phys. C 45, 030003, doi:10.1088/1674-1137/abddaf.
    Published figure: Wikipedia "Helium-3" snapshot (seen, secondary).
    """
    mwh_per_mol = fusion.fusion_energy_j_per_mol_he3() / fusion.J_PER_MWH
    j_per_kg = fusion.fusion_energy_j_per_kg_he3()
    record("EN-01", "fusion energy per mole of He-3", f"{mwh_per_mol:.1f} MWh", "493 MWh")
    record("EN-01", "fusion energy per kg of He-3", f"{j_per_kg:.4g} J", "5.87e14 J (derived)")
    # "493 MWh" corresponds to Q = 18.39 MeV; the quoted range 18.3-18.4 MeV spans +-0.3 %, so
    # 0.5 % covers the source's rounding of Q.
    assert mwh_per_mol == pytest.approx(493.0, rel=0.005)
    # 5.87e14 J/kg is given to 3 significant figures (+-0.1 %).
    assert j_per_kg == pytest.approx(5.87e14, rel=0.001)


# --- EN-02: 10 MW(e)-years per kg of He-3 ----------------------------------------------------
# Sviatoslavsky & Jacobs (1988), ASCE Space 88 (cedb.asce.org record 0057909), confirmed (seen).
# The table derives a 54 % net conversion (10 / 18.6); we feed that efficiency back in.


def test_sviatoslavsky1988_en02_ten_mwe_years_per_kg() -> None:
    """EN-02: Sviatoslavsky & Jacobs (1988), ASCE Space 88, cedb.asce.org record 0057909
    (no DOI known): 10 MW(e)-years per kg of He-3."""
    mwe_yr = fusion.electric_mwe_yr_per_kg(0.54)
    record("EN-02", "electricity per kg of He-3 at 54 %", f"{mwe_yr:.3f} MWe-yr", "10 MWe-yr")
    # 0.54 is 10 / 18.6 rounded to 2 figures (0.5376 -> +0.4 %), and "10" is one figure: 1 %
    assert mwe_yr == pytest.approx(10.0, rel=0.01)


# --- EN-03: 100 kg of He-3 "can produce > 1000 MW(e)" for a year ------------------------------
# Kulcinski & Schmitt (1992) Fusion Technol. 21(4):2221-2229, confirmed (seen). Consistent with
# EN-02, so the same 54 % efficiency is used.


def test_kulcinski1992_en03_hundred_kg_gigawatt_year() -> None:
    """EN-03: Kulcinski & Schmitt (1992) Fusion Technol. 21(4):2221-2229,
    doi:10.13182/FST92-A29717: 100 kg of He-3 "can produce > 1000 MW(e)"."""
    mwe = 100.0 * fusion.electric_mwe_yr_per_kg(0.54)
    record("EN-03", "power for a year from 100 kg of He-3", f"{mwe:.0f} MWe", "> 1000 MWe")
    assert mwe > 1000.0
    assert mwe == pytest.approx(1000.0, rel=0.05)  # "> 1000" is a round figure, not 2000


# --- MIN-01/02: Wisconsin M-3 miner, 66 kg/yr at 20 ppb -----------------------------------------
# Olson (2021) AIAA ASCEND, NTRS 20210022801, confirmed (seen): 1258 t/h excavated, 556 t/h of
# <100 um fines processed during lunar daytime (4383 h/yr); 66 kg/yr at 20 ppb.

M3_EXCAVATION_T_PER_H = 1258.0
M3_FINES_T_PER_H = 556.0
M3_DAYLIT_H_PER_YR = 4383.0
M3_GRADE_PPB = 20.0
M3_HE3_KG_PER_YR = 66.0


def _m3(concentrator_kw_th: float = 12_000.0) -> Operations:
    """The M-3 as published: its 12 MW solar concentrator by default; electric loads are not
    published, so a plant that never fails supplies more than the miner draws. The concentrator
    weighs nothing (its mass plays no part in the yield checked; a bigger one, heat never
    limiting, would weigh more than a lander lands)."""
    return Operations(
        years=1,
        n_miners=1,
        excavation_t_per_h=M3_EXCAVATION_T_PER_H,
        concentrator_areal_mass_kg_m2=0.0,
        miner_mtbf_h=1e7,  # the published rate ignores breakdowns
        miner_mttr_h=1.0,
        heat_source="solar_concentrator",
        concentrator_kw_th=concentrator_kw_th,
        reactor_power_kwe=250.0,
        reactor_availability=1.0,
        reactor_capacity_loss_per_year=0.0,
        base_load_kw=0.0,
        miner_power_kw=150.0,
        processing_power_kw=50.0,
        hopper_h=0.0,  # the M-3 heats its fines as it digs them
    )


DAYTIME = SiteLight(12.0, np.array([1.0, 0.0]), np.array([1.0, 0.0]), "flat", "2035-01-01T00:00")
"""Lunar daytime only: the Sun up half the time (4383 of 8766 h), in 12-h halves."""


def _m3_soil() -> tuple[float, float]:
    """Fines mass fraction [-] and He-3 enrichment of the fines [-] of the M-3 design soil.

    The soil is the one the design describes: 556 of 1258 t/h finer than 100 um (MIN-01). Its
    median grain size follows from that split at the scenario's sorting (soil 10084's 2.18 phi),
    and the enrichment from the same grain model (gas ~ 1/grain size). Nothing here is taken
    from the 66 kg/yr being checked.
    """
    sorting = Resources().grain_sorting_phi
    d50 = median_for_mass_fraction(100.0, M3_FINES_T_PER_H / M3_EXCAVATION_T_PER_H, sorting)
    mass, _ = fines_fractions(100.0, d50, sorting)
    return float(mass), float(fines_enrichment(100.0, d50, sorting))


def test_olson2021_min02_m3_66_kg_per_year() -> None:
    """MIN-01/02: Olson (2021) AIAA ASCEND, NTRS 20210022801: the Wisconsin M-3 miner's
    66 kg/yr of He-3 at a 20 ppb bulk grade, from 556 t/h of < 100 um fines in daylight."""
    # Honest chain, nothing back-solved: the fines fraction (556/1258) and their enrichment come
    # from our grain model of the design's soil; the release is the scenario's declared
    # assumption (0.75 at 700 C; the quoted 75-85 % is unconfirmed). The concentrator here gives
    # all the heat our cp(T) asks for (the published 12 MW does not: see the preset test below).
    mass, enrichment = _m3_soil()
    cfg = _m3(concentrator_kw_th=1e6)
    fines_ppb = M3_GRADE_PPB * enrichment
    light = M3_DAYLIT_H_PER_YR / HOURS_PER_YEAR  # 4383 of 8766 h: lunar daytime only
    kw = {"feed": feed(fines_ppb, mass)}
    closed = expected_he3_kg_per_year(cfg, **kw, heat_use_fraction=light)
    sim = simulate(cfg, **kw, seed=2021, light=DAYTIME)
    fines_t_per_h = M3_EXCAVATION_T_PER_H * mass
    record(
        "MIN-02",
        "M-3 miner He-3 with heat enough",
        f"{sim.he3_extracted_kg:.1f} kg/yr",
        f"{M3_HE3_KG_PER_YR:g} kg/yr",
        f"{sim.he3_extracted_kg / M3_HE3_KG_PER_YR - 1:+.0%}; fines {fines_t_per_h:.0f} t/h at "
        f"{fines_ppb:.1f} ppb (x{enrichment:.2f}), release {cfg.he3_release_fraction}, "
        f"closed form {closed:.1f} kg/yr",
    )
    assert fines_t_per_h == pytest.approx(M3_FINES_T_PER_H, rel=1e-9)  # the published feed
    # one year, MTBF 1e7 h: at most one failure is likely (p ~ 0.1 %)
    assert sim.he3_extracted_kg == pytest.approx(closed, rel=0.01)
    # Lands at ~65.5 kg/yr, -1 % from 66. With surface-correlated gas alone (gas ~ 1/d, 91 % of
    # the He-3 in the fines) it was 75.6 (+15 %). The fines now hold 79 %: the agglutinates'
    # volume-correlated gas (grains.VOLUME_GAS_FRACTION = 0.52 agglutinates in soil 10084 x 0.5
    # of their parent soil's gas kept through melting) follows the mass, not the surface. That
    # 0.5 is an unmeasured midpoint (0-1), so the honest span is 55-76 kg/yr (-16 % .. +15 %),
    # and the 0.75 release is an assumption too: the closeness to 66 is not a validation of
    # either. The test holds the span: within -20 % .. +25 %.
    assert 0.8 * M3_HE3_KG_PER_YR <= sim.he3_extracted_kg <= 1.25 * M3_HE3_KG_PER_YR


def test_olson2021_min02_fines_at_bulk_grade_fall_short() -> None:
    """MIN-02 derived check: Olson (2021) AIAA ASCEND, NTRS 20210022801; 556 t/h of fines at
    the bulk 20 ppb hold 48.7 kg/yr."""
    # Without enrichment (the bulk grade in the fines) the 556 t/h of fines hold only 48.7 kg/yr
    # (MIN-02 derived check) even at 100 % release: the published 66 kg is out of reach, which is
    # why the fines' enrichment (grain model) is used.
    cfg = _m3(concentrator_kw_th=1e6).model_copy(update={"he3_release_fraction": 1.0})
    light = M3_DAYLIT_H_PER_YR / HOURS_PER_YEAR
    held = expected_he3_kg_per_year(
        cfg,
        feed=feed(M3_GRADE_PPB, M3_FINES_T_PER_H / M3_EXCAVATION_T_PER_H),
        heat_use_fraction=light,
    )
    record("MIN-02", "M-3 fines at the bulk grade", f"{held:.2f} kg/yr", "48.7 kg/yr (derived)")
    assert held == pytest.approx(48.7, rel=0.002)  # 48.7 to 3 figures
    assert held < M3_HE3_KG_PER_YR


# --- MIN-06 (seen, secondary): Interlune, five harvesters -> >= 10 kg/yr ----------------------
# Forbes (Serbian edition), forbes.n1info.ba; 100 t/h per excavator (MIN-05, press, May 2025).
# Loose bound only. Grade assumed: 20 ppb, the Wisconsin M-3 design grade (MIN-02), typical of
# Ti-rich mare soils; Interlune has not published its target grade. Other settings are the
# scenario defaults (10084 grain sizes, release 0.75, MTBF 1000 h, MTTR 72 h), power for all five.


def test_forbes_min06_interlune_five_harvesters() -> None:
    """MIN-06 (seen, secondary): Forbes (Serbian edition), no date or DOI known,
    forbes.n1info.ba/tehnologija/trka-za-helijumom-3-prvi-svemirski-kombajn-na-mjesecu-vec-2029/:
    five Interlune harvesters -> >= 10 kg/yr. Excavator rate: MIN-05, press, May 2025."""
    cfg = Operations(
        n_miners=5,
        excavation_t_per_h=100.0,
        reactor_power_kwe=1100.0,
        reactor_availability=1.0,
        heat_source="solar_concentrator",
        concentrator_kw_th=1e6,  # heat never limits; the Sun always up (no light series)
        concentrator_areal_mass_kg_m2=0.0,  # a stand-in that weighs nothing, so it lands
        years=3,
    )
    res = Resources()  # soil 10084 grain sizes, the M-3 100 um cut
    mass, _ = fines_fractions(res.fines_cut_um, res.grain_median_um, res.grain_sorting_phi)
    enrichment = fines_enrichment(res.fines_cut_um, res.grain_median_um, res.grain_sorting_phi)
    kw = {"feed": feed(20.0 * float(enrichment), float(mass))}
    closed = expected_he3_kg_per_year(cfg, **kw)
    sim = simulate(cfg, **kw, seed=2029).he3_extracted_kg / cfg.years
    record(
        "MIN-06",
        "five harvesters' He-3",
        f"{sim:.1f} kg/yr",
        ">= 10 kg/yr",
        f"closed form {closed:.1f} kg/yr; 20 ppb assumed",
    )
    # the claim is a floor; we also require the same order of magnitude (a factor 10 slip in
    # ppb or t/h would break this)
    assert 10.0 <= sim <= 100.0


# --- Specific heat of lunar soil: Robie, Hemingway & Wilson (1970) -----------------------------
# Science 167:749-750, doi:10.1126/science.167.3918.749 (abstract, seen): soils 10057/10084 go
# "from about 0.06 calorie per gram per degree at 90 degrees Kelvin to about 0.2 calorie per gram
# per degree at 350 degrees Kelvin". "About" and one significant figure: 10 %.

CAL_J = 4.184


@pytest.mark.parametrize("model", ["hayne2017", "biele2022"])
@pytest.mark.parametrize(("temperature_k", "cal_per_g_k"), [(90.0, 0.06), (350.0, 0.2)])
def test_robie1970_specific_heat_of_apollo11_soil(
    model: str, temperature_k: float, cal_per_g_k: float
) -> None:
    """Robie, Hemingway & Wilson (1970) Science 167:749, doi:10.1126/science.167.3918.749:
    cp of Apollo 11 soil ~0.06 cal/g/K at 90 K and ~0.2 cal/g/K at 350 K."""
    ours = float(specific_heat_j_per_kg_k(temperature_k, model))
    theirs = cal_per_g_k * CAL_J * 1000.0
    record(
        "Robie et al. (1970)",
        f"cp of Apollo 11 soil at {temperature_k:g} K ({model})",
        f"{ours:.0f} J/kg/K",
        f"{theirs:.0f} J/kg/K",
    )
    assert ours == pytest.approx(theirs, rel=0.10)


def test_olson2021_min01_m3_heater_12_mw() -> None:
    """MIN-01: Olson (2021) AIAA ASCEND, NTRS 20210022801: a 12 MW solar concentrator heats
    the M-3 miner's 556 t/h of fines to 700 C with 85 % heat recuperation."""
    cfg = _m3()
    mass, _ = _m3_soil()
    ours_mw = miner_heater_power_kw_th(cfg, mass) / 1000.0
    record(
        "MIN-01",
        "M-3 heater power",
        f"{ours_mw:.1f} MW(th)",
        "12 MW",
        f"{ours_mw / 12.0 - 1:+.0%}; {cfg.cp_model}, {cfg.regolith_inlet_temperature_k:g} K -> "
        f"{cfg.heater_temperature_c:g} C, {cfg.heat_recuperation_fraction:.0%} recuperated",
    )
    # DISAGREES by ~+37 % (16.4 vs 12 MW), outside the 10 %. 12 MW for 154 kg/s at 15 %
    # net means 518 kJ/kg of sensible heat, i.e. a mean cp of 0.77 kJ/kg/K from 300 K; our cp(T)
    # (Biele et al. 2022) rises from 0.75 at 300 K to 1.14 kJ/kg/K at 973 K and gives 708 kJ/kg
    # from 250 K (674 from 298 K, still 15.6 MW). So M-3 assumed a lower cp or a warm feed; we
    # keep the cited cp and say so. The test holds the honest result: 12-18 MW.
    assert 12.0 <= ours_mw <= 18.0


@pytest.mark.slow
def test_olson2021_min01_min02_wisconsin_miner_preset(mirror: Path) -> None:
    """MIN-01/02: Olson (2021) AIAA ASCEND, NTRS 20210022801, through the bundled
    ``wisconsin-miner`` scenario: ``lunarbase simulate wisconsin-miner --years 1 --json``."""
    proc = invoke("simulate", "wisconsin-miner", "--years", "1", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    he3 = data["he3_kg_total"]
    heater_mw = data["heater_power_kw_th"] / 1000.0
    fines_t_per_h = sum(data["annual"]["fines_processed_t"]) / (
        sum(data["annual"]["regolith_excavated_t"]) / M3_EXCAVATION_T_PER_H
    )
    record(
        "MIN-01/02",
        "wisconsin-miner scenario He-3",
        f"{he3:.1f} kg/yr",
        f"{M3_HE3_KG_PER_YR:g} kg/yr",
        f"{he3 / M3_HE3_KG_PER_YR - 1:+.0%}; fines {fines_t_per_h:.0f} t/h, heater "
        f"{heater_mw:.1f} MW vs 12 ({heater_mw / 12.0 - 1:+.0%}), heat "
        f"{data['thermal_energy_mwh_total'] / he3:.0f} MWh(th)/kg vs 797 derived",
    )
    assert fines_t_per_h == pytest.approx(M3_FINES_T_PER_H, rel=0.001)  # the published feed
    # DISAGREES by ~-19 % (53.7 vs 66 kg/yr): the published 12 MW concentrator gives only 73 %
    # of the 16.4 MW our cp(T) asks for (test above: cp rising to 1.14 kJ/kg/K at 973 K), so the
    # miner heats 73 % of its fines; with heat enough the same chain gives +15 % (the 1/d gas
    # law's upper bound and the 0.75 release assumption). The flat-horizon daylight at the
    # Apollo 11 site is 4270 h, 2.6 % under 4383 h. Honest bands: 0.7-0.95 x 66 and 12-18 MW.
    assert 0.7 * M3_HE3_KG_PER_YR <= he3 <= 0.95 * M3_HE3_KG_PER_YR
    assert 12.0 <= heater_mw <= 18.0
    assert data["heat_source"] == "solar_concentrator" and data["light_horizon"] == "flat"
