"""LROC WAC TiO2 decoded from the published figure that embeds it (70 S-70 N, ~2.2 km/px).

The map is the LROC WAC TiO2 product of Sato et al. (2017) [1]_ (derived from the 321/415 nm
reflectance ratio, calibrated on returned soils), as rendered in Steinert, Zabel & Quantius
(2024) [2]_: an 8-bit indexed-colour image on a plate carree grid and its colour bar, linear in
wt% between the labelled ends. :func:`decode_wac_tio2` turns the figure back into numbers with
the figure's own colour bar as the look-up table (no colour map is assumed): every colour-bar
row maps to a value by its position, and every colour of the map's palette takes the mean value
of the rows of its nearest colour-bar colour (the map's colours match the bar's to within
1.4/255). The bottom colour of the bar means "1 wt% or less": no information, decoded as NaN.
The layout (which image, the axes extent, the bar's end labels) is read from the PDF by hand
and kept in the catalogue (``wac_tio2_figure``).

:func:`wac_tio2_grid` caches the decoded grid in the user cache (decoding takes ~3 s once).

References
----------
.. [1] Sato, H., Robinson, M. S., Lawrence, S. J. et al. (2017) Lunar mare TiO2 abundances
   estimated from UV/Vis reflectance. Icarus 296:216-238.
.. [2] Steinert, S.-J., Zabel, P. & Quantius, D. (2024) Location-dependent flight cost
   difference from the lunar surface to an orbital fuel depot and its influence on ISRU
   location selection. Front. Space Technol. 5, doi:10.3389/frspt.2024.1352213 (CC BY 4.0),
   figure file ``WAC_TIO2_COMBINED.pdf``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from lunarbase.cache import cache_key, cached_array
from lunarbase.data.registry import dataset, dataset_files, registry
from lunarbase.errors import DataError

WAC_DECODER_VERSION = 1
"""Bump when :func:`decode_wac_tio2` changes, so cached grids are rebuilt."""


@dataclass(frozen=True)
class LatLonGrid:
    """A plate carree grid as plain numpy: ``values`` on (lat, lon) pixel centres [deg],
    latitudes ascending (row 0 is the southern edge), longitudes -180..180 E."""

    values: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    attrs: dict[str, Any] = field(default_factory=dict)

    @property
    def step_deg(self) -> tuple[float, float]:
        """Pixel size in latitude and longitude [deg]."""
        return float(self.lat[1] - self.lat[0]), float(self.lon[1] - self.lon[0])

    def index(self, lat_deg: np.ndarray, lon_deg: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Row and column of the pixels containing the points [deg, deg E -180..180]; points
        outside the grid are clipped to its edge (callers check coverage)."""
        dlat, dlon = self.step_deg
        lat0, lon0 = self.lat[0] - dlat / 2, self.lon[0] - dlon / 2
        i = np.floor((np.asarray(lat_deg, float) - lat0) / dlat).astype(int)
        j = np.floor((np.asarray(lon_deg, float) - lon0) / dlon).astype(int)
        return np.clip(i, 0, self.lat.size - 1), np.clip(j, 0, self.lon.size - 1)


def _indexed_image(xobjects: Any, name: str) -> tuple[np.ndarray, np.ndarray]:
    """Pixel indices (rows as stored) and RGB palette of an 8-bit indexed PDF image."""
    if name not in xobjects:
        raise DataError(f"WAC TiO2 figure: image {name} not found on page 1")
    obj = xobjects[name].get_object()
    space = obj["/ColorSpace"]
    if space[0] != "/Indexed" or int(obj["/BitsPerComponent"]) != 8:
        raise DataError(f"WAC TiO2 figure: image {name} is not 8-bit indexed colour")
    width, height = int(obj["/Width"]), int(obj["/Height"])
    pixels = np.frombuffer(obj.get_data(), dtype=np.uint8)
    if pixels.size != width * height:
        raise DataError(
            f"WAC TiO2 figure: image {name} has {pixels.size} bytes, not {width}x{height}"
        )
    palette = np.frombuffer(space[3], dtype=np.uint8).reshape(-1, 3).astype(int)
    return pixels.reshape(height, width), palette


def decode_wac_tio2(pdf: Path, params: dict[str, Any]) -> np.ndarray:
    """TiO2 [wt%] of every map pixel, row 0 at the southern edge; NaN at the 1 wt% floor.

    Parameters
    ----------
    pdf : pathlib.Path
        The figure file.
    params : dict
        Catalogue parameters: ``map_image``, ``colorbar_image`` (PDF XObject names) and
        ``tio2_min_wt_pct``, ``tio2_max_wt_pct`` (the colour bar's bottom and top labels).

    Returns
    -------
    numpy.ndarray
        float32 (rows, columns) TiO2 [wt%].
    """
    from pypdf import PdfReader

    resources: Any = PdfReader(pdf).pages[0]["/Resources"]
    xobjects = resources["/XObject"]
    map_idx, map_palette = _indexed_image(xobjects, params["map_image"])
    bar_idx, bar_palette = _indexed_image(xobjects, params["colorbar_image"])
    lo, hi = params["tio2_min_wt_pct"], params["tio2_max_wt_pct"]
    rows = bar_idx[:, bar_idx.shape[1] // 2]  # the bar's colour does not vary across it
    row_value = hi - (np.arange(rows.size) + 0.5) / rows.size * (hi - lo)  # top row first
    count = np.bincount(rows, minlength=len(bar_palette))
    total = np.bincount(rows, weights=row_value, minlength=len(bar_palette))
    bar_value = np.where(count > 0, total / np.maximum(count, 1), np.nan)
    bar_value[rows[-1]] = np.nan  # the bottom colour: "1 wt% or less"
    used = np.flatnonzero(count > 0)
    dist = ((map_palette[:, None, :] - bar_palette[None, used, :]) ** 2).sum(axis=-1)
    palette_value = bar_value[used[np.argmin(dist, axis=1)]]
    return palette_value[map_idx].astype(np.float32)


def wac_tio2_grid(name: str = "wac_tio2_figure") -> LatLonGrid:
    """The decoded WAC TiO2 map [wt%] as a :class:`LatLonGrid`, cached in the user cache
    (keyed by the figure's sha256 and the decoding parameters)."""
    ds = dataset(name)
    (pdf,) = dataset_files(ds.name)
    p = ds.params
    key = cache_key("wac_tio2", WAC_DECODER_VERSION, sha256=registry()[ds.files[0]], **p)
    values = cached_array(key, lambda: decode_wac_tio2(pdf, p))
    ny, nx = values.shape
    dlat = (p["lat_max_deg"] - p["lat_min_deg"]) / ny
    dlon = (p["lon_max_deg"] - p["lon_min_deg"]) / nx
    lat = p["lat_min_deg"] + (np.arange(ny) + 0.5) * dlat
    lon = p["lon_min_deg"] + (np.arange(nx) + 0.5) * dlon
    attrs = {**ds.provenance(), "units": "wt%", "long_name": "TiO2 (LROC WAC, Sato et al. 2017)"}
    return LatLonGrid(values, lat, lon, attrs)
