"""The user cache: one folder for downloads and derived arrays, and one versioned-key helper.

Every derived array (decoded DEMs, Sun/Earth directions, PSR rings, horizons) is stored under
``cache_dir() / "derived"`` as ``<digest>.npy``, where the digest hashes a key made by
:func:`cache_key`: what is cached (``kind``), the version of the code that builds it, and every
input it depends on (file sha256s and parameters). Bump a kind's version when its builder
changes, and the old entries are simply never read again.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import numpy as np

from lunarbase.fileio import atomic_write

CACHE_ENV = "LUNARBASE_CACHE_DIR"
"""Environment variable that moves the user cache (default: pooch's OS cache folder)."""


def cache_dir() -> Path:
    """User cache folder for downloads and derived arrays (``$LUNARBASE_CACHE_DIR`` or the OS
    cache folder ``lunarbase``; created on demand by the writers)."""
    value = os.environ.get(CACHE_ENV)
    if value:
        return Path(value)
    import pooch

    return Path(pooch.os_cache("lunarbase"))


def cache_key(kind: str, version: int, **inputs: object) -> dict[str, object]:
    """The key of one cached array: ``kind``, the builder's ``version`` and every input the
    array depends on (JSON-serialisable values: sha256s, parameters, sizes)."""
    return {"kind": kind, "version": version, **inputs}


def array_digest(array: np.ndarray) -> str:
    """Short content hash of an array, for a :func:`cache_key` input."""
    return hashlib.sha256(np.ascontiguousarray(array).tobytes()).hexdigest()[:16]


def cached_array(key: dict[str, object], build: Callable[[], np.ndarray]) -> np.ndarray:
    """Array from the derived-array cache, building and storing it atomically on a miss.

    ``key`` (from :func:`cache_key`) must hold everything the result depends on. A corrupt
    entry is deleted and rebuilt. Hits are memory maps (read-only). A miss is built under a
    lock file beside the entry (the ``filelock`` package), so processes sharing the cache (two
    runs, test workers) build each entry once: the others wait for it and read it.
    """
    from filelock import FileLock

    digest = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:24]
    folder = cache_dir() / "derived"
    path = folder / f"{digest}.npy"
    hit = _load(path)
    if hit is not None:
        return hit
    folder.mkdir(parents=True, exist_ok=True)
    with FileLock(folder / f"{digest}.lock"):
        hit = _load(path)  # built by another process while this one waited
        if hit is not None:
            return hit
        array = build()
        atomic_write(path, lambda tmp: _save_npy(tmp, array))
    return array


def _load(path: Path) -> np.ndarray | None:
    """The cached array at ``path`` as a read-only memory map, or None (missing; a corrupt
    entry is deleted)."""
    if path.is_file():
        try:
            return np.load(path, mmap_mode="r")
        except (OSError, ValueError):
            path.unlink(missing_ok=True)
    return None


def _save_npy(path: Path, array: np.ndarray) -> None:
    """``np.save`` to exactly ``path`` (given a name, numpy would append ``.npy``)."""
    with path.open("wb") as fh:
        np.save(fh, array, allow_pickle=False)
