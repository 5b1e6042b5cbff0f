"""Global (Sobol') and one-at-a-time (tornado) sensitivity of a vectorised model.

Both analyses take a model defined on the unit hypercube: it maps ``u`` of shape ``(n, k)``,
each column uniform in [0, 1), to one output per row, shape ``(n,)``. The caller turns ``u``
into its physical inputs through their inverse CDFs (``x_i = F_i^{-1}(u_i)``), so any input
distribution is handled outside this module and the Sobol' problem here always has bounds
[0, 1]. Variance-based indices do not change under such monotone per-input maps, so the
indices found for the unit-hypercube model are those of the model in its own inputs.

:func:`sobol_indices` estimates first-order and total indices [1]_ with SALib [3]_: a
scrambled Sobol' sequence in Saltelli's cross-sampled design, ``N (k + 2)`` model runs, and
the Saltelli et al. (2010) estimators [2]_ with bootstrap confidence intervals.
:func:`tornado` swings each input alone between two quantiles with the others at their
medians. :func:`ishigami` and :func:`ishigami_exact_indices` [4]_ are the standard check of
the Sobol' code against analytical indices.

References
----------
.. [1] Sobol', I. M. (2001) Global sensitivity indices for nonlinear mathematical models and
   their Monte Carlo estimates. Mathematics and Computers in Simulation 55(1-3), 271-280,
   doi:10.1016/S0378-4754(00)00270-6.
.. [2] Saltelli, A., Annoni, P., Azzini, I., Campolongo, F., Ratto, M. & Tarantola, S. (2010)
   Variance based sensitivity analysis of model output. Design and estimator for the total
   sensitivity index. Computer Physics Communications 181(2), 259-270,
   doi:10.1016/j.cpc.2009.09.018.
.. [3] Herman, J. & Usher, W. (2017) SALib: An open-source Python library for sensitivity
   analysis. Journal of Open Source Software 2(9), 97, doi:10.21105/joss.00097.
.. [4] Ishigami, T. & Homma, T. (1990) An importance quantification technique in uncertainty
   analysis for computer models. Proceedings of the First International Symposium on
   Uncertainty Modeling and Analysis (ISUMA '90), 398-403, doi:10.1109/ISUMA.1990.151285.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd
from SALib.analyze import sobol as sobol_analyze
from SALib.sample import sobol as sobol_sample

from lunarbase.seeds import SeedLike, fresh_sequence
from lunarbase.typing import FloatArray

UnitModel = Callable[[FloatArray], FloatArray]
"""A vectorised model on the unit hypercube: ``u`` (n, k) in [0, 1) -> output (n,)."""


def _check_names(names: Sequence[str]) -> list[str]:
    """The input names as a list; at least one, no duplicates."""
    name_list = [str(name) for name in names]
    if not name_list:
        raise ValueError("names: at least one input name is needed")
    if len(set(name_list)) != len(name_list):
        raise ValueError(f"names: duplicate input names in {name_list}")
    return name_list


def _evaluate(model: UnitModel, u: FloatArray) -> FloatArray:
    """Run ``model`` once on all rows of ``u``; check one finite output per row."""
    y = np.asarray(model(u), dtype=np.float64)
    n_rows = u.shape[0]
    if y.shape != (n_rows,):
        raise ValueError(
            f"model output has shape {y.shape}, expected ({n_rows},) (one value per row of u)"
        )
    n_bad = int(np.count_nonzero(~np.isfinite(y)))
    if n_bad:
        raise ValueError(f"model output has {n_bad} non-finite value(s) of {n_rows} (NaN or inf)")
    return y


def _salib_seeds(seed: SeedLike) -> tuple[int, int]:
    """Two ints for SALib (sampler scrambling, bootstrap resampling), derived from ``seed``.

    Both are in [1, 2**32]: SALib's ``analyze`` treats a seed of 0 as "no seed" and falls back
    to numpy's global random state, which a zero-free seed avoids.
    """
    words = fresh_sequence(seed).generate_state(2, dtype=np.uint32)
    return int(words[0]) + 1, int(words[1]) + 1


def sobol_indices(
    model: UnitModel,
    names: Sequence[str],
    *,
    n_base: int,
    seed: SeedLike,
    conf_level: float = 0.95,
    num_resamples: int = 100,
) -> pd.DataFrame:
    """First-order and total Sobol' indices of a unit-hypercube model, with SALib.

    The design is SALib's scrambled Sobol' sequence with Saltelli's cross-sampling
    (``SALib.sample.sobol.sample``, ``calc_second_order=False``): ``n_base * (k + 2)`` rows,
    evaluated by ``model`` in one vectorised call. The indices come from
    ``SALib.analyze.sobol.analyze`` (Saltelli et al. 2010 estimators [2]_ of Sobol's
    decomposition [1]_, [3]_); the confidence half-widths are ``z * std`` of the indices over
    ``num_resamples`` bootstrap resamples of the base rows.

    Parameters
    ----------
    model : callable
        ``u`` of shape (n, k), each column in [0, 1), to the output, shape (n,). [output unit]
    names : sequence of str
        The k input names, in the column order of ``u``.
    n_base : int
        SALib's base sample size N; a power of two, at least 2. [count]
    seed : int or numpy.random.SeedSequence
        Seeds the scrambling and the bootstrap; the same seed gives the same table.
    conf_level : float, default 0.95
        Confidence level of the intervals, in (0, 1). [-]
    num_resamples : int, default 100
        Bootstrap resamples for the confidence intervals. [count]

    Returns
    -------
    pandas.DataFrame
        Index ``input`` (the names); columns ``S1`` (first-order index), ``S1_conf`` (its
        confidence half-width), ``ST`` (total index), ``ST_conf``. All [-] (fractions of the
        output variance).

    Raises
    ------
    ValueError
        If ``n_base`` is not a power of two >= 2, ``conf_level`` is outside (0, 1),
        ``num_resamples`` < 2, the names are empty or repeated, or the model output has the
        wrong shape, non-finite values or zero variance.

    References
    ----------
    See the module references [1]_, [2]_, [3]_.
    """
    name_list = _check_names(names)
    if isinstance(n_base, bool) or not isinstance(n_base, int | np.integer):
        raise ValueError(f"n_base must be an int power of two >= 2, got {n_base!r}")
    n = int(n_base)
    if n < 2 or n & (n - 1):
        raise ValueError(f"n_base must be a power of two >= 2, got {n}")
    if not 0.0 < conf_level < 1.0:
        raise ValueError(f"conf_level must lie in (0, 1), got {conf_level}")
    if num_resamples < 2:
        raise ValueError(f"num_resamples must be >= 2, got {num_resamples}")

    problem: dict[str, Any] = {
        "num_vars": len(name_list),
        "names": name_list,
        "bounds": [[0.0, 1.0]] * len(name_list),
    }
    sample_seed, analyze_seed = _salib_seeds(seed)
    u = np.asarray(
        sobol_sample.sample(problem, n, calc_second_order=False, scramble=True, seed=sample_seed),
        dtype=np.float64,
    )
    y = _evaluate(model, u)
    if float(np.ptp(y)) == 0.0:
        raise ValueError("model output is constant over the sample: Sobol' indices are undefined")
    result = sobol_analyze.analyze(
        problem,
        y,
        calc_second_order=False,
        conf_level=conf_level,
        num_resamples=num_resamples,
        seed=analyze_seed,
        print_to_console=False,
    )
    columns = ["S1", "S1_conf", "ST", "ST_conf"]
    table = pd.DataFrame(
        {col: np.asarray(result[col], dtype=np.float64) for col in columns},
        index=pd.Index(name_list, name="input"),
    )
    return table


def tornado(
    model: UnitModel,
    names: Sequence[str],
    *,
    low_u: float = 0.05,
    high_u: float = 0.95,
) -> pd.DataFrame:
    """One-at-a-time swings of a unit-hypercube model (the data of a tornado chart).

    Each input in turn is set to its ``low_u`` and its ``high_u`` quantile while the others stay
    at their medians (u = 0.5); the base case has every input at its median. The 2k + 1 rows
    are evaluated in one vectorised call. Unlike :func:`sobol_indices` this ignores
    interactions and the rest of each input's range.

    Parameters
    ----------
    model : callable
        ``u`` of shape (n, k), each column in [0, 1), to the output, shape (n,). [output unit]
    names : sequence of str
        The k input names, in the column order of ``u``.
    low_u, high_u : float, default 0.05, 0.95
        Quantiles each input is swung to, with 0 <= low_u < high_u < 1. [-]

    Returns
    -------
    pandas.DataFrame
        Index ``input`` (the names); columns ``output_low`` and ``output_high`` (the output with
        that input at ``low_u`` / ``high_u``), ``output_base`` (all at the median) and
        ``swing`` = \\|output_high - output_low\\|, all [output unit]; sorted by ``swing``,
        largest first (ties keep the order of ``names``).

    Raises
    ------
    ValueError
        If the quantiles are out of order or outside [0, 1), the names are empty or repeated,
        or the model output has the wrong shape or non-finite values.
    """
    name_list = _check_names(names)
    if not 0.0 <= low_u < high_u < 1.0:
        raise ValueError(f"need 0 <= low_u < high_u < 1, got low_u={low_u}, high_u={high_u}")
    k = len(name_list)
    u = np.full((2 * k + 1, k), 0.5)
    cols = np.arange(k)
    u[cols, cols] = low_u
    u[k + cols, cols] = high_u
    y = _evaluate(model, u)
    output_low, output_high = y[:k], y[k : 2 * k]
    table = pd.DataFrame(
        {
            "output_low": output_low,
            "output_high": output_high,
            "output_base": np.full(k, y[2 * k]),
            "swing": np.abs(output_high - output_low),
        },
        index=pd.Index(name_list, name="input"),
    )
    return table.sort_values("swing", ascending=False, kind="stable")


def ishigami(u: FloatArray, a: float = 7.0, b: float = 0.1) -> FloatArray:
    """The Ishigami test function on the unit hypercube [4]_.

    f(x) = sin x1 + a sin^2 x2 + b x3^4 sin x1, with x_i = pi (2 u_i - 1) uniform on
    [-pi, pi].

    Parameters
    ----------
    u : array of shape (n, 3)
        Points of the unit cube, each column in [0, 1). [-]
    a, b : float, default 7.0, 0.1
        The function's coefficients (7 and 0.1 are the usual test values). [-]

    Returns
    -------
    numpy.ndarray of shape (n,)
        f at each point. [-]
    """
    u = np.asarray(u, dtype=np.float64)
    if u.ndim != 2 or u.shape[1] != 3:
        raise ValueError(f"ishigami needs u of shape (n, 3), got {u.shape}")
    x = np.pi * (2.0 * u - 1.0)
    x1, x2, x3 = x[:, 0], x[:, 1], x[:, 2]
    result: FloatArray = np.sin(x1) + a * np.sin(x2) ** 2 + b * x3**4 * np.sin(x1)
    return result


def ishigami_exact_indices(a: float = 7.0, b: float = 0.1) -> pd.DataFrame:
    """Analytical first-order and total Sobol' indices of :func:`ishigami` [4]_.

    From the variance decomposition of f with x_i uniform on [-pi, pi]:
    V1 = (1 + b pi^4 / 5)^2 / 2, V2 = a^2 / 8, V3 = 0, V13 = b^2 pi^8 (1/18 - 1/50) = 8 b^2
    pi^8 / 225, the other partial variances zero, so V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2.
    Then S_i = V_i / V, ST1 = (V1 + V13) / V, ST2 = V2 / V, ST3 = V13 / V. For a = 7, b = 0.1:
    S1 = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437).

    Parameters
    ----------
    a, b : float, default 7.0, 0.1
        The Ishigami coefficients. [-]

    Returns
    -------
    pandas.DataFrame
        Index ``input`` (``x1``, ``x2``, ``x3``); columns ``S1`` and ``ST``. [-]
    """
    pi4 = np.pi**4
    pi8 = np.pi**8
    v1 = 0.5 * (1.0 + b * pi4 / 5.0) ** 2
    v2 = a**2 / 8.0
    v13 = b**2 * pi8 * (1.0 / 18.0 - 1.0 / 50.0)
    v = a**2 / 8.0 + b * pi4 / 5.0 + b**2 * pi8 / 18.0 + 0.5
    return pd.DataFrame(
        {
            "S1": [v1 / v, v2 / v, 0.0],
            "ST": [(v1 + v13) / v, v2 / v, v13 / v],
        },
        index=pd.Index(["x1", "x2", "x3"], name="input"),
    )
