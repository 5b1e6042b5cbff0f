"""Two ways to run the command line in a test, with the same result shape
(``returncode``, ``stdout``, ``stderr``):

- :func:`invoke` runs it in this process (click's ``CliRunner`` isolation around
  :func:`lunarbase.cli.main`): options, errors and output shapes, without a Python start-up;
- :func:`cli` starts a real ``python -m lunarbase`` process, for what only a process shows (its
  exit code, the one stderr line and no traceback, JSON alone on stdout).
"""

from __future__ import annotations

import os
import subprocess
import sys

from click.testing import CliRunner

PROCESS_TIMEOUT_S = 1800.0
"""Longest a subprocess may run [s]: over 10 x the slowest quiet-machine run in the suite (the
default ``lunarbase run`` from an empty cache, ~2 min on 2 cores), which took 10 min on a
2-core machine running 16 other jobs; it only turns a hang into a failure."""


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m lunarbase ARGS`` as a process (``env`` added to this one's environment)."""
    command = [sys.executable, "-m", "lunarbase", *args]
    try:
        return subprocess.run(
            command,
            capture_output=True,
            text=True,
            env={**os.environ, **(env or {})},
            timeout=PROCESS_TIMEOUT_S,
        )
    except subprocess.TimeoutExpired as exc:
        raise AssertionError(
            f"`lunarbase {' '.join(args)}` ran over {PROCESS_TIMEOUT_S:.0f} s: the machine may "
            "be busy (this is over 10x its quiet time); rerun when it is quieter"
        ) from exc


def invoke(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``lunarbase ARGS`` in this process, as :func:`cli` would report it."""
    from lunarbase.cli import main

    code: int = 0
    with CliRunner().isolation(env=env) as (stdout, stderr, _):
        try:
            main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        sys.stdout.flush()
        sys.stderr.flush()
        out, err = stdout.getvalue().decode(), stderr.getvalue().decode()
    return subprocess.CompletedProcess(["lunarbase", *args], code, out, err)


def assert_one_line_error(proc: subprocess.CompletedProcess[str], *needles: str) -> None:
    """Exit code 2, one line on stderr holding every needle, no traceback."""
    assert proc.returncode == 2, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
