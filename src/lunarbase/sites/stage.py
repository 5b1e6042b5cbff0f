"""Sites stage: where in the south-polar region the base should stand (or the scenario's base
anywhere), with the best He-3 mining sites on the Moon carried along (:mod:`.mining`).

Entry point :func:`rank` (the scenario's ``[sites]`` and ``[site]`` tables, the terrain stage's
maps and light settings and the LP GRS grade maps in, :class:`SiteResults` out):

1. criteria layers over the whole search disk on the terrain stage's 720 m grid
   (:mod:`.layers`);
2. each criterion normalised, weighted, and the hard constraints applied (:mod:`.candidates`);
3. the best cells at the minimum spacing: ``refined_cells`` of the scenario, or twice as many
   as asked for when that is more;
4. each refined at full resolution with :func:`lunarbase.terrain.point_criteria` (the same
   numbers ``lunarbase point`` gives) to the best point of its neighbourhood on the finest DEM
   that covers it: hill climbs from the cell centre and from the DEM's highest point in the
   cell, over the 240 m grid and then, where the 10 m Site01 tile covers, over lattices down
   to 30 m (:meth:`_Scoring.refine`); the point's own DEM gives both the slope checked
   against the constraint and the slope reported;
5. the refined sites re-scored, re-checked and the best ``top`` kept at the spacing,
   each placed by the IAU names (:func:`.candidates.place_name`);
6. the base: the best site (``[site]`` without ``lat_deg``/``lon_deg``) or the scenario's
   explicit one, with its light series, and how the explicit one differs from the best on
   each criterion (off the polar DEMs: its own criteria only, light over a level horizon).

The refined positions are cached on disk by everything they depend on, so a second run only
re-evaluates the chosen points.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from lunarbase.cache import array_digest, cache_key, cached_array
from lunarbase.errors import ScenarioError
from lunarbase.jsonable import plain
from lunarbase.resources import containing_cell
from lunarbase.scenario import Site, Sites
from lunarbase.sites.candidates import (
    WEIGHTS,
    named_features,
    normalised,
    place_name,
    psr_area_nearby_km2,
    spaced_best,
    weighted_score,
)
from lunarbase.sites.layers import LAYERS, criteria_layers
from lunarbase.terrain import (
    LightSettings,
    PointCriteria,
    TerrainResults,
    global_slope_deg,
    latlon_to_xy,
    point_criteria,
    polar_terrain,
    with_flat_horizon_light,
    xy_to_latlon,
)

if TYPE_CHECKING:
    import xarray as xr

    from lunarbase.sites.mining import MiningSites

REFINE_VERSION = 6
"""Bump when the refinement changes, to rebuild the cached positions."""

CLIMB_STEPS_M = (240.0, 120.0, 60.0, 30.0)
"""Steps of the hill climb that refines a search cell [m]: over the 240 m grid, then (where
the 10 m Site01 tile covers the point) ever finer lattices of the tile."""

CLIMB_MAX_MOVES = 5
"""Most moves at each step of the climb [count]: a site ends at most ~2.4 km from where it
started."""

POINT_COLUMNS = (
    "elevation_m",
    "slope_deg",
    "dem",
    "illumination_fraction",
    "sunlit_any_fraction",
    "longest_night_h",
    "earth_visible_fraction",
)
"""Columns of the ranked table taken from the refined point's :class:`PointCriteria`."""


@dataclass(frozen=True, eq=False)
class SiteResults:
    """Ranked candidate sites, best first, the layers they were picked from, and the base.

    Attributes
    ----------
    table : pandas.DataFrame
        Index ``rank`` (1 = best); columns ``lat_deg``, ``lon_deg`` [deg, deg E], ``x_m``,
        ``y_m`` [m], ``elevation_m`` [m], ``dem`` (the DEM of the point's numbers), the
        criteria of :data:`.layers.LAYERS` (mean Sun-disk fraction [-], any-of-the-disk
        fraction [-], longest night [h], Earth in view [-], slope [deg], distance to the nearest
        PSR of the product's PSR map [km], He-3 [ppb], Th [ppm]), ``score`` [0-1],
        ``place`` (e.g. "on the rim of Shackleton"), ``place_distance_km`` [km] and
        ``psr_area_nearby_km2`` (permanently shadowed area within
        :data:`.candidates.ICE_RADIUS_KM`) [km^2].
    layers : xarray.Dataset
        The criteria layers on the 720 m search grid, with ``score`` (NaN where a hard
        constraint fails or outside the search disk).
    choice : str
        ``"best"`` (the base stands on rank 1) or ``"explicit"`` (the scenario's lat/lon).
    base : PointCriteria
        The base site: elevation [m], slope [deg], light statistics and its light series
        (against a level horizon off the polar DEMs).
    base_criteria : dict
        The base's criteria of :data:`.layers.LAYERS`, ``score``, ``place`` and
        ``place_distance_km`` (as a row of ``table``).
    mining_area : PointCriteria or None
        The same at the centre of the mining area when it is away from the base.
    base_vs_best : dict
        For an explicit base on the polar DEMs, per criterion and ``score``: ``{"base",
        "best", "difference"}`` (base minus best, in the criterion's unit); empty when the base
        is the best site or off the polar DEMs (the polar criteria mean nothing there).
    mining : MiningSites or None
        The best He-3 mining sites on the Moon (:func:`.mining.he3_mining_sites`).
    """

    table: pd.DataFrame
    layers: xr.Dataset
    choice: str
    base: PointCriteria
    base_criteria: dict[str, Any]
    mining_area: PointCriteria | None
    base_vs_best: dict[str, dict[str, float]]
    mining: MiningSites | None = None

    def to_records(self) -> list[dict[str, object]]:
        """Ranked rows as JSON-ready dicts, best first."""
        records: list[dict[str, object]] = plain(self.table.reset_index().to_dict(orient="records"))
        return records

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready results (the ``sites`` block of results.json): ``choice``, ``base``
        (its point criteria, criteria and place), ``mining_area``, ``base_vs_best``, the
        ranked ``candidates`` and ``he3_mining_sites``."""
        out: dict[str, Any] = plain(
            {
                "choice": self.choice,
                "base": {**self.base.to_dict(), **self.base_criteria},
                "base_vs_best": self.base_vs_best,
                "candidates": self.to_records(),
            }
        )
        if self.mining_area is not None:
            out["mining_area"] = plain(self.mining_area.to_dict())
        if self.mining is not None:
            out["he3_mining_sites"] = self.mining.to_dict()
        return out

    @property
    def series(self) -> pd.DataFrame:
        """The base's light series as a DataFrame indexed by UTC time (against a level horizon
        off the polar DEMs)."""
        light = self.base.light
        return pd.DataFrame() if light is None else light.frame


def rank(
    cfg: Sites,
    site: Site,
    terrain: TerrainResults,
    grades: xr.Dataset,
    progress: Callable[[str, int, int], None] | None = None,
    mining: MiningSites | None = None,
) -> SiteResults:
    """Map the criteria, pick, refine and rank the best sites at the minimum spacing, and
    place the base.

    Parameters
    ----------
    cfg : lunarbase.scenario.Sites
        Search radius, sites wanted, spacing, hard constraints and criterion weights.
    site : lunarbase.scenario.Site
        The base: the best site, or an explicit lat/lon; the mining area's centre.
    terrain : lunarbase.terrain.TerrainResults
        The terrain stage's search maps and light settings (the refined points use them).
    grades : xarray.Dataset
        Maps on LP GRS bins (``he3_ppb``, ``th_ppm``; the resources package's
        ``resource_maps``).
    progress : callable, optional
        ``progress("refine", done, total)``: cells refined, during the refinement (first run
        only).
    mining : MiningSites, optional
        The best He-3 mining sites on the Moon, carried in the results.

    Raises
    ------
    ScenarioError
        No pixel of the search region meets the hard constraints.
    """
    settings = terrain.light_settings
    layers = criteria_layers(terrain.maps, grades, cfg.max_colatitude_deg)
    region = layers["in_region"].values
    best = {
        "best_he3_ppb": float(np.nanmax(layers["he3_ppb"].values[region])),
        "best_th_ppm": float(np.nanmax(layers["th_ppm"].values[region])),
    }
    weights = {k: getattr(cfg, k) for k in WEIGHTS}
    values = {name: layers[name] for name in LAYERS}
    score = weighted_score(normalised(values, max_slope_deg=cfg.max_slope_deg, **best), weights)
    feasible = region & _meets(cfg, values)
    if not feasible.any():
        raise ScenarioError(
            f"sites: no pixel within {cfg.max_colatitude_deg} deg of the pole meets the hard "
            f"constraints (max_slope_deg = {cfg.max_slope_deg}, min_illumination_fraction = "
            f"{cfg.min_illumination_fraction})"
        )
    layers["score"] = score.where(feasible)
    x, y = np.meshgrid(np.asarray(layers.x, float), np.asarray(layers.y, float))
    spacing_m = cfg.min_spacing_km * 1000.0
    picks = spaced_best(layers["score"].values, x, y, pool_size(cfg), spacing_m)
    key = cache_key(
        "site_refinement",
        REFINE_VERSION,
        settings={k: str(v) for k, v in settings.as_kwargs().items()},
        sites=cfg.model_dump(mode="json", exclude={"top"}),  # the pool, not top, is refined
        layers=array_digest(layers["score"].values),
        picks=picks,
    )
    scoring = _Scoring(cfg, settings, layers, grades, best, weights)

    def search() -> np.ndarray:
        found = [
            scoring.refine(float(x.flat[k]), float(y.flat[k])) for k in _ticking(picks, progress)
        ]
        return np.array(found, dtype=float).reshape(-1, 2)

    points = cached_array(key, search)
    features = named_features()
    pixel_m = float(terrain.maps.attrs["pixel_size_m"])
    table = _ranked_table(cfg, scoring.table(points), x, y, layers, features, pixel_m)

    choice, base, criteria, versus = _place_base(site, table.iloc[0], scoring, features)
    area = None
    if site.mining_lat_deg is not None and site.mining_lon_deg is not None:
        mining_point = point_criteria(site.mining_lat_deg, site.mining_lon_deg, settings)
        area = with_flat_horizon_light(mining_point, settings)
    return SiteResults(
        table=table,
        layers=layers,
        choice=choice,
        base=base,
        base_criteria=plain(criteria),
        mining_area=area,
        base_vs_best=versus,
        mining=mining,
    )


def _ranked_table(
    cfg: Sites,
    table: pd.DataFrame,
    x: np.ndarray,
    y: np.ndarray,
    layers: xr.Dataset,
    features: pd.DataFrame,
    pixel_size_m: float,
) -> pd.DataFrame:
    """The refined points that meet the hard constraints, best ``cfg.top`` at the minimum
    spacing, with their nearest named feature and the PSR area nearby, indexed by rank.

    Parameters
    ----------
    cfg : lunarbase.scenario.Sites
        Sites wanted, spacing [km] and hard constraints.
    table : pandas.DataFrame
        Scored refined points (``_Scoring.table``), ``x_m``/``y_m`` [m] polar stereographic.
    x, y : numpy.ndarray
        Polar stereographic coordinates of the search-map pixels [m].
    layers : xarray.Dataset
        Criteria layers with the ``psr`` mask.
    features : pandas.DataFrame
        Named lunar features (:func:`named_features`).
    pixel_size_m : float
        Pixel size of the search maps [m].
    """
    table = table[_meets(cfg, table)].reset_index(drop=True)
    keep = spaced_best(
        table["score"].to_numpy(),
        table["x_m"].to_numpy(),
        table["y_m"].to_numpy(),
        cfg.top,
        cfg.min_spacing_km * 1000.0,
    )
    table = table.iloc[keep].reset_index(drop=True)
    places = [place_name(a, b, features) for a, b in zip(table.lat_deg, table.lon_deg, strict=True)]
    table["place"] = [p for p, _ in places]
    table["place_distance_km"] = [d for _, d in places]
    psr = np.asarray(layers["psr"].values, bool)
    table["psr_area_nearby_km2"] = psr_area_nearby_km2(
        table["x_m"].to_numpy(),
        table["y_m"].to_numpy(),
        x[psr],
        y[psr],
        pixel_size_m,
    )
    table.index = pd.RangeIndex(1, len(table) + 1, name="rank")
    return table


def _place_base(
    site: Site, top: pd.Series, scoring: _Scoring, features: pd.DataFrame
) -> tuple[str, PointCriteria, dict[str, Any], dict[str, dict[str, float]]]:
    """The base: ``"best"`` (rank 1, ``top``) or ``"explicit"`` (the scenario's lat/lon), its
    point criteria with light, its criteria and place, and how an explicit base on the polar
    DEMs differs from the best per criterion (empty otherwise)."""
    settings = scoring.settings
    if site.lat_deg is None or site.lon_deg is None:
        choice, lat, lon = "best", float(top["lat_deg"]), float(top["lon_deg"])
    else:
        choice, lat, lon = "explicit", site.lat_deg, site.lon_deg
    base = with_flat_horizon_light(point_criteria(lat, lon, settings), settings)
    if choice == "best":
        criteria = {k: top[k] for k in (*LAYERS, "score", "place", "place_distance_km")}
        return choice, base, criteria, {}
    if base.horizon == "flat":
        return choice, base, _off_pole_criteria(base, scoring.grades, features), {}
    bx, by = (float(v) for v in latlon_to_xy(lat, lon))
    row = scoring.scored([base], np.array([[bx, by]])).iloc[0]
    phrase, distance = place_name(lat, lon, features)
    criteria = {k: row[k] for k in (*LAYERS, "score")}
    criteria.update(place=phrase, place_distance_km=distance)
    versus = {
        k: {"base": float(row[k]), "best": float(top[k]), "difference": float(row[k] - top[k])}
        for k in (*LAYERS, "score")
    }
    return choice, base, criteria, versus


def _off_pole_criteria(
    base: PointCriteria, grades: xr.Dataset, features: pd.DataFrame
) -> dict[str, Any]:
    """The criteria that mean something at a base off the polar DEMs: its grades (LP GRS bin),
    the LDEM_4 slope, its light over a level horizon and its place (no PSR distance, no polar
    score)."""
    cell = containing_cell(grades, base.lat_deg, base.lon_deg)
    phrase, distance = place_name(base.lat_deg, base.lon_deg, features)
    return {
        "illumination_fraction": base.illumination_fraction,
        "sunlit_any_fraction": base.sunlit_any_fraction,
        "longest_night_h": base.longest_night_h,
        "earth_visible_fraction": base.earth_visible_fraction,
        "slope_deg": float(global_slope_deg(np.array([base.lat_deg]), np.array([base.lon_deg]))[0]),
        "he3_ppb": float(grades["he3_ppb"].values[cell]),
        "th_ppm": float(grades["th_ppm"].values[cell]),
        "place": phrase,
        "place_distance_km": distance,
    }


def _meets(cfg: Sites, values: Any) -> Any:
    """Where the hard constraints hold (slope and least illumination)."""
    return (values["slope_deg"] <= cfg.max_slope_deg) & (
        values["illumination_fraction"] >= cfg.min_illumination_fraction
    )


def pool_size(cfg: Sites) -> int:
    """Search cells refined [count]: the scenario's ``refined_cells``, or twice ``top`` when
    that is more (the pool never shrinks with ``top``, so the best ``k`` sites are the same for
    every ``top`` up to half the pool)."""
    return max(cfg.refined_cells, 2 * cfg.top)


def _ticking(items: list[int], progress: Callable[[str, int, int], None] | None) -> Any:
    """Iterate ``items``, reporting ``progress("refine", done, total)`` before the first
    and after each."""
    if progress is not None:
        progress("refine", 0, len(items))
    for i, item in enumerate(items):
        yield item
        if progress is not None:
            progress("refine", i + 1, len(items))


def highest_point(x_m: float, y_m: float, half_width_m: float) -> tuple[float, float]:
    """The highest point [m] of the finest DEM covering (``x_m``, ``y_m``) within the square
    of ``half_width_m`` around it, sampled at that DEM's pixel size (the point itself off the
    polar DEMs).

    Parameters
    ----------
    x_m, y_m : float
        Centre [m] (south polar stereographic).
    half_width_m : float
        Half the square's side [m].
    """
    terrain = polar_terrain()
    _, which = terrain.elevation_m(x_m, y_m)
    if int(which) < 0:
        return x_m, y_m
    step = float(terrain.grids[int(which)].attrs["pixel_size_m"])
    offsets = np.arange(-half_width_m, half_width_m + step / 2.0, step)
    x, y = (a.ravel() for a in np.meshgrid(x_m + offsets, y_m + offsets))
    z, _ = terrain.elevation_m(x, y)
    if not np.isfinite(z).any():
        return x_m, y_m
    k = int(np.nanargmax(z))
    return float(x[k]), float(y[k])


@dataclass(frozen=True, eq=False)
class _Scoring:
    """Scores points anywhere (not only at layer pixels) the way the layers are scored."""

    cfg: Sites
    settings: LightSettings
    layers: xr.Dataset
    grades: xr.Dataset
    best: dict[str, float]
    weights: dict[str, float]

    def table(self, points: np.ndarray) -> pd.DataFrame:
        """The ranked table's columns at points (rows of x, y [m]), scored (see
        :meth:`scored`)."""
        rows = []
        for px, py in points:
            lat, lon = xy_to_latlon(px, py)
            rows.append(point_criteria(float(lat), float(lon), self.settings))
        return self.scored(rows, points)

    def scored(self, criteria: list[PointCriteria], points: np.ndarray) -> pd.DataFrame:
        """The ranked table's columns of evaluated points (at x, y [m]), scored. Light and
        slope are the point's own (:func:`point_criteria`); PSR distance is the nearest layer
        pixel's (NaN off the search grid), grades those of the point's LP GRS bin."""
        x_max = float(np.abs(self.layers.x).max())
        rows = []
        for point, (px, py) in zip(criteria, points, strict=True):
            row: dict[str, Any] = {"lat_deg": point.lat_deg, "lon_deg": point.lon_deg}
            row.update({"x_m": float(px), "y_m": float(py)})
            row.update({k: getattr(point, k) for k in POINT_COLUMNS})
            on_grid = max(abs(px), abs(py)) <= x_max
            near = self.layers["distance_to_psr_km"].sel(x=px, y=py, method="nearest")
            row["distance_to_psr_km"] = float(near) if on_grid else float("nan")
            cell = containing_cell(self.grades, point.lat_deg, point.lon_deg)
            row["he3_ppb"] = float(self.grades["he3_ppb"].values[cell])
            row["th_ppm"] = float(self.grades["th_ppm"].values[cell])
            rows.append(row)
        table = pd.DataFrame(rows)
        table[list(LAYERS)] = table[list(LAYERS)].astype(float)  # a missing value as NaN
        values = {name: table[name] for name in LAYERS}
        normal = normalised(values, max_slope_deg=self.cfg.max_slope_deg, **self.best)
        table["score"] = weighted_score(normal, self.weights)
        return table

    def refine(self, x0: float, y0: float) -> tuple[float, float]:
        """Best point [m] of a 720 m search cell's neighbourhood: the better end of two hill
        climbs (:meth:`climb`), one from the cell centre, one from the highest point of the
        finest DEM in the cell (:func:`highest_point`: peaks and ridge crests are where the
        light is, Bussey et al. 1999, and a crest narrower than the climb's first step is
        missed by a climb from the centre)."""
        cell_m = float(self.layers.attrs["pixel_size_m"])
        starts = np.unique(np.array([[x0, y0], highest_point(x0, y0, cell_m / 2.0)]), axis=0)
        climbs = [self.climb(row) for _, row in self.table(starts).iterrows()]
        ends = pd.DataFrame(climbs).reset_index(drop=True)
        meets = _meets(self.cfg, ends)
        best = ends[meets] if meets.any() else ends
        here = best.loc[best["score"].idxmax()]
        return float(here["x_m"]), float(here["y_m"])

    def climb(self, here: pd.Series) -> pd.Series:
        """Hill climb from a scored point (a row of :meth:`table`): move to the best-scoring
        of its 8 neighbours one step away while that improves the score (and meets the
        constraints), first over the 240 m grid, then over finer lattices where the 10 m
        tile covers the point (:data:`CLIMB_STEPS_M`); the row where it stops."""
        for step in CLIMB_STEPS_M:
            if step < 240.0 and here["dem"] == "ldem_75s_240m":
                break  # no finer DEM here
            for _ in range(CLIMB_MAX_MOVES):
                ring = np.array(
                    [
                        (here["x_m"] + dx * step, here["y_m"] + dy * step)
                        for dy in (-1, 0, 1)
                        for dx in (-1, 0, 1)
                        if dx or dy
                    ]
                )
                table = self.table(ring)
                table = table[_meets(self.cfg, table)]
                if table.empty or not table["score"].max() > here["score"]:
                    break
                here = table.loc[table["score"].idxmax()]
        return here
