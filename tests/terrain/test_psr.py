"""PSR catalogue queries and PSR areas: the even-odd point test on hand-made rings, the
catalogue lookup against a brute-force scan, distances and spherical pixel areas."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import xarray as xr

from lunarbase.constants import MOON_RADIUS_M
from lunarbase.geometry import polar_radius_m
from lunarbase.terrain import psr
from lunarbase.terrain.dem import latlon_to_xy
from lunarbase.terrain.psr import (
    distance_to_psr_km,
    in_polygon,
    in_psr,
    in_psr_catalogue,
    psr_area_km2,
)

SQUARE = np.array([[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]])
"""A 10 x 10 square ring, counter-clockwise, not closed."""

U_SHAPE = np.array([[0, 0], [9, 0], [9, 9], [6, 9], [6, 3], [3, 3], [3, 9], [0, 9]], dtype=float)
"""A concave ring: a 9 x 9 square with a 3-wide notch cut down from the top to y = 3."""

SHACKLETON_FLOOR = (-89.67, 129.78)
"""Shackleton crater's floor, inside a catalogued PSR."""


def pts(*xy: tuple[float, float]) -> tuple[np.ndarray, np.ndarray]:
    a = np.array(xy, dtype=float)
    return a[:, 0], a[:, 1]


def mask_grid(x: np.ndarray, y: np.ndarray, values: np.ndarray) -> xr.DataArray:
    return xr.DataArray(values.astype(bool), dims=("y", "x"), coords={"y": y, "x": x})


# --- in_polygon -------------------------------------------------------------------------------


def test_square_inside_and_outside_on_every_side() -> None:
    """Points inside a square are in; points left, right, above, below and diagonal are out."""
    x, y = pts((5, 5), (0.1, 9.9), (9.9, 0.1), (-1, 5), (11, 5), (5, -1), (5, 11), (15, 15),
               (-3, -3))  # fmt: skip
    np.testing.assert_array_equal(in_polygon(SQUARE, x, y), [1, 1, 1, 0, 0, 0, 0, 0, 0])


def test_closed_and_reversed_rings_give_the_same_answer() -> None:
    """Repeating the first vertex (closed ring, as in the shapefile) or reversing the winding
    does not change which points are inside."""
    rng = np.random.default_rng(0)
    x, y = rng.uniform(-5, 15, (2, 500))
    base = in_polygon(SQUARE, x, y)
    np.testing.assert_array_equal(in_polygon(np.vstack([SQUARE, SQUARE[:1]]), x, y), base)
    np.testing.assert_array_equal(in_polygon(SQUARE[::-1], x, y), base)
    np.testing.assert_array_equal(base, (x > 0) & (x < 10) & (y > 0) & (y < 10))


def test_concave_notch_is_outside() -> None:
    """In a U-shaped ring the notch is outside while both arms and the base are inside; the
    ray from a notch point crosses the ring twice (even)."""
    x, y = pts((4.5, 6), (1.5, 6), (7.5, 6), (4.5, 1.5), (4.5, 9.5), (10, 6))
    np.testing.assert_array_equal(in_polygon(U_SHAPE, x, y), [0, 1, 1, 1, 0, 0])


def test_matches_matplotlib_on_a_random_star_polygon() -> None:
    """On a jagged 40-vertex star the even-odd test agrees with matplotlib's contains_points."""
    from matplotlib.path import Path as MplPath

    rng = np.random.default_rng(3)
    angles = np.sort(rng.uniform(0, 2 * np.pi, 40))
    radii = rng.uniform(2.0, 10.0, 40)
    ring = np.column_stack([radii * np.cos(angles), radii * np.sin(angles)])
    x, y = rng.uniform(-11, 11, (2, 3000))
    expected = MplPath(ring, closed=False).contains_points(np.column_stack([x, y]))
    got = in_polygon(ring, x, y)
    assert 0.1 < got.mean() < 0.9
    np.testing.assert_array_equal(got, expected)


def test_chunking_does_not_change_the_result(monkeypatch: pytest.MonkeyPatch) -> None:
    """Evaluating the points in many small chunks (uneven last chunk) gives the same mask."""
    rng = np.random.default_rng(4)
    x, y = rng.uniform(-1, 10, (2, 1001))
    whole = in_polygon(U_SHAPE, x, y)
    monkeypatch.setattr(psr, "_CROSSING_CHUNK", 7 * len(U_SHAPE))  # 7 points per chunk
    np.testing.assert_array_equal(in_polygon(U_SHAPE, x, y), whole)


def test_no_points_gives_an_empty_mask() -> None:
    """An empty query returns an empty boolean array."""
    out = in_polygon(SQUARE, np.array([]), np.array([]))
    assert out.shape == (0,) and out.dtype == bool


# --- the catalogue ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rings(mirror: Path) -> list[np.ndarray]:
    from lunarbase.data import psr_polygons

    return psr_polygons()


def test_shackleton_floor_is_in_a_catalogued_psr(rings: list[np.ndarray]) -> None:
    """Shackleton's floor is inside a PSR polygon: in_psr, distance 0."""
    x, y = (float(v) for v in latlon_to_xy(*SHACKLETON_FLOOR))
    assert in_psr(x, y)
    assert bool(in_psr_catalogue(x, y))
    assert distance_to_psr_km(x, y) == 0.0


def test_catalogue_matches_a_brute_force_scan(rings: list[np.ndarray]) -> None:
    """The bounding-box pre-selection loses nothing: points scattered around catalogue
    vertices (about half inside) get the same answer as testing every ring."""
    rng = np.random.default_rng(5)
    chosen = rng.choice(len(rings), 40, replace=False)
    centres = np.concatenate([rings[i][rng.choice(len(rings[i]), 5)] for i in chosen])
    x, y = (centres + rng.normal(0.0, 400.0, centres.shape)).T
    brute = np.zeros(len(x), dtype=bool)
    for ring in rings:
        brute |= in_polygon(ring, x, y)
    got = in_psr_catalogue(x, y)
    assert 0.2 < got.mean() < 0.8
    np.testing.assert_array_equal(got, brute)


def test_catalogue_broadcasts_and_keeps_the_shape(rings: list[np.ndarray]) -> None:
    """A (3, 4) x grid with a scalar y gives a (3, 4) mask; far points are outside."""
    x = np.linspace(-5e5, 5e5, 12).reshape(3, 4)
    out = in_psr_catalogue(x, 4e5)
    assert out.shape == (3, 4) and out.dtype == bool
    assert not out.any()  # 400 km from the pole in y: beyond every polygon


def test_distance_just_beyond_the_outermost_vertex(rings: list[np.ndarray]) -> None:
    """2 km radially beyond the catalogue vertex farthest from the pole, no vertex is closer
    than 2 km (all lie within that radius) and that one is exactly 2 km away."""
    verts = np.concatenate(rings)
    rho = np.hypot(verts[:, 0], verts[:, 1])
    far = verts[np.argmax(rho)]
    x, y = far * (1.0 + 2000.0 / rho.max())
    assert not in_psr(x, y)
    assert distance_to_psr_km(x, y) == pytest.approx(2.0, abs=1e-9)


def test_distance_far_from_the_catalogue(rings: list[np.ndarray]) -> None:
    """1000 km from the pole the distance is 1000 km less at most the catalogue's reach."""
    reach_km = max(float(np.hypot(r[:, 0], r[:, 1]).max()) for r in rings) / 1000.0
    d = distance_to_psr_km(0.0, 1.0e6)
    assert 1000.0 - reach_km <= d <= 1000.0 + reach_km
    assert d > 500.0


def test_distance_grows_moving_away_from_a_psr(rings: list[np.ndarray]) -> None:
    """Stepping outward from the outermost vertex, the distance equals the step length
    (no other vertex is nearer) and is positive outside."""
    verts = np.concatenate(rings)
    far = verts[np.argmax(np.hypot(verts[:, 0], verts[:, 1]))]
    unit = far / np.hypot(*far)
    got = [distance_to_psr_km(*(far + unit * s)) for s in (500.0, 5000.0, 50_000.0)]
    np.testing.assert_allclose(got, [0.5, 5.0, 50.0], rtol=1e-9)


# --- psr_area_km2 -----------------------------------------------------------------------------


def test_area_of_scattered_pixels_by_hand() -> None:
    """A 5 x 5 mask of 1 km pixels 100 km from the pole: the area is the sum over the True
    pixels of 1 km^2 / k^2 with k = 1 + rho^2 / 4R^2, computed pixel by pixel."""
    x = 100_000.0 + 1000.0 * np.arange(5)
    y = -2000.0 - 1000.0 * np.arange(5)
    values = np.zeros((5, 5), bool)
    values[0, 0] = values[2, 3] = values[4, 4] = values[1, 4] = True
    expected = 0.0
    for r, c in zip(*np.nonzero(values), strict=True):
        rho = np.hypot(x[c], y[r])
        expected += 1.0 / (1.0 + rho**2 / (4 * MOON_RADIUS_M**2)) ** 2
    got = psr_area_km2(mask_grid(x, y, values), colatitude_max_deg=10.0)
    assert got == pytest.approx(expected, rel=1e-12)
    assert got < 4.0  # sphere area < map area away from the pole
    assert psr_area_km2(mask_grid(x, y, ~values), colatitude_max_deg=10.0) == pytest.approx(
        psr_area_km2(mask_grid(x, y, np.ones((5, 5))), colatitude_max_deg=10.0) - got, rel=1e-12
    )


def test_area_at_the_equator_is_a_quarter_of_the_map_area() -> None:
    """At rho = 2R (the equator) the stereographic scale factor is 2: a 2 km x 3 km pixel
    counts 6 / 4 = 1.5 km^2 (band to 95 deg: 2R tan(45 deg) rounds just below 2R)."""
    x = 2 * MOON_RADIUS_M + np.array([0.0, 2000.0])
    y = np.array([0.0, -3000.0])
    values = np.array([[True, False], [False, False]])
    got = psr_area_km2(mask_grid(x, y, values), colatitude_max_deg=95.0)
    assert got == pytest.approx(1.5, rel=1e-12)


def test_colatitude_band_edges() -> None:
    """A pixel centred exactly on colatitude c counts for max = c (inclusive) and not for
    min = c (exclusive); one just beyond c does not count for max = c."""
    c = 3.0
    r = float(polar_radius_m(c))
    x = np.array([r, r + 1000.0])
    y = np.array([0.0, -1000.0])
    on_edge = np.array([[True, False], [False, False]])
    beyond = np.array([[False, True], [False, False]])
    k = 1.0 + (r / (2 * MOON_RADIUS_M)) ** 2
    assert psr_area_km2(mask_grid(x, y, on_edge), colatitude_max_deg=c) == pytest.approx(1 / k**2)
    assert (
        psr_area_km2(mask_grid(x, y, on_edge), colatitude_max_deg=c + 1, colatitude_min_deg=c) == 0
    )
    assert psr_area_km2(mask_grid(x, y, beyond), colatitude_max_deg=c) == 0
    assert psr_area_km2(mask_grid(x, y, beyond), colatitude_max_deg=c + 1, colatitude_min_deg=c) > 0


def test_pole_pixel_counts_only_without_an_inner_bound() -> None:
    """The pixel centred on the pole (rho = 0, k = 1) counts its full 1 km^2 with the default
    inner bound 0 and is excluded by any positive inner bound."""
    axis = np.array([-1000.0, 0.0, 1000.0])
    values = np.zeros((3, 3), bool)
    values[1, 1] = True
    m = mask_grid(axis, axis[::-1], values)
    assert psr_area_km2(m, colatitude_max_deg=1.0) == pytest.approx(1.0, rel=1e-15)
    assert psr_area_km2(m, colatitude_max_deg=1.0, colatitude_min_deg=1e-6) == 0.0


def test_empty_mask_has_no_area() -> None:
    """An all-False mask has zero area."""
    axis = np.arange(4) * 240.0
    assert psr_area_km2(mask_grid(axis, -axis, np.zeros((4, 4))), colatitude_max_deg=5.0) == 0.0
