"""Speed of the break-even answers once the chain is cached: one input's break-even and the
50 x 50 zero-NPV frontier of two inputs (the target: under 10 s).

The chain of the scenario (default ilrs-2035) runs to the operations stage first, from the
cache when it is warm (``LUNARBASE_CACHE_DIR``); that run is timed apart and is not part of the
answer's time. Baseline (named, same run): one nominal NPV evaluation of the same model. Ends
with one line

    chain_s=<s> breakeven_s=<s> frontier_50x50_s=<s> nominal_npv_s=<s>

Usage: ``python benchmarks/breakeven_frontier.py [--scenario ilrs-2035]``
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from lunarbase.economics import break_even_of, frontier_of
from lunarbase.economics.montecarlo import Model
from lunarbase.pipeline import Chain
from lunarbase.scenario import load


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default="ilrs-2035")
    args = parser.parse_args()
    t0 = time.perf_counter()
    chain = Chain(load(args.scenario))
    ops = chain.run(until="operations").operations
    assert ops is not None
    cfg = chain.scenario.economics
    t1 = time.perf_counter()
    found = break_even_of(cfg, ops, ("he3_price_usd_per_l",))
    t2 = time.perf_counter()
    front = frontier_of(cfg, ops, ("he3_price_usd_per_l", "launch_cost_usd_per_kg"), n=50)
    t3 = time.perf_counter()
    t4 = time.perf_counter()
    Model(cfg, ops).npv_usd({"discount_rate": np.ones(1)})
    t5 = time.perf_counter()
    print(f"break-even of he3_price_usd_per_l: {found[0]['value']}")
    crossings = sum(y is not None for y in front["frontier"])
    print(f"frontier: {crossings} of 50 columns cross zero")
    print(
        f"chain_s={t1 - t0:.2f} breakeven_s={t2 - t1:.3f} frontier_50x50_s={t3 - t2:.3f} "
        f"nominal_npv_s={t5 - t4:.4f}"
    )


if __name__ == "__main__":
    main()
