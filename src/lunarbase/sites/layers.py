"""Criteria layers of the site search: the terrain stage's search maps with the grades, the
coordinates and the search disk added.

- ``he3_ppb`` and ``th_ppm``: the resources stage's grades of the Lunar Prospector 5-degree bin
  that contains each pixel (Prettyman et al. 2006 [1]_). A bin is ~150 km across, wider than any
  haul radius here, so this is the grade within a haul radius of the pixel;
- ``lat_deg``, ``lon_deg`` and ``in_region`` (on the DEM and within the search colatitude).

References
----------
.. [1] Prettyman, T. H. et al. (2006) Elemental composition of the lunar surface: analysis of
   gamma ray spectroscopy data from Lunar Prospector. JGR 111, E12007, doi:10.1029/2005JE002656
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from lunarbase.geometry import polar_radius_m
from lunarbase.resources import containing_cells
from lunarbase.terrain import xy_to_latlon

if TYPE_CHECKING:
    import xarray as xr

LAYERS = (
    "illumination_fraction",
    "sunlit_any_fraction",
    "longest_night_h",
    "earth_visible_fraction",
    "slope_deg",
    "distance_to_psr_km",
    "he3_ppb",
    "th_ppm",
)
"""The criteria, each a layer of :func:`criteria_layers` and a column of the ranked table."""


def criteria_layers(maps: xr.Dataset, grades: xr.Dataset, max_colatitude_deg: float) -> xr.Dataset:
    """Every criterion of :data:`LAYERS` on the terrain stage's search grid.

    Parameters
    ----------
    maps : xarray.Dataset
        The terrain stage's search maps (``TerrainResults.maps``) on y, x [m].
    grades : xarray.Dataset
        The resources stage's maps on LP GRS bins (``cell``; ``lat_min``, ``lat_max``,
        ``lon_min``, ``lon_max`` [deg]; ``he3_ppb`` [ppb], ``th_ppm`` [ppm]).
    max_colatitude_deg : float
        Radius of the search disk around the pole [deg].

    Returns
    -------
    xarray.Dataset
        ``maps`` with ``he3_ppb`` [ppb], ``th_ppm`` [ppm], ``lat_deg``, ``lon_deg`` [deg,
        deg E 0..360] and ``in_region`` (bool).
    """
    x, y = np.meshgrid(np.asarray(maps.x, float), np.asarray(maps.y, float))
    lat, lon = xy_to_latlon(x, y)
    dims = ("y", "x")
    inside = np.hypot(x, y) <= float(polar_radius_m(max_colatitude_deg))
    cells = containing_cells(grades, lat, lon)
    return maps.assign(
        lat_deg=(dims, lat, {"units": "deg"}),
        lon_deg=(dims, lon, {"units": "deg E (0..360)"}),
        in_region=(dims, inside & np.isfinite(maps["elevation_m"].values)),
        he3_ppb=(dims, np.asarray(grades["he3_ppb"].values, float)[cells], {"units": "ppb"}),
        th_ppm=(dims, np.asarray(grades["th_ppm"].values, float)[cells], {"units": "ppm"}),
    )
