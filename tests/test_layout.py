"""The package's shape: every stage's ``__init__`` only presents the stage (no logic there)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import lunarbase

PACKAGE = Path(lunarbase.__file__).parent
STAGE_PACKAGES = ("data", "terrain", "resources", "sites", "operations", "economics", "report")


def _is_presentation(node: ast.stmt) -> bool:
    """Imports, ``__all__``, the docstring, a TYPE_CHECKING block of imports, or
    ``__getattr__ = lazy_exports(...)`` (PEP 562 re-exports)."""
    if isinstance(node, ast.Import | ast.ImportFrom):
        return True
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
        return isinstance(node.value.value, str)
    if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
        return all(isinstance(n, ast.Import | ast.ImportFrom) for n in node.body)
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target = node.targets[0]
        if isinstance(target, ast.Name) and target.id == "__all__":
            return True
        if isinstance(target, ast.Name) and target.id == "__getattr__":
            call = node.value
            return isinstance(call, ast.Call) and ast.unparse(call.func) == "lazy_exports"
    return False


@pytest.mark.parametrize("stage", [*STAGE_PACKAGES, "cli"])
def test_stage_init_only_reexports(stage: str) -> None:
    """No function, class or computation in ``<stage>/__init__.py``."""
    tree = ast.parse((PACKAGE / stage / "__init__.py").read_text())
    logic = [ast.unparse(n).splitlines()[0] for n in tree.body if not _is_presentation(n)]
    assert logic == []


@pytest.mark.parametrize("stage", ["terrain", "resources", "sites", "operations", "economics"])
def test_each_stage_has_its_entry_module(stage: str) -> None:
    """Each pipeline stage keeps its entry point in ``stage.py`` and its results dataclass
    there or, where the stage is carved along its steps, in ``results.py`` beside it."""
    modules = [PACKAGE / stage / name for name in ("stage.py", "results.py")]
    trees = [ast.parse(path.read_text()) for path in modules if path.exists()]
    classes = [n.name for tree in trees for n in tree.body if isinstance(n, ast.ClassDef)]
    assert any(name.endswith("Results") for name in classes)


WRITERS = ("atomic_", "output_folder", "to_netcdf", "savefig", "to_raster", "write_text")
"""What writes a file: the fileio helpers and the libraries' own writers."""


@pytest.mark.parametrize("stage", ["terrain", "resources", "sites", "operations", "economics"])
def test_no_physics_stage_writes_files(stage: str) -> None:
    """Map files are written by :mod:`lunarbase.mapfiles` alone; a stage only makes them."""
    for path in sorted((PACKAGE / stage).glob("*.py")):
        text = path.read_text()
        assert not [w for w in WRITERS if w in text], path.name
