"""The contest's safety zones as map files, on a small synthetic grid: each pixel names the
party whose zone covers it (the earlier one where zones overlap), written by the one writer."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pandas as pd
import rasterio
import xarray as xr

from lunarbase.mapfiles import write
from lunarbase.studies import Contest, zone_map_files


def _contest() -> Contest:
    coords = np.arange(-10_000.0, 10_001.0, 1000.0)
    score = xr.DataArray(
        np.linspace(0.0, 1.0, coords.size**2).reshape(coords.size, coords.size),
        dims=("y", "x"),
        coords={"y": coords[::-1], "x": coords},
    )
    claims = pd.DataFrame(
        {"x_m": [0.0, 5000.0], "y_m": [0.0, 0.0], "score_loss": [0.0, 0.1]},
        index=pd.RangeIndex(1, 3, name="party"),
    )
    sites: Any = SimpleNamespace(layers=xr.Dataset({"score": score}), table=claims)
    return Contest(
        scenario=None,  # type: ignore[arg-type]
        parties=2,
        claims=((3.0, claims),),
        sites=sites,
        terrain=None,  # type: ignore[arg-type]
        ice_radius_km=10.0,
    )


def test_each_pixel_names_the_party_whose_zone_covers_it(tmp_path: Path) -> None:
    maps = zone_map_files(_contest())
    zones = maps.rasters["zone_party_3km"]
    at = {(x, y): int(zones.sel(x=x, y=y)) for x, y in [(0, 0), (5000, 0), (2000, 0), (9000, 9000)]}
    assert at == {(0, 0): 1, (5000, 0): 2, (2000, 0): 1, (9000, 9000): 0}
    written = write(maps, tmp_path)
    assert set(written) == {"netcdf", "score_geotiff", "zone_party_3km_geotiff"}
    with rasterio.open(written["zone_party_3km_geotiff"]) as src:
        back = src.read(1)
        assert "Moon" in src.crs.to_wkt() and src.tags()["units"] == "1"
    np.testing.assert_array_equal(back, zones.values)  # rows already run north to south
    with xr.open_dataset(written["netcdf"], engine="scipy") as ds:
        assert ds["zone_party_3km"].attrs["grid_mapping"] == "crs"
