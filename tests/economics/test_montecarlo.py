"""Discounted cash flow and seeded Monte Carlo of the NPV, checked against hand sums."""

from __future__ import annotations

import numpy as np
import pytest

from lunarbase.economics import montecarlo as mc
from lunarbase.scenario import Economics

CFG = Economics()
FLEET = mc.Fleet(
    n_miners=2, miner_mass_kg=10_000.0, reactor_power_kwe=100.0, reactor_mass_kg=15_000.0
)
SHIPPED = np.array([10.0, 20.0, 30.0])  # kg in operating years 1..3


def _row(**values: float) -> list[float]:
    """One input row in UNCERTAIN_INPUTS order, nominal unless given."""
    nominal = {**mc.nominal_inputs(CFG), **values}
    return [nominal[name] for name in mc.UNCERTAIN_INPUTS]


def _hand_capex(row: list[float]) -> float:
    """Miners (build + landed mass x launch) + plant (kWe x cost + mass x launch) by hand."""
    x = dict(zip(mc.UNCERTAIN_INPUTS, row, strict=True))
    launch = x["launch_cost_usd_per_kg"]
    miners = FLEET.n_miners * (x["miner_unit_cost_usd"] + FLEET.miner_mass_kg * launch)
    plant = FLEET.reactor_power_kwe * x["reactor_cost_usd_per_kwe"] + FLEET.reactor_mass_kg * launch
    return miners + plant


def test_nominal_inputs_are_the_scenario_values_and_unit_output_scale() -> None:
    """Nominals are the scenario's economics values, with He-3 output scale 1."""
    nominal = mc.nominal_inputs(CFG)
    assert list(nominal) == list(mc.UNCERTAIN_INPUTS)
    assert nominal["he3_price_usd_per_kg"] == CFG.he3_price_usd_per_kg
    assert nominal["launch_cost_usd_per_kg"] == CFG.launch_cost_usd_per_kg
    assert nominal["miner_unit_cost_usd"] == CFG.miner_unit_cost_usd
    assert nominal["reactor_cost_usd_per_kwe"] == CFG.reactor_cost_usd_per_kwe
    assert nominal["annual_opex_fraction"] == CFG.annual_opex_fraction
    assert nominal["he3_output_scale"] == 1.0


def test_problem_bounds_are_nominal_times_one_plus_minus_u() -> None:
    """Each bound is nominal * (1 -+ uncertainty_fraction), all uniform, SALib-shaped."""
    cfg = Economics(uncertainty_fraction=0.25, he3_price_usd_per_kg=4.0e7)
    prob = mc.problem(cfg)
    assert prob["num_vars"] == 6
    assert prob["names"] == list(mc.UNCERTAIN_INPUTS)
    assert prob["dists"] == ["unif"] * 6
    bounds = dict(zip(prob["names"], prob["bounds"], strict=True))
    assert bounds["he3_price_usd_per_kg"] == pytest.approx([3.0e7, 5.0e7])
    assert bounds["launch_cost_usd_per_kg"] == pytest.approx([0.75e6, 1.25e6])
    assert bounds["annual_opex_fraction"] == pytest.approx([0.0375, 0.0625])
    assert bounds["he3_output_scale"] == pytest.approx([0.75, 1.25])
    for name, (lo, hi) in bounds.items():
        assert lo == pytest.approx(mc.nominal_inputs(cfg)[name] * 0.75)
        assert hi == pytest.approx(mc.nominal_inputs(cfg)[name] * 1.25)


def test_sample_stays_within_bounds_and_fills_them() -> None:
    """Draws have shape (n, 6), lie within the bounds and spread across most of each band."""
    prob = mc.problem(CFG)
    draws = mc.sample(prob, 4000, seed=1)
    assert draws.shape == (4000, 6)
    bounds = np.asarray(prob["bounds"])
    assert np.all(draws >= bounds[:, 0]) and np.all(draws <= bounds[:, 1])
    span = bounds[:, 1] - bounds[:, 0]
    assert np.all(draws.min(axis=0) < bounds[:, 0] + 0.01 * span)
    assert np.all(draws.max(axis=0) > bounds[:, 1] - 0.01 * span)
    mean = draws.mean(axis=0)
    assert mean == pytest.approx(bounds.mean(axis=1), rel=0.02)


def test_sample_same_seed_same_draws_other_seed_other_draws() -> None:
    """The same seed reproduces the draws bit for bit; another seed changes them."""
    prob = mc.problem(CFG)
    a = mc.sample(prob, 50, seed=7)
    b = mc.sample(prob, 50, seed=7)
    c = mc.sample(prob, 50, seed=8)
    np.testing.assert_array_equal(a, b)
    assert not np.any(a == c)


def test_sample_accepts_a_seed_sequence() -> None:
    """A spawned SeedSequence is a seed: reproducible, and distinct from its sibling."""
    prob = mc.problem(CFG)
    first, second = np.random.SeedSequence(123).spawn(2)
    a = mc.sample(prob, 20, seed=first)
    again = mc.sample(prob, 20, seed=np.random.SeedSequence(123).spawn(2)[0])
    other = mc.sample(prob, 20, seed=second)
    np.testing.assert_array_equal(a, again)
    assert not np.array_equal(a, other)
    bounds = np.asarray(prob["bounds"])
    assert np.all(a >= bounds[:, 0]) and np.all(a <= bounds[:, 1])


def test_discount_factors_ten_percent_three_years() -> None:
    """At r = 0.1 the factors for t = 0..3 are 1, 1/1.1, 1/1.21, 1/1.331."""
    factors = mc.discount_factors(0.1, 3)
    np.testing.assert_allclose(factors, [1.0, 1 / 1.1, 1 / 1.21, 1 / 1.331], rtol=1e-12)
    np.testing.assert_array_equal(mc.discount_factors(0.0, 2), [1.0, 1.0, 1.0])


def test_cash_flow_matrix_columns_by_hand() -> None:
    """Capex in year 0 only, opex = capex * fraction from year 1, revenue = shipped * price."""
    rows = np.array(
        [
            _row(),
            _row(
                he3_price_usd_per_kg=1.0e7,
                launch_cost_usd_per_kg=2.0e6,
                miner_unit_cost_usd=1.0e8,
                reactor_cost_usd_per_kwe=1.0e6,
                annual_opex_fraction=0.1,
                he3_output_scale=2.0,
            ),
        ]
    )
    flows = mc.cash_flow_matrix(rows, CFG, FLEET, SHIPPED)
    assert set(flows) == {
        "capex_usd",
        "opex_usd",
        "return_shipping_usd",
        "revenue_usd",
        "shipped_he3_kg",
        "net_usd",
    }
    for value in flows.values():
        assert value.shape == (2, 4)
    for i, row in enumerate(rows.tolist()):
        x = dict(zip(mc.UNCERTAIN_INPUTS, row, strict=True))
        capex = _hand_capex(row)
        shipped = np.r_[0.0, x["he3_output_scale"] * SHIPPED]
        np.testing.assert_allclose(flows["capex_usd"][i], [capex, 0.0, 0.0, 0.0])
        np.testing.assert_allclose(
            flows["opex_usd"][i], np.r_[0.0, np.full(3, capex * x["annual_opex_fraction"])]
        )
        np.testing.assert_allclose(flows["shipped_he3_kg"][i], shipped)
        np.testing.assert_allclose(flows["revenue_usd"][i], shipped * x["he3_price_usd_per_kg"])
        np.testing.assert_allclose(
            flows["return_shipping_usd"][i], shipped * CFG.return_cost_usd_per_kg
        )
    # Second row in plain numbers: capex = 2*(1e8 + 1e4*2e6) + 100*(1e6 + 150*2e6).
    capex2 = 2 * (1.0e8 + 1.0e4 * 2.0e6) + 100.0 * (1.0e6 + 150.0 * 2.0e6)
    assert flows["capex_usd"][1, 0] == pytest.approx(capex2)
    np.testing.assert_allclose(flows["shipped_he3_kg"][1], [0.0, 20.0, 40.0, 60.0])
    np.testing.assert_allclose(flows["revenue_usd"][1], [0.0, 2.0e8, 4.0e8, 6.0e8])
    np.testing.assert_allclose(
        flows["net_usd"][1],
        [
            -capex2,
            2.0e8 - 0.1 * capex2 - 20.0 * 1.0e5,
            4.0e8 - 0.1 * capex2 - 40.0 * 1.0e5,
            6.0e8 - 0.1 * capex2 - 60.0 * 1.0e5,
        ],
    )


def test_cash_flow_net_is_revenue_less_all_costs() -> None:
    """net = revenue - capex - opex - return shipping, element by element, for random rows."""
    draws = mc.sample(mc.problem(CFG), 25, seed=3)
    f = mc.cash_flow_matrix(draws, CFG, FLEET, SHIPPED)
    np.testing.assert_allclose(
        f["net_usd"],
        f["revenue_usd"] - f["capex_usd"] - f["opex_usd"] - f["return_shipping_usd"],
    )
    assert np.all(f["capex_usd"][:, 1:] == 0.0) and np.all(f["capex_usd"][:, 0] > 0.0)
    assert np.all(f["opex_usd"][:, 0] == 0.0) and np.all(f["revenue_usd"][:, 0] == 0.0)


def test_npv_is_net_flows_dotted_with_discount_factors() -> None:
    """npv_usd equals flows['net_usd'] @ discount factors at the scenario's rate."""
    cfg = Economics(discount_rate=0.1)
    draws = mc.sample(mc.problem(cfg), 30, seed=11)
    npv = mc.npv_usd(draws, cfg, FLEET, SHIPPED)
    flows = mc.cash_flow_matrix(draws, cfg, FLEET, SHIPPED)
    assert npv.shape == (30,)
    np.testing.assert_allclose(npv, flows["net_usd"] @ mc.discount_factors(0.1, 3))
    net = flows["net_usd"][0]
    by_hand = net[0] + net[1] / 1.1 + net[2] / 1.21 + net[3] / 1.331
    assert npv[0] == pytest.approx(by_hand, rel=1e-12)


def test_npv_rises_with_price_and_falls_with_discount_rate() -> None:
    """A higher He-3 price raises NPV by the discounted extra revenue; a higher rate lowers it."""
    low, high = np.array([_row(he3_price_usd_per_kg=1e7), _row(he3_price_usd_per_kg=2e7)])
    cfg = Economics(discount_rate=0.1)
    npv = mc.npv_usd(np.array([low, high]), cfg, FLEET, SHIPPED)
    extra = 1e7 * (10.0 / 1.1 + 20.0 / 1.21 + 30.0 / 1.331)
    assert npv[1] - npv[0] == pytest.approx(extra, rel=1e-9)
    rich = np.array([_row(he3_price_usd_per_kg=1e10)])
    assert (
        mc.npv_usd(rich, Economics(discount_rate=0.2), FLEET, SHIPPED)[0]
        < (mc.npv_usd(rich, Economics(discount_rate=0.05), FLEET, SHIPPED)[0])
    )


def test_npv_band_on_a_hand_made_array() -> None:
    """Percentiles of 0..100 are 5, 50, 95; P(NPV > 0) counts strictly positive draws."""
    npv = np.arange(101, dtype=float)  # 0 is not positive
    band = mc.npv_band(npv)
    assert band == pytest.approx(
        {
            "npv_p05_usd": 5.0,
            "npv_p50_usd": 50.0,
            "npv_p95_usd": 95.0,
            "prob_npv_positive": 100 / 101,
        }
    )
    mixed = mc.npv_band(np.array([-3.0, -1.0, 0.0, 2.0, 4.0]))
    assert mixed["prob_npv_positive"] == pytest.approx(0.4)
    assert mixed["npv_p50_usd"] == 0.0
    assert mixed["npv_p05_usd"] == pytest.approx(-3.0 + 0.2 * 2.0)  # linear interpolation
    assert mixed["npv_p95_usd"] == pytest.approx(2.0 + 0.8 * 2.0)
    assert all(isinstance(v, float) for v in mixed.values())


def test_fleet_is_frozen() -> None:
    """Fleet is an immutable record of the hardware priced."""
    with pytest.raises(AttributeError):
        FLEET.n_miners = 3  # type: ignore[misc]
    assert mc.Fleet(2, 10_000.0, 100.0, 15_000.0) == FLEET
