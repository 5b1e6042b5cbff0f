"""The benchmarks' shared timer: the best of several runs, in wall and process CPU time."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(repeat: int, run: Callable[[], object]) -> tuple[float, float]:
    """Smallest wall and CPU seconds (process CPU, all threads) of ``repeat`` calls of
    ``run()``: the least disturbed run on a shared machine."""
    walls, cpus = [], []
    for _ in range(repeat):
        c0, t0 = time.process_time(), time.perf_counter()
        run()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return min(walls), min(cpus)
