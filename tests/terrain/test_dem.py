"""Polar DEM geometry and point queries on the real grids and on synthetic surfaces."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import xarray as xr

from lunarbase.errors import QueryError
from lunarbase.geometry import check_latlon
from lunarbase.terrain import point_elevation
from lunarbase.terrain.dem import (
    PolarTerrain,
    bilinear,
    grid_frame,
    latlon_to_xy,
    slope_map_deg,
    xy_to_latlon,
    xy_to_unit_vector,
)


def synthetic(z: np.ndarray, size: float, x0: float = 0.0, y0: float = 0.0) -> xr.DataArray:
    """A (y, x) grid whose first pixel centre is (x0, y0), rows going toward -y."""
    ny, nx = z.shape
    return xr.DataArray(
        z.astype(float),
        dims=("y", "x"),
        coords={"y": y0 - np.arange(ny) * size, "x": x0 + np.arange(nx) * size},
        attrs={"pixel_size_m": size, "dataset": "synthetic"},
    )


def test_projection_matches_the_lola_convention() -> None:
    """MANIFEST-dem.md: Shackleton (89.67S, 129.78E) -> X = 7690.2, Y = -6402.7 m."""
    x, y = latlon_to_xy(-89.67, 129.78)
    assert float(x) == pytest.approx(7690.2, abs=0.1)
    assert float(y) == pytest.approx(-6402.7, abs=0.1)
    lat, lon = xy_to_latlon(x, y)
    assert (float(lat), float(lon)) == pytest.approx((-89.67, 129.78))


def test_closed_form_unit_vectors_match_pyproj() -> None:
    rng = np.random.default_rng(1)
    x, y = rng.uniform(-4e5, 4e5, (2, 50))
    lat, lon = xy_to_latlon(x, y)
    la, lo = np.radians(lat), np.radians(lon)
    expected = np.stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)], -1)
    np.testing.assert_allclose(xy_to_unit_vector(x, y), expected, atol=1e-12)


def test_grid_frame_is_orthonormal_and_north_points_away_from_the_pole() -> None:
    x, y = latlon_to_xy(-88.0, 90.0)  # on the 90 E meridian: map +x points away from the pole
    frame = grid_frame(float(x), float(y))
    np.testing.assert_allclose(frame @ frame.T, np.eye(3), atol=1e-9)
    north = np.array([0.0, 0.0, 1.0]) - frame[2] * frame[2][2]
    north /= np.linalg.norm(north)
    assert north @ frame[0] == pytest.approx(1.0, abs=1e-6)


def test_bilinear_is_exact_on_a_plane_and_nan_outside() -> None:
    xs, ys = np.meshgrid(np.arange(10) * 5.0, -np.arange(8) * 5.0)
    grid = synthetic(2 * xs + 3 * ys + 1, 5.0)
    px, py = np.array([1.3, 22.2, 44.9]), np.array([-0.5, -17.0, -34.9])
    np.testing.assert_allclose(bilinear(grid, px, py), 2 * px + 3 * py + 1)
    assert np.isnan(bilinear(grid, [-1.0, 60.0], [0.0, 0.0])).all()


def test_slope_of_a_tilted_plane() -> None:
    xs, _ = np.meshgrid(np.arange(20) * 10.0, np.arange(20))
    grid = synthetic(xs * np.tan(np.radians(12.0)), 10.0)
    assert float(slope_map_deg(grid)[5, 5]) == pytest.approx(12.0, abs=1e-6)
    assert PolarTerrain((grid,)).slope_deg(90.0, -90.0) == pytest.approx(12.0, abs=1e-6)


def test_finest_grid_wins_and_holes_fall_through() -> None:
    coarse = synthetic(np.full((50, 50), 100.0), 10.0, x0=-245.0, y0=245.0)
    fine_z = np.full((10, 10), 7.0)
    fine_z[0, 0] = np.nan
    fine = synthetic(fine_z, 1.0, x0=0.0, y0=0.0)
    z, which = PolarTerrain((fine, coarse)).elevation_m([4.0, 0.2, 100.0], [-4.0, -0.2, 0.0])
    assert list(which) == [0, 1, 1]
    np.testing.assert_allclose(z, [7.0, 100.0, 100.0])


def test_shackleton_floor_and_rim_are_kilometres_apart(mirror: Path) -> None:
    """Shackleton: ~4.2 km deep (Zuber et al. 2012, Nature 486:378); the 240 m grid gives a
    floor minimum of -2842 m and a rim crest near +1200 m (MANIFEST-dem.md)."""
    floor = point_elevation(-89.67, 129.78)
    cx, cy = latlon_to_xy(-89.67, 129.78)
    az = np.radians(np.arange(0, 360, 10))
    # Rim crest radius 10.6 km about the best-fit centre ~1 km from the IAU one (MANIFEST-dem).
    lat, lon = xy_to_latlon(cx + 10_600 * np.sin(az), cy + 10_600 * np.cos(az))
    rim = np.median([point_elevation(a, b)["elevation_m"] for a, b in zip(lat, lon, strict=True)])
    assert floor["dem"] == "ldem_75s_240m"
    assert floor["elevation_m"] < -2000.0
    assert rim > 500.0
    assert rim - floor["elevation_m"] > 3000.0


def test_global_grid_outside_the_polar_cap(mirror: Path) -> None:
    """MANIFEST.md: LDEM_4 in the SPA basin reads -7250.5 m at the pixel centred on 53.125S,
    191.125E; bilinear interpolation returns a pixel-centre value exactly."""
    out = point_elevation(-53.125, 191.125)
    assert out["dem"] == "ldem_4"
    assert out["elevation_m"] == -7250.5


@pytest.mark.parametrize(
    ("lat", "lon"), [(-91.0, 0.0), (95.0, 10.0), (float("nan"), 0.0), (0.0, 400.0)]
)
def test_bad_coordinates_are_one_line_errors(lat: float, lon: float) -> None:
    with pytest.raises(QueryError, match=r"(latitude|longitude) .* outside"):
        check_latlon(lat, lon)


def test_polar_radius() -> None:
    # rho = 2R tan(c/2): 1 deg from the pole is 30.32 km on the 1737.4 km sphere, and the
    # projection maps it back to 89 S.
    from lunarbase.geometry import polar_radius_m

    assert float(polar_radius_m(1.0)) == pytest.approx(30_324.0, abs=1.0)
    lat, _ = xy_to_latlon(float(polar_radius_m(1.0)), 0.0)
    assert float(lat) == pytest.approx(-89.0, abs=1e-9)
