"""``lunarbase terrain maps`` as a user runs it: a small window, JSON summary, files, errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import xarray as xr

from lunarbase import scenario
from tests.cli.helpers import assert_one_line_error, invoke

WINDOW = ("--lat", "-89.45", "--lon", "222.7", "--half-width-km", "3")
LIGHT = ("--start", "2026-01-01", "--end", "2026-02-01", "--step-h", "12")
LAYERS = (
    "illumination_fraction",
    "earth_visible_fraction",
    "longest_night_h",
    "psr",
    "slope_deg",
    "elevation_m",
)
PIXEL_KM2 = 0.24**2


@pytest.fixture(scope="module")
def ridge(mirror: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    """JSON summary and output folder of a 3 km window on the Shackleton ridge, January 2026."""
    out = tmp_path_factory.mktemp("terrain") / "maps"
    proc = invoke(
        "terrain", "maps", *WINDOW, *LIGHT, "--horizon-azimuths", "32", "--out", str(out), "--json"
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout), out


def test_json_summary_keys_and_values(ridge: tuple[dict[str, Any], Path]) -> None:
    """The summary has its five keys with sane values for a sunlit ridge window."""
    summary, _ = ridge
    assert set(summary) == {
        "files",
        "pixels",
        "psr_area_km2",
        "max_illumination_fraction",
        "period_utc",
    }
    assert set(summary["files"]) == {"netcdf", *LAYERS, *(f"{n}_geotiff" for n in LAYERS)}
    # 6 km square of 240 m pixels: 25 x 25 (or 26 x 26, depending on grid alignment).
    assert summary["pixels"] in (25 * 25, 26 * 26)
    assert 0.0 <= summary["psr_area_km2"] <= summary["pixels"] * PIXEL_KM2
    # A polar ridge in southern summer is lit most of the time, never more than fully.
    assert 0.5 < summary["max_illumination_fraction"] <= 1.0 + 1e-9


def test_period_matches_the_options(ridge: tuple[dict[str, Any], Path]) -> None:
    """period_utc is the --start/--end period given on the command line."""
    summary, _ = ridge
    assert summary["period_utc"] == "2026-01-01/2026-02-01"


def test_files_exist_as_netcdf_geotiff_and_png(ridge: tuple[dict[str, Any], Path]) -> None:
    """The listed files lie in --out: terrain_maps.nc is NetCDF, each layer a GeoTIFF and a
    PNG."""
    summary, out = ridge
    for kind, name in summary["files"].items():
        path = Path(name)
        assert path.parent == out and path.is_file(), kind
        head = path.read_bytes()[:8]
        if kind == "netcdf":
            assert path.name == "terrain_maps.nc"
            assert head[:3] == b"CDF" or head[:4] == b"\x89HDF", head
        elif kind.endswith("_geotiff"):
            assert path.name == kind.removesuffix("_geotiff") + ".tif"
            assert head[:4] in (b"II*\x00", b"MM\x00*"), head
        else:
            assert path.name == f"{kind}.png"
            assert head == b"\x89PNG\r\n\x1a\n", head
            assert path.stat().st_size > 1000


def test_netcdf_agrees_with_the_summary(ridge: tuple[dict[str, Any], Path]) -> None:
    """The NetCDF holds every layer on the window, with the summary's pixels and maximum."""
    summary, _ = ridge
    with xr.open_dataset(summary["files"]["netcdf"], engine="scipy") as ds:
        assert set(LAYERS) <= set(ds.data_vars)
        assert ds.sizes["x"] * ds.sizes["y"] == summary["pixels"]
        assert float(ds["illumination_fraction"].max()) == pytest.approx(
            summary["max_illumination_fraction"]
        )
        assert ds.attrs["period_utc"] == summary["period_utc"]
        assert int(ds.attrs["horizon_azimuths"]) == 32
        assert float(ds.attrs["step_h"]) == 12.0
        assert float(ds["slope_deg"].min()) >= 0.0


def test_no_light_options_use_the_scenario_period(mirror: Path, tmp_path: Path) -> None:
    """Without --start/--end the bundled scenario's period is used; --set still applies."""
    terrain = scenario.load().terrain
    proc = invoke(
        "terrain",
        "maps",
        "--lat",
        "-89.45",
        "--lon",
        "222.7",
        "--half-width-km",
        "1",
        "--horizon-azimuths",
        "16",
        "--set",
        "terrain.step_h=48",
        "--out",
        str(tmp_path / "maps"),
        "--json",
    )
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["period_utc"].startswith(str(terrain.start))
    assert summary["period_utc"].endswith(str(terrain.end))
    assert summary["pixels"] < 100
    with xr.open_dataset(summary["files"]["netcdf"], engine="scipy") as ds:
        assert float(ds.attrs["step_h"]) == 48.0  # the --set override, not the scenario's
        assert int(ds.attrs["horizon_azimuths"]) == 16


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (
            ("--lat", "-89.45", "--lon", "222.7", "--half-width-km", "500"),
            ("window of 500.0 km", "leaves the 240 m DEM"),
        ),
        ((*WINDOW, "--step-h", "-1"), ("--step-h", "out of range")),
        ((*WINDOW, "--set", "terrain.step_h=-1"), ("--set terrain.step_h", "out of range")),
    ],
    ids=["off-grid", "step-h", "set-step-h"],
)
def test_bad_input_is_one_line_exit_2(
    mirror: Path, tmp_path: Path, args: tuple[str, ...], needles: tuple[str, ...]
) -> None:
    """A window off the grid or a bad light value is one line on stderr, exit 2, no files."""
    out = tmp_path / "maps"
    proc = invoke("terrain", "maps", *args, "--out", str(out), "--json")
    assert_one_line_error(proc, *needles)
    assert proc.stdout == ""
    assert not out.exists()
