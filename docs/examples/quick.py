"""Quick-look settings shared by the gallery: light maps of a small search disk on a coarse
time step, so the whole gallery builds in about a minute on 2 cores once the derived grids are
cached (the full maps take minutes per light period on a cold cache). Everything else --
dates, fleet, plant, landings, economics -- is the bundled scenario's own.

Each key is a scenario field, exactly what ``lunarbase ... --set KEY=VALUE`` takes.
"""

from __future__ import annotations

from lunarbase import scenario

QUICK_LIGHT = {
    "sites.max_colatitude_deg": 1.0,  # search disk 1 deg around the pole (default 4)
    "sites.top": 3,  # three ranked sites
    "terrain.step_h": 24.0,  # one Sun position a day [h] (default 2)
    "terrain.horizon_azimuths": 90,  # 4-degree horizon sectors (default 360)
    "terrain.horizon_max_distance_km": 100.0,  # horizons to 100 km (default 330)
}
"""Scenario overrides for a quick look [field -> value]; units as in the scenario."""


def quick(name: str = "ilrs-2035") -> scenario.Scenario:
    """The bundled scenario ``name`` with :data:`QUICK_LIGHT` applied."""
    return scenario.with_overrides(scenario.load(name), QUICK_LIGHT)
