"""Sphinx extension: ``.. validation-table::`` renders ``docs/validation.json``, the rows the
validation tests recorded (``tests/validation/published.py``): our figure against the published
one, test by test, as the tests computed them (``pytest tests/validation`` rewrites the file)."""

from __future__ import annotations

import json
from itertools import groupby
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

TABLE = Path(__file__).resolve().parent / "validation.json"

AREAS = {
    "test_illumination_published.py": "Light",
    "test_psr_published.py": "Permanently shadowed regions",
    "test_resources_published.py": "Resources",
    "test_tio2_published.py": "TiO2 at mare resolution",
    "test_cp_published.py": "Specific heat of the regolith",
    "test_operations_economics_published.py": "Operations and economics",
}
"""Section title per validation test module."""


def _cell(text: str) -> str:
    """One list-table cell: a single line, nothing rst reads as markup."""
    text = " ".join(str(text).split()) or "\\-"
    return text.replace("*", "\\*").replace("`", "\\`").replace("|", "\\|")


def table_lines(rows: list[dict[str, Any]]) -> list[str]:
    """reStructuredText of the table, one section per test module, one row per figure."""
    lines: list[str] = []
    for module, group in groupby(rows, key=lambda row: row["test"].split("::")[0]):
        name = Path(module).name
        title = AREAS.get(name, name)
        lines += [title, "-" * len(title), "", f"From ``{module}``.", ""]
        lines += [".. list-table::", "   :header-rows: 1", "   :widths: 14 22 18 14 26 6", ""]
        head = ("figure", "quantity", "ours", "published", "note", "test")
        lines += [f"   * - {head[0]}", *(f"     - {h}" for h in head[1:])]
        for row in group:
            cells = [row["figure"], row["quantity"], row["ours"], row["published"], row["note"]]
            cells.append(row["outcome"])
            lines.append(f"   * - {_cell(cells[0])}")
            lines += [f"     - {_cell(c)}" for c in cells[1:]]
        lines.append("")
    return lines


class ValidationTable(SphinxDirective):
    """The validation table, read from :data:`TABLE` at build time."""

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(TABLE))
        if not TABLE.is_file():
            return [nodes.paragraph(text=f"{TABLE.name} is missing: run pytest tests/validation.")]
        rows = json.loads(TABLE.read_text(encoding="utf-8"))
        container = nodes.section()
        container.document = self.state.document
        nested_parse_with_titles(self.state, StringList(table_lines(rows), str(TABLE)), container)
        return list(container.children)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("validation-table", ValidationTable)
    return {"parallel_read_safe": True, "version": "1"}
