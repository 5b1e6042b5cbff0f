"""Resources stage: He-3 grades and inventories, KREEP/REE from thorium, volatile by-products.

The pipeline calls :func:`assess` once per scenario; it returns a :class:`ResourceResults` with the
grades at the base site and in its mining radius, the He-3 inventories of the whole Moon, its near
and far sides and the south-polar cap, and per-bin maps for the report. All numbers derive from
the Lunar Prospector GRS 5-degree table (Prettyman et al. 2006, doi:10.1029/2005JE002656); see
:mod:`.he3`, :mod:`.kreep`, :mod:`.volatiles` and :mod:`.regions` for the models and references.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import xarray as xr

from lunarbase.constants import MOON_RADIUS_M
from lunarbase.resources.he3 import (
    HE3_MODELS,
    He3GradeModel,
    Inventory,
    he3_inventories,
    he3_inventory,
    he3_ppb,
    regolith_depth_m,
)
from lunarbase.resources.kreep import ReeInventory, kreep_fraction, ree_ppm, ree_tonnes
from lunarbase.resources.regions import circle_weights, containing_cell, region_weights
from lunarbase.resources.volatiles import byproducts_per_kg_he3, byproducts_per_tonne_regolith
from lunarbase.scenario import Resources

__all__ = [
    "HE3_MODELS",
    "He3GradeModel",
    "Inventory",
    "ReeInventory",
    "ResourceResults",
    "assess",
    "byproducts_per_kg_he3",
    "byproducts_per_tonne_regolith",
    "he3_inventory",
    "he3_ppb",
    "kreep_fraction",
    "ree_ppm",
    "ree_tonnes",
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
    moon: Inventory
    nearside: Inventory
    farside: Inventory
    south_pole: Inventory
    moon_ree: ReeInventory
    maps: xr.Dataset

    def to_dict(self) -> dict[str, Any]:
        """All results except ``maps`` as JSON-ready Python scalars and nested dicts."""
        out: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if name == "maps":
                continue
            if isinstance(value, Inventory | ReeInventory):
                out[name] = value.to_dict()
            elif isinstance(value, bool | str):
                out[name] = value
            elif isinstance(value, int | np.integer):
                out[name] = int(value)
            else:
                out[name] = float(value)
        return out


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
        ``kreep_fraction`` [-], ``regolith_depth_m`` [m] on ``cell``, with the bins' coordinates.

    References
    ----------
    .. [1] See :mod:`lunarbase.resources.he3` and :mod:`lunarbase.resources.kreep`.
    """
    tio2 = grs["TiO2_wt_pct"].values
    th = grs["Th_ppm"].values
    layers = {
        "he3_ppb": (
            he3_ppb(tio2, model=cfg.he3_model, he4_he3_atom_ratio=cfg.he4_he3_atom_ratio),
            "ppb",
        ),
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
    if grs is None:
        from lunarbase.data import load

        grs = cast(xr.Dataset, load("lpgrs_5deg"))
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
        moon=moon,
        nearside=near,
        farside=far,
        south_pole=south,
        moon_ree=ree_tonnes(grs, cfg),
        maps=maps,
    )
