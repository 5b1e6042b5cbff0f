"""Model switches by name (pvlib style), one lookup for every registry.

A registry maps names (``"tio2_line"``, ``"biele2022"``) to model objects; a caller may pass a
name or a model object of the registry's type, and an unknown name is a one-line error naming
the scenario field and listing the allowed names. Published models go by author and year
(``biele2022``); the project's own fits by what they are (``tio2_line``). A renamed model's
former name (:data:`RENAMED`) still works, with a DeprecationWarning.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from types import MappingProxyType
from typing import TypeVar

from lunarbase.errors import ScenarioError

M = TypeVar("M")

RENAMED: Mapping[str, str] = MappingProxyType(
    {"taylor1991_tio2": "tio2_line", "johnson1999_fluence": "fluence_tio2_line"}
)
"""Former model names -> current ones: the project's own He-3 fits (lunarbase.resources.grades)
once carried author-year names that read like published models."""


def current_name(model: M, *, field: str) -> M | str:
    """``model``, or the current name of a renamed one (with a DeprecationWarning naming
    ``field`` and the new name)."""
    if isinstance(model, str) and model in RENAMED:
        warnings.warn(
            f"{field}: model name {model!r} is deprecated, use {RENAMED[model]!r} (the "
            "project's own fit, not a published model)",
            DeprecationWarning,
            stacklevel=3,
        )
        return RENAMED[model]
    return model


def lookup(registry: Mapping[str, M], model: str | M, *, kind: type[M], field: str) -> M:
    """The model named ``model`` in ``registry`` (or ``model`` itself if it is a ``kind``).

    Raises
    ------
    ScenarioError
        ``field: unknown model 'x' (allowed: a, b)``.
    """
    if isinstance(model, kind):
        return model
    model = current_name(model, field=field)
    try:
        return registry[model]  # type: ignore[index]
    except (KeyError, TypeError):
        allowed = ", ".join(sorted(registry))
        raise ScenarioError(f"{field}: unknown model {model!r} (allowed: {allowed})") from None
