"""Packaging: lower bounds in pyproject.toml, exact versions in the lock, and a wheel that works.

pyproject.toml states the oldest version of each dependency we test (`make test-min` installs
exactly those); requirements/lock.txt holds the exact versions `make run` and `make test` install.
The wheel test builds lunarbase offline, installs it into a fresh virtualenv that borrows this
environment's third-party packages, and asks the installed ``lunarbase`` a point query.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LOCK = ROOT / "requirements" / "lock.txt"

# What the wheel may carry inside lunarbase/: code, the registry/catalog text, scenario TOML files
# and the report's HTML templates ([tool.setuptools.package-data]); never a dataset or a grid.
WHEEL_SUFFIXES = {".py", ".txt", ".toml", ".html"}
POINT = ["point", "--lat", "-89.45", "--lon", "222.7", "--json"]
SUBPROCESS_TIMEOUT_S = 300  # generous: the machine running the suite may be busy


def _run(*args: str | Path, cwd: Path | None = None) -> str:
    """Run a command without PYTHONPATH (which may name the source tree); its stdout."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    done = subprocess.run(
        [str(arg) for arg in args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=SUBPROCESS_TIMEOUT_S,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return done.stdout


def _requirements() -> list[Requirement]:
    """Every runtime and optional dependency of pyproject.toml but lunarbase's own extras."""
    project = PYPROJECT["project"]
    extras = [req for group in project["optional-dependencies"].values() for req in group]
    reqs = [Requirement(text) for text in project["dependencies"] + extras]
    return [req for req in reqs if canonicalize_name(req.name) != "lunarbase"]


def _lock() -> dict[str, str]:
    """The lock's ``name==version`` lines, by canonical name."""
    pins: dict[str, str] = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, sep, version = line.partition("==")
            assert sep and version, f"lock line {line!r} is not an exact name==version pin"
            pins[canonicalize_name(name)] = version.strip()
    return pins


def _lower_bounds_script() -> ModuleType:
    path = ROOT / "requirements" / "lower_bounds.py"
    spec = importlib.util.spec_from_file_location("lower_bounds", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_runtime_dependencies_state_lower_bounds_only() -> None:
    assert PYPROJECT["project"]["requires-python"] == ">=3.11"
    for text in PYPROJECT["project"]["dependencies"]:
        operators = {spec.operator for spec in Requirement(text).specifier}
        assert ">=" in operators, f"{text}: no lower bound"
        assert operators <= {">=", "!="}, f"{text}: an exact pin or upper cap ({operators})"


def test_lock_pins_every_dependency_at_an_allowed_version() -> None:
    pins = _lock()
    assert "lunarbase" not in pins
    for req in _requirements():
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is in pyproject.toml but not in {LOCK.name}"
        assert req.specifier.contains(pins[name], prereleases=True), (
            f"{LOCK.name} pins {req.name}=={pins[name]}, outside pyproject.toml's {req}"
        )


def test_lower_bounds_pin_each_dependency_at_its_bound(tmp_path: Path) -> None:
    script = _lower_bounds_script()
    pinned = script.pinned_lower_bounds(ROOT / "pyproject.toml", ["pytest"])
    runtime = PYPROJECT["project"]["dependencies"]
    assert len(pinned) == len(runtime) + 1
    for text, pin in zip(runtime, pinned[:-1], strict=True):
        req = Requirement(text)
        (bound,) = [spec.version for spec in req.specifier if spec.operator == ">="]
        assert pin == f"{req.name}=={bound}"
    assert pinned[-1].startswith("pytest==")

    fake = tmp_path / "pyproject.toml"
    fake.write_text(
        '[project]\ndependencies = ["numpy<3"]\n[project.optional-dependencies]\ndev = []\n'
    )
    with pytest.raises(ValueError, match="numpy<3"):
        script.pinned_lower_bounds(fake, [])


def _build_wheel(folder: Path) -> Path:
    """lunarbase's wheel, built offline (``--no-isolation``) from a copy of the source tree."""
    tree, dist = folder / "tree", folder / "dist"
    shutil.copytree(
        ROOT / "src", tree / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, tree / name)
    _run(
        sys.executable,
        "-m",
        "build",
        "--wheel",
        "--no-isolation",
        "--outdir",
        dist,
        tree,
        cwd=folder,
    )
    (wheel,) = dist.glob("lunarbase-*.whl")
    return wheel


def _venv_with_wheel(folder: Path, wheel: Path) -> Path:
    """A fresh virtualenv (no pip) holding the wheel, then seeing this environment's third-party
    packages through a .pth file, but not the source tree nor an editable lunarbase (a .pth's
    own .pth files are not read); its ``bin`` folder."""
    _run(sys.executable, "-m", "venv", "--without-pip", folder)
    python = folder / "bin" / "python"
    pip = (sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps")
    _run(*pip, "--no-index", wheel)
    borrowed = [p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir()]
    (site,) = folder.glob("lib/python3*/site-packages")
    (site / "borrowed-site-packages.pth").write_text("\n".join(borrowed) + "\n")
    return python.parent


def test_wheel_holds_no_data_and_answers_a_point_query(tmp_path: Path) -> None:
    # minversion: a stray build/ folder in the checkout imports as a namespace `build` without one
    pytest.importorskip("build", minversion="1.0", reason="`make test` installs it from the lock")
    wheel = _build_wheel(tmp_path)
    package = [name for name in zipfile.ZipFile(wheel).namelist() if name.startswith("lunarbase/")]
    assert "lunarbase/scenarios/ilrs-2035.toml" in package
    assert "lunarbase/report/templates/report.html" in package
    assert {Path(name).suffix for name in package} <= WHEEL_SUFFIXES, package

    bin_dir = _venv_with_wheel(tmp_path / "venv", wheel)
    # The wheel's lunarbase answers, not the source tree's (nor an editable install's).
    where = _run(
        bin_dir / "python", "-c", "import lunarbase; print(lunarbase.__file__)", cwd=tmp_path
    )
    assert Path(where.strip()).is_relative_to(tmp_path / "venv"), where
    version = PYPROJECT["project"]["version"]
    assert _run(bin_dir / "lunarbase", "--version", cwd=tmp_path).strip() == f"lunarbase {version}"
    point = json.loads(_run(bin_dir / "lunarbase", *POINT, cwd=tmp_path))
    assert (point["lat_deg"], point["lon_deg"]) == (-89.45, 222.7)
    assert point["he3_ppb"] > 0
    assert 0 <= point["illumination_fraction"] <= 1
