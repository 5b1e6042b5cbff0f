"""Speed of the operations simulation at scale: 30 years, 100 miners, hourly energy balance.

The run has everything the hour loop handles: five fission units landed over the first year,
solar arrays on a synthetic polar light series (lit 70 % of the time, in a 708-h cycle), a
battery, concentrator-heated miners, repair units and spares.

Baseline (named, same process): the same run with the dispatch policy's hour loop interpreted
by Python (:func:`python_priority_dispatch`: the numba kernel's own source run as plain Python,
passed as the policy argument of ``simulate``), against the default numba-compiled
:func:`lunarbase.operations.priority_dispatch`; the script checks that
both give the same He-3 and prints their ratio. It ends with one line

    wall_s=<s> simulated_hours_per_s=<x> events_per_s=<y> peak_mib=<m>

for the default run (simulated hours = miners x years x hours per year). Events are counted by
wrapping ``simpy.Environment.step`` for this process only.

Usage: ``python benchmarks/operations_scale.py [--years 30] [--miners 100]``
"""

from __future__ import annotations

import argparse
import resource
import time
import types
from typing import Any

import numpy as np
import simpy

from lunarbase.constants import HOURS_PER_YEAR
from lunarbase.operations import (
    Battery,
    Dispatch,
    DispatchPolicy,
    Loads,
    MiningFeed,
    SiteLight,
    power,
    priority_dispatch,
    simulate,
)
from lunarbase.scenario import Landing, Operations

FEED = MiningFeed(
    he3_fines_ppb=2.0,
    fines_mass_fraction=0.67,
    th_ppm=1.0,
    he4_he3_atom_ratio=2700.0,
    regolith_density_kg_m3=1660.0,
    mining_depth_m=3.0,
)

_CYCLE = np.where(np.arange(354) < 248, 1.0, 0.0)  # 2-h steps: 496 h lit, 212 h dark
LIGHT = SiteLight(2.0, _CYCLE, _CYCLE, "flat", "2035-01-01T00:00")


def _pure_python(kernel: Any, **inner: Any) -> Any:
    """A numba kernel's own Python source as a plain function, with the kernels it calls
    replaced by theirs (``inner``): the same loop, interpreted."""
    return types.FunctionType(kernel.py_func.__code__, {**kernel.py_func.__globals__, **inner})


PYTHON_KERNEL = _pure_python(power._priority_kernel, _mining_split=power._mining_split.py_func)


def python_priority_dispatch(generation_kw: np.ndarray, loads: Loads, battery: Battery) -> Dispatch:
    """The default policy with its hour loop interpreted by Python (the baseline)."""
    compiled = power._priority_kernel
    power._priority_kernel = PYTHON_KERNEL
    try:
        return priority_dispatch(generation_kw, loads, battery)
    finally:
        power._priority_kernel = compiled


def timed(cfg: Operations, policy: DispatchPolicy) -> tuple[float, int, float]:
    """Wall seconds, SimPy events processed and He-3 extracted [kg] of one run."""
    count = [0]
    original = simpy.Environment.step

    def counting_step(env: simpy.Environment) -> None:
        count[0] += 1
        original(env)

    simpy.Environment.step = counting_step  # type: ignore[method-assign]
    try:
        start = time.perf_counter()
        res = simulate(cfg, feed=FEED, seed=1, light=LIGHT, policy=policy)
        wall = time.perf_counter() - start
    finally:
        simpy.Environment.step = original  # type: ignore[method-assign]
    return wall, count[0], res.he3_extracted_kg


def scenario(years: int, miners: int) -> Operations:
    """The benchmark base: ``miners`` concentrator-heated miners landing over two years, five
    fission units, arrays and a battery (miners rounded up to a multiple of 9 per lander)."""
    unit_kwe = (miners * 200.0 + 100.0) / 5
    landings = [
        Landing(day=73.0 * k, reactor_kwe=unit_kwe, array_kw=100.0, battery_kwh=400.0)
        for k in range(5)
    ]
    landings += [
        Landing(day=30.0 + 7.0 * (k // 10), miners=9, spares_kg=5000.0) for k in range(0, miners, 9)
    ]
    return Operations(
        years=years,
        n_miners=sum(x.miners for x in landings),
        reactor_power_kwe=unit_kwe * 5,
        reactor_mass_kg_per_kwe=20.0,
        array_kw=500.0,
        battery_kwh=2000.0,
        repair_units=max(miners // 10, 1),
        spares_kg_per_repair=5.0,
        landings=tuple(x.model_copy(update={"lander": "starship_hls"}) for x in landings),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=30)
    parser.add_argument("--miners", type=int, default=100)
    args = parser.parse_args()
    cfg = scenario(args.years, args.miners)
    simulated_h = cfg.n_miners * args.years * HOURS_PER_YEAR
    timed(scenario(1, 10), priority_dispatch)  # compile (or load) the numba kernel first
    # best of two runs each, alternating, so neither pays for warming caches
    runs = [
        timed(cfg, policy)
        for _ in range(2)
        for policy in (priority_dispatch, python_priority_dispatch)
    ]
    wall, events, he3 = min(runs[0::2])
    base_wall, _, base_he3 = min(runs[1::2])
    print(f"numba dispatch: {wall:.2f} s, {events:,} events, He-3 {he3:.2f} kg")
    print(f"python dispatch (baseline): {base_wall:.2f} s, He-3 {base_he3:.2f} kg")
    assert abs(he3 - base_he3) <= 1e-9 * max(he3, 1.0), "the two policies disagree"
    print(f"speed-up vs python baseline: {base_wall / wall:.1f}x")
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(
        f"wall_s={wall:.2f} simulated_hours_per_s={simulated_h / wall:.3g} "
        f"events_per_s={events / wall:.3g} peak_mib={peak_mib:.0f}"
    )


if __name__ == "__main__":
    main()
