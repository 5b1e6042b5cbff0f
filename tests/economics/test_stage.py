"""Tests of the cash flow, NPV and Monte Carlo of :func:`lunarbase.economics.evaluate`."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from lunarbase.economics import evaluate, fusion, montecarlo
from lunarbase.operations import OperationsResults, simulate
from lunarbase.scenario import Economics, Operations
from tests.operations.helpers import feed, shipping_only

OPS = Operations(years=5)


@pytest.fixture(scope="module")
def ops() -> OperationsResults:
    return simulate(OPS, feed=feed(20.0, 0.44), seed=11)


def _fixed_ops(
    shipped_kg: list[float], n_miners: int = 5, reactor_power_kwe: float = 1000.0
) -> OperationsResults:
    """Operations results with given yearly shipments (other columns irrelevant here)."""
    return shipping_only(
        shipped_kg,
        n_miners=n_miners,
        miner_mass_kg=OPS.miner_mass_kg,
        reactor_power_kwe=reactor_power_kwe,
        reactor_mass_kg=reactor_power_kwe * OPS.reactor_mass_kg_per_kwe,
    )


def test_cash_flow_table_by_hand() -> None:
    econ = Economics(discount_rate=0.1)
    res = evaluate(econ, _fixed_ops([10.0, 20.0], n_miners=2, reactor_power_kwe=500.0), seed=1)
    flows = res.cash_flows
    capex = 2 * (5e8 + 1e4 * 1e6) + 500.0 * (3e6 + 150.0 * 1e6)
    assert res.capex_usd == pytest.approx(capex)
    assert list(flows.index) == [0, 1, 2]
    assert flows.loc[0, "capex_usd"] == pytest.approx(capex)
    assert flows.loc[0, "opex_usd"] == 0.0
    assert flows.loc[2, "opex_usd"] == pytest.approx(0.05 * capex)
    assert flows.loc[2, "revenue_usd"] == pytest.approx(20.0 * 2e7)
    assert flows.loc[2, "return_shipping_usd"] == pytest.approx(20.0 * 1e5)
    value_per_kg = float(fusion.fusion_value_usd_per_kg(0.54, 80.0))
    assert flows.loc[1, "fusion_value_usd"] == pytest.approx(10.0 * value_per_kg)
    net1 = 10.0 * 2e7 - 0.05 * capex - 10.0 * 1e5
    net2 = 20.0 * 2e7 - 0.05 * capex - 20.0 * 1e5
    assert res.npv_usd == pytest.approx(-capex + net1 / 1.1 + net2 / 1.1**2)


def test_discount_rate_zero_gives_plain_sum(ops: OperationsResults) -> None:
    res = evaluate(Economics(discount_rate=0.0), ops, seed=1)
    assert res.npv_usd == pytest.approx(res.cash_flows["net_usd"].sum())
    assert (res.cash_flows["discount_factor"] == 1.0).all()


def test_fusion_npv_swaps_only_the_revenue(ops: OperationsResults) -> None:
    res = evaluate(Economics(discount_rate=0.0), ops, seed=1)
    flows = res.cash_flows
    delta = (flows["fusion_value_usd"] - flows["revenue_usd"]).sum()
    assert res.npv_fusion_usd == pytest.approx(res.npv_usd + delta)


def test_breakeven_price_zeroes_npv(ops: OperationsResults) -> None:
    res = evaluate(Economics(), ops, seed=1)
    at_breakeven = evaluate(
        Economics(he3_price_usd_per_kg=res.breakeven_he3_price_usd_per_kg), ops, seed=1
    )
    assert abs(at_breakeven.npv_usd) < 1e-9 * res.capex_usd


def test_same_seed_same_draws_other_seed_different(ops: OperationsResults) -> None:
    a = evaluate(Economics(), ops, seed=5)
    b = evaluate(Economics(), ops, seed=5)
    c = evaluate(Economics(), ops, seed=6)
    pd.testing.assert_frame_equal(a.draws, b.draws)
    assert a.npv_band == b.npv_band
    assert not a.draws["npv_usd"].equals(c.draws["npv_usd"])


def test_draws_stay_in_bounds_and_problem_is_salib_shaped(ops: OperationsResults) -> None:
    res = evaluate(Economics(montecarlo_draws=500), ops, seed=2)
    prob = res.problem
    assert prob["num_vars"] == len(prob["names"]) == len(prob["bounds"]) == len(prob["dists"])
    assert len(res.draws) == 500
    for name, (lo, hi) in zip(prob["names"], prob["bounds"], strict=True):
        assert lo < hi
        assert res.draws[name].between(lo, hi).all()
    assert prob["bounds"][prob["names"].index("he3_price_usd_per_kg")] == pytest.approx(
        [1.4e7, 2.6e7]
    )


def test_no_uncertainty_collapses_the_band(ops: OperationsResults) -> None:
    res = evaluate(Economics(uncertainty_fraction=0.0), ops, seed=2)
    band = res.npv_band
    for key in ("npv_p05_usd", "npv_p50_usd", "npv_p95_usd"):
        assert band[key] == pytest.approx(res.npv_usd, rel=1e-12)


def test_vectorised_npv_matches_row_by_row(ops: OperationsResults) -> None:
    econ = Economics()
    shipped = ops.annual["he3_shipped_kg"].to_numpy()
    x = montecarlo.sample(montecarlo.problem(econ), 20, seed=3)
    fleet = montecarlo.Fleet(
        n_miners=OPS.n_miners,
        miner_mass_kg=OPS.miner_mass_kg,
        reactor_power_kwe=OPS.reactor_power_kwe,
        reactor_mass_kg=OPS.reactor_power_kwe * OPS.reactor_mass_kg_per_kwe,
    )
    together = montecarlo.npv_usd(x, econ, fleet, shipped)
    one_by_one = [montecarlo.npv_usd(row[None, :], econ, fleet, shipped)[0] for row in x]
    np.testing.assert_allclose(together, one_by_one, rtol=1e-12)


def test_probability_of_profit_both_ways(ops: OperationsResults) -> None:
    assert evaluate(Economics(), ops, seed=1).npv_band["prob_npv_positive"] == 0.0
    cheap = Economics(
        launch_cost_usd_per_kg=1.0,
        miner_unit_cost_usd=1e6,
        reactor_cost_usd_per_kwe=1e3,
        return_cost_usd_per_kg=0.0,
    )
    assert evaluate(cheap, ops, seed=1).npv_band["prob_npv_positive"] == 1.0


def test_nothing_shipped_is_json_safe() -> None:
    res = evaluate(Economics(), _fixed_ops([0.0, 0.0, 0.0]), seed=1)
    assert res.breakeven_he3_price_usd_per_kg == float("inf")
    d = res.to_dict()
    json.dumps(d, allow_nan=False)
    assert d["breakeven_he3_price_usd_per_kg"] is None
    assert d["npv_usd"] == pytest.approx(res.npv_usd)
    assert type(d["montecarlo"]["npv_p50_usd"]) is float
