"""Scale benchmark: a 20-year hourly mean-illumination map of a 1000 x 1000 DEM.

The issue's target: within 10 minutes on 2 cores and 4 GiB of memory. The map is a
1000 x 1000 window (240 km square) of the 240 m LOLA grid around the south pole; horizons come
from the line-sweep kernel (360 azimuths, the window itself as terrain), and the statistic is
the mean visible solar-disk fraction over 20 years at 1-hour steps (175,320 Sun positions),
evaluated through longitude-binned Sun directions (:mod:`lunarbase.terrain.lightmap`).

Baseline, run in the same process: the point model (:func:`light_series`, every hour of the
same 20 years) on a sample of pixels, extrapolated to the whole map.

Usage: ``python benchmarks/illumination_scale.py [--size 1000] [--years 20] [--azimuths 360]``
"""

from __future__ import annotations

import argparse
import resource
import time

import numpy as np


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000, help="map side [px]")
    parser.add_argument("--years", type=int, default=20, help="period [years]")
    parser.add_argument("--azimuths", type=int, default=360, help="horizon azimuths")
    parser.add_argument("--baseline-pixels", type=int, default=8, help="pixels for the baseline")
    args = parser.parse_args()

    from lunarbase.constants import SOLAR_DISK_RADIUS_DEG
    from lunarbase.data import load
    from lunarbase.ephemeris import directions, time_grid
    from lunarbase.terrain.horizon import Horizon, horizon_map
    from lunarbase.terrain.illumination import light_series
    from lunarbase.terrain.lightmap import pixel_frames, sun_quantiles, weighted_visibility

    dem = load("ldem_75s_240m")
    n0 = (dem.sizes["y"] - args.size) // 2
    crop = dem.isel(y=slice(n0, n0 + args.size), x=slice(n0, n0 + args.size))
    horizon_map(
        crop.isel(y=slice(0, 16), x=slice(0, 16)), n_azimuths=4, observer_height_m=0.0
    )  # JIT warm-up
    start, end = "2030-01-01", f"{2030 + args.years}-01-01"

    t0 = time.perf_counter()
    hm = horizon_map(crop, n_azimuths=args.azimuths, observer_height_m=0.0)
    t_horizon = time.perf_counter() - t0

    t0 = time.perf_counter()
    sun = directions(time_grid(start, end, 1.0))
    t_ephemeris = time.perf_counter() - t0

    t0 = time.perf_counter()
    suns = sun_quantiles(sun.sun)
    ny, nx, n_az = hm.shape
    xs, ys = np.meshgrid(np.asarray(hm.x, float), np.asarray(hm.y, float))
    frames = np.ascontiguousarray(pixel_frames(xs.ravel(), ys.ravel()))
    horizons = np.asarray(hm.values).reshape(ny * nx, n_az)
    weighted_visibility(horizons[:16], frames[:16], suns.vectors, suns.weights, 0.27, True)
    fraction = weighted_visibility(
        horizons, frames, suns.vectors, suns.weights, SOLAR_DISK_RADIUS_DEG, True
    )
    t_light = time.perf_counter() - t0

    rng = np.random.default_rng(0)
    picks = rng.choice(ny * nx, size=args.baseline_pixels, replace=False)
    t0 = time.perf_counter()
    worst = 0.0
    for k in picks:
        r, c = divmod(int(k), nx)
        h = Horizon(np.asarray(hm.azimuth), horizons[k].astype(float), float(hm.x[c]),
                    float(hm.y[r]), 0.0, 0.0)  # fmt: skip
        exact = light_series(h, sun, 1.0).stats()["illumination_fraction"]
        worst = max(worst, abs(exact - float(fraction[k])))
    t_point = (time.perf_counter() - t0) / args.baseline_pixels * ny * nx

    total = t_horizon + t_ephemeris + t_light
    peak_gib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    positions = f"{len(sun.times):,} Sun positions -> {len(suns.weights):,} binned directions"
    print(f"map {ny} x {nx} px of 240 m, {n_az} azimuths, {args.years} years hourly ({positions})")
    print(f"  horizon map        {t_horizon:8.1f} s")
    print(f"  ephemeris          {t_ephemeris:8.1f} s")
    print(f"  illumination map   {t_light:8.1f} s")
    print(f"  total              {total:8.1f} s   (target < 600 s on 2 cores)")
    print(f"  peak memory        {peak_gib:8.2f} GiB (target < 4 GiB)")
    print(f"  mean fraction: map mean {np.nanmean(fraction):.4f}; binned vs exact series at "
          f"{args.baseline_pixels} pixels: max |diff| {worst:.4f}")  # fmt: skip
    print(f"  baseline (point series per pixel, extrapolated) {t_point:,.0f} s for the light "
          f"step -> binned map is {t_point / t_light:,.0f}x faster")  # fmt: skip
    speedup = t_point / t_light
    print(f"total_s={total:.1f} peak_gib={peak_gib:.2f} speedup_vs_point_series={speedup:.0f}")


if __name__ == "__main__":
    main()
