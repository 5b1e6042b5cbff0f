"""Wall time of ``lunarbase point`` as a user runs it: a fresh process per query.

Baseline: the same query with an empty cache folder (``LUNARBASE_CACHE_DIR`` pointed at a new
temporary folder, so DEM decoding, the ephemeris, the PSR rings and the horizon are all
computed). Then the same point again (every cache warm) and new points near it (DEMs,
ephemeris and PSR rings cached, horizon computed). The issue's target: under 1 s once caches
are warm. Prints medians of ``--repeat`` runs and the ratio to the cold baseline.

Usage: ``python benchmarks/point_query.py [--repeat 5] [--lat -89.45 --lon 222.7]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run_point(lat: float, lon: float, env: dict[str, str]) -> float:
    """Seconds one ``lunarbase point --json`` process takes, start to exit."""
    cmd = [sys.executable, "-m", "lunarbase", "point", "--lat", f"{lat}", "--lon", f"{lon}"]
    t0 = time.perf_counter()
    subprocess.run([*cmd, "--json"], env=env, check=True, capture_output=True)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--lat", type=float, default=-89.45)
    parser.add_argument("--lon", type=float, default=222.7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "LUNARBASE_CACHE_DIR": str(Path(tmp) / "cache")}
        cold = run_point(args.lat, args.lon, env)
        warm = [run_point(args.lat, args.lon, env) for _ in range(args.repeat)]
        new = [run_point(args.lat + 0.01 * (i + 1), args.lon, env) for i in range(args.repeat)]
    warm_s, new_s = statistics.median(warm), statistics.median(new)
    print(f"cold caches (baseline): {cold:.2f} s")
    print(f"same point, caches warm: median {warm_s:.2f} s (min {min(warm):.2f}, "
          f"max {max(warm):.2f}) = {cold / warm_s:.1f}x faster")  # fmt: skip
    print(f"new points, horizon computed: median {new_s:.2f} s (min {min(new):.2f}, "
          f"max {max(new):.2f}) = {cold / new_s:.1f}x faster")  # fmt: skip
    print(f"point_warm_s={warm_s:.2f} point_new_s={new_s:.2f} speedup_vs_cold={cold / warm_s:.1f}")


if __name__ == "__main__":
    main()
