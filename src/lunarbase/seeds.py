"""Seeds: one ``numpy.random.SeedSequence`` per run, spawned into one child stream per stage.

Two stages never draw the same numbers: the run's seed is the entropy of the root sequence and
stage ``k`` of :data:`STAGE_STREAMS` draws from its ``k``-th child (``spawn_key == (k,)``),
whatever other stages draw or skip. A stage function takes either an int (a stream of its own,
as a standalone call) or the child ``SeedSequence`` the chain hands it.
"""

from __future__ import annotations

from typing import TypeAlias

import numpy as np

SeedLike: TypeAlias = int | np.random.SeedSequence
"""An int (``numpy.random.default_rng(seed)``) or a spawned ``SeedSequence``."""

STAGE_STREAMS = ("terrain", "resources", "sites", "operations", "economics")
"""Stages in spawn order; a new stage is appended, so the existing streams never change."""


def stage_seeds(seed: int) -> dict[str, np.random.SeedSequence]:
    """One independent child ``SeedSequence`` of ``SeedSequence(seed)`` per stage."""
    children = np.random.SeedSequence(seed).spawn(len(STAGE_STREAMS))
    return dict(zip(STAGE_STREAMS, children, strict=True))


def fresh_sequence(seed: SeedLike) -> np.random.SeedSequence:
    """A new ``SeedSequence`` equal to ``seed`` (an int, or a copy of a sequence), so spawning
    children from it never changes the caller's sequence: the same seed gives the same children
    however often a stage runs."""
    if isinstance(seed, np.random.SeedSequence):
        return np.random.SeedSequence(seed.entropy, spawn_key=seed.spawn_key)
    return np.random.SeedSequence(seed)


def seed_entropy(seed: SeedLike) -> int:
    """The int a seed came from: ``seed`` itself, or a sequence's entropy (the run's seed)."""
    if isinstance(seed, np.random.SeedSequence):
        return int(seed.entropy)  # type: ignore[arg-type]
    return int(seed)
