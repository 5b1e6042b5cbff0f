"""Site ranking: summit finding on synthetic terrain, the weighted score, named features."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from lunarbase.scenario import Sites
from lunarbase.sites import nearest_feature, score, summit_candidates
from lunarbase.terrain.dem import PolarTerrain


def bumps() -> PolarTerrain:
    """A 240 m grid with two Gaussian hills, 1000 m and 600 m high, and a NaN hole."""
    n, size = 201, 240.0
    offs = (np.arange(n) - (n - 1) / 2) * size
    xx, yy = np.meshgrid(offs, -offs)
    z = 1000 * np.exp(-((xx - 6000) ** 2 + yy**2) / 3e7) + 600 * np.exp(
        -((xx + 9000) ** 2 + (yy - 6000) ** 2) / 3e7
    )
    z[0:5, 0:5] = np.nan
    grid = xr.DataArray(
        z, dims=("y", "x"), coords={"y": -offs, "x": offs}, attrs={"pixel_size_m": size}
    )
    return PolarTerrain((grid,))


def test_summits_are_the_hill_tops_highest_first() -> None:
    found = summit_candidates(bumps(), max_colatitude_deg=2.0, max_slope_deg=15.0, n=5)
    assert len(found) == 2
    np.testing.assert_allclose(
        found[["x_m", "y_m"]].to_numpy(), [[6000, 0], [-9000, 6000]], atol=240
    )
    assert found["elevation_m"].is_monotonic_decreasing


def test_summits_respect_the_polar_window_and_count() -> None:
    # 0.25 deg colatitude ~ 7.6 km: only the hill 6 km from the pole is inside.
    assert len(summit_candidates(bumps(), 0.25, 15.0, 5)) == 1
    assert len(summit_candidates(bumps(), 2.0, 15.0, 1)) == 1


def _weights(cfg: Sites) -> dict[str, float]:
    return {k: v for k, v in cfg.model_dump().items() if k.startswith("weight_")}


def test_score_orders_by_weighted_criteria() -> None:
    table = pd.DataFrame(
        {
            "illumination_fraction": [0.9, 0.5],
            "earth_visible_fraction": [0.5, 0.5],
            "slope_deg": [2.0, 2.0],
            "distance_to_psr_km": [5.0, 5.0],
        }
    )
    s = score(table, _weights(Sites()), 15.0)
    assert s[0] > s[1]
    assert ((s >= 0) & (s <= 1)).all()
    only_light = Sites(
        weight_illumination=1, weight_earth_visibility=0, weight_slope=0, weight_psr_proximity=0
    )
    np.testing.assert_allclose(
        score(table, _weights(only_light), 15.0), table["illumination_fraction"]
    )
    steep = table.assign(slope_deg=[30.0, 0.0])
    only_slope = Sites(
        weight_illumination=0, weight_earth_visibility=0, weight_slope=1, weight_psr_proximity=0
    )
    np.testing.assert_allclose(score(steep, _weights(only_slope), 15.0), [0.0, 1.0])


def test_nearest_feature() -> None:
    features = pd.DataFrame({"lat": [-89.67, -88.48]}, index=["Shackleton", "de Gerlache"])
    features["lon"] = [129.78, 271.66]
    name, dist = nearest_feature(-89.6, 130.0, features)
    assert name == "Shackleton"
    assert dist == pytest.approx(0.07 * np.pi / 180 * 1737.4, rel=0.05)
