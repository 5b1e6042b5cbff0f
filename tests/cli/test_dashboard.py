"""``lunarbase dashboard`` as a user starts it: where it listens, and a port in use.

Only loopback addresses are used: nothing here listens on, or connects to, another interface.
"""

from __future__ import annotations

import socket
from pathlib import Path

from tests.cli.dashboard_server import dashboard, free_port, wait_for_listener
from tests.cli.helpers import assert_one_line_error, cli


def test_dashboard_listens_on_loopback_only_by_default(tmp_path: Path) -> None:
    """Without --host, the one listening socket on the port is 127.0.0.1's: not 0.0.0.0, not
    ::, not any other interface."""
    port = free_port()
    with dashboard("--port", str(port), log_dir=tmp_path) as proc:
        assert wait_for_listener(proc, port, tmp_path) == {"127.0.0.1"}


def test_dashboard_listens_where_host_says(tmp_path: Path) -> None:
    """--host is honoured (another loopback address, so the test exposes nothing)."""
    port = free_port("127.0.0.2")
    with dashboard("--port", str(port), "--host", "127.0.0.2", log_dir=tmp_path) as proc:
        assert wait_for_listener(proc, port, tmp_path) == {"127.0.0.2"}


def test_port_in_use_is_a_one_line_error() -> None:
    """A port something already listens on: one ``lunarbase: error`` line naming the port and
    the address, exit code 2, before any stage runs."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = cli("dashboard", "--port", str(port))
    assert_one_line_error(
        proc, f"lunarbase: error: --port {port}: port already in use on 127.0.0.1"
    )
    assert "terrain" not in proc.stderr
