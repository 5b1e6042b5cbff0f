"""The stage chain: scenario -> terrain -> sites -> resources -> operations -> economics.

In the spirit of pvlib's ``ModelChain``: a :class:`Chain` is built from one scenario and has one
method per stage. Each method reads the scenario's section for its stage and the *results* of
the stages before it, and returns that stage's typed results; :meth:`Chain.run` calls them in
order up to ``until`` and returns a :class:`Results`. Any stage can be replaced by a callable
that takes the chain and returns that stage's results::

    chain = Chain(scenario, operations=lambda chain: my_operations(chain.results.resources))
    results = chain.run(until="economics")

Reading this module top to bottom is the data flow:

1. ``terrain``    light, Earth-view, slope and PSR maps of the site search region, the light
   settings and a basemap (:func:`lunarbase.terrain.assess`);
2. ``sites``      the search region's criteria scored and the best sites ranked, then the base:
   the best site or the scenario's own, with its light series
   (:func:`lunarbase.sites.rank`);
3. ``resources``  He-3/REE grades at the base and in the mining radius, inventories
   (:func:`lunarbase.resources.assess`);
4. ``operations`` the mining base simulated on the mining area's He-3 grade and the base's light
   (:func:`lunarbase.operations.simulate`);
5. ``economics``  costs and NPV of what operations shipped, priced on the fleet and plant
   operations simulated (:func:`lunarbase.economics.evaluate`).

Every stage draws random numbers from its own child of one ``numpy.random.SeedSequence``
(:func:`lunarbase.seeds.stage_seeds`), so no two stages share a stream. The point and map
queries of the command line (:meth:`Chain.point`, :meth:`Chain.light`, ...) go through the same
object, so they read the scenario the same way the stages do.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from lunarbase.errors import QueryError, ScenarioError
from lunarbase.geometry import polar_radius_m
from lunarbase.jsonable import plain
from lunarbase.provenance import provenance
from lunarbase.scenario import Scenario
from lunarbase.seeds import stage_seeds

if TYPE_CHECKING:
    import xarray as xr

    from lunarbase.economics import EconomicsResults
    from lunarbase.mapfiles import MapFiles
    from lunarbase.operations import OperationsResults
    from lunarbase.resources import Region, RegionResources, ResourceResults
    from lunarbase.sites import MiningSites, SiteResults
    from lunarbase.terrain import LightSeries, TerrainResults

Progress = Callable[[str, int, int], None]
"""``progress(step, done, total)``: ``done`` of ``total`` units of a step finished; each stage
reports 0 and 1 of 1 around itself, and the first run's long steps count their units in between
(``horizons``: azimuths, ``light``: pixels, ``refine``: cells)."""

STAGES = ("terrain", "sites", "resources", "operations", "economics")
"""Stage names in run order (the names of :class:`Results`' fields and :class:`Chain`'s
methods). The sites stage picks the base before the resources stage grades it; the random
streams are keyed by name (:data:`lunarbase.seeds.STAGE_STREAMS`), not by this order."""

StageFunction = Callable[["Chain"], Any]
"""A replacement stage: takes the chain (``chain.scenario``, ``chain.results``,
``chain.seeds``) and returns that stage's results."""

BASEMAP_MAX_HALF_WIDTH_KM = 184.0
"""Largest half width of the basemap [km]: the 240 m grid reaches ~184 km from the pole."""


@dataclass(frozen=True)
class RunOptions:
    """How the chain runs its many-draw steps: where, never what (the economics stage's Monte
    Carlo gives the same draws, bit for bit, in this process or on a Dask cluster:
    :mod:`lunarbase.economics.sweep`).

    Attributes
    ----------
    workers : int, optional
        Run the draws on a Dask LocalCluster of this many worker processes.
    scheduler : str, optional
        Run the draws on the Dask scheduler at this address.

    Raises
    ------
    QueryError
        Both given, or fewer than 1 worker (naming the command-line option).
    """

    workers: int | None = None
    scheduler: str | None = None

    def __post_init__(self) -> None:
        if self.workers is not None and self.scheduler is not None:
            raise QueryError("--workers and --scheduler: give one or the other")
        if self.workers is not None and self.workers < 1:
            raise QueryError(f"--workers: must be at least 1 (got {self.workers})")


@dataclass(frozen=True)
class Results:
    """Everything one run produced; a stage not run (``until``) is None.

    Attributes
    ----------
    scenario : lunarbase.scenario.Scenario
        The validated scenario.
    terrain : lunarbase.TerrainResults
        Search-region maps (light [-], longest night [h], Earth view [-], slope [deg], PSRs),
        light settings, basemap.
    resources : lunarbase.ResourceResults
        Grades at the site and in the mining radius [ppb, ppm, wt%], inventories [t], maps.
    sites : lunarbase.SiteResults
        Ranked candidate sites (criteria with units in the column names, score [0-1]), their
        layers, and the base: elevation [m], slope [deg], light statistics and series.
    operations : lunarbase.OperationsResults
        Yearly regolith [t], fines [t], He-3 extracted and shipped [kg], availability [-],
        launches; fleet size [count] and plant power [kWe].
    economics : lunarbase.EconomicsResults
        Cash flows [USD], NPV [USD] and its Monte Carlo band, metrics, Sobol indices.
    """

    scenario: Scenario
    terrain: TerrainResults | None = None
    resources: ResourceResults | None = None
    sites: SiteResults | None = None
    operations: OperationsResults | None = None
    economics: EconomicsResults | None = None

    def provenance(self) -> dict[str, Any]:
        """What this result was made from: scenario hash, seed, data checksums, versions."""
        return provenance(self.scenario)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready nested dict of the stages run (no timestamps: the same scenario and seed
        give the same)."""
        blocks: dict[str, Any] = {
            "provenance": self.provenance(),
            "scenario": self.scenario.model_dump(mode="json"),
        }
        if self.terrain is not None:
            blocks["terrain"] = self.terrain.summary
        if self.resources is not None:
            blocks["resources"] = self.resources.to_dict()
        if self.sites is not None:
            blocks["sites"] = self.sites.to_dict()
        if self.operations is not None:
            blocks["operations"] = self.operations.to_dict()
        if self.economics is not None:
            blocks["economics"] = self.economics.to_dict()
        return plain(blocks)

    def to_json(self) -> str:
        """Canonical JSON text (sorted keys, fixed float repr) of :meth:`to_dict`."""
        return json.dumps(self.to_dict(), sort_keys=True, indent=1, allow_nan=False) + "\n"


class Chain:
    """One scenario's stages, run in order; any stage replaceable by a callable.

    Parameters
    ----------
    scenario : lunarbase.scenario.Scenario
        The validated scenario.
    progress : callable, optional
        ``progress(step, done, total)`` for progress bars (:data:`Progress`).
    options : RunOptions, optional
        Where the many-draw steps run (default: in this process).
    **replacements : callable
        ``stage=function(chain) -> results`` for any of :data:`STAGES`.

    Raises
    ------
    ScenarioError
        A replacement for a stage that does not exist.
    """

    def __init__(
        self,
        scenario: Scenario,
        *,
        progress: Progress | None = None,
        options: RunOptions | None = None,
        **replacements: StageFunction,
    ) -> None:
        unknown = sorted(set(replacements) - set(STAGES))
        if unknown:
            raise ScenarioError(
                f"no stage named {', '.join(unknown)} (stages: {', '.join(STAGES)})"
            )
        self.scenario = scenario
        self.seeds = stage_seeds(scenario.scenario.seed)
        self.results = Results(scenario)
        self._progress = progress
        self.options = options or RunOptions()
        self._replacements: Mapping[str, StageFunction] = dict(replacements)

    # -- the stages, in order ------------------------------------------------------------------

    def terrain(self) -> TerrainResults:
        """Light, Earth-view, slope and PSR maps of the site search region (its radius from
        the ``[sites]`` table), the light settings, and a basemap covering it."""
        from lunarbase import terrain as terrain_stage

        sc = self.scenario
        radius_km = float(polar_radius_m(sc.sites.max_colatitude_deg)) / 1000.0
        return terrain_stage.assess(
            sc.terrain,
            radius_km=radius_km,
            basemap_half_width_km=min(BASEMAP_MAX_HALF_WIDTH_KM, radius_km + 15.0),
            progress=self._progress,
        )

    def sites(self) -> SiteResults:
        """The search region's criteria from the terrain stage's maps and the LP GRS grades
        (of the scenario's He-3 model), the best sites ranked, and the base placed; with the
        best He-3 mining sites on the Moon (:meth:`mining_sites`)."""
        from lunarbase import resources as resources_stage
        from lunarbase import sites as sites_stage

        sc = self.scenario
        return sites_stage.rank(
            sc.sites,
            sc.site,
            self._needs("terrain", self.results.terrain),
            grades=resources_stage.resource_maps(resources_stage.load_grs(), sc.resources),
            progress=self._progress,
            mining=self.mining_sites(),
        )

    def resources(self) -> ResourceResults:
        """Grades at the base the sites stage placed and in its mining radius; inventories
        (resources stream)."""
        from lunarbase import resources as resources_stage

        sc = self.scenario
        base = self._needs("sites", self.results.sites).base
        return resources_stage.assess(
            sc.resources,
            site_lat_deg=base.lat_deg,
            site_lon_deg=base.lon_deg,
            mining_radius_km=sc.site.mining_radius_km,
            mining_lat_deg=sc.site.mining_lat_deg,
            mining_lon_deg=sc.site.mining_lon_deg,
            seed=self.seeds["resources"],
        )

    def operations(self) -> OperationsResults:
        """The base simulated hour by hour on the mining area's fines (their mass fraction and
        enriched He-3 grade from the resources stage's grain model) and the light at the base
        (solar arrays) and where the miners work (solar concentrators) from the sites stage,
        in the operations stream."""
        from lunarbase import operations as operations_stage

        res = self._needs("resources", self.results.resources)
        sites = self._needs("sites", self.results.sites)
        return operations_stage.simulate(
            self.scenario.operations,
            feed=operations_stage.feed_from(res),
            seed=self.seeds["operations"],
            light=operations_stage.light_from(sites.base, sites.mining_area),
        )

    def economics(self) -> EconomicsResults:
        """Costs, NPV and its Monte Carlo band of what operations shipped (economics stream),
        the draws run where :attr:`options` say."""
        from lunarbase import economics as economics_stage

        ops = self._needs("operations", self.results.operations)
        return economics_stage.evaluate(
            self.scenario.economics,
            ops,
            seed=self.seeds["economics"],
            workers=self.options.workers,
            scheduler=self.options.scheduler,
        )

    def run(self, until: str = STAGES[-1]) -> Results:
        """Run the stages in order up to and including ``until``; return all their results.

        Raises
        ------
        ScenarioError
            ``until`` is not a stage name.
        """
        if until not in STAGES:
            raise ScenarioError(f"until: no stage named {until!r} (stages: {', '.join(STAGES)})")
        for name in STAGES[: STAGES.index(until) + 1]:
            self._tick(name, 0)
            replacement = self._replacements.get(name)
            result = replacement(self) if replacement is not None else getattr(self, name)()
            self.results = replace(self.results, **{name: result})
            self._tick(name, 1)
        return self.results

    # -- queries the command line asks, read from the same scenario ----------------------------

    def point(self, lat_deg: float, lon_deg: float) -> dict[str, Any]:
        """Terrain criteria and regolith grades at a point, with the scenario's light and
        resource settings (``lunarbase point``)."""
        from lunarbase import resources as resources_stage
        from lunarbase import terrain as terrain_stage

        settings = terrain_stage.light_settings(self.scenario.terrain)
        out = terrain_stage.point_criteria(lat_deg, lon_deg, settings).to_dict()
        out.update(resources_stage.point_grades(lat_deg, lon_deg, cfg=self.scenario.resources))
        return out

    def mining_sites(self, region: str = "moon", top: int | None = None) -> MiningSites:
        """The best He-3 mining sites of a region on the global grade map (``lunarbase sites
        --objective he3``): ``top`` of them (default ``[sites] top``), a mining area's
        diameter apart (``2 x [site] mining_radius_km``), under ``[sites] max_slope_deg``,
        digging ``[resources] mining_depth_m``; mare where LP FeO reaches
        ``[resources] mare_feo_threshold_wt_pct``."""
        from lunarbase import resources as resources_stage
        from lunarbase import sites as sites_stage
        from lunarbase import terrain as terrain_stage

        sc = self.scenario
        grs = resources_stage.load_grs()
        return sites_stage.he3_mining_sites(
            resources_stage.resource_maps(grs, sc.resources),
            mare=grs["FeO_wt_pct"].values >= sc.resources.mare_feo_threshold_wt_pct,
            settings=terrain_stage.light_settings(sc.terrain),
            region=region,
            top=sc.sites.top if top is None else top,
            spacing_km=2.0 * sc.site.mining_radius_km,
            max_slope_deg=sc.sites.max_slope_deg,
            mining_depth_m=sc.resources.mining_depth_m,
            he3_model=sc.resources.he3_model,
            he4_he3_atom_ratio=sc.resources.he4_he3_atom_ratio,
        )

    def light(self, lat_deg: float, lon_deg: float) -> LightSeries:
        """Sun-disk fraction and Earth-view series at a point (``lunarbase illumination``)."""
        from lunarbase import terrain as terrain_stage

        settings = terrain_stage.light_settings(self.scenario.terrain)
        return terrain_stage.point_light(lat_deg, lon_deg, **settings.as_kwargs())

    def terrain_maps(self, lat_deg: float, lon_deg: float, half_width_km: float) -> xr.Dataset:
        """Light, PSR, slope and elevation maps of a window (``lunarbase terrain maps``)."""
        from lunarbase import terrain as terrain_stage

        settings = terrain_stage.light_settings(self.scenario.terrain)
        return terrain_stage.terrain_maps(
            lat_deg, lon_deg, half_width_km, **settings.map_kwargs(), progress=self._progress
        )

    def region_resources(
        self,
        region: Region,
        *,
        depth_m: float | None,
        he3_cutoff_ppb: float,
        ree_cutoff_ppm: float,
    ) -> RegionResources:
        """He-3 and REE of a region, drawn from the resources stream
        (``lunarbase resources inventory``)."""
        from lunarbase import resources as resources_stage

        return resources_stage.region_resources(
            self.scenario.resources,
            seed=self.seeds["resources"],
            region=region,
            depth_m=depth_m,
            he3_cutoff_ppb=he3_cutoff_ppb,
            ree_cutoff_ppm=ree_cutoff_ppm,
        )

    def resource_map_files(self) -> MapFiles:
        """He-3, Th and REE maps made ready for NetCDF, GeoTIFF and PNG
        (``lunarbase resources maps``; :func:`lunarbase.mapfiles.write` writes them)."""
        from lunarbase import resources as resources_stage

        trace = provenance(self.scenario, ("lpgrs_5deg",))
        return resources_stage.map_files(self.scenario.resources, provenance=trace)

    # -- helpers -------------------------------------------------------------------------------

    def _tick(self, stage: str, done: int) -> None:
        if self._progress is not None:
            self._progress(stage, done, 1)

    @staticmethod
    def _needs(stage: str, result: Any) -> Any:
        if result is None:
            raise ScenarioError(f"the {stage} stage has not run: run(until=...) it first")
        return result


def run(scenario: Scenario, progress: Progress | None = None, until: str = STAGES[-1]) -> Results:
    """Run ``scenario``'s stages up to ``until`` (default: all) and return their results."""
    return Chain(scenario, progress=progress).run(until=until)
