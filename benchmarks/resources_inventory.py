"""Benchmark: whole-Moon He-3 inventory with 10,000 Monte Carlo draws at data resolution.

Prints the wall time and draws per second of :func:`lunarbase.resources.inventory.he3_inventory`
(1790 Lunar Prospector bins x 10,000 draws, vectorised in blocks of draws) and, as the named
baseline, the same Monte Carlo written as a plain per-draw, per-bin Python loop over 200
draws, scaled to 10,000. The target in issue 5 is < 30 s on 2 cores.

Run:  LUNARBASE_DATA_MIRROR=/path/to/data python benchmarks/resources_inventory.py
"""

from __future__ import annotations

import math
import sys
import time

import numpy as np

from lunarbase.constants import HE3_MOLAR_MASS_KG_PER_MOL, HE4_MOLAR_MASS_KG_PER_MOL
from lunarbase.data import load
from lunarbase.resources import grades, inventory
from lunarbase.scenario import Resources

DRAWS = 10_000
BASELINE_DRAWS = 200
SEED = 20350101


def baseline_loop(grs: object, cfg: Resources, draws: int, seed: int) -> np.ndarray:
    """Per-draw Python loop over bins (same model and bands, its own random stream) [t]."""
    tio2 = [float(v) for v in grs["TiO2_wt_pct"].values]  # type: ignore[index]
    sigma = [float(v) for v in grs["TiO2_wt_pct_sigma"].values]  # type: ignore[index]
    feo = [float(v) for v in grs["FeO_wt_pct"].values]  # type: ignore[index]
    area = [float(v) for v in grs["area_m2"].values]  # type: ignore[index]
    m = grades.get_he3_model(cfg.he3_model)
    fluence = [float(v) for v in grades.grs_fluence(grs)]  # type: ignore[arg-type]
    lo_hi = grades.TAYLOR1991_HE_PPM_HIGHLAND, grades.TAYLOR1991_HE_PPM_HIGH_TI_MARE
    mass_ratio = HE3_MOLAR_MASS_KG_PER_MOL / HE4_MOLAR_MASS_KG_PER_MOL
    r0, dr = grades.HE4_HE3_ATOM_RATIO_SURVEYOR3
    rng = np.random.default_rng(seed)
    totals = np.empty(draws)
    for d in range(draws):
        hl = float(rng.uniform(*lo_hi[0]))
        mare_he = float(rng.uniform(*lo_hi[1]))
        ratio = cfg.he4_he3_atom_ratio * float(
            rng.uniform(grades.HE4_HE3_ATOM_RATIO_SWC / r0, 1 + dr / r0)
        )
        f_rho, f_mare, f_hl = (float(rng.uniform(0.8, 1.2)) for _ in range(3))
        total = 0.0
        for i in range(len(tio2)):
            t = max(tio2[i] + sigma[i] * float(rng.standard_normal()), 0.0)
            he = float(m.total_he_ppm(t, fluence[i], highland_he_ppm=hl, mare_he_ppm=mare_he))
            grade_ppb = 1000.0 * he * mass_ratio / ratio
            mare = feo[i] >= cfg.mare_feo_threshold_wt_pct
            depth = (
                cfg.mare_regolith_depth_m * f_mare if mare else cfg.highland_regolith_depth_m * f_hl
            )
            total += grade_ppb * 1e-9 * area[i] * depth * cfg.regolith_density_kg_m3 * f_rho
        totals[d] = total / 1e3
    return totals


def main() -> int:
    grs = load("lpgrs_5deg")
    for model in ("tio2_line", "fluence_tio2_line"):
        cfg = Resources(uncertainty_draws=DRAWS, he3_model=model)
        warm = Resources(uncertainty_draws=16, he3_model=model)
        inventory.he3_inventory(grs, warm, seed=0)  # compile and cache before timing
        t0 = time.perf_counter()
        inv = inventory.he3_inventory(grs, cfg, seed=SEED)
        fast_s = time.perf_counter() - t0

        t0 = time.perf_counter()
        base = baseline_loop(grs, cfg, BASELINE_DRAWS, SEED)
        base_s = (time.perf_counter() - t0) * DRAWS / BASELINE_DRAWS

        print(f"model {model}: {grs.sizes['cell']} bins x {DRAWS} draws")
        print(f"  he3_inventory (vectorised): {fast_s:.2f} s, {DRAWS / fast_s:,.0f} draws/s")
        print(
            f"  baseline per-draw Python loop ({BASELINE_DRAWS} draws, scaled to {DRAWS}): "
            f"{base_s:.1f} s, {DRAWS / base_s:,.0f} draws/s"
        )
        print(f"  speed-up vs baseline: {base_s / fast_s:.0f}x")
        p50_base = float(np.median(base))
        print(
            f"  p50 He-3 [t]: vectorised {inv.he3_tonnes_p50:.4g}, baseline {p50_base:.4g} "
            f"(different random streams; {BASELINE_DRAWS} draws -> within ~10 %)"
        )
        if not math.isclose(inv.he3_tonnes_p50, p50_base, rel_tol=0.15):
            print("  WARNING: baseline and vectorised medians disagree", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
