"""What the one-pass light kernel gains: :func:`lunarbase.terrain.lightmap.series_light` (mean
Sun, any-of-the-disk fraction and longest night in one pass over the time series, the azimuth
skipped where the disk is wholly above or below the pixel's skyline) against the named
baseline, two passes as light maps made before (the Sun, then the night), here both by
:func:`~lunarbase.terrain.lightmap.disk_visibility` over the same directions (which now takes the
skyline shortcut too, so the ratio is the fusion's alone), on a real 240 m horizon map crop
near the pole (360 azimuths, 2 m mast) and a year of Sun directions at 2 h steps, as the
bundled scenario's.

Timed after a warm-up that compiles the kernels, best of ``--repeat``, in process CPU time
(all threads) and wall time; the two Sun layers are checked to agree. Ends with

    pixels=<n> directions=<n> baseline_cpu_s=<s> series_cpu_s=<s> cpu_ratio=<baseline / series>

Usage: ``python benchmarks/light_series.py [--side 100] [--repeat 3]`` (needs the data mirror).
"""

from __future__ import annotations

import argparse

import numpy as np
from timing import best_of  # benchmarks/timing.py

from lunarbase.constants import SOLAR_DISK_RADIUS_DEG
from lunarbase.data import load
from lunarbase.ephemeris import period_directions
from lunarbase.terrain import lightmap
from lunarbase.terrain.horizon import horizon_map


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--side", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    crop = load("ldem_75s_240m").isel(y=slice(700, 700 + args.side), x=slice(700, 700 + args.side))
    hz, frame = lightmap._pixels(horizon_map(crop, n_azimuths=360, observer_height_m=2.0))
    sun = np.ascontiguousarray(period_directions("2035-01-01", "2036-01-01", 2.0).sun)
    w = np.full(len(sun), 1.0 / len(sun))
    r = SOLAR_DISK_RADIUS_DEG

    def baseline() -> None:
        lightmap.disk_visibility(hz, frame, sun, w, r)  # the Sun layers
        lightmap.disk_visibility(hz, frame, sun, w, r)  # the night pass, same cost

    def series() -> None:
        lightmap.series_light(hz, frame, sun, r)

    got = lightmap.series_light(hz, frame, sun, r)
    ref = lightmap.disk_visibility(hz, frame, sun, w, r)
    np.testing.assert_allclose(got[:, :2], ref, atol=1e-12)
    base_wall, base_cpu = best_of(args.repeat, baseline)
    new_wall, new_cpu = best_of(args.repeat, series)
    print(f"baseline (two passes): {base_wall:.2f} s wall, {base_cpu:.2f} s CPU")
    print(f"series_light (one pass): {new_wall:.2f} s wall, {new_cpu:.2f} s CPU")
    print(
        f"pixels={len(hz)} directions={len(sun)} baseline_cpu_s={base_cpu:.2f} "
        f"series_cpu_s={new_cpu:.2f} cpu_ratio={base_cpu / new_cpu:.1f}"
    )


if __name__ == "__main__":
    main()
