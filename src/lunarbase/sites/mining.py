"""He-3 mining sites anywhere on the Moon: the criteria that matter off the pole, on a global
grid, weighted, and the best sites at a spacing of one mining area.

Solar-wind He-3 is richest in mature, ilmenite-rich mare regolith (Cameron 1991 [1]_; Johnson
et al. 1999 [2]_); studies of candidate mining sites weigh the grade against flat terrain,
regolith thickness and the mare's margins (Kim et al. 2019 [3]_), and a base off the pole sees
the Earth always on the near side and lives through 14.75-day nights. The criteria, each on
the grid of :data:`GRID_STEP_DEG` cells within :data:`MAX_LAT_DEG` of the equator, and their
normalisation to [0, 1] (1 best):

- ``he3_ppb``: the grade over the best grade in the region, from the blended TiO2 map at LROC
  WAC resolution (:func:`lunarbase.resources.tio2_map`: Sato et al. 2017 on the LP GRS
  scale, LP's bins where the blend does not reach) averaged over each grid cell, through the
  scenario's grade model (``tio2_wt_pct`` is that cell mean too);
- ``slope_deg``: LDEM_4 slope over a ~15 km baseline
  (:func:`lunarbase.terrain.global_slope_deg`), ``1 - slope / max_slope_deg``; steeper is
  excluded (the ``[sites]`` hard constraint);
- ``regolith_depth_m``: ``min(depth / mining_depth_m, 1)``: a miner needs its digging depth of
  regolith (every LP bin's thickness is at least the 3 m default today, so this only bites
  where a scenario digs deeper);
- ``mare_edge_km``: distance from the nearest highland cell (0 outside the maria; mare and
  highland come from LP's FeO bins, which have no finer map yet),
  ``1 - exp(-d / MARE_EDGE_SCALE_KM)``: away from the margin the grade is the mare's, not a
  mix with highland ejecta, and no longer within one grade-map cell of the contact;
- ``earth_visible_fraction``: the Earth above the level horizon
  (:func:`lunarbase.terrain.earth_visible_fraction_level`): direct radio to Earth.

The night is not weighted: off the poles every site has the same ~14.75-day night over a level
horizon; the ranked table gives each site's light and longest night (the power system must
carry it) from :func:`lunarbase.terrain.with_flat_horizon_light`.

References
----------
.. [1] Cameron, E. N. (1991) Helium resources of Mare Tranquillitatis. Wisconsin Center for
   Space Automation and Robotics, WCSAR-TR-AR3-9207-1 (NTRS 19910016729).
.. [2] Johnson, J. R., Swindle, T. D. & Lucey, P. G. (1999) Estimated solar wind-implanted
   helium-3 distribution on the Moon. GRL 26(3):385-388, doi:10.1029/1998GL900305
.. [3] Kim, K. J. et al. (2019) Prospective 3He-rich landing sites on the Moon. Planet. Space
   Sci. 177:104686, doi:10.1016/j.pss.2019.07.001
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from lunarbase.cache import array_digest, cache_key, cached_array
from lunarbase.constants import MOON_RADIUS_M
from lunarbase.errors import QueryError
from lunarbase.geometry import great_circle_km
from lunarbase.jsonable import plain
from lunarbase.resources import containing_cells, fluence_factor, he3_ppb, tio2_map
from lunarbase.sites.candidates import named_features, place_name, spaced_best
from lunarbase.terrain import (
    LightSettings,
    earth_visible_fraction_level,
    global_slope_deg,
    point_criteria,
    with_flat_horizon_light,
)

if TYPE_CHECKING:
    import xarray as xr

GRID_STEP_DEG = 0.5
"""Cell size of the mining-site grid in latitude and longitude [deg] (~15 km at the equator;
finer than the LP GRS bins, coarse enough for a global search in seconds: the criteria grid's
first build takes ~6 s once the terrain and TiO2 maps are cached; a 0.25-deg grid took ~19 s
and ~570 MB)."""

MAX_LAT_DEG = 70.0
"""The grid covers latitudes within this of the equator [deg]: the coverage of the WAC TiO2
map (Sato et al. 2017) the grades come from, and where a level horizon is a fair stand-in for the
light (nearer the poles the Sun grazes the terrain)."""

MARE_EDGE_SCALE_KM = 75.0
"""e-folding distance of the mare-edge score [km] (assumption: 25-150 km; half an LP GRS bin,
the uncertainty of where a 5-degree map puts the contact)."""

MINING_WEIGHTS = {
    "he3_ppb": 0.5,
    "slope_deg": 0.15,
    "regolith_depth_m": 0.1,
    "mare_edge_km": 0.1,
    "earth_visible_fraction": 0.15,
}
"""Weight of each criterion [-] (assumption: grade first, as in Kim et al. 2019; the rest
0.1-0.2 each), normalised by their sum."""

MINING_CRITERIA_VERSION = 2
"""Bump when :func:`mining_criteria` (or the terrain functions it calls) changes, to rebuild the
cached grid."""

CRITERIA_COLUMNS = (
    "lat_deg",
    "lon_deg",
    "he3_ppb",
    "tio2_wt_pct",
    "slope_deg",
    "regolith_depth_m",
    "mare_edge_km",
    "earth_visible_fraction",
)
"""Columns of :func:`mining_criteria`."""

REGIONS = ("moon", "nearside", "farside")
"""Region names of :func:`region_mask` besides IAU feature names."""

LIGHT_COLUMNS = ("illumination_fraction", "longest_night_h")
"""Columns of the ranked table from each site's light over a level horizon."""


@dataclass(frozen=True, eq=False)
class MiningSites:
    """Ranked He-3 mining sites, best first.

    Attributes
    ----------
    table : pandas.DataFrame
        Index ``rank`` (1 = best); columns ``lat_deg``, ``lon_deg`` [deg, deg E 0..360], the
        criteria of :data:`MINING_WEIGHTS` (``he3_ppb`` [ppb], ``slope_deg`` [deg],
        ``regolith_depth_m`` [m], ``mare_edge_km`` [km], ``earth_visible_fraction`` [-]),
        ``tio2_wt_pct`` [wt%], ``illumination_fraction`` [-] and ``longest_night_h`` [h]
        (level horizon), ``score`` [0-1], ``place`` and ``place_distance_km`` [km].
    region : str
        The region searched.
    spacing_km : float
        Least distance between two ranked sites [km].
    """

    table: pd.DataFrame
    region: str
    spacing_km: float

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``region``, ``spacing_km``, ``weights`` and the ranked ``candidates``."""
        records = self.table.reset_index().to_dict(orient="records")
        return plain(
            {
                "region": self.region,
                "spacing_km": self.spacing_km,
                "weights": MINING_WEIGHTS,
                "candidates": records,
            }
        )


def region_mask(
    region: str, lat_deg: np.ndarray, lon_deg: np.ndarray, features: pd.DataFrame
) -> np.ndarray:
    """Which points lie in a region: ``"moon"`` (all), ``"nearside"`` (within 90 deg of 0 E),
    ``"farside"`` (the rest), or an IAU feature name (case-insensitive; the circle of its
    diameter, e.g. ``"Mare Tranquillitatis"``).

    Raises
    ------
    QueryError
        A region that is neither a name of :data:`REGIONS` nor an IAU feature.
    """
    lon = np.mod(np.asarray(lon_deg, float) + 180.0, 360.0) - 180.0
    if region == "moon":
        return np.ones(np.shape(lat_deg), bool)
    if region in ("nearside", "farside"):
        near = np.abs(lon) <= 90.0
        return near if region == "nearside" else ~near
    match = features.index.astype(str).str.lower() == region.lower()
    if not match.any():
        raise QueryError(
            f"region {region!r}: not one of {', '.join(REGIONS)} nor an IAU feature name "
            "(e.g. 'Mare Tranquillitatis')"
        )
    row = features[match].iloc[0]
    d_km = great_circle_km(row["lat"], row["lon"], lat_deg, lon_deg)
    return np.asarray(d_km <= float(row["diameter_km"]) / 2.0, bool)


def _unit_vectors(lat_deg: np.ndarray, lon_deg: np.ndarray) -> np.ndarray:
    lat, lon = np.radians(lat_deg), np.radians(lon_deg)
    return np.column_stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])


def mare_edge_km(lat_deg: np.ndarray, lon_deg: np.ndarray, mare: np.ndarray) -> np.ndarray:
    """Great-circle distance from each mare point to the nearest non-mare point [km]; 0 at
    non-mare points (``inf`` when every point is mare).

    Parameters
    ----------
    lat_deg, lon_deg : numpy.ndarray
        Points [deg, deg E] (1-D).
    mare : numpy.ndarray of bool
        Which points are mare.
    """
    from scipy.spatial import cKDTree

    xyz = _unit_vectors(lat_deg, lon_deg)
    out = np.zeros(len(xyz))
    mare = np.asarray(mare, bool)
    if mare.all():
        return np.full(len(xyz), np.inf)
    if mare.any():
        chord, _ = cKDTree(xyz[~mare]).query(xyz[mare])
        out[mare] = 2.0 * np.arcsin(np.clip(chord / 2.0, 0.0, 1.0)) * MOON_RADIUS_M / 1000.0
    return out


def mining_criteria(
    grades: xr.Dataset,
    mare: np.ndarray,
    settings: LightSettings,
    *,
    he3_model: str,
    he4_he3_atom_ratio: float,
) -> pd.DataFrame:
    """Every criterion of :data:`MINING_WEIGHTS` (and ``tio2_wt_pct``) on the global grid.

    Parameters
    ----------
    grades : xarray.Dataset
        The resources stage's maps on LP GRS bins (``he3_ppb``, ``tio2_wt_pct``,
        ``regolith_depth_m``; the resources package's ``resource_maps``): the grade of a cell
        the WAC map leaves empty, and the regolith depth.
    mare : numpy.ndarray of bool
        Which bins of ``grades`` are mare.
    settings : LightSettings
        The light period (for the Earth's view).
    he3_model : str
        Grade model name (the resources package's ``HE3_MODELS``) for the WAC-resolution grade.
    he4_he3_atom_ratio : float
        4He/3He atom ratio [-].

    Returns
    -------
    pandas.DataFrame
        One row per grid cell centre: ``lat_deg``, ``lon_deg`` and the criteria, cached on
        disk by the grades, the blended TiO2 map, the mare bins and the light period. The
        grade is that of the cell's mean TiO2 at the cell centre's fluence (the pixel mean of
        the grade for the models linear in TiO2, up to the fluence's change across a cell).
    """
    layers = ("he3_ppb", "tio2_wt_pct", "regolith_depth_m")
    fine = tio2_map().grid
    key = cache_key(
        "mining_criteria",
        MINING_CRITERIA_VERSION,
        grades=[array_digest(np.asarray(grades[k].values, float)) for k in layers],
        tio2=array_digest(np.asarray(fine.values, float)),
        he3=[he3_model, he4_he3_atom_ratio],
        mare=array_digest(np.asarray(mare, bool)),
        period=[str(settings.start), str(settings.end), settings.step_h],
        grid=[GRID_STEP_DEG, MAX_LAT_DEG],
    )

    def build() -> np.ndarray:
        frame = _criteria_grid(grades, mare, settings)
        tio2 = cell_mean_wt_pct(fine, frame["lat_deg"].to_numpy(), frame["lon_deg"].to_numpy())
        found = np.isfinite(tio2)
        he3 = he3_ppb(
            tio2[found],
            model=he3_model,
            he4_he3_atom_ratio=he4_he3_atom_ratio,
            fluence=fluence_factor(frame["lat_deg"][found], frame["lon_deg"][found]),
        )
        frame.loc[found, "tio2_wt_pct"] = tio2[found]
        frame.loc[found, "he3_ppb"] = he3
        return frame.to_numpy().T

    stack = cached_array(key, build)
    return pd.DataFrame(dict(zip(CRITERIA_COLUMNS, stack, strict=True)))


def cell_mean_wt_pct(fine: Any, lat_deg: np.ndarray, lon_deg: np.ndarray) -> np.ndarray:
    """Mean of a fine (lat, lon) grid's pixels over each :data:`GRID_STEP_DEG` cell of the
    mining grid, NaN where no finite pixel centre falls in the cell.

    Parameters
    ----------
    fine : lunarbase.data.LatLonGrid
        ``values`` on pixel centres ``lat`` [deg] and ``lon`` [deg E, -180..180 or 0..360].
    lat_deg, lon_deg : numpy.ndarray
        The mining grid's cell centres [deg, deg E 0..360] (1-D).
    """
    n_lat, n_lon = round(2.0 * MAX_LAT_DEG / GRID_STEP_DEG), round(360.0 / GRID_STEP_DEG)

    def cell_of(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        row = np.floor((lat + MAX_LAT_DEG) / GRID_STEP_DEG).astype(int)
        col = np.floor(np.mod(lon, 360.0) / GRID_STEP_DEG).astype(int) % n_lon
        return np.where((row >= 0) & (row < n_lat), row * n_lon + col, -1)

    cell = cell_of(np.asarray(fine.lat, float)[:, None], np.asarray(fine.lon, float)[None, :])
    values = np.asarray(fine.values, float)
    use = (cell >= 0) & np.isfinite(values)
    total = np.bincount(cell[use], weights=values[use], minlength=n_lat * n_lon)
    count = np.bincount(cell[use], minlength=n_lat * n_lon)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / count
    return np.asarray(mean[cell_of(np.asarray(lat_deg, float), np.asarray(lon_deg, float))])


def _criteria_grid(grades: xr.Dataset, mare: np.ndarray, settings: LightSettings) -> pd.DataFrame:
    """:func:`mining_criteria`, computed."""
    half = GRID_STEP_DEG / 2.0
    lats = np.arange(-MAX_LAT_DEG + half, MAX_LAT_DEG, GRID_STEP_DEG)
    lons = np.arange(half, 360.0, GRID_STEP_DEG)
    lat, lon = (a.ravel() for a in np.meshgrid(lats, lons, indexing="ij"))
    # row by row: each row meets only its band of bins (all at once is points x bins)
    cells = np.concatenate([containing_cells(grades, np.full(lons.shape, a), lons) for a in lats])
    frame = pd.DataFrame(
        {
            "lat_deg": lat,
            "lon_deg": lon,
            "he3_ppb": np.asarray(grades["he3_ppb"].values, float)[cells],
            "tio2_wt_pct": np.asarray(grades["tio2_wt_pct"].values, float)[cells],
            "slope_deg": global_slope_deg(lat, lon),
            "regolith_depth_m": np.asarray(grades["regolith_depth_m"].values, float)[cells],
            "mare_edge_km": mare_edge_km(lat, lon, np.asarray(mare, bool)[cells]),
            "earth_visible_fraction": earth_visible_fraction_level(lat, lon, settings),
        }
    )
    return frame[list(CRITERIA_COLUMNS)]


def mining_scores(
    criteria: pd.DataFrame, *, best_he3_ppb: float, max_slope_deg: float, mining_depth_m: float
) -> pd.Series:
    """Weighted score [0-1] of each row of :func:`mining_criteria` by the module's rules."""
    normal = {
        "he3_ppb": criteria["he3_ppb"] / best_he3_ppb,
        "slope_deg": (1.0 - criteria["slope_deg"] / max_slope_deg).clip(0.0, 1.0),
        "regolith_depth_m": (criteria["regolith_depth_m"] / mining_depth_m).clip(0.0, 1.0),
        "mare_edge_km": 1.0 - np.exp(-criteria["mare_edge_km"] / MARE_EDGE_SCALE_KM),
        "earth_visible_fraction": criteria["earth_visible_fraction"],
    }
    total = sum(MINING_WEIGHTS.values())
    score = sum(w * normal[name] for name, w in MINING_WEIGHTS.items()) / total
    return pd.Series(score, index=criteria.index)


def rank_mining_sites(
    criteria: pd.DataFrame,
    *,
    region: str,
    top: int,
    spacing_km: float,
    max_slope_deg: float,
    mining_depth_m: float,
    settings: LightSettings,
    features: pd.DataFrame,
) -> MiningSites:
    """The best ``top`` He-3 mining sites of a region, at least ``spacing_km`` apart, each
    with its light over a level horizon and its place.

    Parameters
    ----------
    criteria : pandas.DataFrame
        :func:`mining_criteria`.
    region : str
        See :func:`region_mask`.
    top : int
        Sites wanted [count].
    spacing_km : float
        Least great-circle distance between two sites [km] (e.g. a mining area's diameter).
    max_slope_deg : float
        Hard constraint: steepest slope [deg]; it also scores 0.
    mining_depth_m : float
        Depth the miners dig [m].
    settings : LightSettings
        Light period and step for each ranked site's light.
    features : pandas.DataFrame
        IAU named features (regions and places).

    Raises
    ------
    QueryError
        An unknown region, or no cell of it meets the slope constraint.
    """
    inside = region_mask(region, criteria["lat_deg"], criteria["lon_deg"], features)
    feasible = inside & (criteria["slope_deg"] <= max_slope_deg).to_numpy()
    if not feasible.any():
        raise QueryError(
            f"region {region!r}: no cell within {MAX_LAT_DEG:g} deg of the equator has a slope "
            f"at or under max_slope_deg = {max_slope_deg}"
        )
    best = float(criteria["he3_ppb"][feasible].max())
    score = mining_scores(
        criteria, best_he3_ppb=best, max_slope_deg=max_slope_deg, mining_depth_m=mining_depth_m
    ).where(feasible)
    xyz = _unit_vectors(criteria["lat_deg"].to_numpy(), criteria["lon_deg"].to_numpy())
    chord_m = 2.0 * MOON_RADIUS_M * np.sin(spacing_km * 1000.0 / (2.0 * MOON_RADIUS_M))
    x, y, z = xyz.T * MOON_RADIUS_M
    picks = spaced_best(score.to_numpy(), x, y, top, chord_m, z_m=z)
    table = criteria.iloc[picks].assign(score=score.iloc[picks]).reset_index(drop=True)
    for k, row in table.iterrows():
        light = with_flat_horizon_light(
            point_criteria(float(row["lat_deg"]), float(row["lon_deg"]), settings), settings
        )
        for column in LIGHT_COLUMNS:
            table.loc[k, column] = getattr(light, column)
        table.loc[k, ["place", "place_distance_km"]] = place_name(
            float(row["lat_deg"]), float(row["lon_deg"]), features
        )
    table.index = pd.RangeIndex(1, len(table) + 1, name="rank")
    return MiningSites(table=table, region=region, spacing_km=spacing_km)


def he3_mining_sites(
    grades: xr.Dataset,
    mare: np.ndarray,
    settings: LightSettings,
    *,
    region: str,
    top: int,
    spacing_km: float,
    max_slope_deg: float,
    mining_depth_m: float,
    he3_model: str,
    he4_he3_atom_ratio: float,
) -> MiningSites:
    """The best He-3 mining sites of a region: :func:`mining_criteria` (cached; grade model
    and ratio as there) ranked by :func:`rank_mining_sites` (parameters as there), placed by
    the IAU names."""
    return rank_mining_sites(
        mining_criteria(
            grades, mare, settings, he3_model=he3_model, he4_he3_atom_ratio=he4_he3_atom_ratio
        ),
        region=region,
        top=top,
        spacing_km=spacing_km,
        max_slope_deg=max_slope_deg,
        mining_depth_m=mining_depth_m,
        settings=settings,
        features=named_features(),
    )
