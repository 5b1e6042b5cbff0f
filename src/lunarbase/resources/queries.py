"""Resource queries: the grades at a point and the He-3 and REE held in a region.

:func:`point_grades` (``lunarbase point``) reads the Lunar Prospector table and the cached
blended TiO2 grid (:mod:`.tio2`) as plain numpy, so a point query never imports xarray;
:func:`region_resources` is ``lunarbase resources inventory``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from lunarbase.resources.grades import grs_fluence, he3_ppb
from lunarbase.resources.grains import fines_enrichment
from lunarbase.resources.inventory import Inventory, InventoryInputs, he3_inventories
from lunarbase.resources.kreep import ReeInventory, ree_ppm, ree_tonnes
from lunarbase.resources.regions import Region, area_mean, containing_cell, load_grs, region_weights
from lunarbase.resources.regolith import check_cutoff, counted_thickness_m, regolith_thickness_m
from lunarbase.resources.tio2 import TiO2Map, tio2_at
from lunarbase.seeds import SeedLike

if TYPE_CHECKING:
    import xarray as xr


_EDGES = ("lat_min", "lat_max", "lon_min", "lon_max")


def point_grades(
    lat_deg: float,
    lon_deg: float,
    *,
    cfg: InventoryInputs | None = None,
    grs: xr.Dataset | None = None,
    tio2: TiO2Map | None = None,
) -> dict[str, Any]:
    """Resource grades at a point: TiO2 and He-3 at WAC resolution inside the blend
    (:mod:`lunarbase.resources.tio2`), Th and REE from the Lunar Prospector bin.

    Parameters
    ----------
    lat_deg : float
        Latitude [deg], -90..90.
    lon_deg : float
        Longitude [deg E], 0..360 or -180..180.
    cfg : lunarbase.resources.inventory.InventoryInputs, optional
        He grade model, atom ratio and grain-size settings (the scenario's ``[resources]``
        table will do); default the bundled scenario's defaults.
    grs : xarray.Dataset, optional
        LP GRS table; loaded when omitted.
    tio2 : lunarbase.resources.tio2.TiO2Map, optional
        Blended TiO2 map; the cached one when omitted (and the point lies in the blend).

    Returns
    -------
    dict
        ``he3_ppb`` [ppb] (the grade model at the point's TiO2 and, for fluence models, the
        mean solar-wind fluence of its LP bin), ``he3_fines_ppb`` (He-3 grade of the fines below
        ``cfg.fines_cut_um``, [ppb]; :mod:`lunarbase.resources.grains`), ``th_ppm`` [ppm],
        ``tio2_wt_pct`` [wt%], ``tio2_source`` (``"lroc_wac+lp_grs"`` or ``"lp_grs"``),
        ``lp_tio2_wt_pct`` (the LP bin's TiO2, [wt%]), ``ree_ppm`` (total REE, [ppm]),
        ``he3_model`` and ``lp_cell`` (bin id), as plain Python values.

    Raises
    ------
    QueryError
        Latitude outside -90..90 or a non-finite coordinate.

    Examples
    --------
    >>> g = point_grades(0.674, 23.473)      # doctest: +SKIP
    >>> round(g["tio2_wt_pct"], 1), g["tio2_source"]   # doctest: +SKIP
    (6.1, 'lroc_wac+lp_grs')
    """
    from lunarbase.data import lpgrs_arrays

    if cfg is None:
        from lunarbase.scenario import Resources

        cfg = Resources()
    table = lpgrs_arrays() if grs is None else grs  # arrays: no xarray import for a point
    i = containing_cell(table, lat_deg, lon_deg)
    th = float(np.asarray(table["Th_ppm"])[i])
    tio2_wt_pct, source = tio2_at(lat_deg, lon_deg, tio2=tio2, grs=table)
    he3 = float(
        he3_ppb(
            tio2_wt_pct,
            model=cfg.he3_model,
            he4_he3_atom_ratio=cfg.he4_he3_atom_ratio,
            fluence=grs_fluence({k: np.asarray(table[k])[[i]] for k in _EDGES})[0],
        )
    )
    enrichment = float(
        fines_enrichment(
            cfg.fines_cut_um,
            cfg.grain_median_um,
            cfg.grain_sorting_phi,
            volume_gas_fraction=cfg.volume_gas_fraction,
        )
    )
    return {
        "he3_ppb": he3,
        "he3_fines_ppb": he3 * enrichment,
        "th_ppm": th,
        "tio2_wt_pct": tio2_wt_pct,
        "tio2_source": source,
        "lp_tio2_wt_pct": float(np.asarray(table["TiO2_wt_pct"])[i]),
        "ree_ppm": float(ree_ppm(th)["total"]),
        "he3_model": cfg.he3_model,
        "lp_cell": int(np.asarray(table["cell"])[i]),
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
        """The CLI's JSON: ``he3_tonnes`` {p05, p50, p95, mean, nominal}, the nominal He-3 at
        the ends of the gas depth profile's range (``he3_depth_profile``), ``ree_tonnes``,
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
            "he3_depth_profile": {
                "gardened_depth_m": h.gardened_depth_m,
                "deep_gas_fraction": h.deep_gas_fraction,
                "he3_tonnes_least_gas": h.he3_tonnes_profile_low,
                "he3_tonnes_most_gas": h.he3_tonnes_profile_high,
            },
            "he3_cutoff_ppb": h.cutoff_ppb,
            "he3_area_above_cutoff_km2": h.area_above_cutoff_km2,
            "he3_tonnes_above_cutoff": h.he3_tonnes_above_cutoff,
            "fines_cut_um": h.fines_cut_um,
            "he3_tonnes_in_fines": h.he3_tonnes_in_fines,
            "he3_fines_ppb": h.he3_fines_ppb,
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
    cfg: InventoryInputs,
    *,
    seed: SeedLike,
    region: Region | str | None = None,
    depth_m: float | None = None,
    he3_cutoff_ppb: float = 0.0,
    ree_cutoff_ppm: float = 0.0,
    grs: xr.Dataset | None = None,
) -> RegionResources:
    """He-3 (seeded Monte Carlo) and REE inventories of one region, plus its mean grades.

    Parameters
    ----------
    cfg : lunarbase.resources.inventory.InventoryInputs
        Model, atom ratio, density, depths and ``uncertainty_draws`` (the scenario's
        ``[resources]`` table will do).
    seed : int or numpy.random.SeedSequence
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
    check_cutoff("he3_cutoff_ppb", he3_cutoff_ppb)
    check_cutoff("ree_cutoff_ppm", ree_cutoff_ppm)
    grs = load_grs(grs)
    label, weights = region_weights(grs, region)
    (he3,) = he3_inventories(
        grs, cfg, [(label, weights)], seed=seed, depth_m=depth_m, cutoff_ppb=he3_cutoff_ppb
    )
    ree = ree_tonnes(grs, cfg, cutoff_ppm=ree_cutoff_ppm, depth_m=depth_m, region=region)
    thickness = counted_thickness_m(regolith_thickness_m(grs["FeO_wt_pct"].values, cfg), depth_m)
    mass = np.asarray(grs["area_m2"].values, dtype=float) * weights * thickness
    return RegionResources(
        he3=he3,
        ree=ree,
        th_grade_ppm=area_mean(np.asarray(grs["Th_ppm"].values, dtype=float), mass),
        tio2_grade_wt_pct=area_mean(np.asarray(grs["TiO2_wt_pct"].values, dtype=float), mass),
    )
