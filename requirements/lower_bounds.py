"""Print each runtime dependency of pyproject.toml pinned to its lower bound (``name==version``).

`make test-min` installs exactly these into ``.venv-min`` (with the test runner's own lower
bounds, named on the command line from the ``dev`` extra) and runs a fast subset of the tests
there, so the oldest versions pyproject.toml claims are the oldest versions tested.

Usage: ``python requirements/lower_bounds.py [dev-package ...] > lower-bounds.txt``
(standard library only: it runs before any virtualenv exists).
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"

# A requirement that opens with its lower bound: ``rioxarray>=0.19.0``, ``name[extra]>=1.2,!=1.3``.
_LOWER = re.compile(r"^\s*([A-Za-z0-9._-]+)\s*(?:\[[^\]]*\])?\s*>=\s*([^,;\s]+)")


def lower_bound(requirement: str) -> str:
    """``name==lower`` for one requirement string; a ValueError names one without ``>=``."""
    match = _LOWER.match(requirement)
    if match is None:
        raise ValueError(f"dependency {requirement!r} has no lower bound (>=) in pyproject.toml")
    return f"{match.group(1)}=={match.group(2)}"


def pinned_lower_bounds(pyproject: Path, dev_packages: list[str]) -> list[str]:
    """Every ``[project] dependencies`` entry, then the named ``dev`` extras, at its lower bound."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    dev = {
        re.split(r"[\[<>=!~;\s]", req, maxsplit=1)[0].lower(): req
        for req in project["optional-dependencies"]["dev"]
    }
    missing = [name for name in dev_packages if name.lower() not in dev]
    if missing:
        raise ValueError(f"not in the dev extra of pyproject.toml: {', '.join(missing)}")
    chosen = project["dependencies"] + [dev[name.lower()] for name in dev_packages]
    return [lower_bound(req) for req in chosen]


if __name__ == "__main__":
    print("\n".join(pinned_lower_bounds(PYPROJECT, sys.argv[1:])))
