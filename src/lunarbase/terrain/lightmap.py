"""Light statistics for every pixel of a horizon map: Sun, Earth, longest night, PSRs.

Evaluating every pixel at every hour of a 20-year period is 10^11 operations for a 1000 x 1000
map. The mean visible solar-disk fraction does not need the time order, so the Sun's directions
over the period are first binned by sub-solar longitude (0.5 deg bins) and, within a bin,
summarised by equal-weight quantiles of sub-solar latitude; each pixel is then evaluated once per
(bin, quantile) with exact geometry in its own grid frame. Each (bin, slice) is
represented by the mean direction of its samples, so the Sun's azimuth and elevation
distribution are kept, and the mean fraction matches the full time series to ~0.1 percentage
point (tested against the point model). Earth
visibility uses a 2-D histogram of sub-Earth points (libration box), and permanently shadowed
regions use the extreme sub-solar latitudes of each longitude bin over a full 18.6-year lunar
nodal cycle (Mazarico et al. 2011 [1]_). The longest night needs the time order and is computed
from a time series (coarser steps are allowed); where that series is the period's own (the
night at the Sun's step, the default), the same pass gives the exact mean Sun and the
quantiles are not used.

References
----------
.. [1] Mazarico, E. et al. (2011) Illumination conditions of the lunar polar regions using LOLA
   topography. Icarus 211:1066-1081, doi:10.1016/j.icarus.2010.10.030
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import xarray as xr
from numba import njit, prange
from numpy.typing import NDArray

from lunarbase.constants import SOLAR_DISK_RADIUS_DEG
from lunarbase.ephemeris import period_directions, sub_point_deg
from lunarbase.geometry import wrap_lon_180
from lunarbase.terrain.dem import xy_to_unit_vector

SUN_LON_BIN_DEG = 0.5
"""Width of the sub-solar longitude bins [deg]."""

SUN_LAT_QUANTILES = 8
"""Equal-weight sub-solar latitude values kept per longitude bin."""

EARTH_BIN_DEG = 0.25
"""Width of the sub-Earth latitude/longitude bins [deg]."""

NODAL_CYCLE = (dt.date(2020, 1, 1), dt.date(2038, 8, 1))
"""An 18.6-year lunar nodal (precession) cycle for the PSR test [UTC dates]."""

LIGHT_BLOCK_PIXELS = 16_384
"""Pixels :func:`light_maps` evaluates per block (each pixel is independent, so the blocks give
the same values as one pass); progress is reported between blocks [count]."""


def kernel_array(values: NDArray, dtype: type[np.floating]) -> NDArray:
    """``values`` as the one array kind the kernels here are compiled for: C-contiguous,
    ``dtype``, read-only (a view: no copy where ``values`` already is one). numba compiles a
    kernel once per kind of array it is given (layout, writeability), a few seconds each;
    arrays loaded from the cache are read-only and the ephemeris gives Fortran-ordered ones,
    so without this the suite's kernel cache held five versions of ``series_light``."""
    out = np.ascontiguousarray(values, dtype=dtype).view()
    out.flags.writeable = False
    return out


@dataclass(frozen=True)
class DirectionSet:
    """Weighted unit vectors (Moon-fixed) standing for the directions of a body over a period."""

    vectors: NDArray[np.float64]
    weights: NDArray[np.float64]

    def __post_init__(self) -> None:
        for name in ("vectors", "weights"):  # the arrays as the kernels take them
            object.__setattr__(self, name, kernel_array(getattr(self, name), np.float64))


def _vectors(lat_deg: NDArray, lon_deg: NDArray) -> NDArray[np.float64]:
    la, lo = np.radians(lat_deg), np.radians(lon_deg)
    return np.stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)], axis=-1)


def sun_quantiles(sun: NDArray[np.float64], *, extremes: bool = False) -> DirectionSet:
    """Bin Sun directions by sub-solar longitude and split each bin, sorted by latitude, into
    at most :data:`SUN_LAT_QUANTILES` equal-count slices; each slice is represented by its mean
    direction, weighted by its share of the time (a bin with fewer samples keeps them all, so
    short series are reproduced exactly). With ``extremes``, keep only each bin's lowest- and
    highest-latitude sample (weight 1), for the never-lit (PSR) test."""
    lat, lon = sub_point_deg(sun)
    n_bins = round(360.0 / SUN_LON_BIN_DEG)
    idx = np.minimum((lon / SUN_LON_BIN_DEG).astype(int), n_bins - 1)
    order = np.lexsort((lat, idx))
    idx, vec = idx[order], np.asarray(sun, float)[order]
    bounds = np.flatnonzero(np.diff(idx)) + 1
    vectors, weights = [], []
    for chunk in np.split(vec, bounds):
        if extremes:
            vectors.append(chunk[[0, -1]])
            weights.append(np.ones(2))
            continue
        for part in np.array_split(chunk, min(SUN_LAT_QUANTILES, len(chunk))):
            mean = part.mean(axis=0)
            vectors.append((mean / np.linalg.norm(mean))[None, :])
            weights.append(np.array([len(part) / len(vec)]))
    return DirectionSet(np.concatenate(vectors), np.concatenate(weights))


def earth_histogram(earth: NDArray[np.float64]) -> DirectionSet:
    """2-D histogram of sub-Earth points: bin centres and time fractions."""
    lat, lon = sub_point_deg(earth)
    lon = wrap_lon_180(lon)
    ij = np.stack([np.floor(lat / EARTH_BIN_DEG), np.floor(lon / EARTH_BIN_DEG)], axis=1)
    cells, counts = np.unique(ij.astype(int), axis=0, return_counts=True)
    centres = (cells + 0.5) * EARTH_BIN_DEG
    return DirectionSet(_vectors(centres[:, 0], centres[:, 1]), counts / counts.sum())


def pixel_frames(x_m: NDArray, y_m: NDArray) -> NDArray[np.float64]:
    """Grid frames (n, 3, 3) of map points: rows map +x, map +y, up (Moon-fixed)."""
    d = 1.0
    up = xy_to_unit_vector(x_m, y_m)
    gx = xy_to_unit_vector(x_m + d, y_m) - xy_to_unit_vector(x_m - d, y_m)
    gy = xy_to_unit_vector(x_m, y_m + d) - xy_to_unit_vector(x_m, y_m - d)
    gx -= up * np.sum(gx * up, axis=1, keepdims=True)
    gy -= up * np.sum(gy * up, axis=1, keepdims=True)
    gx /= np.linalg.norm(gx, axis=1, keepdims=True)
    gy /= np.linalg.norm(gy, axis=1, keepdims=True)
    return np.stack([gx, gy, up], axis=1)


@njit(cache=True, inline="always")
def _elev_horizon(
    horizon: np.ndarray, frame: np.ndarray, k: int, v: np.ndarray, m: int
) -> tuple[float, float]:
    """Elevation [deg] of direction m and the horizon [deg] at its grid azimuth, pixel k."""
    n_az = horizon.shape[1]
    lx = frame[k, 0, 0] * v[m, 0] + frame[k, 0, 1] * v[m, 1] + frame[k, 0, 2] * v[m, 2]
    ly = frame[k, 1, 0] * v[m, 0] + frame[k, 1, 1] * v[m, 1] + frame[k, 1, 2] * v[m, 2]
    lz = frame[k, 2, 0] * v[m, 0] + frame[k, 2, 1] * v[m, 1] + frame[k, 2, 2] * v[m, 2]
    el = np.degrees(np.arcsin(min(1.0, max(-1.0, lz))))
    az = np.degrees(np.arctan2(lx, ly)) % 360.0
    pos = az / 360.0 * n_az
    i0 = int(pos) % n_az
    f = pos - int(pos)
    h = horizon[k, i0] * (1.0 - f) + horizon[k, (i0 + 1) % n_az] * f
    return el, h


@njit(cache=True, inline="always")
def _disk(el: float, h: float, r: float) -> float:
    t = min(1.0, max(-1.0, -(el - h) / r))
    return (np.arccos(t) - t * np.sqrt(1.0 - t * t)) / np.pi


@njit(cache=True, inline="always")
def _skyline(horizon: np.ndarray, k: int, radius_deg: float) -> tuple[float, float]:
    """Sines of the lowest horizon of pixel k less ``radius_deg`` and of its highest plus
    ``radius_deg`` (-2, 2 where any azimuth is NaN, so nothing is decided from them): a disk
    whose centre's sine lies above the second is wholly above the skyline, one at or below the
    first wholly below it."""
    lo, hi = np.inf, -np.inf
    for i in range(horizon.shape[1]):
        h = horizon[k, i]
        if np.isnan(h):
            return -2.0, 2.0
        lo, hi = min(lo, h), max(hi, h)
    return (
        np.sin(np.radians(max(-90.0, lo - radius_deg))),
        np.sin(np.radians(min(90.0, hi + radius_deg))),
    )


@njit(cache=True, inline="always")
def _seen(
    horizon: np.ndarray,
    frame: np.ndarray,
    k: int,
    v: np.ndarray,
    m: int,
    radius_deg: float,
    below: float,
    above: float,
) -> float:
    """Visible fraction of the disk of direction m at pixel k, -1 where none of it clears the
    horizon. A disk wholly above the pixel's skyline or wholly below it (``below``,
    ``above``: :func:`_skyline`) is decided from the sine of its elevation alone (the
    interpolated horizon lies between the lowest and highest), so its angle and azimuth are
    worked out only near the skyline: the same numbers as :func:`_elev_horizon` with
    :func:`_disk` everywhere (at the bounds both give 1, or none)."""
    lz = frame[k, 2, 0] * v[m, 0] + frame[k, 2, 1] * v[m, 1] + frame[k, 2, 2] * v[m, 2]
    if lz > above:
        return 1.0
    if lz <= below:
        return -1.0
    el, h = _elev_horizon(horizon, frame, k, v, m)
    return _disk(el, h, radius_deg) if el + radius_deg > h else -1.0


@njit(cache=True, parallel=True)
def disk_visibility(
    horizon: np.ndarray, frame: np.ndarray, v: np.ndarray, w: np.ndarray, radius_deg: float
) -> np.ndarray:
    """Per pixel (rows), the weighted sums over directions of the visible fraction of a disk of
    ``radius_deg`` (column 0) and of 1 wherever any of the disk clears the horizon (column
    1), in one pass; NaN where the horizon is NaN. A radius of 0 tests the centre."""
    n = horizon.shape[0]
    out = np.full((n, 2), np.nan)
    for k in prange(n):
        if np.isnan(horizon[k, 0]):
            continue
        below, above = _skyline(horizon, k, radius_deg)
        part = 0.0
        seen = 0.0
        for m in range(v.shape[0]):
            f = _seen(horizon, frame, k, v, m, radius_deg, below, above)
            if f >= 0.0:
                part += w[m] * f
                seen += w[m]
        out[k, 0] = part
        out[k, 1] = seen
    return out


@njit(cache=True, parallel=True)
def ever_visible(
    horizon: np.ndarray, frame: np.ndarray, v: np.ndarray, radius_deg: float
) -> np.ndarray:
    """Per pixel (rows), whether any of a disk of ``radius_deg`` clears the horizon in any of
    the directions ``v``; False where the horizon is NaN. The same test as
    :func:`disk_visibility`'s column 1 being above 0, but a pixel stops at its first visible
    direction, so a map of mostly lit pixels (the PSR test) costs a fraction of the full sum:
    ``benchmarks/psr_area.py`` prints the ratio."""
    n = horizon.shape[0]
    out = np.zeros(n, dtype=np.bool_)
    for k in prange(n):
        if np.isnan(horizon[k, 0]):
            continue
        below, above = _skyline(horizon, k, radius_deg)
        for m in range(v.shape[0]):
            if _seen(horizon, frame, k, v, m, radius_deg, below, above) >= 0.0:
                out[k] = True
                break
    return out


def strided_order(n: int) -> NDArray[np.intp]:
    """A permutation of ``range(n)`` that visits it at a stride coprime with ``n`` near
    ``n / phi^2`` (golden-ratio spacing), so the first few items are spread over the whole range:
    directions sorted by sub-solar longitude are then tried all round the sky first."""
    if n < 3:
        return np.arange(n)
    stride = max(1, round(n * 0.381966))
    while np.gcd(stride, n) != 1:
        stride += 1
    return (np.arange(n) * stride) % n


def weighted_visibility(
    horizon: np.ndarray,
    frame: np.ndarray,
    v: np.ndarray,
    w: np.ndarray,
    radius_deg: float,
    partial: bool,
) -> np.ndarray:
    """Per pixel, the weighted sum over directions of the visible fraction of a disk of
    ``radius_deg`` (``partial``), or of 1 wherever any of the disk clears the horizon; NaN where
    the horizon is NaN. A radius of 0 tests the centre (Earth in view). One column of
    :func:`disk_visibility`."""
    sums = disk_visibility(
        kernel_array(horizon, np.float32),
        kernel_array(frame, np.float64),
        kernel_array(v, np.float64),
        kernel_array(w, np.float64),
        radius_deg,
    )
    return np.ascontiguousarray(sums[:, 0 if partial else 1])


@njit(cache=True, parallel=True)
def series_light(
    horizon: np.ndarray, frame: np.ndarray, v: np.ndarray, radius_deg: float
) -> np.ndarray:
    """Per pixel (rows), over directions in time order (rows of ``v``, equal time steps): the
    mean visible fraction of a disk of ``radius_deg`` (column 0), the fraction of steps with
    any of it above the horizon (column 1), and the longest run of consecutive steps with none
    of it up (column 2); NaN, NaN, -1 where the horizon is NaN. Disks far above or below the
    pixel's skyline skip the azimuth (:func:`_seen`)."""
    n = horizon.shape[0]
    out = np.full((n, 3), np.nan)
    for k in prange(n):
        if np.isnan(horizon[k, 0]):
            out[k, 2] = -1.0
            continue
        below, above = _skyline(horizon, k, radius_deg)
        part = 0.0
        seen = 0
        run = 0
        best = 0
        for m in range(v.shape[0]):
            f = _seen(horizon, frame, k, v, m, radius_deg, below, above)
            if f >= 0.0:
                part += f
                seen += 1
                run = 0
            else:
                run += 1
                best = max(best, run)
        out[k, 0] = part / v.shape[0]
        out[k, 1] = seen / v.shape[0]
        out[k, 2] = best
    return out


def _pixels(horizon: xr.DataArray) -> tuple[NDArray[np.float32], NDArray[np.float64]]:
    """Horizon rows (pixels, azimuths) [deg] and each pixel's local frame (pixels, 3, 3), as
    :func:`kernel_array` gives them."""
    ny, nx, n_az = horizon.shape
    hz = kernel_array(np.asarray(horizon.values).reshape(ny * nx, n_az), np.float32)
    xs, ys = np.meshgrid(np.asarray(horizon.x, float), np.asarray(horizon.y, float))
    return hz, kernel_array(pixel_frames(xs.ravel(), ys.ravel()), np.float64)


def _nodal_directions(psr_step_h: float) -> NDArray[np.float64]:
    """The Sun's extreme directions per longitude bin over the nodal cycle
    (:data:`NODAL_CYCLE`) at ``psr_step_h`` [h] steps, in strided order (:func:`strided_order`),
    for the never-lit test."""
    nodal = sun_quantiles(period_directions(*NODAL_CYCLE, psr_step_h).sun, extremes=True)
    return kernel_array(nodal.vectors[strided_order(len(nodal.vectors))], np.float64)


def _never_lit(
    hz: NDArray[np.float32], frame: NDArray[np.float64], directions: NDArray[np.float64]
) -> NDArray:
    """True where a pixel has data and no part of the Sun's disk clears its horizon in any of
    the ``directions`` (:func:`_nodal_directions`)."""
    lit_ever = ever_visible(hz, frame, directions, SOLAR_DISK_RADIUS_DEG)
    return np.asarray(~np.isnan(hz[:, 0]) & ~lit_ever)


def psr_map(horizon: xr.DataArray, *, psr_step_h: float = 6.0) -> xr.DataArray:
    """Permanently shadowed pixels of a horizon map (y, x, azimuth) [deg]: the ``psr`` layer
    of :func:`light_maps` without the period statistics (never any of the Sun's disk over a
    full 18.6-year nodal cycle at ``psr_step_h`` steps; False where the DEM has no data)."""
    ny, nx, _ = horizon.shape
    hz, frame = _pixels(horizon)
    return xr.DataArray(
        _never_lit(hz, frame, _nodal_directions(psr_step_h)).reshape(ny, nx),
        dims=("y", "x"),
        coords={"y": horizon.y, "x": horizon.x},
        name="psr",
        attrs={"units": "bool", "psr_step_h": psr_step_h},
    )


def light_maps(
    horizon: xr.DataArray,
    *,
    start: dt.date | str,
    end: dt.date | str,
    step_h: float,
    night_step_h: float | None = None,
    psr_step_h: float = 6.0,
    progress: Callable[[int, int], None] | None = None,
) -> xr.Dataset:
    """Per-pixel light statistics from a horizon map (y, x, azimuth) [deg].

    Returns a Dataset with ``illumination_fraction`` (mean visible solar-disk fraction over
    start..end at ``step_h``), ``sunlit_any_fraction`` (fraction of the time any of the disk
    is above the horizon), ``earth_visible_fraction``, ``longest_night_h`` (from a time
    series at ``night_step_h``, default ``step_h``) and ``psr`` (True where no part of the Sun
    rises above the horizon at any ``psr_step_h`` step of a full 18.6-year nodal cycle).
    NaN (and ``psr`` False) where the DEM has no data. The pixels are evaluated in blocks of
    :data:`LIGHT_BLOCK_PIXELS`, ``progress(done, total)`` [pixels] called before the first and
    after each.
    """
    ny, nx, _ = horizon.shape
    hz, frame = _pixels(horizon)
    period = period_directions(start, end, step_h)
    earth = earth_histogram(period.earth)
    night_step = step_h if night_step_h is None else night_step_h
    series = period if night_step == step_h else period_directions(start, end, night_step)
    nodal = _nodal_directions(psr_step_h)
    # Where the night series is the period's own, its one pass gives the exact mean Sun too;
    # the quantiles serve only when the night is taken at another step than the Sun.
    suns = None if series is period else sun_quantiles(period.sun)
    series_sun = kernel_array(series.sun, np.float64)
    n = hz.shape[0]
    sun, earth_vis = np.empty((n, 2)), np.empty(n)
    night, psr = np.empty(n, dtype=np.int64), np.empty(n, dtype=bool)
    if progress is not None:
        progress(0, n)
    for k0 in range(0, n, LIGHT_BLOCK_PIXELS):
        part = slice(k0, k0 + LIGHT_BLOCK_PIXELS)
        h, f = hz[part], frame[part]
        in_order = series_light(h, f, series_sun, SOLAR_DISK_RADIUS_DEG)
        night[part] = in_order[:, 2]
        if suns is None:
            sun[part] = in_order[:, :2]
        else:
            sun[part] = disk_visibility(h, f, suns.vectors, suns.weights, SOLAR_DISK_RADIUS_DEG)
        earth_vis[part] = weighted_visibility(h, f, earth.vectors, earth.weights, 0.0, False)
        psr[part] = _never_lit(h, f, nodal)
        if progress is not None:
            progress(min(n, k0 + LIGHT_BLOCK_PIXELS), n)
    coords = {"y": horizon.y, "x": horizon.x}
    nodata = np.isnan(hz[:, 0]).reshape(ny, nx)
    night_h = np.where(nodata, np.nan, night.reshape(ny, nx) * night_step)
    return xr.Dataset(
        {
            "illumination_fraction": (("y", "x"), sun[:, 0].reshape(ny, nx), {"units": "1"}),
            "sunlit_any_fraction": (("y", "x"), sun[:, 1].reshape(ny, nx), {"units": "1"}),
            "earth_visible_fraction": (("y", "x"), earth_vis.reshape(ny, nx), {"units": "1"}),
            "longest_night_h": (("y", "x"), night_h, {"units": "h"}),
            "psr": (("y", "x"), psr.reshape(ny, nx), {"units": "bool"}),
        },
        coords=coords,
        attrs={
            "period_utc": f"{start}/{end}",
            "step_h": step_h,
            "night_step_h": night_step,
            "psr_period_utc": f"{NODAL_CYCLE[0]}/{NODAL_CYCLE[1]}",
            "psr_step_h": psr_step_h,
            "observer_height_m": horizon.attrs.get("observer_height_m", 0.0),
        },
    )
