"""Hourly arrays of the operations stage, and their daily and annual sums.

Time runs in hours from the start of operations. Years are 365.25 days (8766 h, a whole
number of hours) and days 24 h, so hourly bins fall exactly into days and years; a run of an odd
number of years ends inside a day, whose bin is short.
"""

from __future__ import annotations

import numpy as np

from lunarbase.typing import ArrayLike, FloatArray

TIME_EPS_H = 1e-6
"""Float slack when comparing simulation times [h]: an event this close after the horizon
counts as at it."""


REPEAT_SLACK_H = 24.0
"""Hours a run may outlast its light series before the series counts as repeated [h]."""


def interval_hours(
    starts_h: ArrayLike, ends_h: ArrayLike, n_hours: int, weights: ArrayLike | None = None
) -> FloatArray:
    """Hours of each hourly bin covered by the intervals ``[start, end)``, weighted.

    Vectorised: whole hours through a difference array, the partial first and last hours of
    each interval added exactly. Intervals are cut to ``[0, n_hours)``.

    Parameters
    ----------
    starts_h, ends_h : array
        Interval bounds. [h]
    n_hours : int
        Number of hourly bins.
    weights : array, optional
        Weight of each interval (e.g. kW for kWh); 1 by default.

    Returns
    -------
    array of length ``n_hours``
        Sum over intervals of weight x hours inside each bin (e.g. unit-hours). [h]
    """
    a = np.clip(np.atleast_1d(np.asarray(starts_h, dtype=float)), 0.0, n_hours)
    b = np.clip(np.broadcast_to(np.asarray(ends_h, dtype=float), a.shape), 0.0, n_hours)
    w = np.ones_like(a) if weights is None else np.broadcast_to(np.asarray(weights, float), a.shape)
    keep = b > a
    a, b, w = a[keep], b[keep], w[keep]
    out = np.zeros(n_hours + 1)
    first, last = np.floor(a).astype(int), np.floor(b).astype(int)
    same = first == last
    np.add.at(out, first[same], w[same] * (b[same] - a[same]))
    a, b, w, first, last = a[~same], b[~same], w[~same], first[~same], last[~same]
    np.add.at(out, first, w * (first + 1 - a))  # partial first hour
    np.add.at(out, last, w * (b - last))  # partial last hour (bin n_hours is dropped)
    whole = np.zeros(n_hours + 2)
    np.add.at(whole, first + 1, w)
    np.add.at(whole, last, -w)
    out += np.cumsum(whole)[: n_hours + 1]
    return out[:n_hours]


def event_hours(times_h: ArrayLike, n_hours: int, weights: ArrayLike | None = None) -> FloatArray:
    """Events summed into the hourly bin they fall in, weighted (e.g. kg carried; 1 each by
    default). An event at the end itself counts in the last hour; one after it is dropped."""
    times = np.asarray(times_h, dtype=float)
    w = np.ones_like(times) if weights is None else np.asarray(weights, dtype=float)
    keep = times <= n_hours + TIME_EPS_H
    hour = np.minimum(times[keep].astype(int), n_hours - 1)
    return np.bincount(hour, w[keep], minlength=n_hours).astype(float)


def bin_sums(hourly: ArrayLike, bin_h: int) -> FloatArray:
    """Sums of an hourly array over consecutive bins of ``bin_h`` hours (the last may be
    short), e.g. ``bin_h = 24`` for days."""
    hourly = np.asarray(hourly, dtype=float)
    return np.add.reduceat(hourly, np.arange(0, hourly.size, bin_h))


def hourly_from_series(values: ArrayLike, step_h: float, n_hours: int) -> tuple[FloatArray, bool]:
    """A series sampled every ``step_h`` hours held over each step and read hour by hour
    (the value at the middle of each hour), repeating the series when the hours outrun it.

    Returns
    -------
    (array of length ``n_hours``, bool)
        The hourly values, and whether the series was repeated to cover them (more than a day
        beyond its end: a 365.25-day operating year read from a 365-day calendar year of light
        wraps six hours, which is not a repeated year).
    """
    values = np.asarray(values, dtype=float)
    if values.size == 0:
        raise ValueError("the light series is empty")
    if not step_h > 0.0:
        raise ValueError(f"step_h must be > 0 (got {step_h!r})")
    index = np.floor((np.arange(n_hours) + 0.5) / step_h).astype(np.int64)
    repeated = n_hours > values.size * step_h + REPEAT_SLACK_H
    return values[index % values.size], repeated
