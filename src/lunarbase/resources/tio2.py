"""TiO2 at mare resolution: the LROC WAC map blended into the Lunar Prospector GRS bins.

Lunar Prospector's GRS [1]_ gives TiO2 everywhere, but in 5-degree bins (~150 km): a small mare
(Moscoviense, Grimaldi) vanishes into its highland bin and the Apollo 11 bin reads 3.8 wt%
against 7.5 in soil 10084. The LROC WAC map (Sato et al. 2017 [2]_, decoded from a published
figure by :mod:`lunarbase.data.wac_tio2`) resolves the maria at ~2.2 km, but only inside
+-70 deg and only above its 1 wt% floor (the UV/VIS method maps ilmenite in mare soils; the
highlands all read "1 wt% or less", and the figure holds no value between the floor and
2.0 wt%, so low-Ti soils are floor too). The blend (:func:`blend_tio2`) keeps each source where it
carries information:

1. **Speckle.** The figure samples the 400 m product once per 2.2 km pixel, so neighbouring
   pixels scatter by ~1 wt% inside a uniform mare and single floor pixels dot the maria. The
   WAC is first averaged over :data:`SMOOTHING_PX` x :data:`SMOOTHING_PX` pixels (11 km at the
   equator), floor pixels counting as the floor value.
2. **Calibration against LP.** One gain ``g`` puts the WAC on LP's scale: the least-squares
   fit through the origin of LP TiO2 against the bin-mean WAC over the bins that are almost all
   mare (floor fraction <= :data:`CALIBRATION_MAX_FLOOR_FRACTION`), where LP's value is a mare
   value. It is computed from the data, not set: ~0.83, i.e. LP reads mare interiors ~17 % lower
   than the WAC (whose own calibration on returned soils puts Apollo 11 at 7.4 wt% against 7.5
   in soil 10084; LP's bins are also blurred by the GRS footprint). The brief of this layer is
   that LP stays the reference, so the blend is on LP's scale and the validation test states
   how far the landing sites land from their soils.
3. **Where the WAC counts.** A weight ``a`` rises linearly from 0 at the floor to 1 at
   :data:`RAMP_WT_PCT` above it, and tapers to 0 over :data:`TAPER_DEG` towards
   :data:`BLEND_LAT_LIMIT_DEG` (the edge of the last LP band lying wholly inside the WAC's
   70 deg). Poleward of it, TiO2 is LP's bin value.
4. **LP agreement over LP-sized cells.** Every pixel gets ``a x g x WAC + (1 - a) x h``, where
   ``h`` is its LP bin's background, solved so that the bin's area mean equals LP's value; ``h``
   is clipped to 0..LP's bin value: at 0 where the calibrated mare pixels alone exceed LP's
   bin value (those bins then read above LP), at LP's value where they fall short of it
   (the highland part of a bin is not made richer than the bin; those bins read below LP).
   Because ``a`` goes to 0 continuously at the floor and at the latitude limit, the map meets
   the LP-derived background without a step there (the seams); bin edges keep LP's own steps
   in the highlands.

:func:`tio2_map` caches the blended grid in the user cache (keyed by both files' sha256 and
:data:`BLEND_VERSION`); :func:`tio2_at` reads a point from it without xarray.

References
----------
.. [1] Prettyman, T. H. et al. (2006) Elemental composition of the lunar surface: analysis of
   gamma ray spectroscopy data from Lunar Prospector. JGR 111, E12007,
   doi:10.1029/2005JE002656.
.. [2] Sato, H., Robinson, M. S., Lawrence, S. J. et al. (2017) Lunar mare TiO2 abundances
   estimated from UV/Vis reflectance. Icarus 296:216-238 (WAC_TIO2, 400 m/px, 70 S-70 N), as
   rendered by Steinert, Zabel & Quantius (2024) Front. Space Technol. 5,
   doi:10.3389/frspt.2024.1352213.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from lunarbase.cache import cache_key, cached_array
from lunarbase.data import LatLonGrid, checksums, dataset, lpgrs_arrays, wac_tio2_grid
from lunarbase.geometry import check_latlon, wrap_lon_180
from lunarbase.resources.regions import containing_cell

if TYPE_CHECKING:
    import xarray as xr

BLEND_VERSION = 2
"""Bump when :func:`blend_tio2` changes, so cached blended grids are rebuilt."""

SMOOTHING_PX = 5
"""Side of the box the WAC is averaged over [pixels] (5 px = 11 km at the equator;
assumption: 3-9 px)."""

RAMP_WT_PCT = 1.0
"""WAC TiO2 above the floor at which the WAC weight reaches 1 [wt%] (assumption: 0.5-2)."""

TAPER_DEG = 2.5
"""Latitude band over which the WAC weight tapers to 0 [deg] (assumption: 1-5)."""

BLEND_LAT_LIMIT_DEG = 67.5
"""Latitude beyond which TiO2 is LP's alone [deg]: the edge of the last LP 5-degree band that
lies wholly inside the WAC's +-70 deg."""

CALIBRATION_MAX_FLOOR_FRACTION = 0.05
"""Largest share of a bin's area at the WAC floor for the bin to calibrate the gain [-]
(assumption: 0.02-0.1; the gain moves from 0.82 to 0.84 over that range)."""


@dataclass(frozen=True)
class TiO2Map:
    """TiO2 at WAC resolution inside +-70 deg, LP bins elsewhere.

    Attributes
    ----------
    grid : lunarbase.data.LatLonGrid
        Blended TiO2 [wt%] on the WAC pixels (70 S-70 N).
    gain : float
        WAC -> LP calibration gain [-].
    background_wt_pct : numpy.ndarray
        Per-LP-bin background ``h`` [wt%] (LP's value for bins outside the blend).
    """

    grid: LatLonGrid
    gain: float
    background_wt_pct: np.ndarray


def pixel_cells(
    grs: Mapping[str, np.ndarray], lat_deg: np.ndarray, lon_deg: np.ndarray
) -> np.ndarray:
    """Position along ``cell`` of the LP bin holding each pixel of a (lat, lon) grid.

    Parameters
    ----------
    grs : mapping of arrays
        LP bins with ``lat_min``, ``lat_max``, ``lon_min`` [deg, lon -180..180].
    lat_deg, lon_deg : numpy.ndarray
        Pixel-centre latitudes and longitudes of the grid [deg, deg E -180..180], 1-D.

    Returns
    -------
    numpy.ndarray of int32
        (lat, lon) bin positions.
    """
    lat_min, lat_max, lon_min = (
        np.asarray(grs[k], float) for k in ("lat_min", "lat_max", "lon_min")
    )
    cells = np.empty((lat_deg.size, lon_deg.size), dtype=np.int32)
    for lo in np.unique(lat_min):
        band = np.flatnonzero(lat_min == lo)
        rows = (lat_deg >= lo) & (lat_deg < lat_max[band[0]])
        if not rows.any():
            continue
        band = band[np.argsort(lon_min[band])]
        j = np.searchsorted(lon_min[band], lon_deg, side="right") - 1
        cells[rows, :] = band[np.clip(j, 0, band.size - 1)][None, :]
    return cells


def wac_weight(smoothed_wt_pct: np.ndarray, lat_deg: np.ndarray, floor_wt_pct: float) -> np.ndarray:
    """Weight of the WAC in the blend [-], 0..1: linear from the floor to :data:`RAMP_WT_PCT`
    above it, times a linear taper to 0 at :data:`BLEND_LAT_LIMIT_DEG`.

    Parameters
    ----------
    smoothed_wt_pct : numpy.ndarray
        Smoothed WAC TiO2 [wt%] on (lat, lon).
    lat_deg : numpy.ndarray
        Latitude of each row [deg].
    floor_wt_pct : float
        The WAC's floor [wt%].
    """
    ramp = np.clip((smoothed_wt_pct - floor_wt_pct) / RAMP_WT_PCT, 0.0, 1.0)
    taper = np.clip((BLEND_LAT_LIMIT_DEG - np.abs(lat_deg)) / TAPER_DEG, 0.0, 1.0)
    return np.asarray(ramp * taper[:, None])


def calibration_gain(
    wac_mean_wt_pct: np.ndarray, lp_wt_pct: np.ndarray, floor_fraction: np.ndarray
) -> float:
    """Least-squares gain ``g`` of ``LP = g x WAC`` over the bins almost all above the floor.

    Parameters
    ----------
    wac_mean_wt_pct : numpy.ndarray
        Area-mean smoothed WAC TiO2 of each bin [wt%] (NaN: no WAC pixel).
    lp_wt_pct : numpy.ndarray
        LP TiO2 of each bin [wt%].
    floor_fraction : numpy.ndarray
        Share of each bin's WAC area at the floor [-] (NaN: no WAC pixel).
    """
    use = np.isfinite(wac_mean_wt_pct) & (floor_fraction <= CALIBRATION_MAX_FLOOR_FRACTION)
    w, lp = wac_mean_wt_pct[use], lp_wt_pct[use]
    return float((lp * w).sum() / (w * w).sum())


def blend_tio2(wac: LatLonGrid, grs: Mapping[str, np.ndarray], floor_wt_pct: float) -> TiO2Map:
    """Blend the WAC TiO2 grid into the LP bins (the rule of the module docstring).

    Parameters
    ----------
    wac : lunarbase.data.LatLonGrid
        WAC TiO2 [wt%], NaN at the floor.
    grs : mapping of arrays
        LP table (``lunarbase.data.lpgrs_arrays()``) with ``TiO2_wt_pct`` and bin edges.
    floor_wt_pct : float
        The WAC's floor [wt%].

    Returns
    -------
    TiO2Map
    """
    from scipy.ndimage import uniform_filter

    raw = np.asarray(wac.values, dtype=float)
    floor = np.isnan(raw)
    smoothed = uniform_filter(
        np.where(floor, floor_wt_pct, raw), SMOOTHING_PX, mode=("nearest", "wrap")
    )
    alpha = wac_weight(smoothed, wac.lat, floor_wt_pct)
    cells = pixel_cells(grs, wac.lat, wac.lon).ravel()
    n = len(np.asarray(grs["TiO2_wt_pct"]))
    area = np.broadcast_to(np.cos(np.radians(wac.lat))[:, None], raw.shape).ravel()

    def bin_sum(values: np.ndarray) -> np.ndarray:
        return np.bincount(cells, weights=values.ravel() * area, minlength=n)

    bin_area = bin_sum(np.ones_like(raw))
    has = bin_area > 0
    with np.errstate(invalid="ignore", divide="ignore"):
        wac_mean = np.where(has, bin_sum(smoothed) / bin_area, np.nan)
        floor_fraction = np.where(has, bin_sum(floor.astype(float)) / bin_area, np.nan)
    lp = np.asarray(grs["TiO2_wt_pct"], dtype=float)
    gain = calibration_gain(wac_mean, lp, floor_fraction)
    mare = alpha * gain * smoothed
    free = bin_sum(1.0 - alpha)
    with np.errstate(invalid="ignore", divide="ignore"):
        h = (lp * bin_area - bin_sum(mare)) / free
    # 0 <= h <= LP: where the calibrated mare alone exceeds LP's bin value the background is 0;
    # where it falls short (or hardly any pixel is off the mare) it is LP's bin value, never
    # more -- the highland part of a bin is not richer than the bin
    background = np.where(free > 0.0, np.clip(np.nan_to_num(h, nan=0.0), 0.0, lp), lp)
    background = np.where(has, background, lp)
    blended = mare + (1.0 - alpha) * background[cells].reshape(raw.shape)
    attrs = {**wac.attrs, "long_name": "TiO2 (LROC WAC on LP GRS scale, LP elsewhere)"}
    return TiO2Map(
        LatLonGrid(blended.astype(np.float32), wac.lat, wac.lon, attrs), gain, background
    )


def _blend_key() -> dict[str, object]:
    """Cache key of the blended grid: both files' sha256 and every blend parameter."""
    reg = checksums()
    return cache_key(
        "tio2_blend",
        BLEND_VERSION,
        wac=reg[dataset("wac_tio2_figure").files[0]],
        lp=reg[dataset("lpgrs_5deg").files[0]],
        smoothing_px=SMOOTHING_PX,
        ramp_wt_pct=RAMP_WT_PCT,
        taper_deg=TAPER_DEG,
        lat_limit_deg=BLEND_LAT_LIMIT_DEG,
        max_floor_fraction=CALIBRATION_MAX_FLOOR_FRACTION,
    )


def tio2_map() -> TiO2Map:
    """The blended TiO2 map of the registered WAC figure and LP table, cached in the user
    cache (the first build decodes the figure and blends: a few seconds)."""
    wac_ds = dataset("wac_tio2_figure")
    key = _blend_key()
    floor = float(wac_ds.params["tio2_min_wt_pct"])
    built: dict[str, TiO2Map] = {}

    def build(part: str) -> np.ndarray:
        if not built:
            built["map"] = blend_tio2(wac_tio2_grid(), lpgrs_arrays(), floor)
        m = built["map"]
        return m.grid.values if part == "grid" else np.concatenate([[m.gain], m.background_wt_pct])

    wac = wac_tio2_grid()
    grid = cached_array({**key, "part": "grid"}, lambda: build("grid"))
    extra = cached_array({**key, "part": "bins"}, lambda: build("bins"))
    attrs = {**wac.attrs, "long_name": "TiO2 (LROC WAC on LP GRS scale, LP elsewhere)"}
    return TiO2Map(
        LatLonGrid(grid, wac.lat, wac.lon, attrs), float(extra[0]), np.asarray(extra[1:])
    )


def he3_grid_ppb(tio2: TiO2Map, *, he3_model: str, he4_he3_atom_ratio: float) -> np.ndarray:
    """He-3 grade [ppb] on the blended TiO2 grid (70 S-70 N at WAC resolution), float32.

    Parameters
    ----------
    tio2 : TiO2Map
        Blended TiO2 map.
    he3_model : str
        Grade model name (:data:`lunarbase.resources.grades.HE3_MODELS`); fluence models get
        each pixel's solar-wind fluence (:func:`lunarbase.resources.fluence.fluence_factor`).
    he4_he3_atom_ratio : float
        4He/3He atom ratio [-].
    """
    from lunarbase.resources.fluence import fluence_factor
    from lunarbase.resources.grades import get_he3_model, he3_ppb

    grid = tio2.grid
    fluence = None
    if get_he3_model(he3_model).needs_fluence:
        fluence = fluence_factor(grid.lat[:, None], grid.lon[None, :])
    ppb = he3_ppb(
        grid.values, model=he3_model, he4_he3_atom_ratio=he4_he3_atom_ratio, fluence=fluence
    )
    return np.asarray(ppb, dtype=np.float32)


def area_grades(
    tio2: TiO2Map,
    lat_deg: float,
    lon_deg: float,
    radius_km: float,
    *,
    he3_model: str,
    he4_he3_atom_ratio: float,
) -> tuple[float, float]:
    """Area means of TiO2 [wt%] and He-3 [ppb] over the WAC pixels whose centre lies within
    ``radius_km`` of a point (the containing pixel when none does), at WAC resolution.

    Parameters
    ----------
    tio2 : TiO2Map
        Blended TiO2 map.
    lat_deg, lon_deg : float
        Centre [deg, deg E]; inside :data:`BLEND_LAT_LIMIT_DEG` (callers check).
    radius_km : float
        Radius [km], > 0.
    he3_model : str
        Grade model name; fluence models get each pixel's fluence.
    he4_he3_atom_ratio : float
        4He/3He atom ratio [-].
    """
    from lunarbase.constants import MOON_RADIUS_M
    from lunarbase.geometry import great_circle_km
    from lunarbase.resources.fluence import fluence_factor
    from lunarbase.resources.grades import get_he3_model, he3_ppb

    grid = tio2.grid
    reach_deg = math.degrees(radius_km * 1000.0 / MOON_RADIUS_M) + grid.step_deg[0]
    rows = np.flatnonzero(np.abs(grid.lat - lat_deg) <= reach_deg)
    lat, lon = grid.lat[rows][:, None], grid.lon[None, :]
    inside = great_circle_km(lat_deg, lon_deg, lat, lon) <= radius_km
    if not inside.any():
        i, j = grid.index(np.array([lat_deg]), wrap_lon_180(np.array([lon_deg])))
        rows, inside = i, np.zeros((1, grid.lon.size), dtype=bool)
        inside[0, j[0]] = True
        lat = grid.lat[rows][:, None]
    values = np.asarray(grid.values[rows], dtype=float)
    weights = np.broadcast_to(np.cos(np.radians(lat)), inside.shape) * inside
    fluence = None
    if get_he3_model(he3_model).needs_fluence:
        fluence = fluence_factor(lat, lon)
    he3 = he3_ppb(values, model=he3_model, he4_he3_atom_ratio=he4_he3_atom_ratio, fluence=fluence)
    total = weights.sum()
    return float((values * weights).sum() / total), float((he3 * weights).sum() / total)


DISPLAY_STEP_DEG = 0.5
"""Cell of the global He-3 display grid the report draws [deg]: ten times finer than LP's
5-degree bins, coarse enough for an HTML page (360 x 720 cells)."""


def he3_display_grid(
    *, he3_model: str, he4_he3_atom_ratio: float, step_deg: float = DISPLAY_STEP_DEG
) -> xr.DataArray:
    """He-3 [ppb] on a global (lat, lon) grid of ``step_deg`` cells: the mean of the
    WAC-resolution grid (:func:`he3_grid_ppb`) over the pixels whose centre falls in a cell,
    NaN where no blended pixel does (poleward of 70 deg: callers fill from LP's bins). Rows run
    north to south, longitudes -180..180. Cached in the user cache.

    Parameters
    ----------
    he3_model : str
        Grade model name.
    he4_he3_atom_ratio : float
        4He/3He atom ratio [-].
    step_deg : float, optional
        Cell size [deg]; 180 / step_deg must be a whole number.
    """
    import xarray as xr

    n_lat, n_lon = round(180.0 / step_deg), round(360.0 / step_deg)
    m = tio2_map()
    key = cache_key(
        "he3_display",
        BLEND_VERSION,
        blend=_blend_key(),
        model=he3_model,
        ratio=he4_he3_atom_ratio,
        step_deg=step_deg,
    )

    def build() -> np.ndarray:
        he3 = he3_grid_ppb(m, he3_model=he3_model, he4_he3_atom_ratio=he4_he3_atom_ratio)
        row = np.floor((90.0 - m.grid.lat) / step_deg).astype(int)
        col = np.floor((m.grid.lon + 180.0) / step_deg).astype(int)
        cell = (row[:, None] * n_lon + col[None, :]).ravel()
        total = np.bincount(cell, weights=he3.ravel().astype(float), minlength=n_lat * n_lon)
        count = np.bincount(cell, minlength=n_lat * n_lon)
        with np.errstate(invalid="ignore", divide="ignore"):
            return (total / count).reshape(n_lat, n_lon).astype(np.float32)

    values = cached_array(key, build)
    lat = 90.0 - (np.arange(n_lat) + 0.5) * step_deg
    lon = -180.0 + (np.arange(n_lon) + 0.5) * step_deg
    return xr.DataArray(
        np.asarray(values),
        dims=("lat", "lon"),
        coords={"lat": ("lat", lat, {"units": "deg"}), "lon": ("lon", lon, {"units": "deg E"})},
        name="he3_ppb",
        attrs={"units": "ppb", "long_name": f"He-3 ({he3_model}) at WAC resolution, cell mean"},
    )


def tio2_at(
    lat_deg: float,
    lon_deg: float,
    *,
    tio2: TiO2Map | None = None,
    grs: Mapping[str, np.ndarray] | xr.Dataset | None = None,
) -> tuple[float, str]:
    """TiO2 at a point [wt%] and its source: the blended WAC pixel inside
    :data:`BLEND_LAT_LIMIT_DEG`, else LP's bin.

    Parameters
    ----------
    lat_deg, lon_deg : float
        The point [deg, deg E 0..360 or -180..180].
    tio2 : TiO2Map, optional
        Blended map; :func:`tio2_map` when omitted (and needed).
    grs : mapping of arrays, optional
        LP table; ``lpgrs_arrays()`` when omitted.

    Returns
    -------
    (float, str)
        TiO2 [wt%] and ``"lroc_wac+lp_grs"`` or ``"lp_grs"``.
    """
    check_latlon(lat_deg, lon_deg)
    if abs(lat_deg) < BLEND_LAT_LIMIT_DEG:
        m = tio2_map() if tio2 is None else tio2
        i, j = m.grid.index(np.array([lat_deg]), wrap_lon_180(np.array([lon_deg])))
        return float(m.grid.values[i[0], j[0]]), "lroc_wac+lp_grs"
    table = lpgrs_arrays() if grs is None else grs
    k = containing_cell(table, lat_deg, lon_deg)
    return float(np.asarray(table["TiO2_wt_pct"])[k]), "lp_grs"
