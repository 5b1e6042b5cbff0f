"""Depth profile, mining depth, cut-off grade areas, polygon regions and point grades."""

from __future__ import annotations

import numpy as np
import pytest
import xarray as xr
from numpy.testing import assert_allclose

from lunarbase.errors import QueryError
from lunarbase.resources import point_grades, region_resources
from lunarbase.resources.grades import grs_he3_ppb, he3_ppb
from lunarbase.resources.inventory import he3_inventory
from lunarbase.resources.kreep import ree_ppm, ree_tonnes
from lunarbase.resources.regions import Region, containing_cell, polygon_weights, region_weights
from lunarbase.resources.regolith import gas_thickness_m, he3_depth_profile
from lunarbase.scenario import Resources

GRADE_DEFAULTS = {
    "he3_model": Resources().he3_model,
    "he4_he3_atom_ratio": Resources().he4_he3_atom_ratio,
}


def test_depth_profile_is_gardened_layer_then_deep_regolith_then_bedrock() -> None:
    out = he3_depth_profile([0.0, 1.0, 2.99, 3.0, 4.99, 5.0, 7.0, np.nan], 5.0)
    assert_allclose(out[:7], [1, 1, 1, 0.5, 0.5, 0, 0])
    assert np.isnan(out[7])
    # a gardened layer deeper than the regolith ends at its base; deep_gas_fraction 1 is uniform
    assert_allclose(he3_depth_profile([1.0, 4.0, 6.0], 5.0, gardened_depth_m=8.0), [1, 1, 0])
    assert_allclose(he3_depth_profile([1.0, 4.0, 6.0], 5.0, deep_gas_fraction=1.0), [1, 1, 0])


def test_gas_thickness_integrates_the_profile() -> None:
    # 10 m of highland regolith: 3 m at the surface grade + 7 m at half of it
    assert_allclose(gas_thickness_m(10.0, None), 6.5)
    assert_allclose(gas_thickness_m(10.0, 2.0), 2.0)
    assert_allclose(gas_thickness_m(10.0, 5.0), 4.0)
    assert_allclose(gas_thickness_m(2.0, None), 2.0)  # thinner than the gardened layer
    z = np.linspace(0.0, 10.0, 100_001)
    mid = (z[1:] + z[:-1]) / 2
    numeric = he3_depth_profile(mid[mid < 8.0], 10.0).sum() * (z[1] - z[0])
    assert_allclose(gas_thickness_m(10.0, 8.0), numeric, rtol=1e-4)


def test_depth_caps_the_counted_regolith(grs: xr.Dataset, small_cfg: Resources) -> None:
    full = he3_inventory(grs, small_cfg, seed=1)
    shallow = he3_inventory(grs, small_cfg, seed=1, depth_m=2.0)
    deep = he3_inventory(grs, small_cfg, seed=1, depth_m=1000.0)
    # 2 m is less than both default thicknesses (5 m mare, 10 m highland): exact scaling
    assert shallow.depth_m == 2.0 and full.depth_m is None
    area_m2 = grs["area_m2"].values
    expected = (
        grs_he3_ppb(
            grs, he3_model=small_cfg.he3_model, he4_he3_atom_ratio=small_cfg.he4_he3_atom_ratio
        )
        * 1e-9
        * area_m2
        * 2.0
        * 1660.0
    ).sum() / 1e3
    assert_allclose(shallow.he3_tonnes_nominal, expected, rtol=1e-12)
    assert_allclose(deep.he3_tonnes_nominal, full.he3_tonnes_nominal, rtol=1e-12)
    assert_allclose(deep.he3_tonnes_p50, full.he3_tonnes_p50, rtol=1e-12)


@pytest.mark.parametrize("bad", [0.0, -1.0, float("nan"), float("inf")])
def test_bad_depth_names_the_field(grs: xr.Dataset, small_cfg: Resources, bad: float) -> None:
    with pytest.raises(QueryError, match="depth_m"):
        he3_inventory(grs, small_cfg, seed=1, depth_m=bad)
    with pytest.raises(QueryError, match="depth_m"):
        ree_tonnes(grs, small_cfg, depth_m=bad)


def test_negative_cutoff_names_the_field(grs: xr.Dataset, small_cfg: Resources) -> None:
    with pytest.raises(QueryError, match="cutoff_ppb"):
        he3_inventory(grs, small_cfg, seed=1, cutoff_ppb=-1.0)


def test_area_above_cutoff(grs: xr.Dataset, small_cfg: Resources) -> None:
    grade = grs_he3_ppb(
        grs, he3_model=small_cfg.he3_model, he4_he3_atom_ratio=small_cfg.he4_he3_atom_ratio
    )
    inv = he3_inventory(grs, small_cfg, seed=1, cutoff_ppb=5.0)
    expected = grs["area_m2"].values[grade >= 5.0].sum() / 1e6
    assert_allclose(inv.area_above_cutoff_km2, expected, rtol=1e-12)
    assert 0 < inv.he3_tonnes_above_cutoff < inv.he3_tonnes_nominal
    zero = he3_inventory(grs, small_cfg, seed=1)
    assert_allclose(zero.area_above_cutoff_km2, zero.area_km2)
    none = he3_inventory(grs, small_cfg, seed=1, cutoff_ppb=1e6)
    assert none.area_above_cutoff_km2 == 0.0 and none.he3_tonnes_above_cutoff == 0.0


def test_polygon_picks_bins_by_centre(grs: xr.Dataset) -> None:
    square = [(0.0, 20.0), (0.0, 30.0), (15.0, 30.0), (15.0, 20.0)]
    w = polygon_weights(grs, square)
    lat, lon = grs["lat"].values, (grs["lon"].values + 180) % 360 - 180
    # half-open: a centre on the southern or western edge is inside (equator bins sit on lat 0)
    expected = (lat >= 0) & (lat < 15) & (lon >= 20) & (lon < 30)
    assert np.array_equal(w > 0, expected)
    assert w[containing_cell(grs, 8.0, 22.5)] == 1.0


def test_polygon_across_the_antimeridian(grs: xr.Dataset) -> None:
    east = polygon_weights(grs, [(-10, 170), (-10, 180), (10, 180), (10, 170)])
    across = polygon_weights(grs, [(-10, 170), (-10, -170), (10, -170), (10, 170)])
    west = polygon_weights(grs, [(-10, 180), (-10, 190), (10, 190), (10, 180)])
    assert across.sum() > 0
    assert_allclose(across, east + west)


@pytest.mark.parametrize(
    ("polygon", "match"),
    [
        ([(0, 0), (1, 1)], "three"),
        ([(0, 0), (95, 1), (0, 2)], "lat"),
        ([(0, 0), (float("nan"), 1), (0, 2)], "lat"),
        ([(-80, 0), (-80, 120), (-80, 240)], "pole"),
    ],
)
def test_bad_polygons(grs: xr.Dataset, polygon: list[tuple[float, float]], match: str) -> None:
    with pytest.raises(QueryError, match=match):
        region_weights(grs, Region(polygon=polygon))


def test_polygon_and_circle_are_exclusive(grs: xr.Dataset) -> None:
    with pytest.raises(QueryError, match="not both"):
        region_weights(grs, Region(lat=0, lon=0, radius_km=500, polygon=[(0, 0), (0, 5), (5, 5)]))
    with pytest.raises(QueryError, match="takes no polygon"):
        region_weights(grs, Region("moon", polygon=[(0, 0), (0, 5), (5, 5)]))


def test_region_resources_agrees_with_its_parts(grs: xr.Dataset, small_cfg: Resources) -> None:
    res = region_resources(
        small_cfg, seed=3, region="nearside", depth_m=3.0, he3_cutoff_ppb=4.0, grs=grs
    )
    inv = he3_inventory(grs, small_cfg, region="nearside", seed=3, depth_m=3.0, cutoff_ppb=4.0)
    assert res.he3 == inv
    assert res.ree == ree_tonnes(grs, small_cfg, region="nearside", depth_m=3.0)
    d = res.to_dict()
    assert set(d["he3_tonnes"]) == {"p05", "p50", "p95", "mean", "nominal"}
    assert d["he3_tonnes"]["p05"] <= d["he3_tonnes"]["p50"] <= d["he3_tonnes"]["p95"]
    # REE is linear in Th: the mass-weighted REE grade is the Th grade times the REE/Th ratio
    assert_allclose(d["ree_grade_ppm"], float(ree_ppm(d["th_grade_ppm"])["total"]), rtol=1e-9)


def test_point_grades_come_from_the_containing_bin(grs: xr.Dataset) -> None:
    """Th and REE from the LP bin; near the pole (beyond the WAC blend) TiO2 and He-3 too."""
    g = point_grades(-80.0, 22.5, grs=grs)
    i = containing_cell(grs, -80.0, 22.5)
    assert set(g) == {
        "he3_ppb",
        "he3_fines_ppb",
        "th_ppm",
        "tio2_wt_pct",
        "tio2_source",
        "lp_tio2_wt_pct",
        "ree_ppm",
        "he3_model",
        "lp_cell",
    }
    # the fines below the default 100 um cut are richer than the bulk soil
    assert g["he3_fines_ppb"] > g["he3_ppb"]
    assert g["tio2_source"] == "lp_grs"
    assert g["tio2_wt_pct"] == g["lp_tio2_wt_pct"] == float(grs["TiO2_wt_pct"].values[i])
    assert g["he3_ppb"] == pytest.approx(float(he3_ppb(g["tio2_wt_pct"])))
    assert g["ree_ppm"] == pytest.approx(float(ree_ppm(g["th_ppm"])["total"]))
    pole = point_grades(-90.0, 0.0, cfg=Resources(he3_model="johnson1999_fluence"), grs=grs)
    assert 0.0 < pole["he3_ppb"] < g["he3_ppb"]


def test_point_grades_outside_the_data(grs: xr.Dataset) -> None:
    with pytest.raises(QueryError, match="lat"):
        point_grades(91.0, 0.0, grs=grs)


def test_scenario_sets_the_gas_depth_profile_and_the_volume_gas(
    grs: xr.Dataset, small_cfg: Resources
) -> None:
    """resources.deep_gas_fraction = 1 is the former uniform-to-the-base model, which is the
    default's most-gas end; resources.volume_gas_fraction = 0 is surface gas alone (a richer
    fines fraction)."""
    default = he3_inventory(grs, small_cfg, seed=2)
    uniform = he3_inventory(grs, small_cfg.model_copy(update={"deep_gas_fraction": 1.0}), seed=2)
    assert uniform.he3_tonnes_nominal == pytest.approx(default.he3_tonnes_profile_high)
    assert uniform.deep_gas_fraction == 1.0 and default.gardened_depth_m == 3.0
    surface_only = small_cfg.model_copy(update={"volume_gas_fraction": 0.0})
    richer = point_grades(-80.0, 22.5, cfg=surface_only, grs=grs)
    assert (
        richer["he3_fines_ppb"] > point_grades(-80.0, 22.5, cfg=small_cfg, grs=grs)["he3_fines_ppb"]
    )
