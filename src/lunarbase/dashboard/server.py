"""The dashboard's server: a Panel server bound to one address, accepting page sessions only from
pages loaded from that address (Bokeh's websocket origin check)."""

from __future__ import annotations

import errno
import socket
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from lunarbase.errors import QueryError

if TYPE_CHECKING:
    from bokeh.server.server import Server

_WILDCARD_HOSTS = ("", "0.0.0.0", "::")
"""Addresses that mean every interface of the machine."""


def url(host: str, port: int) -> str:
    """The dashboard's address for a browser (``localhost`` for a wildcard ``host``)."""
    shown = "localhost" if host in _WILDCARD_HOSTS else host
    shown = f"[{shown}]" if ":" in shown else shown
    return f"http://{shown}:{port}/"


def listen(page: Callable[[], Any], *, host: str, port: int, title: str) -> Server:
    """A Panel server of ``page`` bound to ``host:port``, not yet started
    (:func:`serve_forever` starts it).

    Pages are served to browsers that opened them from ``host`` (or, on a loopback or wildcard
    ``host``, from ``localhost`` and 127.0.0.1; on a wildcard one also from this machine's
    name): Bokeh refuses sessions from pages of any other origin.

    Parameters
    ----------
    page : callable
        Makes one session's page (:meth:`Dashboard.page`).
    host : str
        Address to listen on (``lunarbase dashboard``'s default: 127.0.0.1, this machine
        only).
    port : int
        TCP port.
    title : str
        The browser tab's title.

    Raises
    ------
    QueryError
        The port is in use, or the address is not this machine's (one line).
    """
    import panel as pn

    names = {host}
    if host in _WILDCARD_HOSTS or host.startswith("127.") or host in ("localhost", "::1"):
        names |= {"localhost", "127.0.0.1"}
    if host in _WILDCARD_HOSTS:
        names |= {socket.gethostname(), socket.getfqdn()}
    origins = sorted(f"{name}:{port}" for name in names if name not in _WILDCARD_HOSTS)
    try:
        server: Server = pn.serve(
            page,
            port=port,
            address=host,
            websocket_origin=origins,
            show=False,
            start=False,
            verbose=False,
            title=title,
        )
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise QueryError(f"--port {port}: port already in use on {host}") from None
        raise QueryError(f"--host {host} --port {port}: cannot listen there ({exc})") from None
    return server


def serve_forever(server: Server) -> None:
    """Start ``server`` and serve until interrupted (Ctrl-C stops it)."""
    server.start()
    server.io_loop.start()
