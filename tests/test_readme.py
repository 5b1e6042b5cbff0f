"""The README's Python API example runs as shown (a broken example is a failed test)."""

from __future__ import annotations

from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_python_api_example_runs(mirror: Path) -> None:
    """Execute the first python block of the Python API section; check what it promises."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Python API") :]
    code = section.split("```python", 1)[1].split("```", 1)[0]
    namespace: dict[str, object] = {}
    exec(compile(code, str(README), "exec"), namespace)  # our own README, not user input
    early = namespace["early"]
    results = namespace["results"]
    assert early.resources is None and early.sites is not None  # type: ignore[attr-defined]
    assert results.operations.n_miners == 10  # type: ignore[attr-defined]
