"""The economics stage: cash flows by hand, metrics, the market limit, the Monte Carlo's
seeding and the surrogate against re-run simulations."""

from __future__ import annotations

import json

import numpy as np
import pytest

from lunarbase import scenario
from lunarbase.economics import evaluate, market, montecarlo, npv_sensitivity, surrogate
from lunarbase.operations import OperationsResults, simulate
from lunarbase.scenario import Distribution, Economics
from tests.operations.helpers import feed, ops, shipping_only

FIXED = Economics(
    uncertain={},
    development_cost_usd=1e9,
    launch_cost_usd_per_kg=1e5,
    miner_unit_cost_usd=1e8,
    reactor_cost_usd_per_kg=1e4,
    annual_opex_fraction=0.1,
    return_flight_cost_usd=1e6,
    return_cost_usd_per_kg=1e5,
    he3_price_usd_per_l=1000.0,
    he3_terrestrial_supply_l_per_yr=0.0,  # the lunar kg take the top of the curve, by hand
    discount_rate=0.0,
    montecarlo_draws=10,
)


def _shipping(kg: list[float]) -> OperationsResults:
    return shipping_only(
        kg, n_miners=2, miner_mass_kg=1000.0, reactor_power_kwe=100.0, reactor_mass_kg=2000.0
    )


def test_cash_flows_by_hand() -> None:
    """Two miners (1 t each) and a 2 t plant land in year 1; 1 kg ships in years 1 and 2."""
    res = evaluate(FIXED, _shipping([1.0, 1.0]), seed=1)
    flows = res.cash_flows
    assert flows.loc[0, "development_usd"] == 1e9
    assert flows.loc[1, "miner_build_usd"] == 2e8
    assert flows.loc[1, "reactor_build_usd"] == pytest.approx(2000.0 * 1e4)
    assert flows.loc[1, "launch_usd"] == pytest.approx(4000.0 * 1e5)
    assert flows.loc[2, "launch_usd"] == 0.0
    hardware = 2e8 + 2e7
    assert list(flows["om_usd"]) == pytest.approx([0.0, 0.1 * hardware, 0.1 * hardware])
    assert flows.loc[1, "return_usd"] == pytest.approx(1e6 + 1e5)
    price = 1000.0 * market.LITRES_PER_KG_STP  # 1 kg sells to the first tier, at today's price
    assert flows.loc[1, "he3_price_usd_per_kg"] == pytest.approx(price)
    assert flows.loc[1, "he3_revenue_usd"] == pytest.approx(price)
    costs = flows[list(montecarlo.COST_LINES)].sum(axis=1)
    assert res.metrics["npv_usd"] == pytest.approx(2 * price - costs.sum())
    assert res.metrics["cost_per_kg_he3_usd"] == pytest.approx(costs.sum() / 2.0)
    assert res.metrics["he3_fraction_sold"] == 1.0
    assert res.metrics["payback_year"] is None and res.metrics["irr"] is None


def test_added_supply_is_stocked_not_dumped() -> None:
    """One Wisconsin M-3's ~66 kg/yr against today's ~25 kg/yr of demand (with the 2009
    shortfall at $100/L): each year the curve's volume sells, each buyer at its own price, the
    rest goes to stock; revenue is the area under the curve, never the $100/L tier for every
    kg (the old clearing price dumped it: disagreement with issue 21.4 fixed)."""
    res = evaluate(FIXED, _shipping([66.0, 66.0]), seed=1)
    demand_kg = sum(t.volume_l_per_yr for t in FIXED.he3_demand) / market.LITRES_PER_KG_STP
    assert res.metrics["he3_fraction_sold"] == pytest.approx(demand_kg / 66.0)
    per_l = market.LITRES_PER_KG_STP
    realised = res.metrics["he3_realized_price_usd_per_kg"]
    assert 100.0 * per_l < realised < 1000.0 * per_l
    assert res.strategic.loc[1, "he3_share_of_market"] == pytest.approx(66.0 / demand_kg)
    more = evaluate(FIXED, _shipping([67.0, 67.0]), seed=1)
    assert more.metrics["he3_revenue_usd"] >= res.metrics["he3_revenue_usd"]
    # with fusion plants buying at the fuel value, everything sells
    fusion = evaluate(
        FIXED.model_copy(update={"fusion_demand_gwe": 1.0}), _shipping([66.0]), seed=1
    )
    assert fusion.metrics["he3_fraction_sold"] == 1.0


def test_payback_and_irr_when_it_pays() -> None:
    rich = FIXED.model_copy(update={"he3_price_usd_per_l": 1e6})
    res = evaluate(rich, _shipping([1.0, 1.0, 1.0]), seed=1)
    net = res.cash_flows["net_usd"].to_numpy()
    year = res.metrics["payback_year"]
    assert year is not None and net[: year + 1].sum() >= 0.0 > net[:year].sum()
    rate = res.metrics["irr"]
    assert rate is not None
    assert (net * (1 + rate) ** -np.arange(net.size)).sum() == pytest.approx(0.0, abs=1e-3 * 1e9)


@pytest.fixture(scope="module")
def base() -> OperationsResults:
    return simulate(ops(years=3, n_miners=3, miner_mtbf_h=2000.0), feed=feed(20.0, 0.44), seed=4)


def test_monte_carlo_is_the_same_however_split(base: OperationsResults) -> None:
    """Draws are seeded by fixed-size block: 1,000 draws are the first 1,000 of 3,000; the same
    seed repeats, another differs."""
    cfg = Economics(sensitivity_samples=64)
    few = evaluate(cfg, base, seed=7, samples=1000).npv_draws_usd
    many = evaluate(cfg, base, seed=7, samples=3000).npv_draws_usd
    assert np.array_equal(few, many[:1000])
    other = evaluate(cfg, base, seed=8, samples=1000).npv_draws_usd
    assert not np.array_equal(few, other)


def test_dask_gives_the_same_draws_bit_for_bit(base: OperationsResults) -> None:
    """A real 2-worker LocalCluster runs the same blocks (two blocks of 2**16 draws)."""
    cfg = Economics(sensitivity_samples=64)
    local = evaluate(cfg, base, seed=3, samples=70_000)
    dask = evaluate(cfg, base, seed=3, samples=70_000, workers=2)
    assert np.array_equal(local.npv_draws_usd, dask.npv_draws_usd)


@pytest.mark.parametrize(
    ("update", "x"),
    [
        ({"miner_mtbf_h": 1000.0}, {"miner_mtbf_scale": 0.5}),
        ({"miner_power_kw": 1500.0}, {"miner_power_scale": (1500.0 + 50.0) / (150.0 + 50.0)}),
        ({"reactor_power_kwe": 350.0}, {"reactor_power_scale": 0.1}),
    ],
)
def test_surrogate_follows_the_simulation(update: dict[str, float], x: dict[str, float]) -> None:
    """The surrogate's output ratio against the simulation re-run with the changed input (3 up
    miners on a plant that can power fewer when each draws 1.55 MW, or when the plant gives a
    tenth of its 3.5 MWe: 250 kW for 200 kW miners after the 100 kW base load). Tolerance 10 %: the
    surrogate is a steady state (binomial availability, mean power) of a run with failures,
    repairs and hourly power limits."""
    cfg = ops(
        years=4, n_miners=3, miner_mtbf_h=2000.0, miner_mttr_h=200.0, reactor_power_kwe=3500.0
    )
    grade = feed(20.0, 0.44)
    nominal = simulate(cfg, feed=grade, seed=5)
    changed = simulate(cfg.model_copy(update=update), feed=grade, seed=5)
    ratio = changed.he3_extracted_kg / nominal.he3_extracted_kg
    predicted = surrogate.he3_output_scale({k: np.array([v]) for k, v in x.items()}, nominal)
    assert float(predicted[0]) == pytest.approx(ratio, rel=0.10)
    assert ratio < 0.95  # the change matters, so the check can fail


def test_grade_and_release_scale_output_linearly(base: OperationsResults) -> None:
    x = {"he3_grade_scale": np.array([2.0]), "he3_release_scale": np.array([0.5])}
    assert float(surrogate.he3_output_scale(x, base)[0]) == pytest.approx(1.0)


def test_default_scenario_results_are_json_and_name_the_dominant_input(
    base: OperationsResults,
) -> None:
    res = evaluate(Economics(sensitivity_samples=128), base, seed=2, samples=2000)
    out = json.loads(json.dumps(res.to_dict(), allow_nan=False))
    for key in (
        "irr",
        "payback_year",
        "cost_per_kg_he3_usd",
        "he3_fraction_sold",
        "he3_realized_price_usd_per_kg",
        "ree_breakeven_launch_usd_per_kg",
        "prob_npv_positive",
        "production_mass_ratio",
    ):
        assert key in out
    assert set(out["npv_usd"]) == {
        "nominal",
        "p05",
        "p50",
        "p95",
        "prob_npv_positive",
        "nominal_percentile",
    }
    assert 5.0 <= out["npv_usd"]["nominal_percentile"] <= 95.0
    assert out["npv_usd"]["p05"] <= out["npv_usd"]["nominal"] <= out["npv_usd"]["p95"]
    assert out["he3_revenue_usd"] == pytest.approx(res.cash_flows["he3_revenue_usd"].sum())
    assert 0.0 <= out["he3_fuel_value_usd_per_kg"] < out["he3_electricity_value_usd_per_kg"]
    terms = out["energy_payback"]
    assert terms["whole_system_energy_payback"] < min(
        terms["fuel_chain_energy_ratio"], terms["plant_epr"]
    )
    assert terms["energy_invested_mwh"] == pytest.approx(
        terms["embodied_energy_mwh"] + terms["launch_energy_mwh"] + terms["lunar_operations_mwh"]
    )
    assert set(out["strategic"]) >= {"he3_share_of_market", "fusion_gw_supplied"}
    top = res.sobol["ST"].idxmax()
    assert top == res.tornado.index[0]  # both analyses agree on what dominates


def test_sensitivity_alone_equals_the_stage_and_reo_value_is_by_year(
    base: OperationsResults,
) -> None:
    """npv_sensitivity gives the stage's own Sobol indices for the seed (no Monte Carlo run);
    the strategic view's REO value is each year's oxide at the concentrate's USGS value."""
    cfg = Economics(sensitivity_samples=64)
    res = evaluate(cfg, base, seed=9, samples=10)
    sobol, tornado = npv_sensitivity(cfg, base, seed=9)
    assert sobol.equals(res.sobol) and tornado.equals(res.tornado)
    assert not npv_sensitivity(cfg, base, seed=10)[0].equals(sobol)
    per_kg = market.reo_value_usd_per_kg(base.reo_mass_fractions, cfg.reo_price_usd_per_kg)
    assert per_kg > 0.0
    np.testing.assert_allclose(
        res.strategic["ree_oxide_value_usd"], base.ree_oxide_kg_by_year * per_kg
    )
    assert res.strategic["ree_oxide_kg"].sum() == pytest.approx(base.ree_oxide_kg_by_year.sum())


def test_the_band_moves_with_the_scenarios_own_value(base: OperationsResults) -> None:
    """Issue 21.2: --set economics.development_cost_usd=1e9 moved the nominal by $9B and left
    p05/p50/p95 unchanged. Drawn as a multiplier of the scenario's value, the band moves with
    it: every draw's development cost is 0.1 x the default's, so every NPV rises by 0.9 x its
    drawn cost (same seed, same multipliers), and the nominal stays inside its own band."""
    cfg = Economics(sensitivity_samples=64)
    cheap = cfg.model_copy(update={"development_cost_usd": 1e9})
    a = evaluate(cfg, base, seed=5, samples=500)
    b = evaluate(cheap, base, seed=5, samples=500)
    assert b.npv_band["p50"] - a.npv_band["p50"] > 0.5 * 9e9
    assert (b.npv_draws_usd > a.npv_draws_usd).all()
    for res in (a, b):
        assert res.npv_band["p05"] <= res.metrics["npv_usd"] <= res.npv_band["p95"]


def test_plant_power_scales_its_build_and_delivery_and_enters_sobol() -> None:
    """Half the plant (reactor_power_scale 0.5: half its units): half the 2 t plant's build
    cost, and the 4 t landed in year 1 delivered as 3 t; drawn, it enters Sobol and the
    tornado. ilrs-2035 draws it over 100-500 kWe with Likhachev's figure as its source."""
    model = montecarlo.Model(FIXED, _shipping([1.0, 1.0]))
    flows = model.cash_flows({"reactor_power_scale": np.array([1.0, 0.5])})
    assert flows["reactor_build_usd"][1, 1] == pytest.approx(0.5 * flows["reactor_build_usd"][0, 1])
    assert flows["launch_usd"][1, 1] == pytest.approx(0.75 * flows["launch_usd"][0, 1])
    drawn = Distribution(dist="uniform", low=0.2, high=1.0, source="test")
    cfg = FIXED.model_copy(update={"uncertain": {"reactor_power_scale": drawn}})
    sobol, tornado = npv_sensitivity(cfg, _shipping([1.0, 1.0]), seed=1)
    assert list(sobol.index) == ["reactor_power_scale"]
    assert tornado.loc["reactor_power_scale", "swing"] > 0.0
    ilrs = scenario.load("ilrs-2035")
    plant = ilrs.economics.drawn["reactor_power_scale"]
    assert ilrs.operations.reactor_power_kwe * np.array([plant.low, plant.high]) == pytest.approx(
        [100.0, 500.0]
    )
    assert "Likhachev" in plant.source
    assert "reactor_power_scale" not in scenario.load("artemis-basecamp").economics.drawn
