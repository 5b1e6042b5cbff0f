"""Sphinx configuration of the lunarbase documentation: an executed gallery (sphinx-gallery,
as pvlib and MetPy publish theirs), the API reference from the numpydoc docstrings
(autodoc/autosummary + numpydoc), a page per model and the validation table.

Offline by design: no intersphinx, no remote fonts or scripts (the stock alabaster theme),
MathJax replaced by imgmath-free plain math (``sphinx.ext.mathjax`` is not loaded), and the
gallery runs on the staged data (``LUNARBASE_DATA_MIRROR``) with the derived-grid cache of
``LUNARBASE_CACHE_DIR``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))  # tests.fast: the gallery runs on the suite's settings
sys.path.insert(0, str(DOCS))  # the local extension validation_table
sys.path.insert(0, str(DOCS / "examples"))  # the gallery's shared quick settings

from lunarbase import __version__  # noqa: E402

project = "lunarbase"
author = "lunarbase developers"
copyright = "lunarbase developers (BSD-3-Clause)"
version = release = __version__

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "numpydoc",
    "sphinx_gallery.gen_gallery",
    "validation_table",
]

exclude_patterns = ["_build", "examples/README.rst"]
templates_path = ["_templates"]
html_theme = "alabaster"
html_theme_options = {
    "font_family": "serif",
    "head_font_family": "serif",
    "code_font_family": "monospace",
    "description": "a lunar resource base, planned from real data",
}
html_static_path: list[str] = []
html_show_sourcelink = False

# -- API reference -------------------------------------------------------------------------
autosummary_generate = True
autodoc_default_options = {"members": True, "show-inheritance": False}
autodoc_inherit_docstrings = False
autodoc_typehints = "none"  # numpydoc's Parameters sections carry the types and units
numpydoc_show_class_members = False
numpydoc_validation_checks: set[str] = set()
suppress_warnings = ["ref.citation"]  # module References cited only by their members

# -- the gallery ---------------------------------------------------------------------------
sphinx_gallery_conf = {
    "examples_dirs": "examples",
    "gallery_dirs": "gallery",
    "filename_pattern": r"/plot_",
    "ignore_pattern": r"__init__\.py|quick\.py",
    "within_subsection_order": "FileNameSortKey",
    "download_all_examples": False,
    "image_scrapers": ("matplotlib",),
    "capture_repr": ("__repr__",),
    "ignore_repr_types": r"matplotlib|Figure|Axes|list",
    "remove_config_comments": True,
    "min_reported_time": 1,
    "abort_on_example_error": True,
    "run_stale_examples": True,  # every build draws its figures from the code as it is
}


# -- docstring hooks -----------------------------------------------------------------------
_CITATION = re.compile(r"\[(\d+)\]_")
_TARGET = re.compile(r"^\.\. \[\d+\]", re.MULTILINE)


def _foreign(app: Any, what: str, name: str, obj: Any, skip: bool, options: Any) -> bool | None:
    """Skip what a module imported from elsewhere (``typing.Any``, pydantic's methods): the
    reference documents lunarbase's own objects."""
    module = getattr(obj, "__module__", None)
    if what == "module" and isinstance(module, str) and not module.startswith("lunarbase"):
        return True
    return None


def _citations(app: Any, what: str, name: str, obj: Any, options: Any, lines: list[str]) -> None:
    """A constant's or a function's ``[1]_`` points at its module's References: where the
    docstring has no such target of its own, keep the number as plain text."""
    if not _TARGET.search("\n".join(lines)):
        lines[:] = [_CITATION.sub(r"[\1]", line) for line in lines]


def setup(app: Any) -> None:
    app.connect("autodoc-skip-member", _foreign)
    app.connect("autodoc-process-docstring", _citations, priority=400)
