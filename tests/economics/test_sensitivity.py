"""Sobol' indices checked against the Ishigami function's exact indices; tornado by hand sums."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lunarbase.economics import sensitivity as sa
from lunarbase.typing import FloatArray

ISHIGAMI_NAMES = ["x1", "x2", "x3"]

# Ishigami & Homma (1990), doi:10.1109/ISUMA.1990.151285, a = 7, b = 0.1: the textbook indices
# to four decimals (as quoted in the sensitivity-analysis literature and SALib's Ishigami test).
ISHIGAMI_TEXTBOOK = pd.DataFrame(
    {"S1": [0.3139, 0.4424, 0.0], "ST": [0.5576, 0.4424, 0.2437]},
    index=pd.Index(ISHIGAMI_NAMES, name="input"),
)

# With a scrambled Sobol' design of N = 2**13 base rows (40 960 runs) the estimates of the
# Ishigami indices were within 0.0015 of the exact values over seeds 0..7 (quasi-Monte Carlo
# error, far below the ~0.02 bootstrap half-widths SALib reports, which assume plain Monte Carlo).
# 0.01 absolute leaves a margin of ~7x and still catches a swapped or mis-scaled index (the
# smallest gap between two distinct exact values is 0.115).
SOBOL_ATOL = 0.01
# The bootstrap interval is conservative for a QMC design; widening it by 1.5x guards against a
# seed where the interval happens to be narrow without making the check vacuous (half-widths are
# 0.01-0.03, so a wrong index, off by >= 0.1, still falls outside).
CONF_WIDEN = 1.5


@pytest.fixture(scope="module")
def ishigami_sobol() -> pd.DataFrame:
    """Sobol' indices of the Ishigami function, N = 2**13, seed 20240601."""
    return sa.sobol_indices(sa.ishigami, ISHIGAMI_NAMES, n_base=2**13, seed=20240601)


def test_exact_ishigami_indices_match_the_textbook_values() -> None:
    """The analytical decomposition gives the published indices to four decimals."""
    exact = sa.ishigami_exact_indices(7.0, 0.1)
    pd.testing.assert_frame_equal(exact, ISHIGAMI_TEXTBOOK, check_exact=False, atol=5e-5, rtol=0)
    # Additive model: the first-order indices plus the x1-x3 interaction sum to one.
    v13_share = exact.loc["x3", "ST"]
    assert exact["S1"].sum() + v13_share == pytest.approx(1.0, abs=1e-12)


def test_exact_ishigami_indices_without_interaction() -> None:
    """With b = 0 the function is sin x1 + a sin^2 x2: V1 = 1/2, V2 = a^2/8, no interaction."""
    exact = sa.ishigami_exact_indices(a=2.0, b=0.0)
    v1, v2 = 0.5, 2.0**2 / 8.0
    expected = [v1 / (v1 + v2), v2 / (v1 + v2), 0.0]
    np.testing.assert_allclose(exact["S1"], expected, atol=1e-15)
    np.testing.assert_allclose(exact["ST"], expected, atol=1e-15)


def test_ishigami_function_at_hand_points() -> None:
    """u = 0.5 is x = 0 (f = 0); u = (0.75, 0.75, 0) is x = (pi/2, pi/2, -pi): 1 + a + b pi^4."""
    u = np.array([[0.5, 0.5, 0.5], [0.75, 0.75, 0.0]])
    expected = [0.0, 1.0 + 7.0 + 0.1 * np.pi**4]
    np.testing.assert_allclose(sa.ishigami(u), expected, atol=1e-12)


def test_sobol_reproduces_exact_ishigami_indices(ishigami_sobol: pd.DataFrame) -> None:
    """S1 and ST within SOBOL_ATOL of the exact values, and inside the widened intervals."""
    exact = sa.ishigami_exact_indices()
    table = ishigami_sobol
    assert list(table.columns) == ["S1", "S1_conf", "ST", "ST_conf"]
    assert list(table.index) == ISHIGAMI_NAMES
    assert table.index.name == "input"
    for col in ("S1", "ST"):
        np.testing.assert_allclose(table[col], exact[col], atol=SOBOL_ATOL, rtol=0)
        error = (table[col] - exact[col]).abs()
        half_width = table[f"{col}_conf"]
        assert (half_width > 0).all()
        assert (error <= CONF_WIDEN * half_width).all(), (col, error, half_width)


def test_sobol_evaluates_the_model_once_on_the_saltelli_design() -> None:
    """One call with N (k + 2) rows, every u in [0, 1)."""
    calls: list[tuple[int, ...]] = []

    def model(u: FloatArray) -> FloatArray:
        calls.append(u.shape)
        assert ((u >= 0.0) & (u < 1.0)).all()
        return sa.ishigami(u)

    sa.sobol_indices(model, ISHIGAMI_NAMES, n_base=64, seed=1)
    assert calls == [(64 * (3 + 2), 3)]


def test_sobol_same_seed_identical_different_seed_differs() -> None:
    """The table depends on the seed alone, not on numpy's global random state."""
    np.random.seed(1)  # noqa: NPY002 -- perturb the legacy global state on purpose
    first = sa.sobol_indices(sa.ishigami, ISHIGAMI_NAMES, n_base=256, seed=7)
    np.random.seed(2)  # noqa: NPY002
    again = sa.sobol_indices(sa.ishigami, ISHIGAMI_NAMES, n_base=256, seed=7)
    pd.testing.assert_frame_equal(first, again, check_exact=True)
    other = sa.sobol_indices(sa.ishigami, ISHIGAMI_NAMES, n_base=256, seed=8)
    assert not np.allclose(first.to_numpy(), other.to_numpy())


def test_sobol_accepts_a_seed_sequence_and_leaves_it_unchanged() -> None:
    """A spawned SeedSequence gives the same table each time and is not consumed."""
    child = np.random.SeedSequence(5).spawn(3)[2]
    first = sa.sobol_indices(sa.ishigami, ISHIGAMI_NAMES, n_base=128, seed=child)
    again = sa.sobol_indices(sa.ishigami, ISHIGAMI_NAMES, n_base=128, seed=child)
    pd.testing.assert_frame_equal(first, again, check_exact=True)
    assert child.n_children_spawned == 0


@pytest.mark.parametrize("n_base", [0, 1, 3, 100, 1000])
def test_sobol_rejects_n_base_not_a_power_of_two(n_base: int) -> None:
    """N must be a power of two >= 2 (the Sobol' sequence's balance properties)."""
    with pytest.raises(ValueError, match="n_base"):
        sa.sobol_indices(sa.ishigami, ISHIGAMI_NAMES, n_base=n_base, seed=0)


def test_sobol_rejects_non_finite_model_output() -> None:
    """A NaN anywhere in the output is an error, not a silent NaN index."""

    def model(u: FloatArray) -> FloatArray:
        y = sa.ishigami(u)
        y[3] = np.nan
        return y

    with pytest.raises(ValueError, match="non-finite"):
        sa.sobol_indices(model, ISHIGAMI_NAMES, n_base=32, seed=0)


def test_sobol_rejects_wrong_output_shape() -> None:
    """The model must return one value per row."""
    with pytest.raises(ValueError, match="shape"):
        sa.sobol_indices(lambda u: u, ["a", "b"], n_base=32, seed=0)


def test_sobol_rejects_constant_output() -> None:
    """A constant output has no variance to decompose."""
    with pytest.raises(ValueError, match="constant"):
        sa.sobol_indices(lambda u: np.ones(len(u)), ["a", "b"], n_base=32, seed=0)


def test_tornado_linear_model_by_hand() -> None:
    """y = 3 u0 + u1: swings 3 x 0.9 = 2.7 and 1 x 0.9 = 0.9, base 3 x 0.5 + 0.5 = 2."""
    calls: list[tuple[int, ...]] = []

    def model(u: FloatArray) -> FloatArray:
        calls.append(u.shape)
        result: FloatArray = 3.0 * u[:, 0] + 1.0 * u[:, 1]
        return result

    # Names given smallest-effect first, so the sort has work to do.
    table = sa.tornado(lambda u: model(u[:, ::-1]), ["u1", "u0"])
    assert calls == [(2 * 2 + 1, 2)]
    assert list(table.index) == ["u0", "u1"]
    assert table.index.name == "input"
    assert list(table.columns) == ["output_low", "output_high", "output_base", "swing"]
    np.testing.assert_allclose(table["swing"], [2.7, 0.9], atol=1e-12)
    np.testing.assert_allclose(table["output_low"], [3 * 0.05 + 0.5, 1.5 + 0.05], atol=1e-12)
    np.testing.assert_allclose(table["output_high"], [3 * 0.95 + 0.5, 1.5 + 0.95], atol=1e-12)
    np.testing.assert_allclose(table["output_base"], [2.0, 2.0], atol=1e-12)


def test_tornado_swing_is_absolute_for_a_decreasing_input() -> None:
    """y = -5 u0 + u1: u0 lowers the output, its swing is still +4.5 and ranks first."""
    table = sa.tornado(lambda u: -5.0 * u[:, 0] + u[:, 1], ["u0", "u1"], low_u=0.0, high_u=0.9)
    assert list(table.index) == ["u0", "u1"]
    np.testing.assert_allclose(table["swing"], [4.5, 0.9], atol=1e-12)
    assert table.loc["u0", "output_high"] < table.loc["u0", "output_low"]


def test_tornado_rejects_nan_output_and_bad_quantiles() -> None:
    """NaN output and out-of-order quantiles are errors."""
    with pytest.raises(ValueError, match="non-finite"):
        sa.tornado(lambda u: np.full(len(u), np.nan), ["a", "b"])
    with pytest.raises(ValueError, match="low_u"):
        sa.tornado(lambda u: u[:, 0], ["a"], low_u=0.9, high_u=0.1)
