"""Real lunar datasets: registry (pooch), verified fetch, and loaders to labelled xarray."""

from lunarbase.data.loaders import PolarGrid, load, lpgrs_arrays, polar_grid, psr_polygons
from lunarbase.data.registry import catalog, checksums, dataset, fetch, status
from lunarbase.data.wac_tio2 import LatLonGrid, wac_tio2_grid

__all__ = [
    "LatLonGrid",
    "PolarGrid",
    "catalog",
    "checksums",
    "dataset",
    "fetch",
    "load",
    "lpgrs_arrays",
    "polar_grid",
    "psr_polygons",
    "status",
    "wac_tio2_grid",
]
