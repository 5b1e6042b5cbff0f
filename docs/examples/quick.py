"""Quick-look settings shared by the gallery: the test suite's fast light settings
(``tests/fast.py``: two months of light at 12-hour steps, 4-degree horizon sectors, a 1-degree
search disk around the pole), so that the site builds in about a minute on 2 cores and a build
inside the test session reuses the light maps the tests made. Everything else -- dates of the
landings, fleet, plant, economics -- is the bundled scenario's own; ``lunarbase run`` and the
other commands use the scenario's full settings (a year of light at 2-hour steps, 360 sectors,
a 4-degree disk).
"""

from __future__ import annotations

import tomllib

from tests.fast import FAST_SETS

from lunarbase import scenario

QUICK_LIGHT = {
    key: tomllib.loads(f"value = {value}")["value"]
    for key, value in (item.split("=", 1) for item in FAST_SETS)
}
"""Scenario overrides for a quick look [field -> value], units as in the scenario: the
``--set TABLE.FIELD=VALUE`` items of ``tests/fast.py``."""


def quick(name: str = "ilrs-2035") -> scenario.Scenario:
    """The bundled scenario ``name`` with :data:`QUICK_LIGHT` applied."""
    return scenario.with_overrides(scenario.load(name), QUICK_LIGHT)
