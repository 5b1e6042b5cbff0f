"""Per-stage random streams: one SeedSequence per run, one spawned child per stage."""

from __future__ import annotations

import numpy as np

from lunarbase.seeds import STAGE_STREAMS, seed_entropy, stage_seeds


def test_stages_draw_independent_streams() -> None:
    """One SeedSequence per run, one child per stage: distinct streams, stable per seed."""
    seeds = stage_seeds(11)
    assert list(seeds) == list(STAGE_STREAMS)
    first = {k: np.random.default_rng(v).integers(0, 2**62) for k, v in seeds.items()}
    assert len(set(first.values())) == len(first)
    again = {k: np.random.default_rng(v).integers(0, 2**62) for k, v in stage_seeds(11).items()}
    assert first == again
    assert all(seed_entropy(v) == 11 for v in seeds.values())
    assert seed_entropy(5) == 5


def test_a_child_stream_is_not_the_plain_seed() -> None:
    """A stage's child differs from ``default_rng(seed)``: the old shared stream is gone."""
    child = np.random.default_rng(stage_seeds(3)["resources"]).random(4)
    plain = np.random.default_rng(3).random(4)
    assert not np.allclose(child, plain)
