"""Speed of the economics Monte Carlo: 1e6 NPV draws in process, and the same sweep on a Dask
LocalCluster of 2 workers.

The base is a 10-year, 5-miner simulation on a synthetic feed (the operations stage's own
``simulate``); every default uncertain input of the scenario schema is drawn. Baseline (named,
same run): the in-process sweep of the same draws; the Dask run must equal it bit for bit, and
its speed-up is the ratio of the two wall times (start-up of the cluster excluded: a cluster is
started once and reused, as on a real one). The cluster is ``sweep.local_cluster``, the one
``--workers`` starts. Ends with one line

    mc_1e6_s=<s> draws_per_s=<x> dask_speedup=<y> identical=<true|false>

Usage: ``python benchmarks/economics_scale.py [--draws 1000000] [--dask-draws 4000000]``
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from lunarbase.economics import montecarlo, sweep
from lunarbase.operations import MiningFeed, simulate
from lunarbase.scenario import Economics, Operations

FEED = MiningFeed(
    he3_fines_ppb=20.0,
    fines_mass_fraction=0.44,
    th_ppm=5.0,
    he4_he3_atom_ratio=2700.0,
    regolith_density_kg_m3=1660.0,
    mining_depth_m=3.0,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=1_000_000)
    parser.add_argument("--dask-draws", type=int, default=4_000_000)
    args = parser.parse_args()
    from distributed import Client

    cfg = Economics()
    ops = simulate(Operations(years=10), feed=FEED, seed=1)
    block = montecarlo.NpvDraws(montecarlo.Model(cfg, ops), tuple(cfg.drawn))
    seed = np.random.SeedSequence(2026)
    start = time.perf_counter()
    sweep.map_blocks(block, args.draws, seed=seed)
    mc_s = time.perf_counter() - start
    print(f"in process: {args.draws:,} draws in {mc_s:.2f} s ({args.draws / mc_s:.3g} draws/s)")

    start = time.perf_counter()
    local = sweep.map_blocks(block, args.dask_draws, seed=seed)
    local_s = time.perf_counter() - start
    with sweep.local_cluster(2) as cluster, Client(cluster) as client:
        client.run(lambda: None)  # workers up before timing
        start = time.perf_counter()
        remote = sweep.map_blocks(
            block, args.dask_draws, seed=seed, scheduler=cluster.scheduler_address
        )
        dask_s = time.perf_counter() - start
    identical = bool(np.array_equal(local, remote))
    print(
        f"{args.dask_draws:,} draws: in process (baseline) {local_s:.2f} s, Dask 2 workers "
        f"{dask_s:.2f} s"
    )
    print(
        f"mc_1e6_s={mc_s * 1e6 / args.draws:.2f} draws_per_s={args.draws / mc_s:.3g} "
        f"dask_speedup={local_s / dask_s:.2f} identical={str(identical).lower()}"
    )


if __name__ == "__main__":
    main()
