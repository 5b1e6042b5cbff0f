"""``lunarbase resources inventory | maps`` through Typer's CliRunner on the sub-app."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import xarray as xr
from typer.testing import CliRunner

from lunarbase.cli.resources import parse_polygon, resources_app
from lunarbase.errors import LunarbaseError, QueryError, ScenarioError

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, BaseException | None]:
    result = runner.invoke(resources_app, list(args))
    return result.exit_code, result.stdout, result.exception


def test_inventory_json_has_the_issue_fields() -> None:
    code, out, exc = invoke("inventory", "--json", "--uncertainty-draws", "40", "--seed", "7")
    assert code == 0, exc
    data = json.loads(out)
    he3 = data["he3_tonnes"]
    assert he3["p05"] <= he3["p50"] <= he3["p95"]
    for key in ("ree_tonnes", "he3_grade_ppb", "th_grade_ppm", "area_km2"):
        assert data[key] > 0
    assert data["region"] == "moon" and data["draws"] == 40 and data["seed"] == 7
    prov = data["provenance"]
    assert prov["seed"] == 7 and len(prov["scenario_sha256"]) == 64
    assert any("lpgrs" in k for k in prov["data_sha256"])


def test_inventory_is_deterministic_for_a_seed() -> None:
    a = invoke("inventory", "--json", "--uncertainty-draws", "20", "--region", "farside")[1]
    b = invoke("inventory", "--json", "--uncertainty-draws", "20", "--region", "farside")[1]
    assert a == b


def test_inventory_circle_with_cutoff_and_model() -> None:
    args = ["inventory", "--json", "--uncertainty-draws", "20", "--lat", "8", "--lon", "25"]
    args += ["--radius-km", "400", "--he3-cutoff-ppb", "5", "--he3-model", "fluence_tio2_line"]
    code, out, exc = invoke(*args)
    assert code == 0, exc
    data = json.loads(out)
    assert data["region"].startswith("circle(") and data["he3_model"] == "fluence_tio2_line"
    assert 0 < data["he3_area_above_cutoff_km2"] <= data["area_km2"]


def test_inventory_polygon_and_depth() -> None:
    poly = "0,20; 0,30; 15,30; 15,20"
    code, out, exc = invoke(
        "inventory", "--json", "--uncertainty-draws", "20", "--polygon", poly, "--depth-m", "3"
    )
    assert code == 0, exc
    data = json.loads(out)
    assert data["region"].startswith("polygon(") and data["depth_m"] == 3.0


def test_inventory_table() -> None:
    code, out, exc = invoke("inventory", "--uncertainty-draws", "20", "--region", "south-pole")
    assert code == 0, exc
    assert "He-3 p05 / p50 / p95 [t]" in out and "south-pole" in out


@pytest.mark.parametrize(
    ("args", "error", "field"),
    [
        (["--he3-model", "cameron1992"], ScenarioError, "--he3-model"),
        (["--region", "mars"], QueryError, "region"),
        (["--lat", "95", "--lon", "0", "--radius-km", "100"], QueryError, "lat"),
        (["--depth-m", "-2"], QueryError, "depth_m"),
        (["--he3-cutoff-ppb", "-1"], QueryError, "he3_cutoff_ppb"),
        (["--polygon", "1,2;3"], QueryError, "--polygon"),
        (["--uncertainty-draws", "1"], ScenarioError, "--uncertainty-draws"),
    ],
)
def test_bad_input_is_a_one_line_error_naming_the_field(
    args: list[str], error: type[LunarbaseError], field: str
) -> None:
    code, _, exc = invoke("inventory", "--uncertainty-draws", "20", *args)
    assert code != 0
    assert isinstance(exc, error)
    message = str(exc)
    assert field in message and "\n" not in message


def test_parse_polygon() -> None:
    assert parse_polygon("1,2; 3,4;5,6;") == [(1.0, 2.0), (3.0, 4.0), (5.0, 6.0)]


@pytest.fixture(scope="module")
def maps_dir(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("maps") / "new"
    code, out, exc = invoke("maps", "--out", str(folder), "--json")
    assert code == 0, exc
    return folder, json.loads(out)


def test_maps_writes_netcdf_geotiffs_and_pngs(maps_dir: tuple[Path, dict[str, str]]) -> None:
    folder, paths = maps_dir
    pngs = {"he3_ppb", "th_ppm", "ree_sum_ppm"}
    layers = {*pngs, "solar_wind_fluence", "tio2_wt_pct", "kreep_fraction", "regolith_depth_m"}
    wac = {"tio2_wac_wt_pct_geotiff", "he3_ppb_wac_geotiff", "he3_ppb_wac"}
    assert set(paths) == {"netcdf", *pngs, *(f"{name}_geotiff" for name in layers), *wac}
    for key in pngs:
        assert Path(paths[key]).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    for name in layers:
        assert Path(paths[f"{name}_geotiff"]).read_bytes()[:4] in (b"II*\x00", b"MM\x00*")
    assert sorted(p.name for p in folder.iterdir()) == sorted(Path(p).name for p in paths.values())


def test_maps_netcdf_round_trips(maps_dir: tuple[Path, dict[str, str]], grs: xr.Dataset) -> None:
    _, paths = maps_dir
    with xr.open_dataset(paths["netcdf"], engine="scipy") as ds:
        assert ds.sizes["cell"] == grs.sizes["cell"]
        assert ds["he3_ppb"].attrs["units"] == "ppb"
        assert np.allclose(ds["th_ppm"].values, grs["Th_ppm"].values)
        assert ds.attrs["he3_model"] == "tio2_line"
        assert "provenance_scenario_sha256" in ds.attrs


def test_maps_unwritable_folder_is_a_user_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, exc = invoke("maps", "--out", str(blocker / "sub"))
    assert code != 0 and isinstance(exc, LunarbaseError) and "--out" in str(exc)
