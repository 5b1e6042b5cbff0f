"""Region selection over the LP GRS bins: exact areas, containing bin, circles, errors."""

from __future__ import annotations

import math

import numpy as np
import pytest
import xarray as xr
from numpy.testing import assert_allclose

from lunarbase.constants import MOON_RADIUS_M, MOON_SURFACE_AREA_M2
from lunarbase.errors import QueryError
from lunarbase.geometry import great_circle_km
from lunarbase.resources.regions import (
    Region,
    circle_weights,
    containing_cell,
    region_weights,
)


def _area(grs: xr.Dataset, w: np.ndarray) -> float:
    return float((grs["area_m2"].values * w).sum())


def test_near_and_far_partition_the_moon(grs: xr.Dataset) -> None:
    _, near = region_weights(grs, "nearside")
    _, far = region_weights(grs, "farside")
    assert_allclose(near + far, 1.0, rtol=0, atol=1e-15)
    # Each is exactly a hemisphere (bins straddling the limb are split by area).
    assert_allclose(_area(grs, near), MOON_SURFACE_AREA_M2 / 2, rtol=1e-9)


def test_south_pole_is_the_exact_spherical_cap(grs: xr.Dataset) -> None:
    _, w = region_weights(grs, "south-pole")
    cap = 2 * math.pi * MOON_RADIUS_M**2 * (1 - math.sin(math.radians(80.0)))
    assert_allclose(_area(grs, w), cap, rtol=1e-9)
    assert np.all(grs["lat_min"].values[w > 0] < -80.0)


def test_moon_counts_every_bin_once(grs: xr.Dataset) -> None:
    label, w = region_weights(grs)
    assert label == "moon" and np.all(w == 1.0)


def test_every_bin_centre_falls_in_its_own_bin(grs: xr.Dataset) -> None:
    lat, lon = grs["lat"].values, grs["lon"].values
    found = [containing_cell(grs, float(a), float(o)) for a, o in zip(lat, lon, strict=True)]
    assert found == list(range(grs.sizes["cell"]))


def test_containing_cell_accepts_both_longitude_conventions(grs: xr.Dataset) -> None:
    assert containing_cell(grs, 10.0, 332.5) == containing_cell(grs, 10.0, -27.5)
    assert containing_cell(grs, -90.0, 0.0) == containing_cell(grs, -89.0, 123.0)
    assert containing_cell(grs, 90.0, 180.0) == grs.sizes["cell"] - 1


@pytest.mark.parametrize("lat", [-90.5, 91.0, float("nan")])
def test_bad_latitude_is_a_query_error(grs: xr.Dataset, lat: float) -> None:
    with pytest.raises(QueryError, match="lat"):
        containing_cell(grs, lat, 0.0)


def test_polar_cap_centre_is_the_pole(grs: xr.Dataset) -> None:
    lat = grs["lat"].values
    assert lat[0] == -90.0 and lat[-1] == 90.0
    # So a 50 km circle around a site 0.55 deg from the pole holds the cap bin.
    w = circle_weights(grs, -89.45, 222.7, 50.0)
    assert np.flatnonzero(w).tolist() == [0]


def test_great_circle_quarter_meridian() -> None:
    assert_allclose(great_circle_km(0.0, 0.0, 90.0, 0.0), math.pi * 1737.4 / 2, rtol=1e-12)
    assert_allclose(great_circle_km(0.0, 350.0, 0.0, -10.0), 0.0, atol=1e-9)


def test_circle_label_and_weights(grs: xr.Dataset) -> None:
    label, w = region_weights(grs, Region(lat=8.0, lon=25.0, radius_km=400.0))
    assert label.startswith("circle(") and set(np.unique(w)) <= {0.0, 1.0} and w.sum() >= 1


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"name": "circle", "lat": 0.0, "lon": 0.0}, "needs lat, lon and radius_km"),
        ({"name": "nearside", "lat": 0.0, "lon": 0.0, "radius_km": 5.0}, "takes no"),
        ({"lat": 0.0, "lon": 0.0, "radius_km": -5.0}, "radius_km"),
        ({"lat": 0.0, "lon": 0.0, "radius_km": float("inf")}, "radius_km"),
        ({"name": "Nearside"}, "unknown region"),
        ({"lat": 0.0, "lon": 2.0, "radius_km": 1.0}, "holds no"),
    ],
)
def test_region_errors_are_one_line(grs: xr.Dataset, kwargs: dict, match: str) -> None:
    with pytest.raises(QueryError, match=match) as err:
        region_weights(grs, Region(**kwargs))
    assert "\n" not in str(err.value)
