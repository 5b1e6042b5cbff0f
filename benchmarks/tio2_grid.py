"""First-run cost of the TiO2 grid at mare resolution (LROC WAC blended into LP GRS).

Baseline: an empty cache folder (``LUNARBASE_CACHE_DIR`` pointed at a new temporary folder): the
figure is decoded (``wac_tio2_grid``), blended (``tio2_map``) and the report's 0.5-degree He-3
grid built (``he3_display_grid``), each step timed in one process. Then the same steps with the
cache warm, in a fresh process, and a mare point query (``lunarbase point``, Mare Moscoviense) as
a user runs it. Prints seconds per step and the warm/cold ratio.

Usage: ``python benchmarks/tio2_grid.py``
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STEPS = """
import time
t0 = time.perf_counter()
from lunarbase.data import wac_tio2_grid
wac_tio2_grid()
t1 = time.perf_counter()
from lunarbase.resources.tio2 import he3_display_grid, tio2_map
tio2_map()
t2 = time.perf_counter()
he3_display_grid(he3_model="taylor1991_tio2", he4_he3_atom_ratio=2700.0)
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""


def timed_steps(env: dict[str, str]) -> list[float]:
    """Seconds of decode, blend and display grid in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", STEPS], env=env, check=True, capture_output=True, text=True
    )
    return [float(x) for x in out.stdout.split()]


def point_s(env: dict[str, str]) -> float:
    """Seconds one ``lunarbase point --json`` in Mare Moscoviense takes, start to exit."""
    t0 = time.perf_counter()
    cmd = [sys.executable, "-m", "lunarbase", "point", "--lat", "27", "--lon", "147.5", "--json"]
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    return time.perf_counter() - t0


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "LUNARBASE_CACHE_DIR": str(Path(tmp) / "cache")}
        cold = timed_steps(env)
        warm = timed_steps(env)
        query = point_s(env)
    for name, c, w in zip(("decode", "blend", "display grid"), cold, warm, strict=True):
        print(f"{name:>13}: cold {c:6.2f} s, warm {w:6.2f} s (x{w / c:.2f})")
    print(f"{'total':>13}: cold {sum(cold):6.2f} s, warm {sum(warm):6.2f} s")
    print(f"mare point query, warm cache: {query:.2f} s")


if __name__ == "__main__":
    main()
