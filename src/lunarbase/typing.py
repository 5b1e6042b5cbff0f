"""Type aliases shared by the stages (one place, so every module means the same thing)."""

from __future__ import annotations

from typing import TypeAlias

import numpy as np
import numpy.typing as npt

ArrayLike: TypeAlias = npt.ArrayLike
"""Anything numpy turns into an array: a scalar, a sequence or an array (inputs)."""

FloatArray: TypeAlias = npt.NDArray[np.float64]
"""A float64 array (outputs of vectorised models)."""

Numeric: TypeAlias = float | npt.NDArray[np.float64]
"""A float or a float64 array: functions that broadcast and return the same kind."""

BoolArray: TypeAlias = npt.NDArray[np.bool_]
"""A boolean array (masks, outcomes)."""
