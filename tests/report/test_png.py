"""The figure PNGs of a real run: one valid image per figure beside report.html; without a
browser, ``lunarbase run`` still writes the report and says in one line how to get them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from lunarbase.report.png import PNG_WIDTH_PX
from tests.cli.helpers import invoke
from tests.fast import QUICK
from tests.report.helpers import FIGURE_KEYS

FIGURE_HEIGHT_PX = {"sites": 680, "energy": 520}
"""The layout heights of the figures taller than the others' 420 px [px]."""


def test_every_figure_is_a_png_beside_the_report(
    chromium: Path, default_run: tuple[subprocess.CompletedProcess[str], Path]
) -> None:
    """``<key>.png`` for each figure, a PNG that PIL reads, as wide as the export and as tall
    as the figure's layout, not one flat colour; the CLI lists each file."""
    proc, out_dir = default_run
    assert proc.returncode == 0, proc.stderr
    assert "warning" not in proc.stderr
    assert sorted(p.stem for p in out_dir.glob("*.png")) == sorted(FIGURE_KEYS)
    for key in FIGURE_KEYS:
        path = out_dir / f"{key}.png"
        assert f"{key}: {path}" in proc.stdout
        with Image.open(path) as img:
            img.verify()
        with Image.open(path) as img:
            assert img.format == "PNG"
            height = FIGURE_HEIGHT_PX.get(key, 420)
            assert img.size == (PNG_WIDTH_PX, height), key
            grey = np.asarray(img.convert("L"))
            assert np.ptp(grey) > 100, key  # drawn: dark text and axes on white


@pytest.mark.slow  # a whole run with its report
def test_run_without_a_browser_warns_in_one_line(mirror: Path, tmp_path: Path) -> None:
    """No browser at $BROWSER_PATH: exit 0, report.html and results.json, no PNG, and one
    stderr line that names the fix; no traceback."""
    path = tmp_path / "quick.toml"
    path.write_text(QUICK)
    out_dir = tmp_path / "out"
    proc = invoke("run", str(path), "--out", str(out_dir), env={"BROWSER_PATH": "/nonexistent"})
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out_dir.iterdir()) == ["report.html", "results.json"]
    assert "Traceback" not in proc.stderr
    warnings = [line for line in proc.stderr.splitlines() if "warning" in line.lower()]
    assert len(warnings) == 1, proc.stderr
    assert warnings[0].startswith("lunarbase: warning: PNG figures skipped")
    assert "BROWSER_PATH" in warnings[0] and "apt-get install chromium" in warnings[0]
