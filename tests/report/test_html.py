"""Report files are written atomically: a failure never leaves half a report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lunarbase import report
from lunarbase.errors import LunarbaseError
from lunarbase.report import html


class Broken:
    """A results stand-in whose JSON works but whose rendering fails."""

    def to_json(self) -> str:
        return "{}\n"


def test_failed_render_keeps_the_previous_files(tmp_path: Path, monkeypatch: Any) -> None:
    (tmp_path / "report.html").write_text("old report")
    (tmp_path / "results.json").write_text("old json")

    def boom(results: Any) -> str:
        raise RuntimeError("render failed")

    monkeypatch.setattr(html, "render", boom)
    with pytest.raises(RuntimeError):
        report.write(Broken(), tmp_path)
    assert (tmp_path / "report.html").read_text() == "old report"
    assert (tmp_path / "results.json").read_text() == "old json"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html", "results.json"]


def test_unwritable_output_folder_is_a_one_line_error(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(html, "render", lambda results: "<html></html>")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(LunarbaseError, match="cannot write output there"):
        report.write(Broken(), blocker / "out")
