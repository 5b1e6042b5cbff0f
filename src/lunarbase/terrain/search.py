"""The terrain stage's maps of the site search region: light, Earth view, slope and PSRs of every
pixel of the disk around the south pole, on the 240 m grid sampled every
:data:`SEARCH_STEP_PX` pixels (:func:`lunarbase.terrain.terrain_maps`), cached whole on disk.

Besides the layers of :func:`~lunarbase.terrain.terrain_maps` it holds ``distance_to_psr_km``,
the Euclidean distance to the nearest permanently shadowed pixel of the same maps (the
product's own PSR map, down to single pixels, rather than the catalogue's PSRs of 5 km^2 or
more), by the exact distance transform of Maurer et al. (2003) [1]_
(``scipy.ndimage.distance_transform_edt``).

References
----------
.. [1] Maurer, C. R., Qi, R. & Raghavan, V. (2003) A linear time algorithm for computing exact
   Euclidean distance transforms of binary images in arbitrary dimensions. IEEE Trans. Pattern
   Anal. Mach. Intell. 25(2):265-270, doi:10.1109/TPAMI.2003.1177156
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from lunarbase.cache import cache_key, cached_array
from lunarbase.terrain.point import LightSettings

if TYPE_CHECKING:
    import xarray as xr

SEARCH_STEP_PX = 3
"""Sampling of the 240 m grid for the search maps [px]: 720 m pixels, each the centre of a 3 x 3
block of the grid. A 4-degree disk is then ~110,000 pixels, whose horizons and light take a
few minutes on 2 cores the first time (cached after); the sites stage refines its candidates
on the 240 m grid and the 10 m tile."""

SEARCH_MAPS_VERSION = 2
"""Bump when the search maps change, to rebuild the cached ones."""

SEARCH_LAYERS = {
    "illumination_fraction": "1",
    "sunlit_any_fraction": "1",
    "longest_night_h": "h",
    "earth_visible_fraction": "1",
    "slope_deg": "deg",
    "elevation_m": "m",
    "psr": "bool",
    "distance_to_psr_km": "km",
}
"""Layers of :func:`search_maps` and their units."""


def search_maps(
    settings: LightSettings,
    radius_km: float,
    progress: Callable[[str, int, int], None] | None = None,
) -> xr.Dataset:
    """Light, Earth view, slope, elevation and PSR layers of the square around the south pole
    that holds the disk of ``radius_km``, at :data:`SEARCH_STEP_PX` x 240 m pixels.

    Parameters
    ----------
    settings : LightSettings
        Light period, step [h], mast height [m] and horizon azimuths.
    radius_km : float
        Radius of the search disk around the pole [km]; the square reaches one pixel beyond.
    progress : callable, optional
        ``progress(step, done, total)`` for the ``horizons`` (azimuths) and ``light`` (pixels)
        steps of a first run.

    Returns
    -------
    xarray.Dataset
        The :data:`SEARCH_LAYERS` on y, x [m] (south polar stereographic), ``pixel_size_m``
        in attrs.
    """
    import xarray as xr

    from lunarbase.terrain.maps import terrain_maps, window

    half_km = radius_km + 0.24 * SEARCH_STEP_PX
    grid = window(-90.0, 0.0, half_km)[::SEARCH_STEP_PX, ::SEARCH_STEP_PX]
    pixel_m = float(grid.attrs["pixel_size_m"]) * SEARCH_STEP_PX
    key = cache_key(
        "search_maps",
        SEARCH_MAPS_VERSION,
        dem=grid.attrs.get("sha256", ""),
        half_width_km=half_km,
        step_px=SEARCH_STEP_PX,
        settings={k: str(v) for k, v in settings.as_kwargs().items()},
    )

    def build() -> np.ndarray:
        ds = terrain_maps(
            -90.0, 0.0, half_km, **settings.map_kwargs(), step_px=SEARCH_STEP_PX, progress=progress
        )
        ds["distance_to_psr_km"] = ds["psr"].copy(data=psr_distance_km(ds["psr"].values, pixel_m))
        return np.stack([np.asarray(ds[name].values, np.float32) for name in SEARCH_LAYERS])

    stack = cached_array(key, build)
    layers = {
        name: (("y", "x"), stack[i].astype(bool if units == "bool" else float), {"units": units})
        for i, (name, units) in enumerate(SEARCH_LAYERS.items())
    }
    return xr.Dataset(
        layers,
        coords={"y": grid.y, "x": grid.x},
        attrs={
            "pixel_size_m": pixel_m,
            "dem": grid.attrs["dataset"],
            "period_utc": f"{settings.start}/{settings.end}",
            "step_h": settings.step_h,
            "observer_height_m": settings.observer_height_m,
        },
    )


def psr_distance_km(psr: np.ndarray, pixel_m: float) -> np.ndarray:
    """Distance from each pixel centre to the nearest PSR pixel centre [km] (0 inside one; inf
    when the map holds no PSR).

    Parameters
    ----------
    psr : numpy.ndarray of bool
        Permanently shadowed pixels.
    pixel_m : float
        Pixel size [m].
    """
    from scipy import ndimage

    psr = np.asarray(psr, bool)
    if not psr.any():
        return np.full(psr.shape, np.inf)
    return np.asarray(ndimage.distance_transform_edt(~psr)) * pixel_m / 1000.0
