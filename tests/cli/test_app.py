"""The command line as a user runs it: JSON on stdout, one-line errors (in process; real
subprocesses where the process itself is under test)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from lunarbase import __version__
from tests.cli.helpers import assert_one_line_error, cli, invoke


def test_version() -> None:
    proc = cli("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"lunarbase {__version__}"


@pytest.mark.parametrize(
    ("command", "units"),
    [
        (("point",), ("[deg]", "[deg E]", "[m]", "[h]")),
        (("resources", "inventory"), ("[km]", "[ppb]")),
    ],
)
def test_help_keeps_the_units(command: tuple[str, ...], units: tuple[str, ...]) -> None:
    """Option help shows units in brackets (Rich markup would swallow "[deg]")."""
    proc = invoke(*command, "--help", env={"COLUMNS": "200"})
    assert proc.returncode == 0
    for unit in units:
        assert unit in proc.stdout, proc.stdout


def test_point_json_shackleton_floor_vs_ridge(mirror: Path) -> None:
    floor = invoke("point", "--lat", "-89.67", "--lon", "129.78", "--json", "--step-h", "24")
    assert floor.returncode == 0, floor.stderr
    f = json.loads(floor.stdout)
    ridge = json.loads(
        invoke("point", "--lat", "-89.45", "--lon", "222.7", "--json", "--step-h", "24").stdout
    )
    for key in (
        "elevation_m",
        "slope_deg",
        "illumination_fraction",
        "longest_night_h",
        "earth_visible_fraction",
        "in_psr",
    ):
        assert key in f and key in ridge
    assert f["in_psr"] is True and ridge["in_psr"] is False
    assert f["illumination_fraction"] < 0.01 < ridge["illumination_fraction"]
    assert ridge["elevation_m"] - f["elevation_m"] > 4000.0
    assert ridge["dem"] == "site01_10m" and f["dem"] == "ldem_75s_240m"
    assert 0.0 < f["he3_ppb"] < 5.0 and 0.0 < f["th_ppm"] < 3.0  # feldspathic polar highlands


def test_point_outside_the_polar_cap_uses_the_global_dem(mirror: Path) -> None:
    proc = invoke("point", "--lat", "0.67", "--lon", "23.47", "--json")  # Apollo 11
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["dem"] == "ldem_4"
    assert -3000.0 < out["elevation_m"] < 0.0


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (("point", "--lat", "-95", "--lon", "0"), ("latitude -95.0",)),
        (
            ("point", "--lat", "-89", "--lon", "0", "--start", "2027-01-01", "--end", "2026-01-01"),
            ("end", "must be after start"),
        ),
        (
            ("point", "--lat", "-89", "--lon", "0", "--observer-height-m", "-3"),
            ("--observer-height-m: value -3.0 out of range", ">= 0"),
        ),
        (("run", "no-such-scenario.toml"), ("no-such-scenario.toml: no such scenario file",)),
        (("point", "--lat", "-89", "--lon", "0", "--end", "2034-01-01"), ("--end: end",)),
        (
            (
                "illumination",
                "--lat",
                "-60",
                "--lon",
                "10",
                "--start",
                "2026-01-01",
                "--end",
                "2026-01-02",
            ),
            ("-60.0, 10.0 is outside the south-polar DEMs",),
        ),
    ],
)
def test_bad_input_is_one_line_exit_2(args: tuple[str, ...], needles: tuple[str, ...]) -> None:
    assert_one_line_error(invoke(*args), *needles)


def test_a_bad_input_in_a_process_is_one_stderr_line_and_exit_2() -> None:
    """The process itself: exit status 2, one line on stderr, nothing on stdout."""
    proc = cli("point", "--lat", "-95", "--lon", "0", "--json")
    assert_one_line_error(proc, "latitude -95.0")
    assert proc.stdout == ""


@pytest.mark.parametrize(
    ("text", "needles"),
    [
        ("[site\nlat_deg = 1\n", ("bad.toml", "TOML syntax error")),
        ("[site]\nlat_degs = -89.0\n", ("bad.toml:2", "site.lat_degs", "unknown key")),
        ("[operations]\nn_miners = -1\n", ("bad.toml:2", "operations.n_miners", ">= 0")),
    ],
)
def test_bad_scenarios_are_one_line_exit_2(
    tmp_path: Path, text: str, needles: tuple[str, ...]
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text)
    assert_one_line_error(invoke("run", str(path), "--out", str(tmp_path / "out")), *needles)
    assert not (tmp_path / "out" / "report.html").exists()


def test_debug_shows_the_traceback() -> None:
    proc = cli("--debug", "point", "--lat", "-95", "--lon", "0")
    assert proc.returncode != 0
    assert "Traceback" in proc.stderr


def test_data_list_and_verify(mirror: Path) -> None:
    listed = json.loads(invoke("data", "list", "--json").stdout)
    assert {d["dataset"] for d in listed} >= {"ldem_75s_240m", "site01_10m", "lpgrs_5deg"}
    proc = invoke("data", "verify", "--json")
    assert proc.returncode == 0, proc.stderr
    assert all(r["status"] == "ok" for r in json.loads(proc.stdout))


def test_corrupt_data_file_is_one_line_exit_2(mirror: Path, tmp_path: Path) -> None:
    copy = tmp_path / "mirror"
    shutil.copytree(mirror, copy)
    (copy / "lola-ldem4" / "LDEM_4.IMG").chmod(0o644)
    with (copy / "lola-ldem4" / "LDEM_4.IMG").open("r+b") as fh:
        fh.write(b"\x00\x01\x02\x03")
    env = {"LUNARBASE_DATA_MIRROR": str(copy), "LUNARBASE_CACHE_DIR": str(tmp_path / "c")}
    verify = cli("data", "verify", env=env)
    assert_one_line_error(verify, "LDEM_4.IMG", "corrupt")
    point = cli("point", "--lat", "10", "--lon", "20", "--json", env=env)
    assert_one_line_error(point, "LDEM_4.IMG", "corrupt data file", "lunarbase data fetch")
