"""Speed of the operations simulation at scale: 30 years, 100 miners.

Baseline (named, same process): the same run with 1-hour work shifts instead of the default
8-hour shifts, i.e. a miner process that steps every simulated hour. The script prints both and
their ratio, and ends with one line

    wall_s=<s> simulated_hours_per_s=<x> events_per_s=<y> peak_mib=<m>

for the default run (simulated hours = miners x years x hours per year). Events are counted by
wrapping ``simpy.Environment.step`` for this process only. The hourly energy balance of the
operations issue is not built yet, so this measures the discrete-event part alone.

Usage: ``python benchmarks/operations_scale.py [--years 30] [--miners 100]``
"""

from __future__ import annotations

import argparse
import resource
import time

import simpy

from lunarbase.constants import HOURS_PER_YEAR
from lunarbase.operations import MiningFeed, simulate
from lunarbase.scenario import Operations

FEED = MiningFeed(
    he3_fines_ppb=2.0,
    fines_mass_fraction=0.67,
    th_ppm=1.0,
    he4_he3_atom_ratio=2700.0,
    regolith_density_kg_m3=1660.0,
    mining_depth_m=3.0,
)


def timed(cfg: Operations, shift_h: float) -> tuple[float, int, float]:
    """Wall seconds, SimPy events processed and He-3 extracted [kg] of one run."""
    count = [0]
    original = simpy.Environment.step

    def counting_step(env: simpy.Environment) -> None:
        count[0] += 1
        original(env)

    simpy.Environment.step = counting_step  # type: ignore[method-assign]
    try:
        start = time.perf_counter()
        res = simulate(cfg, feed=FEED, seed=1, shift_h=shift_h)
        wall = time.perf_counter() - start
    finally:
        simpy.Environment.step = original  # type: ignore[method-assign]
    return wall, count[0], res.he3_extracted_kg


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=30)
    parser.add_argument("--miners", type=int, default=100)
    args = parser.parse_args()
    cfg = Operations(
        years=args.years,
        n_miners=args.miners,
        reactor_power_kwe=args.miners * 200.0 + 100.0,  # power for every miner
    )
    simulated_h = args.miners * args.years * HOURS_PER_YEAR
    wall, events, he3 = timed(cfg, 8.0)
    base_wall, base_events, base_he3 = timed(cfg, 1.0)
    print(f"8-h shifts: {wall:.2f} s, {events:,} events, He-3 {he3:.1f} kg")
    print(
        f"1-h shifts (baseline): {base_wall:.2f} s, {base_events:,} events, He-3 {base_he3:.1f} kg"
    )
    print(f"speed-up vs 1-h baseline: {base_wall / wall:.1f}x")
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(
        f"wall_s={wall:.2f} simulated_hours_per_s={simulated_h / wall:.3g} "
        f"events_per_s={events / wall:.3g} peak_mib={peak_mib:.0f}"
    )


if __name__ == "__main__":
    main()
