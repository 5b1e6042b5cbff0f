"""The end-to-end pipeline: scenario -> terrain -> resources -> sites -> operations -> economics.

Each stage returns a small result object; stages talk only through those. ``run`` takes an
optional ``progress(stage, fraction)`` callback so the CLI can draw progress bars.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from lunarbase import __version__
from lunarbase import terrain as terrain_stage
from lunarbase.jsonable import plain
from lunarbase.scenario import Scenario

Progress = Callable[[str, float], None]

STAGES = ("terrain", "resources", "sites", "operations", "economics")


def provenance(scenario: Scenario, datasets: tuple[str, ...] | None = None) -> dict[str, Any]:
    """Scenario hash, seed, package version and the sha256 of the data files used (those of
    ``datasets``, or all registered files)."""
    from lunarbase.data import checksums, dataset

    sums = checksums()
    if datasets is not None:
        files = {f for name in datasets for f in dataset(name).files}
        sums = {f: h for f, h in sums.items() if f in files}
    return {
        "lunarbase_version": __version__,
        "scenario_name": scenario.scenario.name,
        "scenario_sha256": scenario.sha256(),
        "seed": scenario.scenario.seed,
        "data_sha256": sums,
    }


@dataclass(frozen=True)
class Results:
    """Everything one run produced."""

    scenario: Scenario
    terrain: terrain_stage.TerrainResults
    resources: Any
    sites: Any
    operations: Any
    economics: Any

    def provenance(self) -> dict[str, Any]:
        """What this result was made from: scenario hash, seed, data checksums, versions."""
        return provenance(self.scenario)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready nested dict (no timestamps: the same scenario and seed give the same)."""
        return plain(
            {
                "provenance": self.provenance(),
                "scenario": self.scenario.model_dump(mode="json"),
                "terrain": self.terrain.summary,
                "resources": self.resources.to_dict(),
                "sites": self.sites.to_records(),
                "operations": self.operations.to_dict(),
                "economics": self.economics.to_dict(),
            }
        )

    def to_json(self) -> str:
        """Canonical JSON text (sorted keys, fixed float repr) of :meth:`to_dict`."""
        return json.dumps(self.to_dict(), sort_keys=True, indent=1, allow_nan=False) + "\n"


def _named_features() -> pd.DataFrame:
    from lunarbase.data import load

    iau = load("iau_nomenclature")
    frame = pd.DataFrame(
        {"lat": iau["lat"].values, "lon": iau["lon"].values}, index=iau["feature"].values
    )
    return frame[frame["lat"] < -75.0]


def run(scenario: Scenario, progress: Progress | None = None) -> Results:
    """Run every stage of ``scenario`` and return their results."""
    from lunarbase import economics, operations, resources, sites
    from lunarbase.ephemeris import period_directions
    from lunarbase.terrain.dem import polar_terrain

    def tick(stage: str, fraction: float) -> None:
        if progress is not None:
            progress(stage, fraction)

    sc, seed = scenario, scenario.scenario.seed
    tick("terrain", 0.0)
    terrain = terrain_stage.assess(sc.site.lat_deg, sc.site.lon_deg, sc.terrain)
    tick("terrain", 1.0)

    tick("resources", 0.0)
    res = resources.assess(
        sc.resources,
        site_lat_deg=sc.site.lat_deg,
        site_lon_deg=sc.site.lon_deg,
        mining_radius_km=sc.site.mining_radius_km,
        seed=seed,
    )
    tick("resources", 1.0)

    ranked = sites.rank(
        sc.sites,
        sc.terrain,
        polar_terrain(),
        period_directions(sc.terrain.start, sc.terrain.end, sc.terrain.step_h),
        _named_features(),
        progress=lambda f: tick("sites", f),
    )

    tick("operations", 0.0)
    # Miners run on the reactor, not on sunlight: no daylight duty cycle (the M-3 design's
    # 4383 daylit h/yr applied to a solar-powered miner).
    ops = operations.simulate(sc.operations, he3_grade_ppb=res.mining_he3_ppb, seed=seed)
    tick("operations", 1.0)

    tick("economics", 0.0)
    econ = economics.evaluate(sc.economics, ops, sc.operations, seed=seed)
    tick("economics", 1.0)
    return Results(sc, terrain, res, ranked, ops, econ)
