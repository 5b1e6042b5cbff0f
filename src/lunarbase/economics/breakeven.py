"""Break-even answers: the value of one input at which the NPV reaches zero, the others at the
scenario's values, and the zero-NPV frontier of two inputs.

An input is one of the Monte Carlo's (:mod:`.montecarlo`): a multiplier on the scenario's value,
searched over the input's plausible range, the support of its own distribution (the 0.1 and
99.9 percentiles of an unbounded one; the default distribution for an input the scenario does
not draw). The NPV is the deterministic model at the scenario's values of every other input,
which is also the median NPV over the draws of this input alone. Along the range the NPV is
tabulated on a grid (:data:`GRID`, geometric for a log-uniform or lognormal input), a sign change
is refined with Brent's method; none is "none in range", with the NPV at both ends to show how
far from paying it stays.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import optimize

from lunarbase.economics.distributions import quantile
from lunarbase.economics.montecarlo import Model, nominal_value
from lunarbase.typing import FloatArray

GRID = 201
"""Points that tabulate the NPV along one input's range [count]."""

BEYOND = 1.0e4
"""How far past its plausible range an input is searched when no break-even is inside, as a
factor on each end [-]: an answer that far out is reported as outside the range (ilrs-2035's
He-3 price, once Earth's 9,000 L/yr take the top of the demand curve, needs ~1,700 x today's,
past the 1,000 x searched before)."""

ALIASES = {
    "he3_price": "he3_price_usd_per_l",
    "launch_price": "launch_cost_usd_per_kg",
    "ore_grade": "he3_grade_scale",
    "development_cost": "development_cost_usd",
    "miner_cost": "miner_unit_cost_usd",
    "electricity_price": "electricity_price_usd_per_mwh",
    "fleet_size": "fleet_scale",
}
"""Short names ``lunarbase breakeven --vary`` accepts for the inputs' own names."""

DEFAULT_INPUTS = ("he3_price_usd_per_l", "launch_cost_usd_per_kg", "development_cost_usd")
"""Inputs the economics stage reports a break-even for."""


def multiplier_range(spec: Any) -> tuple[float, float, bool]:
    """Plausible range of a multiplier [-]: the support of ``spec`` (0.1-99.9 percentiles when
    unbounded) and whether to grid it geometrically."""
    if spec.dist in ("uniform", "loguniform", "triangular"):
        low, high = float(spec.low), float(spec.high)
    else:
        low, high = (float(v) for v in quantile(spec, np.array([0.001, 0.999])))
    geometric = spec.dist in ("loguniform", "lognormal") and low > 0.0
    return low, high, geometric


def _grid(low: float, high: float, geometric: bool, n: int) -> FloatArray:
    return np.geomspace(low, high, n) if geometric else np.linspace(low, high, n)


@dataclass(frozen=True)
class BreakEven:
    """Where the NPV of one input crosses zero.

    Attributes
    ----------
    input : str
        The input's name.
    nominal : float
        The scenario's value, in the input's unit (1 for a multiplier).
    low, high : float
        The plausible range searched, in the input's unit.
    value : float or None
        The value at which the NPV is zero, in the input's unit; None when none is in range.
    multiplier : float or None
        ``value`` over the scenario's value [-].
    npv_at_low_usd, npv_at_high_usd, npv_nominal_usd : float
        NPV at the range's ends and at the scenario's value. [USD]
    outside_range : float or None
        With no value in range, the one within :data:`BEYOND` x the range, in the input's unit
        (None: none there either).
    """

    input: str
    nominal: float
    low: float
    high: float
    value: float | None
    multiplier: float | None
    npv_at_low_usd: float
    npv_at_high_usd: float
    npv_nominal_usd: float
    outside_range: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, with ``value`` "none in range" when there is none."""
        out = dict(self.__dict__)
        if self.value is None:
            out["value"] = "none in range"
        return out


def _root(model: Model, name: str, grid: FloatArray, npv: FloatArray) -> float | None:
    """The multiplier where the tabulated NPV crosses zero nearest 1 (Brent between grid
    points), or None."""
    crossing = np.flatnonzero(np.sign(npv[:-1]) * np.sign(npv[1:]) <= 0.0)
    if crossing.size == 0:
        return None
    k = int(crossing[np.argmin(np.abs(grid[crossing] - 1.0))])
    a, b = float(grid[k]), float(grid[k + 1])
    if npv[k] == 0.0:
        return a
    return float(optimize.brentq(lambda m: float(model.npv_usd({name: np.array([m])})[0]), a, b))


def break_even(model: Model, name: str, spec: Any) -> BreakEven:
    """The value of input ``name`` (distribution ``spec`` of its multiplier) at which the NPV
    of ``model`` is zero, the other inputs at the scenario's values; when none is in the
    plausible range, also the one in :data:`BEYOND` x that range (``outside_range``), to say how
    far it is."""
    low, high, geometric = multiplier_range(spec)
    grid = _grid(low, high, geometric, GRID)
    npv = model.npv_usd({name: grid})
    nominal_npv = float(model.npv_usd({name: np.ones(1)})[0])
    unit = nominal_value(model.cfg, name)
    root = _root(model, name, grid, npv)
    beyond: float | None = None
    if root is None:
        wide = np.geomspace(max(low, 1e-12) / BEYOND, high * BEYOND, 4 * GRID)
        beyond = _root(model, name, wide, model.npv_usd({name: wide}))
    return BreakEven(
        input=name,
        nominal=unit,
        low=low * unit,
        high=high * unit,
        value=None if root is None else root * unit,
        multiplier=root,
        npv_at_low_usd=float(npv[0]),
        npv_at_high_usd=float(npv[-1]),
        npv_nominal_usd=nominal_npv,
        outside_range=None if beyond is None else beyond * unit,
    )


def frontier(
    model: Model, names: tuple[str, str], specs: tuple[Any, Any], n: int = 50
) -> dict[str, Any]:
    """The zero-NPV frontier of two inputs on an ``n`` x ``n`` grid of their ranges.

    Returns
    -------
    dict
        ``x`` and ``y`` (the inputs' names), ``x_values`` and ``y_values`` (the grid, in the
        inputs' units), ``npv_usd`` (n x n, rows along y) [USD] and ``frontier``: for each x,
        the y at which the NPV is zero (linear between grid points; None where the column does
        not cross zero).
    """
    axes = []
    for spec in specs:
        low, high, geometric = multiplier_range(spec)
        axes.append(_grid(low, high, geometric, n))
    gx, gy = np.meshgrid(axes[0], axes[1])
    npv = model.npv_usd({names[0]: gx.ravel(), names[1]: gy.ravel()}).reshape(gy.shape)
    unit_x, unit_y = (nominal_value(model.cfg, name) for name in names)
    line: list[float | None] = []
    for j in range(n):
        column = npv[:, j]
        cross = np.flatnonzero(np.sign(column[:-1]) * np.sign(column[1:]) <= 0.0)
        if cross.size == 0:
            line.append(None)
            continue
        i = int(cross[0])
        f0, f1 = column[i], column[i + 1]
        t = 0.0 if f1 == f0 else f0 / (f0 - f1)
        line.append(float((axes[1][i] + t * (axes[1][i + 1] - axes[1][i])) * unit_y))
    return {
        "x": names[0],
        "y": names[1],
        "x_values": [float(v) for v in axes[0] * unit_x],
        "y_values": [float(v) for v in axes[1] * unit_y],
        "npv_usd": npv.tolist(),
        "frontier": line,
    }


def sentence(results: list[dict[str, Any]], *, label: Callable[[str], str] = str) -> str:
    """ "It would pay only if ..." from break-even results (:meth:`BreakEven.to_dict`), or why
    no single input makes it pay; ``label`` names an input in the text (its own name)."""
    if results and results[0]["npv_nominal_usd"] > 0.0:
        return "It pays at the scenario's values."
    inside: list[str] = []
    outside: list[str] = []
    for r in results:
        value = r["value"] if r["value"] != "none in range" else r.get("outside_range")
        if value is None:
            continue
        ratio = value / r["nominal"] if r["nominal"] else float("nan")
        direction = "rose" if ratio > 1.0 else "fell"
        clause = f"{label(r['input'])} {direction} to {value:,.4g} ({ratio:,.3g} x the scenario's)"
        (inside if r["value"] != "none in range" else outside).append(clause)
    if inside:
        return "It would pay only if " + ", or if ".join(inside) + ", the others as set."
    names = ", ".join(label(r["input"]) for r in results)
    text = f"No single input ({names}) makes it pay within its plausible range"
    if outside:
        return f"{text}: it would pay only if {', or if '.join(outside)}, outside it."
    return text + "."
