"""``lunarbase dashboard`` as a subprocess, for the tests that start one: a free port, the
process (always ended), what listens on a port (read from /proc/net), and waiting for the page."""

from __future__ import annotations

import ipaddress
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STARTUP_TIMEOUT_S = 600.0
"""Longest wait for the dashboard to listen or to serve its page [s]: 5x its quiet time with
cold caches, so a busy machine only slows the test down."""

BUSY = "(the machine may be busy: rerun when it is quieter)"


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nothing listens on at ``host`` now."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


@contextmanager
def dashboard(*args: str, log_dir: Path) -> Iterator[subprocess.Popen[str]]:
    """``python -m lunarbase dashboard ARGS`` running (stdout and stderr to ``log_dir``),
    ended when the block exits, however it exits."""
    with (log_dir / "stdout.txt").open("w") as out, (log_dir / "stderr.txt").open("w") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "lunarbase", "dashboard", *args],
            stdout=out,
            stderr=err,
            text=True,
        )
        try:
            yield proc
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def listeners(port: int) -> set[str]:
    """The local addresses of the TCP sockets listening on ``port`` (IPv4 and IPv6), from
    /proc/net/tcp and /proc/net/tcp6."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except FileNotFoundError:
            continue
        for line in lines:
            local, _, state = line.split()[1:4]
            address, _, hex_port = local.partition(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                # the kernel writes each 32-bit word in host (little-endian) byte order
                raw = b"".join(
                    bytes.fromhex(address[i : i + 8])[::-1] for i in range(0, len(address), 8)
                )
                found.add(str(ipaddress.ip_address(raw)))
    return found


def _alive(proc: subprocess.Popen[str], log_dir: Path) -> None:
    if proc.poll() is not None:
        raise AssertionError(
            f"lunarbase dashboard exited ({proc.returncode}): "
            + (log_dir / "stderr.txt").read_text()
        )


def wait_for_listener(proc: subprocess.Popen[str], port: int, log_dir: Path) -> set[str]:
    """The addresses listening on ``port`` once there is one (the command binds before it
    runs the stages)."""
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while not (found := listeners(port)):
        _alive(proc, log_dir)
        if time.monotonic() > deadline:  # a timeout, generous: never a measured duration
            raise AssertionError(f"nothing listens on port {port} {BUSY}")
        time.sleep(0.1)
    return found


def wait_for_page(proc: subprocess.Popen[str], url: str, log_dir: Path) -> None:
    """Return once ``url`` answers 200 (the stages have run and the server is up)."""
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while True:
        _alive(proc, log_dir)
        try:
            with urllib.request.urlopen(url, timeout=STARTUP_TIMEOUT_S) as reply:
                assert reply.status == 200
                return
        except OSError:
            if time.monotonic() > deadline:  # a timeout, generous: never a measured duration
                raise AssertionError(f"{url} did not answer {BUSY}") from None
            time.sleep(0.2)
