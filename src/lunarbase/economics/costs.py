"""What the base costs, year by year: development, hardware built and landed on the operations
stage's landing dates, operations and maintenance, and return flights.

All money is real (constant) US dollars of the scenario's price year; costs are positive
numbers. Functions take the operations stage's annual landed quantities (shape ``(years,)``)
and one value per Monte Carlo draw for each price (shape ``(n,)``) and return ``(n, years)``.

- Development (non-recurring) is paid in year 0, before anything lands.
- Hardware build cost: miners by unit with an optional learning curve (Wright's law [1]_: each
  doubling of units built multiplies the unit cost by the progress ratio; 0.85 in the
  lunar-horizon-optimizer peer tool), the fission plant per kg, arrays per kW, batteries per
  kWh, spares per kg, each in the year it lands.
- Launch: landed mass x the launch price, in the year of the landing (resupply of spares
  included, since spares land on the schedule).
- O&M: a fraction a year of the build cost of the hardware on the Moon (its transport is not
  maintained).
- Return flights: a fixed cost per flight plus a cost per kg returned.

References
----------
.. [1] Wright, T. P. (1936) Factors affecting the cost of airplanes. J. Aeronautical Sciences
   3(4):122-128, doi:10.2514/8.155.
"""

from __future__ import annotations

import numpy as np

from lunarbase.typing import ArrayLike, FloatArray


def _per_draw(values: ArrayLike) -> FloatArray:
    return np.atleast_1d(np.asarray(values, dtype=float))[:, None]


def learning_cost_sum(units: ArrayLike, progress_ratio: float) -> FloatArray:
    """Sum of unit costs of the first ``units`` units, in first-unit costs [-]:
    sum over k = 1..units of k ** log2(progress_ratio) (Wright's law [1]_; = units with no
    learning, progress_ratio = 1)."""
    m = np.asarray(units, dtype=int)
    top = int(m.max(initial=0))
    exponent = np.log2(progress_ratio)
    sums = np.concatenate(([0.0], np.cumsum(np.arange(1, top + 1, dtype=float) ** exponent)))
    return np.asarray(sums[m])


def miner_build_usd(
    miners_landed: ArrayLike, first_unit_usd: ArrayLike, progress_ratio: float
) -> FloatArray:
    """Build cost of the miners landed each year [USD], shape (n, years): the units landed in
    a year are the next ones off the line, each at ``first_unit_usd`` [USD] x k **
    log2(progress_ratio)."""
    built = np.cumsum(np.asarray(miners_landed, dtype=int))
    before = np.concatenate(([0], built[:-1]))
    units = learning_cost_sum(built, progress_ratio) - learning_cost_sum(before, progress_ratio)
    return _per_draw(first_unit_usd) * units[None, :]


def hardware_build_usd(quantity_landed: ArrayLike, unit_cost_usd: ArrayLike) -> FloatArray:
    """Build cost of hardware landed each year (kg, kW or kWh x cost per unit) [USD], shape
    (n, years)."""
    return _per_draw(unit_cost_usd) * np.asarray(quantity_landed, dtype=float)[None, :]


def om_usd(build_usd: FloatArray, annual_opex_fraction: ArrayLike) -> FloatArray:
    """Operations and maintenance each year [USD]: ``annual_opex_fraction`` [1/yr] of the build
    cost of all hardware landed up to and including that year, shape (n, years)."""
    return _per_draw(annual_opex_fraction) * np.cumsum(build_usd, axis=1)


def return_usd(
    flights: ArrayLike,
    returned_kg: FloatArray,
    flight_cost_usd: ArrayLike,
    cost_usd_per_kg: ArrayLike,
) -> FloatArray:
    """Cost of the return flights each year [USD]: flights x a fixed cost [USD] plus the cargo
    returned [kg] x a cost per kg [USD/kg], shape (n, years)."""
    fixed = _per_draw(flight_cost_usd) * np.asarray(flights, dtype=float)[None, :]
    return fixed + _per_draw(cost_usd_per_kg) * np.asarray(returned_kg, dtype=float)
