"""Atomic file output: write to a temporary file beside the target, then rename, so a failed
or interrupted run never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from lunarbase.errors import LunarbaseError


def atomic_write(path: Path, write: Callable[[Path], object], mode: int = 0o644) -> None:
    """Call ``write(tmp)`` on a temporary file next to ``path``, then rename it to ``path``."""
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.chmod(tmp, mode)  # mkstemp makes 0600; outputs are meant to be shared
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def atomic_savefig(fig: Any, path: Path) -> None:
    """Save a matplotlib figure as PNG at ``path`` atomically."""
    atomic_write(path, lambda tmp: fig.savefig(tmp, format="png", bbox_inches="tight"))


@contextmanager
def output_folder(folder: Path | str) -> Iterator[Path]:
    """Create ``folder`` if needed and yield it; any OS error while creating it or writing
    inside the ``with`` block becomes a one-line :class:`LunarbaseError` naming the folder."""
    path = Path(folder)
    try:
        path.mkdir(parents=True, exist_ok=True)
        yield path
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise LunarbaseError(f"--out {path}: cannot write output there ({reason})") from None
