"""What the light maps' progress costs: :func:`lunarbase.terrain.lightmap.light_maps` evaluated
in blocks of ``LIGHT_BLOCK_PIXELS`` (progress reported between blocks) against the named
baseline, the same call in one block (no progress between), on a synthetic horizon map.

The horizon map is random but seeded (``--pixels`` square side, 64 azimuths, 0-10 deg
horizons near the pole), so no data are read. Both runs are timed after one warm-up call that
compiles the numba kernels; each is the best of ``--repeat``, as wall-clock time and as the
process's CPU time (all threads), which a busy shared machine disturbs less. The maps are
checked to be identical. Ends with one line

    pixels=<n> blocks=<n> one_block_cpu_s=<s> blocked_cpu_s=<s> cpu_ratio=<blocked / one>
    one_block_wall_s=<s> blocked_wall_s=<s>

Usage: ``python benchmarks/light_blocks.py [--pixels 200] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import xarray as xr

from lunarbase.terrain import lightmap

PERIOD = {"start": "2035-01-01", "end": "2035-02-01", "step_h": 2.0, "psr_step_h": 24.0}
"""A month at 2 h steps; the PSR test over the nodal cycle at daily steps."""


def horizon_map(side: int, seed: int = 7) -> xr.DataArray:
    """A ``side`` x ``side`` map of 240 m pixels at the pole, random horizons 0-10 [deg]."""
    rng = np.random.default_rng(seed)
    n_az = 64
    return xr.DataArray(
        rng.uniform(0.0, 10.0, (side, side, n_az)).astype(np.float32),
        dims=("y", "x", "azimuth"),
        coords={
            "y": -240.0 * np.arange(side),
            "x": 240.0 * np.arange(side),
            "azimuth": np.arange(n_az) * 360.0 / n_az,
        },
        attrs={"units": "deg", "observer_height_m": 2.0},
    )


def best_time(hm: xr.DataArray, block: int, repeat: int) -> tuple[float, float, xr.Dataset]:
    """Best wall-clock and CPU time [s] of ``repeat`` calls in blocks of ``block`` pixels,
    and the maps."""
    lightmap.LIGHT_BLOCK_PIXELS = block
    walls, cpus, maps = [], [], None
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        maps = lightmap.light_maps(hm, **PERIOD, progress=lambda done, total: None)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    assert maps is not None
    return min(walls), min(cpus), maps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pixels", type=int, default=200, help="side of the square map")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    hm = horizon_map(args.pixels)
    blocked = lightmap.LIGHT_BLOCK_PIXELS
    n = args.pixels**2
    lightmap.light_maps(horizon_map(8), **PERIOD)  # compile the kernels
    one_wall, one_cpu, one = best_time(hm, n, args.repeat)
    wall, cpu, maps = best_time(hm, blocked, args.repeat)
    xr.testing.assert_identical(one, maps)
    blocks = -(-n // blocked)
    print(f"one block: {one_cpu:.2f} s CPU ({one_wall:.2f} s wall)")
    print(f"{blocks} blocks of {blocked:,} pixels: {cpu:.2f} s CPU ({wall:.2f} s wall)")
    print(
        f"pixels={n} blocks={blocks} one_block_cpu_s={one_cpu:.3f} blocked_cpu_s={cpu:.3f} "
        f"cpu_ratio={cpu / one_cpu:.3f} one_block_wall_s={one_wall:.3f} blocked_wall_s={wall:.3f}"
    )


if __name__ == "__main__":
    main()
