"""Per-year and per-day bookkeeping shared by the simulation processes (time in hours from the
start): every amount is summed into its year and into its day (24-h bins from the start), so the
annual table and the daily series come from the same records."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

DAY_H = 24.0
"""Length of a daily bin [h]."""

TIME_EPS_H = 1e-6
"""Float slack when comparing simulation times [h]: instants this close to a year boundary or
the horizon count as on it, so that sums of steps never leave an endless sliver of time."""


class AnnualLedger:
    """Sums of named quantities per operating year and per day.

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
        self.days = int(np.ceil(self.horizon_h / DAY_H - TIME_EPS_H))
        self._daily = {name: np.zeros(self.days) for name in columns}

    def year_index(self, t_h: float) -> int:
        """0-based year that instant ``t_h`` falls in (the horizon itself counts as the last)."""
        return min(max(int((t_h + TIME_EPS_H) // self.hours_per_year), 0), self.years - 1)

    def year_end_h(self, t_h: float) -> float:
        """End of the year that instant ``t_h`` falls in. [h]"""
        return (self.year_index(t_h) + 1) * self.hours_per_year

    def day_index(self, t_h: float) -> int:
        """0-based day that instant ``t_h`` falls in (the horizon itself counts as the last)."""
        return min(max(int((t_h + TIME_EPS_H) // DAY_H), 0), self.days - 1)

    def add(self, column: str, t_h: float, amount: float) -> None:
        """Add ``amount`` to ``column`` in the year and the day of instant ``t_h``."""
        self._sums[column][self.year_index(t_h)] += amount
        self._daily[column][self.day_index(t_h)] += amount

    def day_lengths_h(self) -> np.ndarray:
        """Length of each daily bin [h]: 24, the last one shorter where the horizon ends
        inside a day."""
        lengths = np.full(self.days, DAY_H)
        lengths[-1] = self.horizon_h - DAY_H * (self.days - 1)
        return lengths

    def add_hours(self, column: str, start_h: float, end_h: float, rate: float = 1.0) -> None:
        """Add ``rate`` x the hours of ``[start_h, end_h)`` to ``column`` by year and by day,
        cut at the horizon (``rate`` in units per hour, e.g. kW for kWh)."""
        end_h = min(end_h, self.horizon_h)
        t = start_h
        while end_h - t > TIME_EPS_H:
            stop = min(end_h, self.year_end_h(t))
            self._sums[column][self.year_index(t)] += rate * (stop - t)
            t = stop
        if end_h - start_h <= TIME_EPS_H:
            return
        first, last = self.day_index(start_h), self.day_index(end_h - TIME_EPS_H)
        daily = self._daily[column]
        if first == last:
            daily[first] += rate * (end_h - start_h)
            return
        daily[first] += rate * ((first + 1) * DAY_H - start_h)
        daily[first + 1 : last] += rate * DAY_H
        daily[last] += rate * (end_h - last * DAY_H)

    def daily_frame(self) -> pd.DataFrame:
        """The sums per day as a DataFrame indexed by ``day`` 0..D-1 (day 0 starts at t = 0;
        the last day may be short: 365.25-day years end inside a day)."""
        index = pd.RangeIndex(0, self.days, name="day")
        return pd.DataFrame({k: v.copy() for k, v in self._daily.items()}, index=index)

    def frame(self) -> pd.DataFrame:
        """The sums as a DataFrame indexed by year 1..N."""
        index = pd.RangeIndex(1, self.years + 1, name="year")
        return pd.DataFrame(
            {k: np.array(v, dtype=float) for k, v in self._sums.items()}, index=index
        )
