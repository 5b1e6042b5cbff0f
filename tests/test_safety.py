"""Nothing in a scenario file can run code or write outside ``--out``: the scenario is data
(TOML, validated field by field, unknown keys refused), its text is escaped in the report, and
the run writes only inside the output folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lunarbase import scenario
from lunarbase.errors import ScenarioError
from tests.cli.helpers import assert_one_line_error, invoke
from tests.fast import QUICK

HOSTILE_NAME = '<script>alert("x")</script> ../../escaped'


def test_unknown_keys_and_code_like_values_are_refused() -> None:
    with pytest.raises(ScenarioError, match="__class__"):
        scenario.parse('[scenario]\n__class__ = "os.system"\n')
    with pytest.raises(ScenarioError, match=r"operations\.n_miners"):
        scenario.parse("[operations]\nn_miners = \"__import__('os').system('touch /tmp/x')\"\n")


def test_a_hostile_scenario_text_is_escaped_and_writes_only_inside_out(
    mirror: Path, tmp_path: Path
) -> None:
    """A scenario whose name is a script and a relative path: the report shows it as text,
    and the run writes only its own files inside --out."""
    path = tmp_path / "hostile.toml"
    path.write_text(
        QUICK.replace('name = "quick"', f"name = {json.dumps(HOSTILE_NAME)}").replace(
            "[terrain]", 'description = "<img src=x onerror=alert(1)>"\n[terrain]'
        )
    )
    out = tmp_path / "out" / "run"
    before = set(tmp_path.rglob("*"))
    proc = invoke("run", str(path), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    page = (out / "report.html").read_text()
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert" in page
    created = set(tmp_path.rglob("*")) - before
    assert created and all(out in p.parents or p in (out, out.parent) for p in created)
    assert not (tmp_path / "escaped").exists() and not (tmp_path.parent / "escaped").exists()


def test_malformed_toml_names_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[scenario]\nname = "ok"\nseed = = 3\n')
    assert_one_line_error(invoke("run", str(bad)), "bad.toml", "line 3", "column")
    assert_one_line_error(invoke("run", str(tmp_path / "missing.toml")), "missing.toml")
