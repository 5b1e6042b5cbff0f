"""Names a package re-exports from a heavy submodule, imported on first use (PEP 562).

A stage's public face stays its ``__init__`` while a ``lunarbase point`` process, which never
touches maps, does not pay for importing xarray, matplotlib or numba.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any


def lazy_exports(package: str, names: dict[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package`` that imports ``package.<names[name]>`` when
    ``name`` is first looked up, and raises AttributeError for any other name."""

    def __getattr__(name: str) -> Any:
        if name not in names:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(import_module(f"{package}.{names[name]}"), name)

    return __getattr__
