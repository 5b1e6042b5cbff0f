"""Sunlight and Earth visibility at a point: visible solar-disk fraction over time and statistics.

The Sun is a disk of angular radius ~0.267 deg; near the pole it grazes the horizon, so the
visible fraction of the disk above the local horizon is computed, not just its centre. Papers
quote either the fraction of time any of the disk is visible ("lit x % of the time", as the
abstract of Glaser et al. 2014 [1]_ words it) or the mean visible fraction ("average
illumination"); both are reported, and comparisons say which they use. The longest night is
sensitive to grazing geometry: a horizon change of 0.01 deg can merge two nights into one.
Earth is counted in view when its centre is above the horizon (direct radio link).

References
----------
.. [1] Glaser, P. et al. (2014) Illumination conditions at the lunar south pole using high
   resolution Digital Terrain Models from LOLA. Icarus 243:78-90,
   doi:10.1016/j.icarus.2014.08.013
.. [2] Mazarico, E. et al. (2011) Illumination conditions of the lunar polar regions using
   LOLA topography. Icarus 211:1066-1081, doi:10.1016/j.icarus.2010.10.030
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lunarbase.constants import SOLAR_DISK_RADIUS_DEG
from lunarbase.ephemeris import Directions
from lunarbase.terrain.dem import grid_frame
from lunarbase.terrain.horizon import Horizon

if TYPE_CHECKING:
    import pandas as pd


def disk_fraction_visible(
    center_elevation_deg: ArrayLike,
    horizon_deg: ArrayLike,
    radius_deg: float = SOLAR_DISK_RADIUS_DEG,
) -> NDArray[np.float64]:
    """Fraction [0-1] of a disk above a locally straight horizon.

    A circular segment of a unit disk above a chord at height t has area
    acos(t) - t sqrt(1 - t^2); the horizon sits at t = -(centre - horizon) / radius.
    """
    t = np.clip(
        -(np.asarray(center_elevation_deg, float) - np.asarray(horizon_deg, float)) / radius_deg,
        -1.0,
        1.0,
    )
    return (np.arccos(t) - t * np.sqrt(1.0 - t * t)) / np.pi


def elevation_azimuth_deg(
    vectors: NDArray[np.float64], frame: NDArray[np.float64]
) -> tuple[NDArray, NDArray]:
    """Elevation and grid azimuth [deg] of Moon-fixed unit vectors in a local grid frame.

    The observer's offset from the Moon's centre is neglected: ~0.26 arcsec for the Sun and
    ~0.26 deg parallax for the Earth, which matters only for Earth visibility at the margin.
    """
    local = np.asarray(vectors, float) @ frame.T
    elevation = np.degrees(np.arcsin(np.clip(local[:, 2], -1.0, 1.0)))
    azimuth = np.mod(np.degrees(np.arctan2(local[:, 0], local[:, 1])), 360.0)
    return elevation, azimuth


@dataclass(frozen=True)
class LightSeries:
    """Light at one point over time: ``times`` (UTC, datetime64) and ``columns``, one array
    per quantity: sun_elevation_deg, sun_azimuth_deg (grid), horizon_at_sun_deg,
    sun_fraction [0-1], earth_elevation_deg, earth_visible (bool). ``frame`` is the same as a
    pandas DataFrame indexed by ``time_utc``."""

    times: NDArray[np.datetime64]
    columns: dict[str, NDArray]
    step_h: float

    @property
    def frame(self) -> pd.DataFrame:
        """The series as a DataFrame, one row per UTC time (index ``time_utc``)."""
        import pandas as pd

        return pd.DataFrame(self.columns, index=pd.DatetimeIndex(self.times, name="time_utc"))

    def stats(self) -> dict[str, float]:
        """Mean visible solar-disk fraction, fraction of time any of the disk is visible,
        longest continuous darkness [h] and fraction of time Earth is in view."""
        sun = self.columns["sun_fraction"]
        return {
            "illumination_fraction": float(sun.mean()),
            "sunlit_any_fraction": float((sun > 0).mean()),
            "longest_night_h": longest_run(sun <= 0.0) * self.step_h,
            "earth_visible_fraction": float(self.columns["earth_visible"].mean()),
        }


def longest_run(mask: ArrayLike) -> int:
    """Length of the longest run of consecutive True values."""
    m = np.asarray(mask, bool).astype(np.int8)
    if not m.any():
        return 0
    edges = np.diff(np.concatenate([[0], m, [0]]))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    return int((ends - starts).max())


def light_series(horizon: Horizon, directions: Directions, step_h: float) -> LightSeries:
    """Visible Sun fraction and Earth view at an observer for every time in ``directions``."""
    frame = grid_frame(horizon.x_m, horizon.y_m)
    sun_el, sun_az = elevation_azimuth_deg(directions.sun, frame)
    earth_el, earth_az = elevation_azimuth_deg(directions.earth, frame)
    h_sun = horizon.at(sun_az)
    columns = {
        "sun_elevation_deg": sun_el,
        "sun_azimuth_deg": sun_az,
        "horizon_at_sun_deg": h_sun,
        "sun_fraction": disk_fraction_visible(sun_el, h_sun),
        "earth_elevation_deg": earth_el,
        "earth_visible": earth_el > horizon.at(earth_az),
    }
    return LightSeries(np.asarray(directions.times), columns, step_h)
