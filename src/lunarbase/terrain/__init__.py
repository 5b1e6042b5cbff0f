"""Terrain and light: polar DEMs, horizons, Sun/Earth visibility, slopes and PSRs.

The stage entry point is :func:`assess` (:mod:`.stage`), whose maps of the site search region
are :func:`search_maps` (:mod:`.search`); :func:`point_criteria` answers for any point
(:mod:`.point`); :func:`global_slope_deg` and :func:`earth_visible_fraction_level` map slope
and Earth view off the pole (:mod:`.globe`); :func:`terrain_maps`, :func:`map_files` (for
:mod:`lunarbase.mapfiles` to write) and :func:`basemap` map a window (:mod:`.maps`, imported on
first use: it needs xarray, matplotlib and numba).
"""

from typing import TYPE_CHECKING

from lunarbase.lazy import lazy_exports
from lunarbase.terrain.dem import (
    PolarTerrain,
    latlon_to_xy,
    polar_terrain,
    slope_map_deg,
    xy_to_latlon,
)
from lunarbase.terrain.globe import earth_visible_fraction_level, global_slope_deg
from lunarbase.terrain.illumination import LightSeries
from lunarbase.terrain.point import (
    LightSettings,
    PointCriteria,
    point_criteria,
    point_elevation,
    point_light,
    with_flat_horizon_light,
)
from lunarbase.terrain.psr import psr_area_km2
from lunarbase.terrain.stage import TerrainResults, assess, light_settings

if TYPE_CHECKING:
    from lunarbase.terrain.maps import basemap, map_files, terrain_maps
    from lunarbase.terrain.search import psr_distance_km, search_maps

__getattr__ = lazy_exports(
    __name__,
    {
        "basemap": "maps",
        "map_files": "maps",
        "terrain_maps": "maps",
        "search_maps": "search",
        "psr_distance_km": "search",
    },
)

__all__ = [
    "LightSeries",
    "LightSettings",
    "PointCriteria",
    "PolarTerrain",
    "TerrainResults",
    "assess",
    "basemap",
    "earth_visible_fraction_level",
    "global_slope_deg",
    "latlon_to_xy",
    "light_settings",
    "map_files",
    "point_criteria",
    "point_elevation",
    "point_light",
    "polar_terrain",
    "psr_area_km2",
    "psr_distance_km",
    "search_maps",
    "slope_map_deg",
    "terrain_maps",
    "with_flat_horizon_light",
    "xy_to_latlon",
]
