"""Seeded Monte Carlo sweeps in fixed-size blocks, in this process or on a Dask cluster.

A sweep of ``n_draws`` draws is cut into blocks of :data:`BLOCK_DRAWS` draws (the last one
shorter): block ``k`` holds draws ``[k * block_draws, min((k + 1) * block_draws, n_draws))``.
Its random stream is the ``k``-th child of the run's ``numpy.random.SeedSequence``, spawned
with :meth:`~numpy.random.SeedSequence.spawn` (NumPy's *SeedSequence spawning* strategy [1]_).
A spawned child depends only on the root seed and its index ``k`` (its ``spawn_key`` is the
root's with ``k`` appended), never on how many siblings were spawned or where they run, so

- draw ``i`` is the same for every ``n_draws >= i + 1`` (a longer sweep extends a shorter one);
- the result is bit-identical whether the blocks run in a plain loop, on a local cluster of
  worker processes or on a remote scheduler, and however they are spread over the workers.

The block size is a constant of the method, not a tuning knob: changing ``block_draws`` changes
which stream each draw comes from, and so the numbers.

Off this process the blocks are tasks of Dask's distributed scheduler [2]_: one task per block
(``Client.map`` with ``pure=False``), gathered and concatenated in block order. Dask is imported
only when a sweep is sent to a cluster, so importing :mod:`lunarbase` stays fast.

References
----------
.. [1] NumPy Developers. Parallel random number generation (NumPy reference, "Random
   sampling": SeedSequence spawning). https://numpy.org/doc/stable/reference/random/parallel.html
.. [2] Rocklin, M. (2015) Dask: Parallel Computation with Blocked algorithms and Task
   Scheduling. Proc. 14th Python in Science Conf. (SciPy 2015), 130-136,
   doi:10.25080/Majora-7b98e3ed-013.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeAlias

import numpy as np

from lunarbase.errors import ScenarioError
from lunarbase.seeds import SeedLike, fresh_sequence
from lunarbase.typing import FloatArray

if TYPE_CHECKING:
    from distributed import Client, LocalCluster

BLOCK_DRAWS = 2**16
"""Draws per block [draws]: fixed, so that each draw always comes from the same stream."""

CONNECT_TIMEOUT_S = 5.0
"""How long to wait for a scheduler to answer before giving up [s]."""

BlockFn: TypeAlias = Callable[[np.random.SeedSequence, int], FloatArray]
"""fn(block_seed, n) -> array whose first axis has length n (the block's draws)."""


def block_sizes(n_draws: int, block_draws: int = BLOCK_DRAWS) -> list[int]:
    """Draws in each block of a sweep, in block order.

    Parameters
    ----------
    n_draws : int
        Draws in the whole sweep, at least 1. [draws]
    block_draws : int, default BLOCK_DRAWS
        Draws in every block but the last, at least 1. [draws]

    Returns
    -------
    list of int
        ``block_draws`` repeated, then the remainder (if any); sums to ``n_draws``. [draws]

    Raises
    ------
    ValueError
        If ``n_draws`` or ``block_draws`` is below 1.
    """
    if n_draws < 1:
        raise ValueError(f"n_draws must be >= 1, got {n_draws}")
    if block_draws < 1:
        raise ValueError(f"block_draws must be >= 1, got {block_draws}")
    full, rest = divmod(n_draws, block_draws)
    return [block_draws] * full + ([rest] if rest else [])


def block_seeds(seed: SeedLike, n_blocks: int) -> list[np.random.SeedSequence]:
    """The ``n_blocks`` first child sequences of ``seed``: child ``k`` depends only on ``k``.

    Parameters
    ----------
    seed : int or numpy.random.SeedSequence
        The sweep's seed; a sequence given is copied, never advanced.
    n_blocks : int
        Blocks in the sweep. [count]

    Returns
    -------
    list of numpy.random.SeedSequence
        ``fresh_sequence(seed).spawn(n_blocks)``.
    """
    return fresh_sequence(seed).spawn(n_blocks)


def map_blocks(
    fn: BlockFn,
    n_draws: int,
    *,
    seed: SeedLike,
    workers: int | None = None,
    scheduler: str | None = None,
    block_draws: int = BLOCK_DRAWS,
) -> FloatArray:
    """Run ``fn`` once per block of a sweep and stack the blocks' draws in order.

    Parameters
    ----------
    fn : BlockFn
        ``fn(block_seed, n)`` returns the ``n`` draws of one block (first axis of length ``n``),
        drawn only from ``block_seed``. It must be picklable to run on a cluster.
    n_draws : int
        Draws in the sweep, at least 1. [draws]
    seed : int or numpy.random.SeedSequence
        The sweep's seed; block ``k`` draws from child ``k`` of it.
    workers : int, optional
        Start a local Dask cluster of this many worker processes (one thread each, no
        dashboard) for this sweep, and close it afterwards. At least 1.
    scheduler : str, optional
        Address of a running Dask scheduler to send the blocks to, e.g.
        ``"tcp://10.0.0.5:8786"``. Not together with ``workers``.
    block_draws : int, default BLOCK_DRAWS
        Draws per block. [draws]

    Returns
    -------
    FloatArray
        The blocks' outputs concatenated along axis 0 in block order; first axis ``n_draws``.
        Identical, bit for bit, whichever of ``workers``/``scheduler``/neither runs it.

    Raises
    ------
    ValueError
        If ``n_draws`` or ``block_draws`` is below 1, both ``workers`` and ``scheduler`` are
        given, or ``fn`` returns a block of the wrong length.
    ScenarioError
        If ``workers`` is below 1, or the scheduler cannot be reached within
        :data:`CONNECT_TIMEOUT_S` or its address is malformed.
    """
    if workers is not None and scheduler is not None:
        raise ValueError("give workers or scheduler, not both")
    if workers is not None and workers < 1:
        raise ScenarioError(f"--workers: must be at least 1, got {workers}")
    sizes = block_sizes(n_draws, block_draws)
    seeds = block_seeds(seed, len(sizes))
    if workers is not None:
        blocks = _run_local_cluster(fn, seeds, sizes, workers)
    elif scheduler is not None:
        blocks = _run_scheduler(fn, seeds, sizes, scheduler)
    else:
        blocks = [fn(s, n) for s, n in zip(seeds, sizes, strict=True)]
    return _stack(blocks, sizes)


def _stack(blocks: Sequence[FloatArray], sizes: Sequence[int]) -> FloatArray:
    """Concatenate the blocks along axis 0 after checking each has its block's length."""
    for k, (block, n) in enumerate(zip(blocks, sizes, strict=True)):
        got = np.shape(block)[0] if np.ndim(block) else None
        if got != n:
            raise ValueError(f"block {k}: fn returned first axis {got}, expected {n} draws")
    return np.concatenate(blocks, axis=0)


def _apply(fn: BlockFn, seed: np.random.SeedSequence, n: int) -> FloatArray:
    """``fn(seed, n)``: a task that receives the scattered ``fn``."""
    return fn(seed, n)


def _run_on(
    client: Client, fn: BlockFn, seeds: list[np.random.SeedSequence], sizes: list[int]
) -> list[FloatArray]:
    """One task per block on ``client``, gathered in block order. ``fn`` (with whatever state
    it carries) is sent to every worker once, not with each task."""
    [shared] = client.scatter([fn], broadcast=True, hash=False)
    futures = client.map(_apply, [shared] * len(seeds), seeds, sizes, pure=False)
    blocks: list[FloatArray] = client.gather(futures)
    return blocks


def local_cluster(workers: int) -> LocalCluster:
    """A local Dask cluster of ``workers`` single-thread worker processes, no dashboard.

    Dask's nanny starts its workers with ``MALLOC_TRIM_THRESHOLD_=65536`` [1]_ (to hand freed
    memory back to the OS). Setting that variable switches off glibc's dynamic mmap threshold,
    so every array above 128 KiB is mapped and unmapped afresh: a block of this package's NPV
    model then takes ~1.7x as long on a worker as in this process (measured here; the
    benchmark ``benchmarks/economics_scale.py`` shows the effect on the speed-up). This cluster's
    workers start without it; workers of a remote cluster are started by their owner and
    keep Dask's setting unless it is changed there (``distributed.nanny.pre-spawn-environ``).

    Parameters
    ----------
    workers : int
        Worker processes, at least 1. [count]

    Returns
    -------
    distributed.LocalCluster
        Running; close it (it is a context manager).

    References
    ----------
    .. [1] Dask distributed documentation, "Worker Memory Management: Memory not released back
       to the OS" (``MALLOC_TRIM_THRESHOLD_``). https://distributed.dask.org/en/stable/worker-memory.html
    .. [2] The GNU C Library Reference Manual, "Malloc Tunable Parameters" (``M_TRIM_THRESHOLD``:
       setting it disables the dynamic adjustment of the thresholds).
       https://www.gnu.org/software/libc/manual/html_node/Malloc-Tunable-Parameters.html
    """
    import dask
    from distributed import LocalCluster

    environ = dask.config.get("distributed.nanny.pre-spawn-environ")
    kept = {k: v for k, v in environ.items() if k != "MALLOC_TRIM_THRESHOLD_"}
    with dask.config.set({"distributed.nanny.pre-spawn-environ": kept}):
        return LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )


def _run_local_cluster(
    fn: BlockFn, seeds: list[np.random.SeedSequence], sizes: list[int], workers: int
) -> list[FloatArray]:
    """Run the blocks on a throw-away :func:`local_cluster` of ``workers`` processes."""
    from distributed import Client

    with local_cluster(workers) as cluster, Client(cluster) as client:
        return _run_on(client, fn, seeds, sizes)


def _run_scheduler(
    fn: BlockFn, seeds: list[np.random.SeedSequence], sizes: list[int], address: str
) -> list[FloatArray]:
    """Run the blocks on the scheduler at ``address``; a failed connection is a user error."""
    from distributed import Client

    try:
        client = Client(address, timeout=CONNECT_TIMEOUT_S)
    except (OSError, ValueError, TypeError, MemoryError) as exc:
        raise ScenarioError(
            f"--scheduler: cannot connect to a Dask scheduler at {address!r}: {_reason(exc)}"
        ) from exc
    with client:
        return _run_on(client, fn, seeds, sizes)


def _reason(exc: BaseException) -> str:
    """One line saying why a connection failed."""
    if isinstance(exc, MemoryError):
        # Something other than a Dask scheduler answered (an HTTP server, say): distributed read
        # its reply as a frame length and tried to allocate that many bytes.
        return "the service there does not speak the Dask protocol"
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
