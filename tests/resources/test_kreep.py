"""KREEP fraction, REE from Th and REE tonnage above a cut-off."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import xarray as xr
from numpy.testing import assert_allclose

from lunarbase.errors import QueryError
from lunarbase.resources.kreep import (
    REE_15386_PPM,
    TH_15386_PPM,
    kreep_fraction,
    ree_ppm,
    ree_tonnes,
)
from lunarbase.resources.regions import Region
from lunarbase.scenario import Resources


def test_kreep_fraction_clips_to_unit_interval() -> None:
    out = kreep_fraction([-1.0, 0.0, 7.7, 15.4, 40.0, np.nan])
    assert_allclose(out[:5], [0.0, 0.0, 0.5, 1.0, 1.0])
    assert np.isnan(out[5])


def test_ree_keys_are_14_lanthanides_y_and_total() -> None:
    out = ree_ppm(1.0)
    assert set(out) == {*REE_15386_PPM, "total"}
    assert len(REE_15386_PPM) == 15 and "Pm" not in REE_15386_PPM and "Y" in REE_15386_PPM
    assert_allclose(out["total"], sum(v for k, v in out.items() if k != "total"), rtol=1e-12)


def test_ree_scales_linearly_with_th() -> None:
    a, b = ree_ppm(2.0), ree_ppm(6.0)
    for el in a:
        assert_allclose(b[el], 3.0 * a[el], rtol=1e-12)


def test_ree_edge_cases() -> None:
    out = ree_ppm(np.array([[-2.0, 0.0], [np.nan, TH_15386_PPM]]))
    assert out["La"].shape == (2, 2)
    assert out["La"][0, 0] == 0.0 and out["La"][0, 1] == 0.0
    assert np.isnan(out["total"][1, 0])


def test_ree_tonnes_cutoff_is_monotonic(grs: xr.Dataset) -> None:
    cfg = Resources()
    cut = [0.0, 100.0, 300.0, 600.0]
    inv = [ree_tonnes(grs, cfg, cutoff_ppm=c) for c in cut]
    tonnes = [i.ree_tonnes for i in inv]
    assert all(x >= y for x, y in itertools.pairwise(tonnes))
    assert inv[0].n_cells == grs.sizes["cell"]
    assert_allclose(sum(inv[1].element_tonnes.values()), inv[1].ree_tonnes, rtol=1e-12)
    assert inv[1].ree_grade_ppm >= 100.0


def test_ree_cutoff_above_every_bin_gives_zero(grs: xr.Dataset) -> None:
    inv = ree_tonnes(grs, Resources(), cutoff_ppm=1e6)
    assert inv.ree_tonnes == 0.0 and inv.n_cells == 0 and np.isnan(inv.ree_grade_ppm)


def test_ree_regions_share_the_region_module(grs: xr.Dataset) -> None:
    cfg = Resources()
    near = ree_tonnes(grs, cfg, region="nearside", cutoff_ppm=50.0).ree_tonnes
    far = ree_tonnes(grs, cfg, region="farside", cutoff_ppm=50.0).ree_tonnes
    assert_allclose(near + far, ree_tonnes(grs, cfg, cutoff_ppm=50.0).ree_tonnes, rtol=1e-12)
    with pytest.raises(QueryError, match="holds no"):
        ree_tonnes(grs, cfg, region=Region(lat=0.0, lon=2.0, radius_km=1.0))


@pytest.mark.parametrize("cutoff", [-1.0, float("nan")])
def test_bad_cutoff_is_a_query_error(grs: xr.Dataset, cutoff: float) -> None:
    with pytest.raises(QueryError, match="cutoff_ppm"):
        ree_tonnes(grs, Resources(), cutoff_ppm=cutoff)
