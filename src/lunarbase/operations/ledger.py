"""Per-year bookkeeping shared by the simulation processes (time in hours from the start)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

TIME_EPS_H = 1e-6
"""Float slack when comparing simulation times [h]: instants this close to a year boundary or
the horizon count as on it, so that sums of steps never leave an endless sliver of time."""


class AnnualLedger:
    """Sums of named quantities per operating year.

    Parameters
    ----------
    years : int
        Operating years; year ``k`` (1-based) covers ``[k - 1, k) * hours_per_year``.
    hours_per_year : float
        Length of a year. [h]
    columns : sequence of str
        Names of the quantities recorded (units in the names).
    """

    def __init__(self, years: int, hours_per_year: float, columns: Sequence[str]) -> None:
        self.years = years
        self.hours_per_year = hours_per_year
        self.horizon_h = years * hours_per_year
        self._sums = {name: [0.0] * years for name in columns}

    def year_index(self, t_h: float) -> int:
        """0-based year that instant ``t_h`` falls in (the horizon itself counts as the last)."""
        return min(max(int((t_h + TIME_EPS_H) // self.hours_per_year), 0), self.years - 1)

    def year_end_h(self, t_h: float) -> float:
        """End of the year that instant ``t_h`` falls in. [h]"""
        return (self.year_index(t_h) + 1) * self.hours_per_year

    def add(self, column: str, t_h: float, amount: float) -> None:
        """Add ``amount`` to ``column`` in the year of instant ``t_h``."""
        self._sums[column][self.year_index(t_h)] += amount

    def add_at(self, year_index: int, column: str, amount: float) -> None:
        """Add ``amount`` to ``column`` in the year with 0-based index ``year_index``."""
        self._sums[column][year_index] += amount

    def add_hours(self, column: str, start_h: float, end_h: float) -> None:
        """Add the hours of ``[start_h, end_h)`` to ``column`` by year, cut at the horizon."""
        end_h = min(end_h, self.horizon_h)
        t = start_h
        while end_h - t > TIME_EPS_H:
            stop = min(end_h, self.year_end_h(t))
            self._sums[column][self.year_index(t)] += stop - t
            t = stop

    def frame(self) -> pd.DataFrame:
        """The sums as a DataFrame indexed by year 1..N."""
        index = pd.RangeIndex(1, self.years + 1, name="year")
        return pd.DataFrame(
            {k: np.array(v, dtype=float) for k, v in self._sums.items()}, index=index
        )
