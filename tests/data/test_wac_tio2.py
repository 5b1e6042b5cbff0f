"""The LROC WAC TiO2 figure decoded back to numbers (lunarbase.data.wac_tio2).

Checks against what the figure itself states (its axes and colour bar) and the manifest's
sanity points (5 x 5 px means read from the same figure): Apollo 11 7.4, Apollo 12 2.7,
Grimaldi 4.9, Luna 16 5.8 wt%, Apollo 16 at the 1 wt% floor; 86 % of the pixels at the floor.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import xarray as xr

from lunarbase.data import LatLonGrid, load, wac_tio2_grid


@pytest.fixture(scope="module")
def wac(mirror: Path) -> LatLonGrid:
    return wac_tio2_grid()


def _box_mean(grid: LatLonGrid, lat: float, lon: float) -> float:
    """5 x 5 px mean [wt%], floor pixels counted at 1 wt%."""
    i, j = grid.index(np.array([lat]), np.array([lon]))
    box = np.asarray(grid.values[i[0] - 2 : i[0] + 3, j[0] - 2 : j[0] + 3], dtype=float)
    return float(np.where(np.isnan(box), 1.0, box).mean())


def test_grid_covers_70s_70n_at_13_9_px_per_degree(wac: LatLonGrid) -> None:
    assert wac.values.shape == (1944, 5000)
    assert wac.lat[0] == pytest.approx(-70.0 + 70.0 / 1944, rel=1e-9)  # row 0 is the south
    assert wac.lon[0] == pytest.approx(-180.0 + 180.0 / 5000, rel=1e-9)
    assert 1.0 / np.array(wac.step_deg) == pytest.approx([13.886, 13.889], rel=1e-3)


def test_values_lie_on_the_colour_bar_and_the_floor_is_nan(wac: LatLonGrid) -> None:
    """86 % of the pixels are the floor colour. Above it the figure holds no value below
    2.0 wt% (the lowest decoded colour is 2.005): the product's low-Ti end is shown as floor
    too. The top colour (11.57) is saturated (~10,000 px)."""
    values = np.asarray(wac.values)
    floor = np.isnan(values)
    assert floor.mean() == pytest.approx(0.864, abs=0.005)
    assert 2.0 < np.nanmin(values) < 2.1 and 11.5 < np.nanmax(values) < 11.59


@pytest.mark.parametrize(
    ("lat", "lon", "wt_pct"),
    [
        (0.674, 23.473, 7.4),  # Apollo 11
        (-3.01, -23.42, 2.7),  # Apollo 12
        (-5.2, -68.6, 4.9),  # Grimaldi
        (-0.51, 56.36, 5.8),  # Luna 16
        (-8.973, 15.501, 1.0),  # Apollo 16: floor
    ],
)
def test_manifest_sanity_points(wac: LatLonGrid, lat: float, lon: float, wt_pct: float) -> None:
    # the manifest quotes one decimal: 0.1 wt% is its rounding plus colour quantisation
    assert _box_mean(wac, lat, lon) == pytest.approx(wt_pct, abs=0.1)


def test_load_labels_the_grid(wac: LatLonGrid) -> None:
    da = load("wac_tio2_figure")
    assert isinstance(da, xr.DataArray)
    assert da.dims == ("lat", "lon") and da.attrs["units"] == "wt%"
    assert "Sato" in da.attrs["citation"]
