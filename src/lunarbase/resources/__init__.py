"""Resources stage: He-3 grades and inventories, KREEP/REE from thorium, volatile by-products.

The pipeline calls :func:`assess` once per scenario; it returns a :class:`ResourceResults` with the
grades at the base site and in its mining radius, the He-3 inventories of the whole Moon, its near
and far sides and the south-polar cap, and per-bin maps for the report. All numbers derive from
the Lunar Prospector GRS 5-degree table (Prettyman et al. 2006, doi:10.1029/2005JE002656); see
:mod:`.he3`, :mod:`.kreep`, :mod:`.volatiles` and :mod:`.regions` for the models and references.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from lunarbase.constants import MOON_RADIUS_M
from lunarbase.jsonable import plain
from lunarbase.resources.grains import fines_enrichment, fines_fractions
from lunarbase.resources.he3 import (
    HE3_MODELS,
    He3GradeModel,
    Inventory,
    counted_thickness_m,
    fluence_factor,
    grs_fluence,
    grs_he3_ppb,
    he3_depth_profile,
    he3_inventories,
    he3_inventory,
    he3_ppb,
    magnetotail_factor,
    regolith_depth_m,
)
from lunarbase.resources.kreep import ReeInventory, kreep_fraction, ree_ppm, ree_tonnes
from lunarbase.resources.regions import Region, circle_weights, containing_cell, region_weights
from lunarbase.resources.volatiles import byproducts_per_kg_he3, byproducts_per_tonne_regolith
from lunarbase.scenario import Resources

if TYPE_CHECKING:
    import xarray as xr

__all__ = [
    "HE3_MODELS",
    "He3GradeModel",
    "Inventory",
    "ReeInventory",
    "Region",
    "RegionResources",
    "ResourceResults",
    "assess",
    "byproducts_per_kg_he3",
    "byproducts_per_tonne_regolith",
    "fines_enrichment",
    "fines_fractions",
    "fluence_factor",
    "he3_depth_profile",
    "he3_inventory",
    "he3_ppb",
    "kreep_fraction",
    "magnetotail_factor",
    "point_grades",
    "ree_ppm",
    "ree_tonnes",
    "region_resources",
    "regolith_depth_m",
    "resource_maps",
]


@dataclass(frozen=True, eq=False)
class ResourceResults:
    """Results of the resources stage.

    Attributes
    ----------
    he3_model : str
        He grade model name.
    seed : int
        Seed of the inventory Monte Carlo.
    site_lat_deg, site_lon_deg : float
        Base site [deg, deg E].
    mining_radius_km : float
        Radius the miners work [km].
    site_cell : int
        LP GRS bin id (``cell`` coordinate) containing the site.
    site_he3_ppb, site_tio2_wt_pct, site_feo_wt_pct, site_th_ppm, site_ree_ppm : float
        Values of that bin: He-3 [ppb], TiO2 [wt%], FeO [wt%], Th [ppm], total REE [ppm].
    site_kreep_fraction : float
        KREEP fraction of that bin [-].
    site_regolith_depth_m : float
        Regolith thickness assumed there [m].
    mining_n_cells : int
        Bins whose centre lies within the mining radius [count]; when none does (the radius is
        smaller than a ~150 km bin) the site bin alone is used and ``mining_from_site_cell`` is
        True.
    mining_from_site_cell : bool
        Whether the mining-radius means fell back to the site bin.
    mining_he3_ppb, mining_tio2_wt_pct, mining_th_ppm, mining_ree_ppm : float
        Area-weighted means over the mining bins [ppb, wt%, ppm, ppm].
    mining_he3_tonnes : float
        Nominal He-3 in place within the mining radius down to ``min(mining_depth_m, site
        regolith depth)`` at ``mining_he3_ppb`` [t].
    fines_cut_um, fines_mass_fraction, he3_fines_fraction : float
        Sieve cut of the fines [um], their mass fraction of the soil [-] and their share of its
        He-3 [-] (:func:`lunarbase.resources.grains.fines_fractions`; the same everywhere).
    mining_he3_fines_ppb : float
        He-3 grade of the fines below the cut in the mining area, ``mining_he3_ppb x
        he3_fines_fraction / fines_mass_fraction`` [ppb].
    moon, nearside, farside, south_pole : Inventory
        He-3 inventories of the whole regolith [t].
    moon_ree : ReeInventory
        REE in the whole lunar regolith (no cut-off) [t].
    maps : xarray.Dataset
        Per-bin ``he3_ppb``, ``tio2_wt_pct``, ``th_ppm``, ``ree_sum_ppm``, ``kreep_fraction``
        and ``regolith_depth_m`` on ``cell`` with lat/lon coordinates.
    """

    he3_model: str
    seed: int
    site_lat_deg: float
    site_lon_deg: float
    mining_radius_km: float
    site_cell: int
    site_he3_ppb: float
    site_tio2_wt_pct: float
    site_feo_wt_pct: float
    site_th_ppm: float
    site_ree_ppm: float
    site_kreep_fraction: float
    site_regolith_depth_m: float
    mining_n_cells: int
    mining_from_site_cell: bool
    mining_he3_ppb: float
    mining_tio2_wt_pct: float
    mining_th_ppm: float
    mining_ree_ppm: float
    mining_he3_tonnes: float
    fines_cut_um: float
    fines_mass_fraction: float
    he3_fines_fraction: float
    mining_he3_fines_ppb: float
    moon: Inventory
    nearside: Inventory
    farside: Inventory
    south_pole: Inventory
    moon_ree: ReeInventory
    maps: xr.Dataset

    def to_dict(self) -> dict[str, Any]:
        """All results except ``maps`` as JSON-ready Python values (NaN as ``None``), the
        inventories as nested dicts."""
        values = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "maps"}
        inventories = Inventory | ReeInventory
        return plain({k: asdict(v) if isinstance(v, inventories) else v for k, v in values.items()})


def resource_maps(grs: xr.Dataset, cfg: Resources) -> xr.Dataset:
    """Per-bin resource layers for the report.

    Parameters
    ----------
    grs : xarray.Dataset
        LP GRS table (``load("lpgrs_5deg")``).
    cfg : lunarbase.scenario.Resources
        He grade model, atom ratio and depths.

    Returns
    -------
    xarray.Dataset
        ``he3_ppb`` [ppb], ``tio2_wt_pct`` [wt%], ``th_ppm`` [ppm], ``ree_sum_ppm`` [ppm],
        ``kreep_fraction`` [-], ``regolith_depth_m`` [m] and ``solar_wind_fluence`` (normalised,
        [-]) on ``cell``, with the bins' coordinates.

    References
    ----------
    .. [1] See :mod:`lunarbase.resources.he3` and :mod:`lunarbase.resources.kreep`.
    """
    import xarray as xr

    tio2 = grs["TiO2_wt_pct"].values
    th = grs["Th_ppm"].values
    layers = {
        "he3_ppb": (grs_he3_ppb(grs, cfg), "ppb"),
        "solar_wind_fluence": (grs_fluence(grs), "1"),
        "tio2_wt_pct": (np.asarray(tio2, dtype=float), "wt%"),
        "th_ppm": (np.asarray(th, dtype=float), "ppm"),
        "ree_sum_ppm": (ree_ppm(th)["total"], "ppm"),
        "kreep_fraction": (kreep_fraction(th), "1"),
        "regolith_depth_m": (regolith_depth_m(grs["FeO_wt_pct"].values, cfg), "m"),
    }
    data_vars = {k: ("cell", v, {"units": u}) for k, (v, u) in layers.items()}
    attrs = {"source": grs.attrs.get("citation", "Lunar Prospector GRS (Prettyman et al. 2006)")}
    attrs["he3_model"] = cfg.he3_model
    return xr.Dataset(data_vars, coords=grs.coords, attrs=attrs)


def _area_mean(values: np.ndarray, area: np.ndarray) -> float:
    return float((values * area).sum() / area.sum())


def assess(
    cfg: Resources,
    *,
    site_lat_deg: float,
    site_lon_deg: float,
    mining_radius_km: float,
    seed: int,
    grs: xr.Dataset | None = None,
) -> ResourceResults:
    """Run the resources stage for one base site.

    Parameters
    ----------
    cfg : lunarbase.scenario.Resources
        Resource settings of the scenario.
    site_lat_deg, site_lon_deg : float
        Base site [deg, deg E].
    mining_radius_km : float
        Radius the miners work [km], > 0.
    seed : int
        Seed of the inventory Monte Carlo.
    grs : xarray.Dataset, optional
        LP GRS table; loaded with ``lunarbase.data.load("lpgrs_5deg")`` when omitted.

    Returns
    -------
    ResourceResults

    Raises
    ------
    QueryError
        Site outside -90..90 deg or a non-positive mining radius.
    ScenarioError
        Unknown He grade model.

    References
    ----------
    .. [1] Prettyman, T. H. et al. (2006) JGR 111, E12007, doi:10.1029/2005JE002656; models
       and their references in :mod:`.he3`, :mod:`.kreep`.
    """
    grs = load_grs(grs)
    maps = resource_maps(grs, cfg)
    site = containing_cell(grs, site_lat_deg, site_lon_deg)
    area = np.asarray(grs["area_m2"].values, dtype=float)

    weights = circle_weights(grs, site_lat_deg, site_lon_deg, mining_radius_km)
    fallback = not np.any(weights > 0.0)
    if fallback:  # radius smaller than a ~150 km bin: the 5-degree map cannot resolve it
        weights[site] = 1.0
    w_area = weights * area

    def mean(var: str) -> float:
        return _area_mean(np.asarray(maps[var].values, dtype=float), w_area)

    site_depth = float(maps["regolith_depth_m"].values[site])
    radius_m = mining_radius_km * 1000.0
    cap_area_m2 = 2.0 * math.pi * MOON_RADIUS_M**2 * (1.0 - math.cos(radius_m / MOON_RADIUS_M))
    depth_m = min(cfg.mining_depth_m, site_depth)
    mining_he3_kg = cap_area_m2 * depth_m * cfg.regolith_density_kg_m3 * mean("he3_ppb") * 1e-9

    grain = (cfg.fines_cut_um, cfg.grain_median_um, cfg.grain_sorting_phi)
    fines_mass, fines_he3 = (float(f) for f in fines_fractions(*grain))

    named = [region_weights(grs, r) for r in ("moon", "nearside", "farside", "south-pole")]
    moon, near, far, south = he3_inventories(grs, cfg, named, seed=seed)

    def at_site(var: str) -> float:
        return float(np.asarray(maps[var].values)[site])

    return ResourceResults(
        he3_model=cfg.he3_model,
        seed=int(seed),
        site_lat_deg=float(site_lat_deg),
        site_lon_deg=float(site_lon_deg),
        mining_radius_km=float(mining_radius_km),
        site_cell=int(grs["cell"].values[site]),
        site_he3_ppb=at_site("he3_ppb"),
        site_tio2_wt_pct=at_site("tio2_wt_pct"),
        site_feo_wt_pct=float(grs["FeO_wt_pct"].values[site]),
        site_th_ppm=at_site("th_ppm"),
        site_ree_ppm=at_site("ree_sum_ppm"),
        site_kreep_fraction=at_site("kreep_fraction"),
        site_regolith_depth_m=site_depth,
        mining_n_cells=int(np.count_nonzero(weights > 0)),
        mining_from_site_cell=fallback,
        mining_he3_ppb=mean("he3_ppb"),
        mining_tio2_wt_pct=mean("tio2_wt_pct"),
        mining_th_ppm=mean("th_ppm"),
        mining_ree_ppm=mean("ree_sum_ppm"),
        mining_he3_tonnes=mining_he3_kg / 1e3,
        fines_cut_um=float(cfg.fines_cut_um),
        fines_mass_fraction=fines_mass,
        he3_fines_fraction=fines_he3,
        mining_he3_fines_ppb=mean("he3_ppb") * float(fines_enrichment(*grain)),
        moon=moon,
        nearside=near,
        farside=far,
        south_pole=south,
        moon_ree=ree_tonnes(grs, cfg),
        maps=maps,
    )


def load_grs(grs: xr.Dataset | None = None) -> xr.Dataset:
    """``grs`` itself, or the Lunar Prospector GRS 5-degree table when it is ``None``."""
    if grs is not None:
        return grs
    from lunarbase.data import load

    return cast("xr.Dataset", load("lpgrs_5deg"))


def point_grades(
    lat_deg: float,
    lon_deg: float,
    *,
    cfg: Resources | None = None,
    grs: xr.Dataset | None = None,
) -> dict[str, Any]:
    """Resource grades of the Lunar Prospector bin that contains a point.

    Parameters
    ----------
    lat_deg : float
        Latitude [deg], -90..90.
    lon_deg : float
        Longitude [deg E], 0..360 or -180..180.
    cfg : lunarbase.scenario.Resources, optional
        He grade model, atom ratio and grain-size settings; default ``Resources()``
        (``taylor1991_tio2``).
    grs : xarray.Dataset, optional
        LP GRS table; loaded when omitted.

    Returns
    -------
    dict
        ``he3_ppb`` [ppb], ``he3_fines_ppb`` (He-3 grade of the fines below
        ``cfg.fines_cut_um``, [ppb]; :mod:`lunarbase.resources.grains`), ``th_ppm`` [ppm],
        ``tio2_wt_pct`` [wt%], ``ree_ppm`` (total REE, [ppm]), ``he3_model`` and ``lp_cell``
        (bin id), as plain Python values.

    Raises
    ------
    QueryError
        Latitude outside -90..90 or a non-finite coordinate.

    Examples
    --------
    >>> g = point_grades(8.0, 22.5)          # doctest: +SKIP
    >>> sorted(g)                            # doctest: +SKIP
    ['he3_fines_ppb', 'he3_model', 'he3_ppb', 'lp_cell', 'ree_ppm', 'th_ppm', 'tio2_wt_pct']
    """
    from lunarbase.data.loaders import lpgrs_arrays

    cfg = Resources() if cfg is None else cfg
    table = lpgrs_arrays() if grs is None else grs  # arrays: no xarray import for a point
    i = containing_cell(table, lat_deg, lon_deg)
    keys = ("cell", "Th_ppm", "TiO2_wt_pct", "lat_min", "lat_max", "lon_min", "lon_max")
    cell = {k: np.asarray(table[k])[[i]] for k in keys}
    th = float(cell["Th_ppm"][0])
    he3 = float(grs_he3_ppb(cell, cfg)[0])
    enrichment = float(
        fines_enrichment(cfg.fines_cut_um, cfg.grain_median_um, cfg.grain_sorting_phi)
    )
    return {
        "he3_ppb": he3,
        "he3_fines_ppb": he3 * enrichment,
        "th_ppm": th,
        "tio2_wt_pct": float(cell["TiO2_wt_pct"][0]),
        "ree_ppm": float(ree_ppm(th)["total"]),
        "he3_model": cfg.he3_model,
        "lp_cell": int(cell["cell"][0]),
    }


@dataclass(frozen=True)
class RegionResources:
    """He-3 and REE held in one region (the ``lunarbase resources inventory`` result).

    Attributes
    ----------
    he3 : Inventory
        He-3 inventory with its Monte Carlo band and the area above ``he3.cutoff_ppb`` [t].
    ree : ReeInventory
        REE above ``ree.cutoff_ppm`` [t].
    th_grade_ppm : float
        Regolith-mass-weighted mean Th of the region [ppm] (no cut-off).
    tio2_grade_wt_pct : float
        Regolith-mass-weighted mean TiO2 of the region [wt%].
    """

    he3: Inventory
    ree: ReeInventory
    th_grade_ppm: float
    tio2_grade_wt_pct: float

    def to_dict(self) -> dict[str, Any]:
        """The CLI's JSON: ``he3_tonnes`` {p05, p50, p95, mean, nominal}, ``ree_tonnes``,
        grades, areas, the He-3 in the fines below ``fines_cut_um`` (nominal tonnes and grade)
        and the full inventories under ``he3`` and ``ree``."""
        h, r = self.he3, self.ree
        return {
            "region": h.region,
            "he3_model": h.model,
            "seed": h.seed,
            "draws": h.draws,
            "depth_m": h.depth_m,
            "area_km2": h.area_km2,
            "regolith_tonnes": h.regolith_tonnes,
            "he3_tonnes": {
                "p05": h.he3_tonnes_p05,
                "p50": h.he3_tonnes_p50,
                "p95": h.he3_tonnes_p95,
                "mean": h.he3_tonnes_mean,
                "nominal": h.he3_tonnes_nominal,
            },
            "he3_grade_ppb": h.he3_grade_ppb,
            "he3_cutoff_ppb": h.cutoff_ppb,
            "he3_area_above_cutoff_km2": h.area_above_cutoff_km2,
            "he3_tonnes_above_cutoff": h.he3_tonnes_above_cutoff,
            "fines_cut_um": h.fines_cut_um,
            "he3_tonnes_in_fines": h.he3_tonnes_in_fines,
            "he3_fines_grade_ppb": h.he3_fines_grade_ppb,
            "th_grade_ppm": self.th_grade_ppm,
            "tio2_grade_wt_pct": self.tio2_grade_wt_pct,
            "ree_tonnes": r.ree_tonnes,
            "ree_grade_ppm": r.ree_grade_ppm,
            "ree_cutoff_ppm": r.cutoff_ppm,
            "ree_area_above_cutoff_km2": r.area_km2,
            "ree_element_tonnes": dict(r.element_tonnes),
            "he3": asdict(h),
            "ree": asdict(r),
        }


def region_resources(
    cfg: Resources,
    *,
    seed: int,
    region: Region | str | None = None,
    depth_m: float | None = None,
    he3_cutoff_ppb: float = 0.0,
    ree_cutoff_ppm: float = 0.0,
    grs: xr.Dataset | None = None,
) -> RegionResources:
    """He-3 (seeded Monte Carlo) and REE inventories of one region, plus its mean grades.

    Parameters
    ----------
    cfg : lunarbase.scenario.Resources
        Model, atom ratio, density, depths and ``uncertainty_draws``.
    seed : int
        Seed of the He-3 Monte Carlo.
    region : Region or str, optional
        Region, as for :func:`lunarbase.resources.regions.region_weights`; default the Moon.
    depth_m : float, optional
        Count down to this depth [m]; default the whole regolith.
    he3_cutoff_ppb : float, optional
        He-3 cut-off grade for the area above it [ppb].
    ree_cutoff_ppm : float, optional
        Total-REE cut-off grade [ppm].
    grs : xarray.Dataset, optional
        LP GRS table; loaded when omitted.

    Returns
    -------
    RegionResources

    Raises
    ------
    QueryError
        Bad region, depth or cut-off (one line naming the field).
    ScenarioError
        Unknown He grade model.
    """
    grs = load_grs(grs)
    label, weights = region_weights(grs, region)
    (he3,) = he3_inventories(
        grs, cfg, [(label, weights)], seed=seed, depth_m=depth_m, cutoff_ppb=he3_cutoff_ppb
    )
    ree = ree_tonnes(grs, cfg, cutoff_ppm=ree_cutoff_ppm, depth_m=depth_m, region=region)
    thickness = counted_thickness_m(regolith_depth_m(grs["FeO_wt_pct"].values, cfg), depth_m)
    mass = np.asarray(grs["area_m2"].values, dtype=float) * weights * thickness
    return RegionResources(
        he3=he3,
        ree=ree,
        th_grade_ppm=_area_mean(np.asarray(grs["Th_ppm"].values, dtype=float), mass),
        tio2_grade_wt_pct=_area_mean(np.asarray(grs["TiO2_wt_pct"].values, dtype=float), mass),
    )
