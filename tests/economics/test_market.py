"""The He-3 demand curve, rare-earth value and the scenario's distributions."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
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


def _area(y0: float, y1: float, width: float, t: float) -> float:
    """Area under y0 (y1 / y0) ** (s / width) from s = 0 to t (the log-linear segment)."""
    rate = np.log(y1 / y0) / width
    return float(y0 * np.expm1(rate * t) / rate)


def test_buyers_pay_their_own_prices_along_the_curve_by_hand() -> None:
    """Tiers: 1 kg/yr at $20, 2 kg/yr at $10, one of no volume at $50 (no block). Points
    (0, 20), (1, 10), (3, 10): the first kg falls log-linearly from 20 to 10, the last block is
    flat at 10. 0.5 kg earns the first half kg; 3 kg earns 10 / ln 2 + 20; 5 kg sells 3 and
    stocks 2, sold the next year."""
    volumes, prices = np.array([[2.0, 1.0, 0.0]]), np.array([[10.0, 20.0, 50.0]])
    sold, revenue = market.sell_he3(np.array([[0.5, 5.0, 0.0]]), volumes, prices)
    assert_allclose(sold, [[0.5, 3.0, 2.0]])
    first = 10.0 / np.log(2.0)
    assert_allclose(revenue, [[_area(20.0, 10.0, 1.0, 0.5), first + 20.0, first + 10.0]])
    assert _area(20.0, 10.0, 1.0, 1.0) == pytest.approx(first)
    with pytest.raises(ValueError, match="no volume"):
        market.sell_he3(np.ones((1, 1)), np.zeros((1, 2)), np.ones((1, 2)))


def test_a_buyer_never_pays_more_than_its_cited_price() -> None:
    """Fusion utilities (1,000 kg at a $1M/kg fuel value) after 2 kg of cryogenic buyers at
    $18.6M/kg: the utilities pay from $1M/kg down to the last tier's $0.74M/kg, never more."""
    volumes = np.array([[2.0, 1000.0, 20.0]])
    prices = np.array([[18.6e6, 1.0e6, 0.74e6]])
    _, revenue = market.sell_he3(np.array([[1002.0]]), volumes, prices)
    top = 2.0 * 18.6e6 + 1000.0 * 1.0e6
    assert 2.0 * 18.6e6 + 1000.0 * 0.74e6 < revenue[0, 0] < top


def test_terrestrial_supply_takes_the_top_and_demand_grows() -> None:
    """1 kg of terrestrial He-3 takes the first kg (50 -> 20); lunar He-3 sells the next, on
    the flat last block at 20. Growth of 100 %/yr doubles the volumes in year 2."""
    volumes, prices = np.array([[1.0, 2.0]]), np.array([[50.0, 20.0]])
    sold, revenue = market.sell_he3(
        np.array([[1.0, 4.0]]), volumes, prices, terrestrial_kg_per_year=1.0
    )
    assert revenue[0, 0] == pytest.approx(20.0)
    assert sold[0, 0] == 1.0 and sold[0, 1] == 2.0  # 3 kg of curve, 1 terrestrial: 2 left
    grown, _ = market.sell_he3(np.array([[3.0, 6.0]]), volumes, prices, growth_per_year=1.0)
    assert_allclose(grown, [[3.0, 6.0]])


@settings(max_examples=60, deadline=None)
@example(  # a subnormal tier volume made the straight segment's slope overflow (inf x 0 = NaN)
    supply=[0.0], extra=0.0, year=0, volumes=[5e-324], prices=[1.0, 0.0, 0.0, 0.0], earth=0.0
)
@given(
    supply=st.lists(st.floats(0.0, 50.0), min_size=1, max_size=6),
    extra=st.floats(0.0, 10.0),
    year=st.integers(0, 5),
    volumes=st.lists(st.floats(0.0, 20.0), min_size=1, max_size=4),
    prices=st.lists(st.floats(0.0, 1e7), min_size=4, max_size=4),
    earth=st.floats(0.0, 10.0),
)
def test_revenue_never_falls_when_supply_rises(
    supply: list[float],
    extra: float,
    year: int,
    volumes: list[float],
    prices: list[float],
    earth: float,
) -> None:
    """More He-3 in any year never lowers any year's revenue (nor the total): an added kg goes
    to the next buyer or into stock."""
    v = np.array([[*volumes, 1.0]])
    p = np.array([[*prices[: len(volumes)], prices[-1]]])
    base = np.array([supply])
    more = base.copy()
    more[0, min(year, base.shape[1] - 1)] += extra
    kw = {"terrestrial_kg_per_year": earth, "growth_per_year": 0.05}
    _, r0 = market.sell_he3(base, v, p, **kw)
    _, r1 = market.sell_he3(more, v, p, **kw)
    assert (r1 >= r0 - 1e-6 * (1.0 + np.abs(r0))).all()


def _default_curve() -> tuple[np.ndarray, np.ndarray, float]:
    """The default buyers (volumes [kg/yr], prices [USD/kg]) and terrestrial supply [kg/yr]."""
    econ, per_l = scenario.Economics(), market.LITRES_PER_KG_STP
    today = econ.he3_price_usd_per_l
    volumes = np.array([[t.volume_l_per_yr / per_l for t in econ.he3_demand]])
    prices = np.array(
        [
            [
                (today if t.price_usd_per_l is None else t.price_usd_per_l) * per_l
                for t in econ.he3_demand
            ]
        ]
    )
    return volumes, prices, econ.he3_terrestrial_supply_l_per_yr / per_l


def test_default_terrestrial_supply_takes_the_top_of_the_default_curve() -> None:
    """The default 9,000 L/yr from US tritium decay (GAO-11-472: 8,000-10,000 L/yr) is sold
    first, at the top of the curve: Bluefors' 10,000 L/yr block is flat at today's $2,500/L (the
    US federal tier after it pays the same), so lunar He-3 sells its first 1,000 L at today's
    price, then down the federal block towards the $100/L tier. Earth's supply lowers lunar
    revenue, and on the cited defaults revenue still never falls when lunar supply rises."""
    volumes, prices, earth = _default_curve()
    today = 2500.0 * market.LITRES_PER_KG_STP
    supply = np.linspace(0.0, 40.0, 161)[:, None]  # kg in one year, 0.25 kg steps
    v, p = np.repeat(volumes, len(supply), 0), np.repeat(prices, len(supply), 0)
    _, revenue = market.sell_he3(supply, v, p, terrestrial_kg_per_year=earth)
    _, alone = market.sell_he3(supply, v, p)
    assert (np.diff(revenue[:, 0]) >= 0.0).all()
    assert (revenue <= alone * (1.0 + 1e-12)).all() and revenue[-1, 0] < alone[-1, 0]
    head = 1000.0 / market.LITRES_PER_KG_STP  # 10,000 - 9,000 L still at today's price
    _, first = market.sell_he3(np.array([[head]]), volumes, prices, terrestrial_kg_per_year=earth)
    assert first[0, 0] == pytest.approx(head * today)
    _, past = market.sell_he3(
        np.array([[head + 0.1]]), volumes, prices, terrestrial_kg_per_year=earth
    )
    assert past[0, 0] - first[0, 0] < 0.1 * today  # past the top tiers the price falls


def test_reo_value_weights_prices_by_composition() -> None:
    assert market.reo_value_usd_per_kg({"Nd": 0.5, "Ce": 0.5}, {"Nd": 56.0}) == pytest.approx(28)


@pytest.mark.parametrize(
    ("spec", "frozen"),
    [
        ({"dist": "uniform", "low": 0.5, "high": 2.0}, stats.uniform(0.5, 1.5)),
        ({"dist": "loguniform", "low": 0.1, "high": 10.0}, stats.loguniform(0.1, 10.0)),
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


def test_a_nominal_outside_its_own_distribution_is_a_one_line_error() -> None:
    """Distributions are of multipliers on the scenario's value: one that excludes 1 (the old
    absolute $0.1-1.2M/kg, say) cannot hold the scenario's own value."""
    text = (
        '[economics.uncertain.launch_cost_usd_per_kg]\ndist = "loguniform"\nlow = 1e5\n'
        'high = 1.2e6\nsource = "x"\n'
    )
    with pytest.raises(ScenarioError, match=r"outside loguniform \[100000, 1.2e\+06\]") as err:
        scenario.parse(text)
    assert "economics.uncertain.launch_cost_usd_per_kg" in str(err.value)
    assert "\n" not in str(err.value)


def test_scenario_entries_merge_with_the_defaults_and_fixed_holds_one() -> None:
    text = (
        '[economics.uncertain.discount_rate]\ndist = "uniform"\nlow = 0.5\nhigh = 1.5\n'
        'source = "x"\n[economics.uncertain.development_cost_usd]\ndist = "fixed"\n'
        'source = "y"\n'
    )
    econ = scenario.parse(text).economics
    defaults = set(scenario.UNCERTAIN_DEFAULTS)
    assert set(econ.uncertain) == defaults
    assert econ.uncertain["discount_rate"].low == 0.5
    fixed = {name for name, d in scenario.UNCERTAIN_DEFAULTS.items() if d.dist == "fixed"}
    assert set(econ.drawn) == defaults - fixed - {"development_cost_usd"}
    assert scenario.Economics(uncertain={}).drawn == {}  # an empty table draws nothing


def test_every_default_uncertain_input_cites_its_ends() -> None:
    for name, dist in scenario.Economics().uncertain.items():
        assert name in scenario.UNCERTAIN_NAMES
        assert len(dist.source) > 10
