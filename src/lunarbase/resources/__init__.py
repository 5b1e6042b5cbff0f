"""Resources: He-3 grades and inventories, KREEP/REE from thorium, volatile by-products.

The stage entry point is :func:`assess` (:mod:`.stage`); :func:`point_grades` and
:func:`region_resources` answer for a point or a region (:mod:`.queries`); :func:`map_files`
makes the maps ready to write (:mod:`.maps`, imported on first use: it needs xarray and
matplotlib; :mod:`lunarbase.mapfiles` writes them).
Models: :mod:`.grades` (He models), :mod:`.fluence` (solar wind and magnetotail),
:mod:`.regolith` (depth rules and the gas depth profile), :mod:`.tio2` (TiO2 at mare
resolution: the LROC WAC blended into LP), :mod:`.inventory` (Monte Carlo inventories),
:mod:`.grains` (fines), :mod:`.kreep` (REE), :mod:`.volatiles` (by-products),
:mod:`.regions` (bins).
"""

from typing import TYPE_CHECKING

from lunarbase.lazy import lazy_exports
from lunarbase.resources.fluence import fluence_factor, magnetotail_factor
from lunarbase.resources.grades import HE3_MODELS, He3GradeModel, he3_ppb
from lunarbase.resources.grains import fines_enrichment, fines_fractions
from lunarbase.resources.inventory import Inventory, InventoryInputs, he3_inventory
from lunarbase.resources.kreep import ReeInventory, kreep_fraction, ree_ppm, ree_tonnes
from lunarbase.resources.queries import RegionResources, point_grades, region_resources
from lunarbase.resources.regions import Region, containing_cell, containing_cells, load_grs
from lunarbase.resources.regolith import gas_thickness_m, he3_depth_profile, regolith_depth_m
from lunarbase.resources.stage import ResourceResults, assess
from lunarbase.resources.tio2 import TiO2Map, tio2_at, tio2_map
from lunarbase.resources.volatiles import byproducts_per_kg_he3, byproducts_per_tonne_regolith

if TYPE_CHECKING:
    from lunarbase.resources.maps import map_files, resource_maps

__getattr__ = lazy_exports(__name__, {"map_files": "maps", "resource_maps": "maps"})

__all__ = [
    "HE3_MODELS",
    "He3GradeModel",
    "Inventory",
    "InventoryInputs",
    "ReeInventory",
    "Region",
    "RegionResources",
    "ResourceResults",
    "TiO2Map",
    "assess",
    "byproducts_per_kg_he3",
    "byproducts_per_tonne_regolith",
    "containing_cell",
    "containing_cells",
    "fines_enrichment",
    "fines_fractions",
    "fluence_factor",
    "gas_thickness_m",
    "he3_depth_profile",
    "he3_inventory",
    "he3_ppb",
    "kreep_fraction",
    "load_grs",
    "magnetotail_factor",
    "map_files",
    "point_grades",
    "ree_ppm",
    "ree_tonnes",
    "region_resources",
    "regolith_depth_m",
    "resource_maps",
    "tio2_at",
    "tio2_map",
]
