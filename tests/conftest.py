"""Test set-up: offline on the staged data mirror, derived grids in a per-session cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import xarray as xr

from lunarbase.fileio import atomic_write_text

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
CHROMIUM = Path("/usr/bin/chromium")
"""Debian's chromium package, which `make test` installs: the PNG exporter's and the browser
tests' browser."""

if not os.environ.get("LUNARBASE_DATA_MIRROR") and SHARED_DATA.is_dir():
    os.environ["LUNARBASE_DATA_MIRROR"] = str(SHARED_DATA)


TEST_CACHE_ENV = "LUNARBASE_TEST_CACHE_DIR"
"""Set it to a folder to keep the suite's derived grids between runs (an edit-run loop); unset,
every pytest run starts from an empty cache, as CI does."""


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary folder of this pytest run that all its xdist workers share (each worker's
    own base folder sits inside the run's)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session", autouse=True)
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Derived grids go to one fresh cache per pytest run (or ``$LUNARBASE_TEST_CACHE_DIR``),
    shared by the run's workers and CLI subprocesses, so tests never depend on a user's cache
    and each map is built once (the cache locks an entry while it is built)."""
    _use_cache(run_folder(tmp_path_factory))


def _use_cache(shared: Path) -> None:
    """Point ``$LUNARBASE_CACHE_DIR`` (this process and its children) at the run's cache."""
    kept = os.environ.get(TEST_CACHE_ENV)
    folder = Path(kept) if kept else shared / "lunarbase-cache"
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["LUNARBASE_CACHE_DIR"] = str(folder)


@pytest.fixture(scope="session")
def mirror() -> Path:
    path = os.environ.get("LUNARBASE_DATA_MIRROR")
    if not path:
        pytest.skip("no data mirror ($LUNARBASE_DATA_MIRROR) and tests run offline")
    return Path(path)


@pytest.fixture(scope="session")
def grs(mirror: Path) -> xr.Dataset:
    """Lunar Prospector GRS 5-degree bins (Prettyman et al. 2006)."""
    from lunarbase.data import load

    ds = load("lpgrs_5deg")
    assert isinstance(ds, xr.Dataset)
    return ds


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium; the test is skipped, saying so, where it is not installed."""
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} missing: `make test` installs it (apt-get install chromium)")
    return CHROMIUM


DEFAULT_RUN = "default-run"
"""Base name, in the run folder (:func:`run_folder`), of the default run's output folder
(``default-run/``), its claim (``.claim``: which worker starts it) and its record (``.json``:
the finished process as JSON)."""


def _start_default_run(shared: Path) -> threading.Thread | None:
    """Start ``lunarbase run --out DIR`` on the bundled scenario in a thread of this worker,
    unless a worker of this pytest run has already claimed it (an exclusive file create); the
    thread writes the finished process as JSON (the record), atomically, when it ends."""
    from tests.cli.helpers import cli

    try:
        os.close(os.open(shared / f"{DEFAULT_RUN}.claim", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return None

    def run() -> None:
        try:
            threads = str(os.cpu_count() or 1)  # the run's maps use every core it is given
            proc = cli(
                "run", "--out", str(shared / DEFAULT_RUN), env={"NUMBA_NUM_THREADS": threads}
            )
            done = [proc.args, proc.returncode, proc.stdout, proc.stderr]
        except AssertionError as exc:  # ran over the timeout: say so to every waiting test
            done = [["lunarbase", "run"], -1, "", str(exc)]
        atomic_write_text(shared / f"{DEFAULT_RUN}.json", json.dumps(done))

    thread = threading.Thread(target=run, name="default-run", daemon=True)
    thread.start()
    return thread


_STARTED: list[threading.Thread] = []
"""The default run's thread where this process started it at the session's start."""


def _warm_kernels() -> None:
    """Compile the numba kernels into their on-disk cache, horizons and light side by side
    (``tests/warm_kernels.py``), so that the workers, the default run and the docs build that
    start next read them instead of each compiling them at the same time (about 10 s of one
    core per group and process on a fresh clone; about 3 s once the cache holds them)."""
    procs = [
        subprocess.Popen([sys.executable, "-m", "tests.warm_kernels", group], cwd=REPO)
        for group in ("horizon", "light")
    ]
    for proc in procs:
        proc.wait()  # a failure here shows again, with its traceback, in the tests


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session: pytest.Session) -> None:
    """Under xdist the controller first compiles the numba kernels (:func:`_warm_kernels`).
    On a whole-suite run (no paths, ``-m`` or ``-k`` given), the controller (or the one
    process without xdist) then starts the default run as the session begins, before the
    workers have collected: it is the longest job of the suite and the tests that read it
    wait for it at the end. Other runs start it at their first test that needs it."""
    config = session.config
    if _workers(config) > 1 and not os.environ.get("PYTEST_XDIST_WORKER"):
        _warm_kernels()
    whole = config.args_source == pytest.Config.ArgsSource.TESTPATHS
    chosen = config.option.markexpr or config.option.keyword or config.option.collectonly
    if os.environ.get("PYTEST_XDIST_WORKER") or not whole or chosen:
        return
    if not os.environ.get("LUNARBASE_DATA_MIRROR"):
        return
    # pytest keeps the run's TempPathFactory there (the tmp_path plugin); the run folder
    shared = config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]
    _use_cache(shared)
    thread = _start_default_run(shared)
    if thread is not None:
        _STARTED.append(thread)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """The process that started the default run waits for it before it ends."""
    for thread in _STARTED:
        thread.join()


@pytest.fixture(scope="session", autouse=True)
def _default_run_in_background(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    _session_cache: None,
) -> Iterator[None]:
    """Where any selected test needs :func:`default_run`, start it at the session's first
    test, in the background, so the other tests run while it builds the bundled scenario's
    maps (those tests come last: :func:`pytest_collection_modifyitems`). The worker that
    started it waits for it before it ends, since other workers may be waiting for its
    record."""
    needed = any(_uses_default_run(item) for item in request.session.items)
    thread = None
    if needed and os.environ.get("LUNARBASE_DATA_MIRROR"):
        thread = _start_default_run(run_folder(tmp_path_factory))
    yield
    if thread is not None:
        thread.join()


@pytest.fixture(scope="session")
def default_run(
    mirror: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """``lunarbase run --out DIR`` on the bundled scenario (its own light settings: the one
    full-resolution run of the suite), once per pytest run whatever the number of workers:
    the finished process and DIR (report.html, results.json, the figure PNGs where a browser is
    found). It was started in the background (:func:`_default_run_in_background`); this waits
    for its record."""
    from tests.cli.helpers import PROCESS_TIMEOUT_S

    shared = run_folder(tmp_path_factory)
    _start_default_run(shared)  # a no-op once claimed
    record = shared / f"{DEFAULT_RUN}.json"
    waited = 0.0
    while not record.is_file():
        if waited > PROCESS_TIMEOUT_S + 60.0:
            pytest.fail(
                f"the default run wrote no record in {waited:.0f} s: the machine may be busy "
                "(its quiet time is ~2 min); rerun when it is quieter"
            )
        time.sleep(1.0)
        waited += 1.0
    args, code, stdout, stderr = json.loads(record.read_text())
    return subprocess.CompletedProcess(args, code, stdout, stderr), shared / DEFAULT_RUN


@pytest.fixture(scope="session")
def default_chain(default_run: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    """For tests of the bundled scenario's own chain (its maps, ranking, simulation): waits
    for the default run, which builds and caches all of it, so these tests read the cache
    instead of waiting on its locks midway (they run last, with the default run's tests)."""


def _uses_default_run(item: pytest.Item) -> bool:
    return "default_run" in getattr(item, "fixturenames", ())


def _order(item: pytest.Item) -> int:
    """Where a test runs: the other slow tests first (they build their own maps while the
    default run builds its own), then the rest, then those that read the default run."""
    if _uses_default_run(item):
        return 2
    return 0 if item.get_closest_marker("slow") else 1


MALLOC_SETTINGS = {
    "MALLOC_MMAP_THRESHOLD_": str(2**30),
    "MALLOC_TRIM_THRESHOLD_": str(2**32),
}
"""glibc malloc settings for the processes the suite starts (workers, the default run, CLI
and docs subprocesses): arrays under 1 GiB come from the heap, and freed heap is kept up to
4 GiB, instead of every large array being a fresh mmap whose pages fault in anew. The maps'
kernels allocate and free arrays of tens of MB per azimuth and block; on 2 cores this halved
the suite's system time (85 s to 43 s) and cut its CPU from 527 s to 482 s (empty caches)."""


def _workers(config: pytest.Config) -> int:
    """pytest-xdist's worker count (``-n``), 0 without xdist."""
    return int(getattr(config.option, "numprocesses", 0) or 0)


def pytest_configure(config: pytest.Config) -> None:
    """Under pytest-xdist the workers are the parallelism: each runs numba's kernels on one
    thread (set before the workers start, so they inherit it), and an idle OpenMP thread
    sleeps rather than spins, so the workers and the default run's two threads do not take
    each other's cores; the processes started from here on use :data:`MALLOC_SETTINGS`. A
    value set in the environment wins."""
    if _workers(config) > 1:
        os.environ.setdefault("NUMBA_NUM_THREADS", "1")
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    for name, value in MALLOC_SETTINGS.items():
        os.environ.setdefault(name, value)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests that use the session's default run are slow (``make test-fast`` skips them): the
    run builds the bundled scenario's full-resolution maps. They go last (:func:`_order`), so
    every worker runs the rest of the suite while the run goes on in the background. A worker
    lists them for the scheduler (:func:`pytest_xdist_make_scheduler`)."""
    users = []
    for item in items:
        if _uses_default_run(item):
            item.add_marker(pytest.mark.slow)
            users.append(item.nodeid)
    items.sort(key=_order)
    if os.environ.get("PYTEST_XDIST_WORKER"):
        listed = run_folder(config._tmp_path_factory) / DEFAULT_RUN_USERS  # type: ignore[attr-defined]
        atomic_write_text(listed, json.dumps(users))


DEFAULT_RUN_USERS = "default-run-users.json"
"""File, in the run folder, of the node ids of the tests that read the default run."""


@pytest.hookimpl(optionalhook=True)  # an xdist hook: unknown where xdist is not loaded
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """xdist's ``loadscope`` scheduling in the suite's order (:func:`_order`): a worker is
    handed a whole module at a time, so a module's tests and its module-scoped fixtures (the
    docs build, the PSR map) stay on one worker and the slow modules are spread over both
    workers from the start; the tests that read the default run are handed out one by one, at
    the end, so that no worker waits for the run while other tests are left. (``loadgroup``
    would do this with marks, but xdist 3.8 cannot rename node ids under pytest 9.2.)"""
    from xdist.scheduler import LoadScopeScheduling

    listed = config._tmp_path_factory.getbasetemp() / DEFAULT_RUN_USERS  # type: ignore[attr-defined]

    class ModuleScheduling(LoadScopeScheduling):
        users: frozenset[str] | None = None

        def _split_scope(self, nodeid: str) -> str:
            if self.users is None:  # the workers wrote it as they collected
                self.users = frozenset(json.loads(listed.read_text()))
            return nodeid if nodeid in self.users else nodeid.split("::", 1)[0]

    config.option.loadscopereorder = False  # the suite's order, not the biggest module first
    return ModuleScheduling(config, log)
