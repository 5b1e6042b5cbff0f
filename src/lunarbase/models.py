"""Model switches by author-year name (pvlib style), one lookup for every registry.

A registry maps names (``"taylor1991_tio2"``, ``"biele2022"``) to model objects; a caller may
pass a name or a model object of the registry's type, and an unknown name is a one-line error
naming the scenario field and listing the allowed names.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from lunarbase.errors import ScenarioError

M = TypeVar("M")


def lookup(registry: Mapping[str, M], model: str | M, *, kind: type[M], field: str) -> M:
    """The model named ``model`` in ``registry`` (or ``model`` itself if it is a ``kind``).

    Raises
    ------
    ScenarioError
        ``field: unknown model 'x' (allowed: a, b)``.
    """
    if isinstance(model, kind):
        return model
    try:
        return registry[model]  # type: ignore[index]
    except (KeyError, TypeError):
        allowed = ", ".join(sorted(registry))
        raise ScenarioError(f"{field}: unknown model {model!r} (allowed: {allowed})") from None
