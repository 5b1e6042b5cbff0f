"""The stage entry point: assess() results, JSON output, maps and the mining-radius fallback."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
import xarray as xr
from numpy.testing import assert_allclose

from lunarbase.errors import QueryError, ScenarioError
from lunarbase.resources import ResourceResults, assess
from lunarbase.resources.grades import he3_ppb
from lunarbase.resources.grains import fines_fractions
from lunarbase.scenario import Resources


@pytest.fixture(scope="module")
def pole(grs: xr.Dataset, small_cfg: Resources) -> ResourceResults:
    return assess(
        small_cfg, site_lat_deg=-89.45, site_lon_deg=222.7, mining_radius_km=50.0, seed=3, grs=grs
    )


def test_site_values_come_from_the_containing_bin(pole: ResourceResults, grs: xr.Dataset) -> None:
    assert pole.site_cell == int(grs["cell"].values[0])  # the south polar cap
    assert pole.site_tio2_wt_pct == float(grs["TiO2_wt_pct"].values[0])
    assert pole.site_he3_ppb == pytest.approx(float(he3_ppb(pole.site_tio2_wt_pct)))
    assert not pole.mining_from_site_cell and pole.mining_n_cells == 1


def test_mining_tonnes_is_cap_area_times_depth_density_grade(pole: ResourceResults) -> None:
    r = 50_000.0
    area = 2 * math.pi * 1_737_400.0**2 * (1 - math.cos(r / 1_737_400.0))
    expected_t = area * 3.0 * 1660.0 * pole.mining_he3_ppb * 1e-9 / 1e3
    assert_allclose(pole.mining_he3_tonnes, expected_t, rtol=1e-12)


def test_mining_fines_grade_is_the_enriched_mining_grade(
    pole: ResourceResults, small_cfg: Resources
) -> None:
    mass, gas = fines_fractions(
        small_cfg.fines_cut_um, small_cfg.grain_median_um, small_cfg.grain_sorting_phi
    )
    assert (pole.fines_mass_fraction, pole.he3_fines_fraction) == (float(mass), float(gas))
    assert_allclose(pole.mining_he3_fines_ppb, pole.mining_he3_ppb * gas / mass, rtol=1e-12)
    assert pole.moon.he3_fines_fraction == pole.he3_fines_fraction


def test_inventories_are_consistent(pole: ResourceResults) -> None:
    assert pole.south_pole.he3_tonnes_nominal < pole.farside.he3_tonnes_nominal
    assert_allclose(
        pole.nearside.he3_tonnes_mean + pole.farside.he3_tonnes_mean,
        pole.moon.he3_tonnes_mean,
        rtol=1e-12,
    )
    assert pole.moon_ree.ree_tonnes > 0


def test_to_dict_is_json_ready(pole: ResourceResults) -> None:
    d = pole.to_dict()
    text = json.dumps(d, allow_nan=False)
    assert "maps" not in d
    assert json.loads(text)["moon"]["he3_tonnes_p50"] == pole.moon.he3_tonnes_p50
    assert isinstance(d["site_cell"], int) and isinstance(d["mining_from_site_cell"], bool)
    assert type(d["site_he3_ppb"]) is float


def test_maps_layers(pole: ResourceResults, grs: xr.Dataset) -> None:
    maps = pole.maps
    for var in ("he3_ppb", "th_ppm", "ree_sum_ppm", "tio2_wt_pct", "kreep_fraction"):
        assert maps[var].dims == ("cell",) and maps[var].attrs["units"]
        assert np.all(maps[var].values >= 0)
    assert_allclose(maps["lat"].values, grs["lat"].values)
    assert_allclose(maps["he3_ppb"].values, he3_ppb(grs["TiO2_wt_pct"].values))


def test_small_radius_falls_back_to_the_site_bin(grs: xr.Dataset, small_cfg: Resources) -> None:
    res = assess(
        small_cfg, site_lat_deg=-84.0, site_lon_deg=12.0, mining_radius_km=5.0, seed=0, grs=grs
    )
    assert res.mining_from_site_cell and res.mining_n_cells == 1
    assert res.mining_he3_ppb == res.site_he3_ppb


def test_large_radius_mean_lies_within_its_bins(grs: xr.Dataset, small_cfg: Resources) -> None:
    res = assess(
        small_cfg, site_lat_deg=8.0, site_lon_deg=25.0, mining_radius_km=600.0, seed=0, grs=grs
    )
    assert res.mining_n_cells > 3 and not res.mining_from_site_cell
    assert res.mining_he3_ppb < res.maps["he3_ppb"].values.max()
    assert res.mining_he3_ppb > res.maps["he3_ppb"].values.min()


def test_bad_site_is_a_query_error(grs: xr.Dataset, small_cfg: Resources) -> None:
    with pytest.raises(QueryError, match="lat"):
        assess(small_cfg, site_lat_deg=-95.0, site_lon_deg=0.0, mining_radius_km=5, seed=0, grs=grs)
    with pytest.raises(QueryError, match="radius_km"):
        assess(small_cfg, site_lat_deg=-85.0, site_lon_deg=0.0, mining_radius_km=0, seed=0, grs=grs)


def test_loads_the_table_itself(mirror: object, small_cfg: Resources) -> None:
    res = assess(small_cfg, site_lat_deg=0.0, site_lon_deg=0.0, mining_radius_km=200.0, seed=1)
    assert res.maps.sizes["cell"] == 1790


def test_unknown_model_is_a_scenario_error(grs: xr.Dataset) -> None:
    cfg = Resources.model_construct(**{**Resources().model_dump(), "he3_model": "nope"})
    with pytest.raises(ScenarioError, match="'nope'"):
        assess(cfg, site_lat_deg=0.0, site_lon_deg=0.0, mining_radius_km=200.0, seed=1, grs=grs)


def test_mining_grade_in_the_maria_comes_at_wac_resolution(
    grs: xr.Dataset, small_cfg: Resources
) -> None:
    """A 20 km mining circle at Apollo 11 reads the blended WAC pixels (its LP bin has 3.8
    wt% TiO2, the mare around the site ~6); a polar one reads the LP bins."""
    from lunarbase.resources.tio2 import tio2_at

    res = assess(
        small_cfg, site_lat_deg=0.674, site_lon_deg=23.473, mining_radius_km=20.0, seed=0, grs=grs
    )
    assert res.mining_grade_source == "wac_map"
    assert res.mining_tio2_wt_pct > res.site_tio2_wt_pct  # the site's LP bin
    assert res.mining_tio2_wt_pct == pytest.approx(tio2_at(0.674, 23.473)[0], rel=0.15)
    assert res.mining_he3_ppb == pytest.approx(float(he3_ppb(res.mining_tio2_wt_pct)), rel=1e-9)
    pole = assess(
        small_cfg, site_lat_deg=-84.0, site_lon_deg=12.0, mining_radius_km=5.0, seed=0, grs=grs
    )
    assert pole.mining_grade_source == "map"
