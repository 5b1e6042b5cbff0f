"""Real lunar datasets: registry (pooch), verified fetch, and loaders to labelled xarray."""

from lunarbase.data.loaders import PolarGrid, load, lpgrs_arrays, polar_grid, psr_polygons
from lunarbase.data.registry import catalog, checksums, dataset, fetch, status

__all__ = [
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
]
