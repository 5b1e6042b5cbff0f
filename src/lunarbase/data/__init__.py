"""Real lunar datasets: registry (pooch), verified fetch, and loaders to labelled xarray."""

from lunarbase.data.loaders import load, psr_polygons
from lunarbase.data.registry import catalog, checksums, dataset, fetch, status

__all__ = ["catalog", "checksums", "dataset", "fetch", "load", "psr_polygons", "status"]
