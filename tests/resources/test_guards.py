"""Guards: resources constants that must keep the published tables they were copied from.

These are not validations. Each compares constants of ``lunarbase.resources`` with the table
they transcribe (or one constant with another), so that an edit dropping the source fails here;
no model result computed from our data is compared with a published number (those tests are in
tests/validation/test_resources_published.py).
"""

from __future__ import annotations

from numpy.testing import assert_allclose

from lunarbase.resources.kreep import kreep_fraction, ree_ppm
from lunarbase.resources.volatiles import (
    WISCONSIN_HE4_KG_PER_KG_HE3,
    WISCONSIN_KG_PER_KG_HE3,
    WISCONSIN_TOTAL_MIN_KG_PER_KG_HE3,
)


def ours_vs_theirs(what: str, ours: float, theirs: str, note: str = "") -> None:
    print(f"\n[{what}] ours = {ours:.4g} | published = {theirs} {note}".rstrip())


def test_guard_wisconsin_volatile_ratios_reach_the_18000_total() -> None:
    """Guard, not a validation: the per-species Wisconsin ratios (Lunarpedia "Volatiles",
    lunarpedia.org/w/Volatiles, after H. H. Schmitt; secondary) plus He-4 reach the confirmed
    total of "Impact of lunar volatiles produced during He-3 mining activities" (abstract,
    authors not shown, no DOI known). Only constants are summed.

    Moved from tests/validation/test_resources_published.py (``test_wisconsin_volatile_total``).
    """
    # "over 18,000 tons of volatiles ... for every tonne of He-3" (abstract, "Impact of lunar
    # volatiles produced during He-3 mining activities", confirmed seen). The per-species ratios
    # are secondary and N2 = 500 is UNCONFIRMED; the listed species plus He-4 must reach the
    # confirmed total. Without N2 the sum is 17,700, so this also bounds N2 >= 300.
    ours = sum(WISCONSIN_KG_PER_KG_HE3.values()) + WISCONSIN_HE4_KG_PER_KG_HE3
    ours_vs_theirs("volatiles per He-3 [kg/kg]", ours, "> 18,000")
    assert ours > WISCONSIN_TOTAL_MIN_KG_PER_KG_HE3


def test_guard_ree_pattern_is_meyer_15386_table1_neal2003() -> None:
    """Guard, not a validation: at the rock's own Th, ``ree_ppm`` returns its stored 15386
    pattern unscaled, so this checks the transcription of KR-01 (Meyer, Lunar Sample
    Compendium, sample 15386, Table 1, Neal 2003 ICP-MS column; github bfeist/lsc_astro,
    src/content/docs/apollo-15/15386/15386.md, commit 501ebf65; no DOI).

    Moved from tests/validation/test_resources_published.py
    (``test_kr01_15386_pattern_reproduced``).
    """
    # KR-01, Meyer, Lunar Sample Compendium, 15386 Table 1, Neal (2003) ICP-MS column: at the
    # rock's own Th (15.4 ppm) the scaled pattern must be the rock's pattern (float rounding).
    meyer_15386_table1_neal2003 = {"La": 84.1, "Ce": 213.1, "Pr": 30, "Nd": 125.6, "Sm": 36.5,
            "Eu": 2.78, "Gd": 43.9, "Tb": 7.51, "Dy": 45.7, "Ho": 10.3, "Er": 28.3, "Tm": 3.97,
            "Yb": 26.2, "Lu": 3.59, "Y": 241}  # fmt: skip
    ours = ree_ppm(15.4)
    ours_vs_theirs("La at Th 15.4 [ppm]", float(ours["La"]), "84.1")
    for el, ppm in meyer_15386_table1_neal2003.items():
        assert_allclose(ours[el], ppm, rtol=1e-12)
    assert_allclose(ours["total"], sum(meyer_15386_table1_neal2003.values()), rtol=1e-12)
    assert kreep_fraction(15.4) == 1.0


def test_guard_scenario_defaults_are_the_gas_model_constants() -> None:
    """Guard, not a validation: the scenario's [resources] defaults for the gas model are the
    cited module constants the pure functions default to (soil 10084's agglutinates x the
    assumed retention; the gardened layer and the deep fraction of regolith.py)."""
    from lunarbase.resources.grains import VOLUME_GAS_FRACTION
    from lunarbase.resources.regolith import DEEP_GAS_FRACTION, GARDENED_DEPTH_M
    from lunarbase.scenario import Resources

    cfg = Resources()
    assert_allclose(cfg.volume_gas_fraction, VOLUME_GAS_FRACTION)
    assert (cfg.gardened_depth_m, cfg.deep_gas_fraction) == (GARDENED_DEPTH_M, DEEP_GAS_FRACTION)
