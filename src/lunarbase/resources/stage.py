"""Resources stage: grades at the base and in its mining radius, He-3 and REE inventories.

Entry point :func:`assess` (the scenario's ``[resources]`` section and the base site in,
:class:`ResourceResults` out). All numbers derive from the Lunar Prospector GRS 5-degree table
(Prettyman et al. 2006, doi:10.1029/2005JE002656); see :mod:`.grades`, :mod:`.fluence`,
:mod:`.regolith`, :mod:`.inventory`, :mod:`.grains`, :mod:`.kreep` and :mod:`.regions` for the
models and references.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any

import numpy as np

from lunarbase.constants import MOON_RADIUS_M
from lunarbase.errors import ScenarioError
from lunarbase.jsonable import plain
from lunarbase.resources.grains import fines_enrichment, fines_fractions
from lunarbase.resources.inventory import Inventory, he3_inventories
from lunarbase.resources.kreep import ReeInventory, ree_tonnes
from lunarbase.resources.regions import (
    area_mean,
    circle_weights,
    containing_cell,
    load_grs,
    region_weights,
)
from lunarbase.resources.regolith import gas_thickness_m
from lunarbase.resources.tio2 import (
    BLEND_LAT_LIMIT_DEG,
    area_grades,
    he3_display_grid,
    tio2_map,
)
from lunarbase.scenario import Resources
from lunarbase.seeds import SeedLike, seed_entropy

if TYPE_CHECKING:
    import xarray as xr


@dataclass(frozen=True, eq=False)
class ResourceResults:
    """Results of the resources stage.

    Attributes
    ----------
    he3_model : str
        He grade model name.
    seed : int
        The run's seed (the inventory Monte Carlo draws from the resources stage's stream).
    site_lat_deg, site_lon_deg : float
        Base site [deg, deg E].
    mining_lat_deg, mining_lon_deg : float
        Centre of the mining area [deg, deg E] (the base site unless the scenario moves it).
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
        smaller than a ~150 km bin) the bin containing the mining centre alone is used and
        ``mining_from_site_cell`` is True.
    mining_from_site_cell : bool
        Whether the mining-radius means fell back to the bin containing the mining centre (the
        site's, unless the mining area is away from the base).
    mining_he3_ppb, mining_tio2_wt_pct, mining_th_ppm, mining_ree_ppm : float
        Area-weighted means over the mining area [ppb, wt%, ppm, ppm]: He-3 and TiO2 over the
        WAC pixels within the mining radius when its centre lies inside the TiO2 blend
        (:func:`lunarbase.resources.tio2.area_grades`), else over the mining bins, as Th and
        REE always are; the He-3 grade is the scenario's ``mining_he3_ppb`` where it states
        one.
    mining_grade_source : str
        ``"wac_map"`` (WAC resolution), ``"map"`` (LP bins) or ``"scenario"`` (a design
        grade stated in the scenario).
    mining_he3_tonnes : float
        Nominal He-3 in place within the mining radius down to ``min(mining_depth_m, regolith
        depth of the mining centre's bin)``: ``mining_he3_ppb`` at the surface, through the
        gas depth profile (:func:`~lunarbase.resources.regolith.gas_thickness_m`) [t].
    fines_cut_um, fines_mass_fraction, he3_fines_fraction : float
        Sieve cut of the fines [um], their mass fraction of the soil [-] and their share of its
        He-3 [-] (:func:`lunarbase.resources.grains.fines_fractions`; the same everywhere).
    he4_he3_atom_ratio : float
        4He/3He atom ratio of the implanted helium used [-].
    regolith_density_kg_m3 : float
        Bulk density of the top of the regolith [kg/m^3].
    mining_depth_m : float
        Depth the miners dig: ``min(mining_depth_m, regolith depth of the mining area's bin)``
        [m].
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
    he3_display : xarray.DataArray
        He-3 [ppb] on a global 0.5-degree (lat, lon) grid from the WAC-resolution TiO2
        (:func:`lunarbase.resources.tio2.he3_display_grid`), NaN poleward of the blend.
    """

    he3_model: str
    seed: int
    site_lat_deg: float
    site_lon_deg: float
    mining_lat_deg: float
    mining_lon_deg: float
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
    mining_grade_source: str
    mining_tio2_wt_pct: float
    mining_th_ppm: float
    mining_ree_ppm: float
    mining_he3_tonnes: float
    fines_cut_um: float
    fines_mass_fraction: float
    he3_fines_fraction: float
    he4_he3_atom_ratio: float
    regolith_density_kg_m3: float
    mining_depth_m: float
    mining_he3_fines_ppb: float
    moon: Inventory
    nearside: Inventory
    farside: Inventory
    south_pole: Inventory
    moon_ree: ReeInventory
    maps: xr.Dataset
    he3_display: xr.DataArray

    def to_dict(self) -> dict[str, Any]:
        """All results except the maps (``maps``, ``he3_display``) as JSON-ready Python values
        (NaN as ``None``), the inventories as nested dicts."""
        grids = ("maps", "he3_display")
        values = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in grids}
        inventories = Inventory | ReeInventory
        return plain({k: asdict(v) if isinstance(v, inventories) else v for k, v in values.items()})


def assess(
    cfg: Resources,
    *,
    site_lat_deg: float,
    site_lon_deg: float,
    mining_radius_km: float,
    seed: SeedLike,
    mining_lat_deg: float | None = None,
    mining_lon_deg: float | None = None,
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
    mining_lat_deg, mining_lon_deg : float, optional
        Centre of the mining area [deg, deg E] when the miners work away from the base;
        default the base site.
    seed : int or numpy.random.SeedSequence
        Seed of the inventory Monte Carlo (the chain passes the resources stage's stream).
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
       and their references in :mod:`.grades`, :mod:`.fluence`, :mod:`.inventory`,
       :mod:`.kreep`.
    """
    from lunarbase.resources.maps import resource_maps  # xarray: not on the point-query path

    grs = load_grs(grs)
    maps = resource_maps(grs, cfg)
    site = containing_cell(grs, site_lat_deg, site_lon_deg)
    area = np.asarray(grs["area_m2"].values, dtype=float)
    mine_lat = site_lat_deg if mining_lat_deg is None else mining_lat_deg
    mine_lon = site_lon_deg if mining_lon_deg is None else mining_lon_deg
    mine = containing_cell(grs, mine_lat, mine_lon)

    weights = circle_weights(grs, mine_lat, mine_lon, mining_radius_km)
    fallback = not np.any(weights > 0.0)
    if fallback:  # radius smaller than a ~150 km bin: the 5-degree map cannot resolve it
        weights[mine] = 1.0
    w_area = weights * area

    def mean(var: str) -> float:
        return area_mean(np.asarray(maps[var].values, dtype=float), w_area)

    site_depth = float(maps["regolith_depth_m"].values[site])
    mine_depth = float(maps["regolith_depth_m"].values[mine])
    radius_m = mining_radius_km * 1000.0
    cap_area_m2 = 2.0 * math.pi * MOON_RADIUS_M**2 * (1.0 - math.cos(radius_m / MOON_RADIUS_M))
    depth_m = min(cfg.mining_depth_m, mine_depth)
    stated = cfg.mining_he3_ppb is not None
    mining_tio2, map_ppb, source = mean("tio2_wt_pct"), mean("he3_ppb"), "map"
    if abs(mine_lat) < BLEND_LAT_LIMIT_DEG:  # the maria at WAC resolution
        mining_tio2, map_ppb = area_grades(
            tio2_map(),
            mine_lat,
            mine_lon,
            mining_radius_km,
            he3_model=cfg.he3_model,
            he4_he3_atom_ratio=cfg.he4_he3_atom_ratio,
        )
        source = "wac_map"
    mining_ppb = float(cfg.mining_he3_ppb) if cfg.mining_he3_ppb is not None else map_ppb
    gas_m = float(
        gas_thickness_m(
            mine_depth,
            cfg.mining_depth_m,
            gardened_depth_m=cfg.gardened_depth_m,
            deep_gas_fraction=cfg.deep_gas_fraction,
        )
    )
    mining_he3_kg = cap_area_m2 * gas_m * cfg.regolith_density_kg_m3 * mining_ppb * 1e-9

    grain = (cfg.fines_cut_um, cfg.grain_median_um, cfg.grain_sorting_phi)
    f_v = cfg.volume_gas_fraction
    fines_mass, fines_he3 = (float(f) for f in fines_fractions(*grain, volume_gas_fraction=f_v))
    if not fines_mass > 0.0:
        raise ScenarioError(
            f"resources.fines_cut_um: no soil is finer than {cfg.fines_cut_um:g} um at a "
            f"{cfg.grain_median_um:g} um median and {cfg.grain_sorting_phi:g} phi sorting"
        )

    named = [region_weights(grs, r) for r in ("moon", "nearside", "farside", "south-pole")]
    moon, near, far, south = he3_inventories(grs, cfg, named, seed=seed)

    def at_site(var: str) -> float:
        return float(np.asarray(maps[var].values)[site])

    return ResourceResults(
        he3_model=cfg.he3_model,
        seed=seed_entropy(seed),
        site_lat_deg=float(site_lat_deg),
        site_lon_deg=float(site_lon_deg),
        mining_lat_deg=float(mine_lat),
        mining_lon_deg=float(mine_lon),
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
        mining_he3_ppb=mining_ppb,
        mining_grade_source="scenario" if stated else source,
        mining_tio2_wt_pct=mining_tio2,
        mining_th_ppm=mean("th_ppm"),
        mining_ree_ppm=mean("ree_sum_ppm"),
        mining_he3_tonnes=mining_he3_kg / 1e3,
        fines_cut_um=float(cfg.fines_cut_um),
        fines_mass_fraction=fines_mass,
        he3_fines_fraction=fines_he3,
        he4_he3_atom_ratio=float(cfg.he4_he3_atom_ratio),
        regolith_density_kg_m3=float(cfg.regolith_density_kg_m3),
        mining_depth_m=float(depth_m),
        mining_he3_fines_ppb=mining_ppb * float(fines_enrichment(*grain, volume_gas_fraction=f_v)),
        moon=moon,
        nearside=near,
        farside=far,
        south_pole=south,
        moon_ree=ree_tonnes(grs, cfg),
        maps=maps,
        he3_display=he3_display_grid(
            he3_model=cfg.he3_model, he4_he3_atom_ratio=cfg.he4_he3_atom_ratio
        ),
    )
