"""Terrain stage: light, Earth view, slope and PSR maps of the site search region, the light
settings every later stage computes light with, and the basemap the report draws on.

Entry point :func:`assess` (the scenario's ``[terrain]`` section and the search radius in,
:class:`TerrainResults` out). The maps are :func:`~.search.search_maps`; a single point's
numbers (the base's, a candidate's) come from :func:`~.point.point_criteria`, the function
``lunarbase point`` uses, with :attr:`TerrainResults.light_settings`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from lunarbase.scenario import Terrain
from lunarbase.terrain.point import LightSettings

if TYPE_CHECKING:
    import xarray as xr


@dataclass(frozen=True, eq=False)
class TerrainResults:
    """Results of the terrain stage.

    Attributes
    ----------
    light_settings : LightSettings
        Period, time step [h], mast height [m] and horizon settings of all light computed here
        and by later stages.
    maps : xarray.Dataset
        The search region's layers (:data:`~.search.SEARCH_LAYERS`: mean Sun-disk fraction
        [-], any-of-the-disk fraction [-], longest night [h], Earth in view [-], slope [deg],
        elevation [m], PSR [bool], distance to the nearest PSR [km]) on y, x [m] (south polar
        stereographic, 720 m pixels: :data:`~.search.SEARCH_STEP_PX`).
    radius_km : float
        Radius of the search disk around the pole the maps cover [km].
    basemap : xarray.DataArray or None
        Hillshade [0-255] of the 240 m polar grid around the pole on x, y [m], for maps of the
        region; None when not asked for.
    """

    light_settings: LightSettings
    maps: xr.Dataset
    radius_km: float
    basemap: xr.DataArray | None

    @property
    def summary(self) -> dict[str, Any]:
        """JSON-ready facts of the maps (the ``terrain`` block of results.json): their extent,
        pixel size [m], period, and the PSR area [km^2] and best light within the disk."""
        x, y = np.meshgrid(np.asarray(self.maps.x, float), np.asarray(self.maps.y, float))
        disk = np.hypot(x, y) <= self.radius_km * 1000.0
        pixel_m = float(self.maps.attrs["pixel_size_m"])
        light = np.asarray(self.maps["illumination_fraction"].values)[disk]
        return {
            "search_radius_km": self.radius_km,
            "pixel_size_m": pixel_m,
            "dem": str(self.maps.attrs["dem"]),
            "period_utc": str(self.maps.attrs["period_utc"]),
            "step_h": float(self.maps.attrs["step_h"]),
            "observer_height_m": float(self.maps.attrs["observer_height_m"]),
            "psr_area_km2": float(np.asarray(self.maps["psr"].values)[disk].sum())
            * (pixel_m / 1000.0) ** 2,
            "best_illumination_fraction": float(np.nanmax(light)),
        }


def assess(
    cfg: Terrain,
    *,
    radius_km: float,
    basemap_half_width_km: float | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> TerrainResults:
    """Light settings and the search region's maps, and optionally a basemap.

    Parameters
    ----------
    cfg : lunarbase.scenario.Terrain
        Light period, time step, mast height and horizon settings.
    radius_km : float
        Radius of the site search disk around the south pole [km].
    basemap_half_width_km : float, optional
        Half width of the basemap square around the pole [km]; None: no basemap.
    progress : callable, optional
        ``progress(step, done, total)`` for the maps' horizons and light (first run only).
    """
    from lunarbase.terrain.maps import basemap
    from lunarbase.terrain.search import search_maps

    settings = light_settings(cfg)
    maps = search_maps(settings, radius_km, progress)
    shade = None if basemap_half_width_km is None else basemap(basemap_half_width_km)
    return TerrainResults(light_settings=settings, maps=maps, radius_km=radius_km, basemap=shade)


def light_settings(cfg: Terrain) -> LightSettings:
    """The light settings of a scenario's ``[terrain]`` section (same field names)."""
    names = LightSettings.__dataclass_fields__
    return LightSettings(**{k: v for k, v in cfg.model_dump().items() if k in names})
