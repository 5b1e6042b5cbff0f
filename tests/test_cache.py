"""The derived-array cache: versioned keys, one build per key, corrupt entries rebuilt."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from lunarbase.cache import cache_dir, cache_key, cached_array


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LUNARBASE_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_cache_dir_follows_the_environment(cache: Path) -> None:
    """``$LUNARBASE_CACHE_DIR`` moves the cache."""
    assert cache_dir() == cache


def test_key_holds_kind_version_and_inputs() -> None:
    """The key is the kind, the builder version and every input."""
    assert cache_key("horizon", 3, x_m=1.0, dems=["a"]) == {
        "kind": "horizon",
        "version": 3,
        "x_m": 1.0,
        "dems": ["a"],
    }


def test_one_build_per_key_and_a_version_bump_rebuilds(cache: Path) -> None:
    """A hit reads the stored array; another version or input builds again."""
    builds: list[int] = []

    def build() -> np.ndarray:
        builds.append(1)
        return np.arange(5.0) * len(builds)

    first = cached_array(cache_key("demo", 1, n=5), build)
    again = cached_array(cache_key("demo", 1, n=5), build)
    np.testing.assert_array_equal(first, again)
    assert len(builds) == 1
    bumped = cached_array(cache_key("demo", 2, n=5), build)
    other = cached_array(cache_key("demo", 1, n=6), build)
    assert len(builds) == 3
    np.testing.assert_array_equal(bumped, np.arange(5.0) * 2)
    np.testing.assert_array_equal(other, np.arange(5.0) * 3)


def test_a_corrupt_entry_is_rebuilt(cache: Path) -> None:
    """A truncated file is deleted and built again, not read as garbage."""
    key = cache_key("demo", 1)
    cached_array(key, lambda: np.ones(3))
    (entry,) = (cache / "derived").glob("*.npy")
    entry.write_bytes(b"not an npy file")
    np.testing.assert_array_equal(cached_array(key, lambda: np.zeros(3)), np.zeros(3))


def _build_slowly_once(cache: str, log: str) -> None:
    """In a child process: ``cached_array`` of one key whose build logs itself and sleeps, so a
    second process asks for the key while the first still builds it."""
    import os
    import time

    os.environ["LUNARBASE_CACHE_DIR"] = cache

    def build() -> np.ndarray:
        with open(log, "a") as fh:
            fh.write("built\n")
        time.sleep(2.0)
        return np.arange(4.0)

    np.testing.assert_array_equal(cached_array(cache_key("shared", 1), build), np.arange(4.0))


def test_processes_sharing_the_cache_build_an_entry_once(cache: Path) -> None:
    """Two processes asking for the same missing entry at once: one builds it, the other
    waits for it and reads it."""
    import multiprocessing

    log = cache / "builds.txt"
    context = multiprocessing.get_context("spawn")
    procs = [
        context.Process(target=_build_slowly_once, args=(str(cache), str(log))) for _ in range(2)
    ]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(timeout=120)
        assert proc.exitcode == 0
    assert log.read_text() == "built\n"
