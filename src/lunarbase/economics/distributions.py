"""Uncertain inputs: the scenario's distributions as inverse CDFs of uniform draws.

Every sample (Monte Carlo or Sobol) starts as u in [0, 1) per input and goes through the
input's quantile function, so one model serves both and SALib sees a unit hypercube.
Families: uniform, log-uniform (uniform in log), triangular, normal and lognormal (given its
median and the standard deviation of its log) [1]_. Draws below zero are clipped to 0: every
uncertain quantity of lunarbase is a non-negative price, rate or multiplier.

References
----------
.. [1] Virtanen, P. et al. (2020) SciPy 1.0: fundamental algorithms for scientific computing in
   Python. Nature Methods 17:261-272 (scipy.stats quantile functions).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import stats

from lunarbase.typing import ArrayLike, FloatArray


def quantile(spec: Any, u: ArrayLike) -> FloatArray:
    """Values of the distribution ``spec`` at probabilities ``u`` in [0, 1) (its inverse CDF).

    Parameters
    ----------
    spec : lunarbase.scenario.Distribution or alike
        ``dist`` and its parameters (``low``/``high``, ``mode``, ``mean``/``sd``,
        ``median``/``sigma``), in the input's unit.
    u : array
        Probabilities. [-]

    Returns
    -------
    array
        Values, clipped to >= 0, in the input's unit.
    """
    p = np.asarray(u, dtype=float)
    if spec.dist == "uniform":
        out = spec.low + p * (spec.high - spec.low)
    elif spec.dist == "loguniform":
        out = np.exp(np.log(spec.low) + p * (np.log(spec.high) - np.log(spec.low)))
    elif spec.dist == "triangular":
        width = spec.high - spec.low
        out = stats.triang.ppf(p, (spec.mode - spec.low) / width, loc=spec.low, scale=width)
    elif spec.dist == "normal":
        out = stats.norm.ppf(p, loc=spec.mean, scale=spec.sd)
    elif spec.dist == "lognormal":
        out = spec.median * np.exp(spec.sigma * stats.norm.ppf(p))
    else:
        raise ValueError(f"unknown distribution {spec.dist!r}")
    return np.clip(np.asarray(out, dtype=float), 0.0, None)
