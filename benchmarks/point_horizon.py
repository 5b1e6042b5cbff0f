"""What the numba ray kernel gains on a point's horizon: :func:`lunarbase.terrain.horizon.
point_horizon` (one thread, :func:`lunarbase.terrain.horizon_kernel.point_rays`) against the
named baseline, the numpy formulation it replaced (every sample of every ray as one array per
azimuth chunk, chunks on a thread pool), run here on the same points of the real polar DEM stack.

Both are timed after a warm-up (numba compiled, DEMs loaded), as the best of ``--repeat`` over
``--points`` points along the Shackleton-de Gerlache ridge, in wall-clock time and process CPU
time (all threads). The largest difference between the two horizons is printed too. Ends with

    points=<n> numpy_cpu_s=<s> numba_cpu_s=<s> cpu_ratio=<numpy / numba> max_diff_deg=<deg>

Usage: ``python benchmarks/point_horizon.py [--points 20] [--repeat 3]`` (needs the data mirror).
"""

from __future__ import annotations

import argparse
import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from timing import best_of  # benchmarks/timing.py

from lunarbase.constants import MOON_RADIUS_M
from lunarbase.terrain.dem import PolarTerrain, latlon_to_xy, polar_terrain, xy_to_unit_vector
from lunarbase.terrain.horizon import point_horizon, sample_distances_m

OBSERVER_HEIGHT_M = 2.0


def numpy_horizon_deg(terrain: PolarTerrain, x_m: float, y_m: float) -> np.ndarray:
    """The baseline: horizon [deg] at 360 azimuths, every ray sample as numpy arrays."""
    ground, which = terrain.elevation_m(x_m, y_m)
    sub = PolarTerrain(terrain.grids[int(which) :])
    dist = sample_distances_m(sub, x_m, y_m, 330_000.0)
    az = np.arange(360, dtype=np.float64)
    radius0 = MOON_RADIUS_M + float(ground) + OBSERVER_HEIGHT_M
    up = xy_to_unit_vector(x_m, y_m)

    def chunk(rows: slice) -> np.ndarray:
        a = np.radians(az[rows])[:, None]
        xs, ys = x_m + dist[None, :] * np.sin(a), y_m + dist[None, :] * np.cos(a)
        z, _ = sub.elevation_m(xs, ys)
        r = MOON_RADIUS_M + z
        c = xy_to_unit_vector(xs, ys) @ up
        sin_el = (r * c - radius0) / np.sqrt(r * r - 2.0 * r * radius0 * c + radius0 * radius0)
        return np.asarray(np.where(np.isnan(z), -1.0, sin_el).max(axis=1))

    rows = [slice(i, i + 45) for i in range(0, 360, 45)]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        sin_max = np.concatenate(list(pool.map(chunk, rows)))
    return np.degrees(np.arcsin(np.clip(sin_max, -1.0, 1.0)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    terrain = polar_terrain()
    lats = np.linspace(-89.9, -89.3, args.points)
    points = [tuple(float(v) for v in latlon_to_xy(lat, 222.7)) for lat in lats]

    def numba_all() -> list[np.ndarray]:
        return [
            point_horizon(terrain, x, y, observer_height_m=OBSERVER_HEIGHT_M).elevation_deg
            for x, y in points
        ]

    def numpy_all() -> list[np.ndarray]:
        return [numpy_horizon_deg(terrain, x, y) for x, y in points]

    diff = max(float(np.max(np.abs(a - b))) for a, b in zip(numba_all(), numpy_all(), strict=True))
    numpy_wall, numpy_cpu = best_of(args.repeat, numpy_all)
    numba_wall, numba_cpu = best_of(args.repeat, numba_all)
    print(
        f"numpy baseline: {numpy_wall:.2f} s wall, {numpy_cpu:.2f} s CPU for {len(points)} points"
    )
    print(f"numba kernel:   {numba_wall:.2f} s wall, {numba_cpu:.2f} s CPU")
    print(
        f"points={len(points)} numpy_cpu_s={numpy_cpu:.2f} numba_cpu_s={numba_cpu:.2f} "
        f"cpu_ratio={numpy_cpu / numba_cpu:.1f} wall_ratio={numpy_wall / numba_wall:.1f} "
        f"max_diff_deg={diff:.1e}"
    )


if __name__ == "__main__":
    main()
