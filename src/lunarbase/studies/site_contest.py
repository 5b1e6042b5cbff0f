"""Contested terrain as a study: parties claim the scenario's best south-polar sites in turn
behind safety zones of one or more radii (:func:`lunarbase.sites.claims`, after the Artemis
Accords' safety zones, NASA 2020, section 11), with what a late arrival loses against the
first. The chain runs to the sites stage once; each radius is a contest on the same ranking."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from lunarbase.errors import QueryError
from lunarbase.jsonable import plain
from lunarbase.mapfiles import Layer, MapFiles
from lunarbase.studies.defaults import SITES_PER_PARTY

if TYPE_CHECKING:
    from lunarbase.pipeline import Progress
    from lunarbase.scenario import Scenario
    from lunarbase.sites import SiteResults
    from lunarbase.terrain import TerrainResults


@dataclass(frozen=True, eq=False)
class Contest:
    """Claims in turn at each safety-zone radius (:func:`contest`).

    Attributes
    ----------
    scenario : lunarbase.scenario.Scenario
        The scenario the sites were ranked for (``sites.top`` raised to offer enough sites).
    parties : int
        Parties claiming in turn. [count]
    claims : tuple of (float, pandas.DataFrame)
        Per safety-zone radius [km], the claims (index ``party`` 1..N; the ranked rows, their
        ``rank`` and ``<criterion>_loss`` against the first party).
    sites : lunarbase.sites.SiteResults
        The ranking claimed from, with its criteria layers (for the maps).
    terrain : lunarbase.terrain.TerrainResults
        The terrain stage's results (the basemap of the maps).
    ice_radius_km : float
        Radius within which the PSR area near a site is counted. [km]
    """

    scenario: Scenario
    parties: int
    claims: tuple[tuple[float, pd.DataFrame], ...]
    sites: SiteResults
    terrain: TerrainResults
    ice_radius_km: float

    @property
    def radii_km(self) -> list[float]:
        """The safety-zone radii, in the order given. [km]"""
        return [radius for radius, _ in self.claims]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (``lunarbase contest --json`` and ``contest.json``, less provenance)."""
        return plain(
            {
                "parties": self.parties,
                "safety_zone_km": self.radii_km,
                "ice_radius_km": self.ice_radius_km,
                "sites_offered": len(self.sites.table),
                "sites_min_spacing_km": self.scenario.sites.min_spacing_km,
                "contests": [
                    {"safety_zone_km": r, "claims": table.reset_index().to_dict(orient="records")}
                    for r, table in self.claims
                ],
                "last_party_score_loss": {
                    f"{r:g}": float(t["score_loss"].iloc[-1]) for r, t in self.claims
                },
            }
        )


def contest(
    scenario: Scenario,
    parties: int,
    radii_km: Sequence[float],
    *,
    progress: Progress | None = None,
) -> Contest:
    """Rank the scenario's sites and let ``parties`` claim them in turn at each radius.

    Parameters
    ----------
    scenario : lunarbase.scenario.Scenario
        The scenario; its ``sites.top`` is raised to :data:`SITES_PER_PARTY` per party (at most
        100) when it offers fewer.
    parties : int
        Parties claiming in turn, at least 1. [count]
    radii_km : sequence of float
        Safety-zone radii, each at least 0. [km]
    progress : callable, optional
        ``progress(step, done, total)`` of the chain (:data:`lunarbase.pipeline.Progress`).

    Returns
    -------
    Contest

    Raises
    ------
    QueryError
        Fewer than 1 party, a negative radius, more parties than sites (naming the option).
    """
    from lunarbase.pipeline import Chain
    from lunarbase.scenario import with_overrides
    from lunarbase.sites import ICE_RADIUS_KM, claims

    if parties < 1:
        raise QueryError(f"--parties: at least 1 party must claim (got {parties})")
    offered = min(100, max(scenario.sites.top, SITES_PER_PARTY * parties))
    chain = Chain(with_overrides(scenario, {"sites.top": offered}), progress=progress)
    results = chain.run(until="sites")
    sites, terrain = results.sites, results.terrain
    assert sites is not None and terrain is not None
    return Contest(
        scenario=chain.scenario,
        parties=parties,
        claims=tuple((r, claims(sites.table, parties, r)) for r in radii_km),
        sites=sites,
        terrain=terrain,
        ice_radius_km=ICE_RADIUS_KM,
    )


def zone_map_files(study: Contest) -> MapFiles:
    """The contest as map files (:func:`lunarbase.mapfiles.write`): on the ranking's search
    grid (south polar stereographic, [m]), the site score and, per radius, the party whose
    safety zone covers each pixel (0: none; where two zones overlap, the earlier party's).

    Returns
    -------
    lunarbase.mapfiles.MapFiles
        ``contest_zones.nc``, one GeoTIFF per layer, no PNG (the command draws the claims on
        the basemap itself).
    """
    from lunarbase.fileio import with_grid_mapping
    from lunarbase.geometry import POLAR_STEREO_PROJ4, moon_crs

    grid = study.sites.layers
    x, y = np.meshgrid(np.asarray(grid.x, float), np.asarray(grid.y, float))
    layers = {"score": Layer("score", "Site score of the ranking (0-1)", "1", "viridis")}
    rasters = {"score": grid["score"]}
    for radius_km, claimed in study.claims:
        party = np.zeros(x.shape, np.int16)
        for k, row in reversed(list(claimed.iterrows())):
            inside = np.hypot(x - row["x_m"], y - row["y_m"]) <= radius_km * 1000.0
            party[inside] = int(k)
        name = f"zone_party_{radius_km:g}km"
        title = f"Party whose {radius_km:g} km safety zone covers the pixel (0: none)"
        layers[name] = Layer(name, title, "1", "tab10")
        rasters[name] = grid["score"].copy(data=party).rename(name).assign_attrs(units="1")
    crs = moon_crs(POLAR_STEREO_PROJ4)
    netcdf = grid[[]].assign({name: raster for name, raster in rasters.items()})
    for name, layer in layers.items():
        netcdf[name].attrs["long_name"] = layer.title
    return MapFiles(
        stem="contest_zones",
        netcdf=with_grid_mapping(netcdf, crs),
        layers=layers,
        rasters=rasters,
        crs=crs,
    )
