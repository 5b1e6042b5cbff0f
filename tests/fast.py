"""The suite's one fast scenario: the light settings, search disk and ranking every test uses
unless the light period itself is under test.

Why these values: two months at 12-hour steps and 90 azimuths (4-degree sectors) give light
fractions within a few points of the full year at 2 h and 360 azimuths on the polar ridges
(tests/validation checks the full settings where a published figure needs them); a 1-degree disk
holds the Shackleton-de Gerlache ridge and the peak near Shackleton; two sites ranked from four
refined cells exercise the whole ranking. The maps they need are built once per pytest run, in
the session's cache that every test and every CLI subprocess of the run shares
(tests/conftest.py).
"""

from __future__ import annotations

FAST_SETS = (
    "terrain.start=2030-01-01",
    "terrain.end=2030-03-01",
    "terrain.step_h=12",
    "terrain.horizon_azimuths=90",
    "sites.max_colatitude_deg=1",
    "sites.top=2",
    "sites.refined_cells=4",
)
"""``--set`` overrides that put any scenario (a bundled one too) on the fast settings."""

FAST_ARGS = tuple(arg for item in FAST_SETS for arg in ("--set", item))
""":data:`FAST_SETS` as command-line arguments."""


def _tables(sets: tuple[str, ...]) -> str:
    """``table.key=value`` items as TOML tables (values written as TOML already)."""
    tables: dict[str, list[str]] = {}
    for item in sets:
        key, value = item.split("=", 1)
        table, field = key.split(".")
        tables.setdefault(table, []).append(f"{field} = {value}")
    return "".join(f"[{table}]\n" + "\n".join(lines) + "\n" for table, lines in tables.items())


QUICK = (
    '[scenario]\nname = "quick"\nseed = 11\n'
    + _tables(FAST_SETS)
    + "[operations]\nyears = 3\n[economics]\nmontecarlo_draws = 200\n"
    + "[resources]\nuncertainty_draws = 50\n"
)
"""A short scenario on the fast settings (3 years of operations, few Monte Carlo draws)."""
