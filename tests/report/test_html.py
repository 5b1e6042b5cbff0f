"""Report files are written atomically: a failure never leaves half a report; the figure PNGs
go beside it, and without a browser they are skipped with a warning."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import pytest

from lunarbase import report
from lunarbase.errors import LunarbaseError
from lunarbase.report import html, png

PNG_BYTES = b"\x89PNG\r\n\x1a\n stand-in"


class Broken:
    """A results stand-in whose JSON works (its figures and page are monkeypatched)."""

    def to_json(self) -> str:
        return "{}\n"


def one_figure(results: Any) -> dict[str, Any]:
    """A drawn light figure and a sites message in place of a run's figures."""
    return {"light": go.Figure(), "sites": "<p>No basemap.</p>"}


def stand_in_pngs(figures: dict[str, go.Figure]) -> dict[str, bytes]:
    return dict.fromkeys(figures, PNG_BYTES)


def old_report(folder: Path) -> dict[str, str]:
    """An earlier run's files in ``folder``, by name."""
    files = {
        "report.html": "old report",
        "results.json": "old json",
        "light.png": "old light",
        "sites.png": "old sites",
    }
    for name, text in files.items():
        (folder / name).write_text(text)
    return files


def contents(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(errors="replace") for p in folder.iterdir()}


def test_failed_render_keeps_the_previous_files(tmp_path: Path, monkeypatch: Any) -> None:
    old = old_report(tmp_path)

    def boom(results: Any, figs: Any) -> str:
        raise RuntimeError("render failed")

    monkeypatch.setattr(html, "report_figures", one_figure)
    monkeypatch.setattr(html, "render", boom)
    monkeypatch.setattr(png, "figure_pngs", stand_in_pngs)
    with pytest.raises(RuntimeError):
        report.write(Broken(), tmp_path)
    assert contents(tmp_path) == old


def test_failed_png_export_keeps_the_previous_files(tmp_path: Path, monkeypatch: Any) -> None:
    """The PNGs are made before anything is written: a failed export changes no file."""
    old = old_report(tmp_path)

    def boom(figures: Any) -> dict[str, bytes]:
        raise RuntimeError("export failed")

    monkeypatch.setattr(html, "report_figures", one_figure)
    monkeypatch.setattr(html, "render", lambda results, figs: "<html></html>")
    monkeypatch.setattr(png, "figure_pngs", boom)
    with pytest.raises(RuntimeError):
        report.write(Broken(), tmp_path)
    assert contents(tmp_path) == old


def test_drawn_figures_are_written_as_pngs_by_name(tmp_path: Path, monkeypatch: Any) -> None:
    """``<key>.png`` for each drawn figure, returned by key; a figure that is a message this
    time has no PNG, and the earlier run's is removed."""
    old_report(tmp_path)
    monkeypatch.setattr(html, "report_figures", one_figure)
    monkeypatch.setattr(html, "render", lambda results, figs: "<html>new</html>")
    monkeypatch.setattr(png, "figure_pngs", stand_in_pngs)
    paths = report.write(Broken(), tmp_path)
    assert paths == {
        "results": tmp_path / "results.json",
        "report": tmp_path / "report.html",
        "light": tmp_path / "light.png",
    }
    assert (tmp_path / "light.png").read_bytes() == PNG_BYTES
    assert sorted(contents(tmp_path)) == ["light.png", "report.html", "results.json"]


def test_without_a_browser_the_pngs_are_skipped_with_a_warning(
    tmp_path: Path, monkeypatch: Any
) -> None:
    """No browser at $BROWSER_PATH: the page and JSON are written, no PNG (the earlier ones
    are removed), and one warning says how to enable them."""
    old_report(tmp_path)
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-browser"))
    monkeypatch.setattr(html, "report_figures", one_figure)
    monkeypatch.setattr(html, "render", lambda results, figs: "<html>new</html>")
    with pytest.warns(report.PngSkippedWarning) as caught:
        paths = report.write(Broken(), tmp_path)
    (warning,) = caught
    message = str(warning.message)
    assert "PNG figures skipped" in message and "no-such-browser" in message
    assert "apt-get install chromium" in message and "\n" not in message
    assert set(paths) == {"results", "report"}
    assert sorted(contents(tmp_path)) == ["report.html", "results.json"]
    assert (tmp_path / "report.html").read_text() == "<html>new</html>"


def test_no_figure_to_draw_starts_no_browser() -> None:
    assert png.figure_pngs({}) == {}


def test_unwritable_output_folder_is_a_one_line_error(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(html, "report_figures", lambda results: {})
    monkeypatch.setattr(html, "render", lambda results, figs: "<html></html>")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(LunarbaseError, match="cannot write output there"):
        report.write(Broken(), blocker / "out")
