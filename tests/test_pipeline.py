"""End to end: `lunarbase run` on the bundled scenario, and reproducibility by seed."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from lunarbase import pipeline, scenario
from lunarbase.data import checksums
from lunarbase.economics import typical_price_usd_per_kg
from lunarbase.errors import ScenarioError
from tests.fast import QUICK
from tests.operations.helpers import shipping_only
from tests.report.helpers import FIGURE_KEYS


def test_run_default_scenario_writes_report_and_results(
    default_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    proc, out_dir = default_run
    assert proc.returncode == 0, proc.stderr
    for stage in pipeline.STAGES:
        assert stage in proc.stderr  # progress lines name every stage
    result = json.loads((out_dir / "results.json").read_text())
    prov = result["provenance"]
    assert prov["scenario_sha256"] == scenario.load().sha256()
    assert prov["seed"] == scenario.load().scenario.seed
    assert prov["data_sha256"] == checksums()
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", prov["lunarbase_version"])
    base = result["sites"]["base"]
    assert result["sites"]["choice"] == "best" and base["lat_deg"] < -88.0
    assert 0.0 < base["illumination_fraction"] < 1.0
    assert base["score"] == result["sites"]["candidates"][0]["score"]
    assert len(result["sites"]["candidates"]) == scenario.load().sites.top
    assert result["operations"]["totals"]["he3_shipped_kg_total"] > 0.0
    html = (out_dir / "report.html").read_text()
    assert "<script" in html and "Plotly" in html
    assert not re.search(r"<script[^>]+src=", html)  # self-contained: plotly.js is inlined
    for key in FIGURE_KEYS:
        assert f'id="fig-{key}"' in html


def test_same_seed_gives_byte_identical_json(mirror: Path) -> None:
    sc = scenario.parse(QUICK)
    first = pipeline.run(sc).to_json()
    second = pipeline.run(sc).to_json()
    assert first == second
    other = pipeline.run(sc.with_seed(12)).to_json()
    assert other != first
    assert json.loads(other)["provenance"]["seed"] == 12


def test_progress_reaches_every_stage(mirror: Path) -> None:
    seen: dict[str, tuple[int, int]] = {}
    pipeline.run(scenario.parse(QUICK), progress=lambda s, d, t: seen.__setitem__(s, (d, t)))
    assert set(pipeline.STAGES) <= set(seen)  # and, on a cold cache, horizons, light, refine
    assert all(seen[stage] == (1, 1) for stage in pipeline.STAGES)
    assert all(done == total for done, total in seen.values())


def test_run_until_stops_after_that_stage(mirror: Path) -> None:
    """``run(until="sites")`` fills terrain and sites only; JSON has only those."""
    results = pipeline.Chain(scenario.parse(QUICK)).run(until="sites")
    assert results.terrain is not None and results.sites is not None
    assert results.resources is None and results.operations is None and results.economics is None
    data = results.to_dict()
    assert {"terrain", "sites"} <= set(data) and "resources" not in data


def test_a_stage_replaced_by_a_callable_feeds_the_next(mirror: Path) -> None:
    """A callable in place of operations: economics prices what it returns, nothing else."""
    from lunarbase.operations import OperationsResults

    MINER_KG, PLANT_KG = 3000.0, 14_000.0  # a miner and a 100 kWe unit, as results give them
    seen: list[pipeline.Chain] = []
    sc = scenario.parse(QUICK)

    def fixed_operations(chain: pipeline.Chain) -> OperationsResults:
        seen.append(chain)
        assert chain.results.resources is not None  # the stages before it have run
        return shipping_only(
            [1.0, 2.0, 3.0],
            n_miners=1,
            miner_mass_kg=MINER_KG,
            reactor_power_kwe=100.0,
            reactor_mass_kg=PLANT_KG,
        )

    chain = pipeline.Chain(scenario.parse(QUICK), operations=fixed_operations)
    results = chain.run()
    assert len(seen) == 1 and results.operations is not None
    assert results.economics is not None
    flows = results.economics.cash_flows
    assert list(flows["he3_shipped_kg"]) == [0.0, 1.0, 2.0, 3.0]
    econ = sc.economics
    plant_kg = PLANT_KG
    assert flows.loc[1, "miner_build_usd"] == pytest.approx(econ.miner_unit_cost_usd)
    assert flows.loc[1, "reactor_build_usd"] == pytest.approx(
        plant_kg * econ.reactor_cost_usd_per_kg
    )
    # no landings: one landing in year 1 on the default lander, at its delivered price
    assert flows.loc[1, "launch_usd"] == pytest.approx(
        (MINER_KG + plant_kg) * typical_price_usd_per_kg([])
    )


def test_stage_names_are_checked(mirror: Path) -> None:
    """Unknown replacements and ``until`` names are one-line errors listing the stages."""
    sc = scenario.parse(QUICK)
    with pytest.raises(ScenarioError, match="no stage named mining"):
        pipeline.Chain(sc, mining=lambda chain: None)
    with pytest.raises(ScenarioError, match="until: no stage named 'report'"):
        pipeline.Chain(sc).run(until="report")


def test_a_stage_before_its_inputs_is_an_error(mirror: Path) -> None:
    """Calling a stage method whose input stage has not run names the missing stage."""
    with pytest.raises(ScenarioError, match="the resources stage has not run"):
        pipeline.Chain(scenario.parse(QUICK)).operations()
    with pytest.raises(ScenarioError, match="the sites stage has not run"):
        pipeline.Chain(scenario.parse(QUICK)).resources()


def test_resources_command_draws_the_run_stream(mirror: Path) -> None:
    """The chain's region query and the resources stage share the resources stream, so the
    whole-Moon band of a run equals ``resources inventory`` for the same scenario and seed."""
    from lunarbase.resources import Region

    chain = pipeline.Chain(scenario.parse(QUICK))
    stage = chain.run(until="resources").resources
    query = chain.region_resources(
        Region(name="moon"), depth_m=None, he3_cutoff_ppb=0.0, ree_cutoff_ppm=0.0
    )
    assert stage is not None
    # same draws; one region vs four in the matrix product differs by rounding only
    assert query.he3.he3_tonnes_p50 == pytest.approx(stage.moon.he3_tonnes_p50, rel=1e-12)
    plain_int_seed = resources_region_with_int_seed(chain)
    # the stage stream is a spawned child, not default_rng(11)
    assert plain_int_seed != pytest.approx(stage.moon.he3_tonnes_p50, rel=1e-6)


def resources_region_with_int_seed(chain: pipeline.Chain) -> float:
    from lunarbase.resources import Region, region_resources

    sc = chain.scenario
    inv = region_resources(sc.resources, seed=sc.scenario.seed, region=Region(name="moon"))
    return inv.he3.he3_tonnes_p50


def _heating_fraction(ops: object) -> float:
    """Fraction of the hours with the plant up that some miner was heating fines (its
    processing line drawing power; digging may run ahead into the hopper at night)."""
    hourly = ops.hourly  # type: ignore[attr-defined]
    plant_up = hourly[hourly["fission_kw"] > 0.0]
    return float((plant_up["processing_served_kw"] > 0.0).mean())


def test_design_grade_and_daytime_processing(mirror: Path) -> None:
    """A stated mining grade replaces the map's; concentrator-heated miners work only while
    the Sun is up where they dig (an equatorial site, light against a level horizon, a
    two-month series at 12 h repeated over the three years)."""
    text = QUICK.replace("[resources]\n", "[resources]\nmining_he3_ppb = 20.0\n")
    sc = scenario.parse(text + "[site]\nlat_deg = 0.674\nlon_deg = 23.473\n")
    results = pipeline.Chain(sc).run(until="operations")
    assert results.resources is not None and results.sites is not None
    assert results.sites.choice == "explicit"
    assert results.resources.mining_he3_ppb == 20.0
    assert results.resources.mining_grade_source == "scenario"
    ops = results.operations
    assert ops is not None and ops.heat_source == "solar_concentrator"
    assert ops.light_horizon == "flat" and ops.light_repeated
    lit = results.sites.base.sunlit_any_fraction
    assert lit is not None and 0.4 < lit < 0.6
    assert _heating_fraction(ops) == pytest.approx(lit, abs=0.02)


def test_a_mining_area_away_from_the_base(mirror: Path) -> None:
    """Base at the pole, miners on an equatorial mare: grades and light come from the mining
    area, the base keeps its own terrain (and its arrays its light)."""
    text = QUICK + (
        "[site]\nlat_deg = -89.45\nlon_deg = 222.7\nmining_lat_deg = 8.5\nmining_lon_deg = 31.4\n"
    )
    sc = scenario.parse(text)
    results = pipeline.Chain(sc).run(until="operations")
    sites, res, ops = results.sites, results.resources, results.operations
    assert sites is not None and res is not None and ops is not None
    assert sites.base.horizon == "dem" and sites.mining_area is not None
    assert sites.mining_area.horizon == "flat"
    assert res.mining_lat_deg == 8.5 and res.site_lat_deg == -89.45
    assert res.mining_he3_ppb > 3 * res.site_he3_ppb  # Tranquillitatis vs polar highlands
    lit = sites.mining_area.sunlit_any_fraction
    assert lit is not None
    assert _heating_fraction(ops) == pytest.approx(lit, abs=0.02)
    assert "mining_area" in results.to_dict()["sites"]
    with pytest.raises(ScenarioError, match="give both mining_lat_deg and mining_lon_deg"):
        scenario.parse("[site]\nmining_lat_deg = 8.5\n")


def test_running_a_chain_twice_gives_the_same_numbers(mirror: Path) -> None:
    """Spawning miner streams never changes the chain's own seed: a second run repeats."""
    chain = pipeline.Chain(scenario.parse(QUICK))
    first = chain.run(until="operations").operations
    second = chain.run(until="operations").operations
    assert first is not None and second is not None
    assert first.he3_extracted_kg == second.he3_extracted_kg


def test_soil_with_no_fines_is_a_one_line_error(mirror: Path) -> None:
    """A cut below every grain: the resources stage names fines_cut_um."""
    soil = "fines_cut_um = 0.001\ngrain_median_um = 10000.0\ngrain_sorting_phi = 0.1\n"
    text = QUICK.replace("[resources]\n", "[resources]\n" + soil)
    with pytest.raises(ScenarioError, match=r"resources\.fines_cut_um: no soil is finer"):
        pipeline.Chain(scenario.parse(text)).run(until="resources")
