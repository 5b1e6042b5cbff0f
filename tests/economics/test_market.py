"""The He-3 demand curve, rare-earth value and the scenario's distributions."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose
from scipy import stats

from lunarbase import scenario
from lunarbase.economics import distributions, market
from lunarbase.errors import ScenarioError


def test_litres_per_kg_matches_the_bluefors_contract() -> None:
    """10,000 L/yr of He-3 is ~1.35 kg/yr (operations-economics.md section 3, derived)."""
    assert pytest.approx(1.35, abs=0.005) == 10_000.0 / market.LITRES_PER_KG_STP
    # MKT-04: $2,500/L = ~$18.6M/kg
    assert pytest.approx(18.6e6, rel=0.005) == 2500.0 * market.LITRES_PER_KG_STP


def test_market_clears_at_the_marginal_tier_by_hand() -> None:
    """Tiers: 1 kg/yr at $20, 2 kg/yr at $10, and one that buys nothing at $50. Supply 0.5
    sells at 20; 2 sells at 10; 5 sells 3 at 10 (2 unsold); 0 sells nothing at the top price."""
    sold, price = market.clear_he3_market(
        np.array([[0.5, 2.0, 5.0, 0.0]]), np.array([2.0, 1.0, 0.0]), np.array([10.0, 20.0, 50.0])
    )
    assert_allclose(sold, [[0.5, 2.0, 3.0, 0.0]])
    assert_allclose(price, [[20.0, 10.0, 10.0, 20.0]])
    with pytest.raises(ValueError, match="no volume"):
        market.clear_he3_market(np.ones((1, 1)), np.zeros(2), np.ones(2))


def test_reo_value_weights_prices_by_composition() -> None:
    assert market.reo_value_usd_per_kg({"Nd": 0.5, "Ce": 0.5}, {"Nd": 56.0}) == pytest.approx(28)


@pytest.mark.parametrize(
    ("spec", "frozen"),
    [
        ({"dist": "uniform", "low": 2.0, "high": 6.0}, stats.uniform(2.0, 4.0)),
        ({"dist": "loguniform", "low": 1.0, "high": 100.0}, stats.loguniform(1.0, 100.0)),
        ({"dist": "triangular", "low": 0.0, "mode": 1.0, "high": 4.0}, stats.triang(0.25, 0, 4)),
        ({"dist": "normal", "mean": 10.0, "sd": 2.0}, stats.norm(10.0, 2.0)),
        ({"dist": "lognormal", "median": 3.0, "sigma": 0.5}, stats.lognorm(0.5, scale=3.0)),
    ],
)
def test_quantiles_match_scipy(spec: dict[str, object], frozen: object) -> None:
    d = scenario.Distribution(**spec, source="test")
    u = np.array([0.05, 0.5, 0.95])
    assert_allclose(distributions.quantile(d, u), frozen.ppf(u), rtol=1e-12)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('dist = "loguniform"\nlow = 0.0\nhigh = 1.0', "loguniform needs 0 < low < high"),
        ('dist = "normal"\nmean = 1.0\nsd = -1.0', "normal needs sd > 0"),
        ('dist = "uniform"\nlow = 1.0', "uniform takes low, high"),
        ('dist = "triangular"\nlow = 0.0\nmode = 5.0\nhigh = 1.0', "low <= mode <= high"),
    ],
)
def test_bad_distributions_are_one_line_errors(body: str, message: str) -> None:
    text = f'[economics.uncertain.launch_cost_usd_per_kg]\n{body}\nsource = "x"\n'
    with pytest.raises(ScenarioError, match=message) as err:
        scenario.parse(text)
    assert "economics.uncertain.launch_cost_usd_per_kg" in str(err.value)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[economics]\nhe3_demand = []\n", "demand curve has no volume"),
        ("[economics]\nlaunch_cost_usd_per_kg = -5.0\n", "launch_cost_usd_per_kg"),
        ("[economics]\nsensitivity_samples = 100\n", "not a power of two"),
        (
            '[economics.uncertain.price_of_tea]\ndist = "uniform"\nlow = 0.0\nhigh = 1.0\n'
            'source = "x"\n',
            "unknown input 'price_of_tea'",
        ),
    ],
)
def test_bad_economics_are_one_line_errors(text: str, message: str) -> None:
    with pytest.raises(ScenarioError, match=message):
        scenario.parse(text)


def test_every_default_uncertain_input_cites_its_ends() -> None:
    for name, dist in scenario.Economics().uncertain.items():
        assert name in scenario.UNCERTAIN_NAMES
        assert len(dist.source) > 10
