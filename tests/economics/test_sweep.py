"""Fixed-block seeded sweeps: prefix invariance and bit-identical results on Dask clusters."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import numpy as np
import pytest

from lunarbase.economics import sweep
from lunarbase.errors import ScenarioError
from lunarbase.typing import FloatArray

SEED = 20350101
BLOCK = 256  # draws per block in these tests: small, so a few blocks stay cheap
N = 1000  # 3 full blocks and a partial one


def _normal_block(seed: np.random.SeedSequence, n: int) -> FloatArray:
    """A block of n rows of 3 standard normals (module level, so worker processes unpickle it)."""
    return np.random.default_rng(seed).standard_normal((n, 3))


@pytest.fixture(autouse=True)
def _quiet_distributed() -> Iterator[None]:
    """distributed logs cluster start-up and shut-down at INFO/WARNING; errors still show."""
    names = ("distributed", "distributed.scheduler", "distributed.nanny", "distributed.worker")
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    yield
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)


@pytest.fixture(scope="module")
def in_process() -> FloatArray:
    """The reference: N draws in a plain loop in this process."""
    return sweep.map_blocks(_normal_block, N, seed=SEED, block_draws=BLOCK)


def test_block_sizes_cover_the_sweep_with_a_short_last_block() -> None:
    """Full blocks then the remainder; an exact multiple has no empty block."""
    assert sweep.block_sizes(1000, 256) == [256, 256, 256, 232]
    assert sweep.block_sizes(512, 256) == [256, 256]
    assert sweep.block_sizes(3, 256) == [3]
    assert sweep.block_sizes(2**16 + 1) == [sweep.BLOCK_DRAWS, 1]


def test_in_process_shape_and_prefix_invariance(in_process: FloatArray) -> None:
    """A longer sweep extends a shorter one: the first N rows of 3000 draws are the N draws."""
    assert in_process.shape == (N, 3)
    assert in_process.dtype == np.float64
    longer = sweep.map_blocks(_normal_block, 3000, seed=SEED, block_draws=BLOCK)
    assert longer.shape == (3000, 3)
    assert np.array_equal(longer[:N], in_process)


def test_block_k_draws_from_child_k_of_the_seed(in_process: FloatArray) -> None:
    """Block 1 is the draws of the seed's child 1, and a SeedSequence seed is not advanced."""
    root = np.random.SeedSequence(SEED)
    from_sequence = sweep.map_blocks(_normal_block, N, seed=root, block_draws=BLOCK)
    assert np.array_equal(from_sequence, in_process)
    assert root.n_children_spawned == 0
    child_1 = np.random.SeedSequence(SEED, spawn_key=(1,))
    assert np.array_equal(in_process[BLOCK : 2 * BLOCK], _normal_block(child_1, BLOCK))


def test_local_cluster_of_two_workers_is_bit_identical(in_process: FloatArray) -> None:
    """workers=2 starts real worker processes; the result equals the in-process one exactly."""
    on_cluster = sweep.map_blocks(_normal_block, N, seed=SEED, block_draws=BLOCK, workers=2)
    assert np.array_equal(on_cluster, in_process)


def test_existing_scheduler_is_bit_identical(in_process: FloatArray) -> None:
    """scheduler= sends the blocks to a running cluster (here a threaded one in this process)."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster:
        address = cluster.scheduler_address
        remote = sweep.map_blocks(_normal_block, N, seed=SEED, block_draws=BLOCK, scheduler=address)
    assert np.array_equal(remote, in_process)


def test_unreachable_scheduler_fails_fast_naming_the_option() -> None:
    """Nothing listens on port 9 (discard): a one-line ScenarioError naming the option and
    the address (the connect timeout that bounds the wait is the sweep's own setting)."""
    address = "tcp://127.0.0.1:9"
    with pytest.raises(ScenarioError, match="--scheduler") as info:
        sweep.map_blocks(_normal_block, N, seed=SEED, block_draws=BLOCK, scheduler=address)
    assert address in str(info.value)
    assert "\n" not in str(info.value)


def test_malformed_scheduler_address_is_a_scenario_error() -> None:
    """An unknown scheme fails at once, naming the option and the address."""
    with pytest.raises(ScenarioError, match=r"--scheduler.*nonsense://x"):
        sweep.map_blocks(_normal_block, N, seed=SEED, scheduler="nonsense://x")


def test_bad_arguments_are_rejected() -> None:
    """workers < 1 is a user error naming --workers; both targets or no draws are bugs."""
    with pytest.raises(ScenarioError, match="--workers"):
        sweep.map_blocks(_normal_block, N, seed=SEED, workers=0)
    with pytest.raises(ValueError, match="not both"):
        sweep.map_blocks(_normal_block, N, seed=SEED, workers=2, scheduler="tcp://127.0.0.1:9")
    with pytest.raises(ValueError, match="n_draws"):
        sweep.map_blocks(_normal_block, 0, seed=SEED)
    with pytest.raises(ValueError, match="block_draws"):
        sweep.block_sizes(10, 0)


def test_a_block_of_the_wrong_length_is_caught() -> None:
    """fn must return one row per draw of its block."""

    def short(seed: np.random.SeedSequence, n: int) -> FloatArray:
        return _normal_block(seed, n - 1)

    with pytest.raises(ValueError, match="block 0"):
        sweep.map_blocks(short, 10, seed=SEED)
