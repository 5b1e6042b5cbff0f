"""Terrain stage: the base site's terrain and light, and the basemap the report draws on.

Entry point :func:`assess` (the scenario's ``[terrain]`` section and the base site in,
:class:`TerrainResults` out). The site's numbers come from :func:`~.point.point_criteria`,
the same function ``lunarbase point`` and the sites stage use.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lunarbase.scenario import Terrain
from lunarbase.terrain.point import (
    LightSettings,
    PointCriteria,
    point_criteria,
    with_flat_horizon_light,
)

if TYPE_CHECKING:
    import pandas as pd
    import xarray as xr


@dataclass(frozen=True, eq=False)
class TerrainResults:
    """Results of the terrain stage.

    Attributes
    ----------
    site : PointCriteria
        Elevation [m], slope [deg], light statistics (mean Sun-disk fraction, longest night [h],
        Earth in view [-]), PSR distance [km] of the base site, with its light series
        (``site.light``: Sun-disk fraction [0-1] and Earth view per UTC time); off the polar
        DEMs the light is against a level horizon (``site.horizon == "flat"``).
    mining_area : PointCriteria or None
        The same at the centre of the mining area when it is away from the base (None: the
        miners work around the base).
    light_settings : LightSettings
        Period, time step [h], mast height [m] and horizon settings the light was computed
        with; the sites stage evaluates its candidates with the same.
    basemap : xarray.DataArray or None
        Hillshade [0-255] of the 240 m polar grid around the pole on x, y [m] (south polar
        stereographic), for maps of the region; None when not asked for.
    """

    site: PointCriteria
    mining_area: PointCriteria | None
    light_settings: LightSettings
    basemap: xr.DataArray | None

    @property
    def summary(self) -> dict[str, Any]:
        """The site's scalars as JSON-ready values (the ``terrain`` block of results.json),
        with the mining area's under ``mining_area`` when it is away from the base."""
        out = self.site.to_dict()
        if self.mining_area is not None:
            out["mining_area"] = self.mining_area.to_dict()
        return out

    @property
    def series(self) -> pd.DataFrame:
        """The site's light series as a DataFrame indexed by UTC time (against a level horizon
        off the polar DEMs)."""
        import pandas as pd

        light = self.site.light
        return pd.DataFrame() if light is None else light.frame


def assess(
    cfg: Terrain,
    *,
    site_lat_deg: float,
    site_lon_deg: float,
    mining_lat_deg: float | None = None,
    mining_lon_deg: float | None = None,
    basemap_half_width_km: float | None = None,
) -> TerrainResults:
    """Terrain and light at the base site, and optionally a basemap of the polar region.

    Parameters
    ----------
    cfg : lunarbase.scenario.Terrain
        Light period, time step, mast height and horizon settings.
    site_lat_deg, site_lon_deg : float
        Base site [deg, deg E].
    mining_lat_deg, mining_lon_deg : float, optional
        Centre of a mining area away from the base [deg, deg E].
    basemap_half_width_km : float, optional
        Half width of the basemap square around the pole [km]; None: no basemap.

    Raises
    ------
    QueryError
        A bad coordinate or light period.
    """
    from lunarbase.terrain.maps import basemap

    settings = light_settings(cfg)
    site = with_flat_horizon_light(point_criteria(site_lat_deg, site_lon_deg, settings), settings)
    mining = None
    if mining_lat_deg is not None and mining_lon_deg is not None:
        mining_point = point_criteria(mining_lat_deg, mining_lon_deg, settings)
        mining = with_flat_horizon_light(mining_point, settings)
    shade = None if basemap_half_width_km is None else basemap(basemap_half_width_km)
    return TerrainResults(site=site, mining_area=mining, light_settings=settings, basemap=shade)


def light_settings(cfg: Terrain) -> LightSettings:
    """The light settings of a scenario's ``[terrain]`` section (same field names)."""
    names = LightSettings.__dataclass_fields__
    return LightSettings(**{k: v for k, v in cfg.model_dump().items() if k in names})
