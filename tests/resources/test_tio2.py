"""The WAC/LP TiO2 blend on small synthetic grids (the rule of lunarbase.resources.tio2)."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose

from lunarbase.data import LatLonGrid
from lunarbase.resources.tio2 import (
    BLEND_LAT_LIMIT_DEG,
    blend_tio2,
    calibration_gain,
    pixel_cells,
    wac_weight,
)

FLOOR = 1.0


def _bins(lp_by_bin: np.ndarray) -> dict[str, np.ndarray]:
    """Two 10-degree latitude bands (-10..0, 0..10) of 36 bins 10 deg wide."""
    lat_min = np.repeat([-10.0, 0.0], 36)
    lon_min = np.tile(-180.0 + 10.0 * np.arange(36), 2)
    return {
        "lat_min": lat_min,
        "lat_max": lat_min + 10.0,
        "lon_min": lon_min,
        "lon_max": lon_min + 10.0,
        "TiO2_wt_pct": lp_by_bin,
    }


def _grid(values: np.ndarray) -> LatLonGrid:
    ny, nx = values.shape
    lat = -10.0 + (np.arange(ny) + 0.5) * 20.0 / ny
    lon = -180.0 + (np.arange(nx) + 0.5) * 360.0 / nx
    return LatLonGrid(values.astype(np.float32), lat, lon, {})


def _mare_world() -> tuple[LatLonGrid, dict[str, np.ndarray]]:
    """WAC at the floor (NaN) except a 6 wt% mare filling bins 0-9 of the southern band and
    half of bin 10 (a sharp mare edge inside a bin); LP = 0.8 x WAC in the pure-mare bins and
    0.5 wt% + the diluted mare in bin 10."""
    values = np.full((40, 720), np.nan)
    values[:20, :210] = 6.0  # 2 px per deg: bins 0..9 and half of bin 10
    lp = np.full(72, 0.5)
    lp[:10] = 0.8 * 6.0
    lp[10] = 0.5 * 0.8 * 6.0 + 0.5 * 0.5
    return _grid(values), _bins(lp)


def test_pixel_cells_follow_the_bin_edges() -> None:
    wac, grs = _mare_world()
    cells = pixel_cells(grs, wac.lat, wac.lon)
    assert cells.shape == wac.values.shape
    assert cells[0, 0] == 0 and cells[0, -1] == 35 and cells[-1, 0] == 36
    assert cells[0, 19] == 0 and cells[0, 20] == 1  # 10 deg = 20 px per bin


def test_calibration_gain_recovers_the_lp_scale() -> None:
    wac = np.array([6.0, 4.0, 2.0, 9.0])
    floor_fraction = np.array([0.0, 0.01, 0.5, 0.0])  # bin 2 is mostly highland: not used
    lp = np.array([4.8, 3.2, 0.3, 7.2])
    assert calibration_gain(wac, lp, floor_fraction) == pytest.approx(0.8)


def test_wac_weight_ramps_from_the_floor_and_tapers_at_the_latitude_limit() -> None:
    lat = np.array([0.0, BLEND_LAT_LIMIT_DEG - 1.0, BLEND_LAT_LIMIT_DEG + 1.0])
    w = np.array([[FLOOR, FLOOR + 0.5, FLOOR + 3.0]] * 3)
    a = wac_weight(w, lat, FLOOR)
    assert_allclose(a[0], [0.0, 0.5, 1.0])
    assert 0.0 < a[1, 2] < 1.0
    assert_allclose(a[2], 0.0)


def test_blend_keeps_lp_bin_means_and_lp_outside_the_maria() -> None:
    wac, grs = _mare_world()
    m = blend_tio2(wac, grs, FLOOR)
    # 0.8 but for the smoothing box blurring the mare edges into the floor (bins 0 and 9, the
    # band edge): the blurred WAC is lower there, so the fitted gain comes out a little higher
    assert m.gain == pytest.approx(0.8, rel=0.05)
    cells = pixel_cells(grs, wac.lat, wac.lon)
    area = np.cos(np.radians(wac.lat))[:, None] * np.ones_like(m.grid.values)
    sums = np.bincount(cells.ravel(), (m.grid.values * area).ravel(), 72)
    means = sums / np.bincount(cells.ravel(), area.ravel(), 72)
    lp = grs["TiO2_wt_pct"]
    # LP agreement over LP-sized cells: exact in the mixed bin 10 and the highland bins, whose
    # background is free (0 < h <= LP)
    assert_allclose(means[10:], lp[10:], rtol=1e-5)
    assert 0.0 < m.background_wt_pct[10] < lp[10]
    # the pure-mare bins, where the blurred mare reads a little below LP, keep LP's value as
    # their background rather than a richer one
    assert_allclose(m.background_wt_pct[:10], lp[:10])
    # a highland bin far from the mare is LP's value everywhere
    assert_allclose(m.grid.values[cells == 60], 0.5, rtol=1e-6)
    # mare pixels read the calibrated WAC
    assert m.grid.values[5, 50] == pytest.approx(m.gain * 6.0, rel=1e-5)


def test_background_never_exceeds_the_bin_when_hardly_any_pixel_is_off_the_mare() -> None:
    """A bin all mare but one pixel at the floor, whose LP value exceeds its calibrated mare:
    solving for the bin mean would put ~LP x 400 on that one pixel; the background stops at
    LP's value instead."""
    wac, grs = _mare_world()
    values = np.asarray(wac.values).copy()
    values[:20, 200:220] = 6.0  # bin 10 all mare ...
    values[10, 210] = np.nan  # ... but one floor pixel
    lp = grs["TiO2_wt_pct"].copy()
    lp[10] = 9.0  # above 0.8 x 6
    m = blend_tio2(_grid(values), {**grs, "TiO2_wt_pct": lp}, FLOOR)
    assert m.background_wt_pct[10] == pytest.approx(9.0)
    assert np.nanmax(m.grid.values) <= 9.0


def test_blend_is_continuous_at_the_mare_edge() -> None:
    """Across the sharp mare edge in bin 10 the blended map climbs from the LP background to
    the calibrated mare over the smoothing box: no pixel step exceeds 30 % of the whole rise
    (a 5-px box with the 1 wt% ramp gives steps of about 1/4 of it); without smoothing and
    ramp it would jump the whole way in one pixel."""
    wac, grs = _mare_world()
    m = blend_tio2(wac, grs, FLOOR)
    row = np.asarray(m.grid.values[5, 200:230], dtype=float)
    step = np.abs(np.diff(row)).max()
    jump = m.gain * 6.0 - m.background_wt_pct[10]
    assert jump > 3.0
    assert step < 0.3 * jump
