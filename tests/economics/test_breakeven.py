"""Break-even answers on a base by hand (where the NPV crosses zero, and the frontier) and the
Monte Carlo's landing failures."""

from __future__ import annotations

import itertools
from typing import cast

import numpy as np
import pandas as pd
import pytest

from lunarbase.economics import (
    break_even_of,
    breakeven,
    delivery,
    frontier_of,
    montecarlo,
    resolve_input,
    setting_name,
)
from lunarbase.economics.montecarlo import Model
from lunarbase.errors import QueryError
from lunarbase.operations import OperationsResults
from lunarbase.scenario import Economics
from tests.economics.test_stage import FIXED, _shipping

WIDE_DEVELOPMENT = {
    "development_cost_usd": {"dist": "loguniform", "low": 0.1, "high": 100.0, "source": "test"}
}
"""A development cost from 0.1 to 100 times the scenario's $1B."""


def test_development_cost_break_even_is_the_npv_without_it() -> None:
    """NPV is linear in the development cost (paid in year 0, undiscounted): it is zero where
    the development cost equals the NPV without it. With a large He-3 price the base pays."""
    rich = Economics.model_validate(
        {**FIXED.model_dump(), "he3_price_usd_per_l": 1e6, "uncertain": WIDE_DEVELOPMENT}
    )
    ops = _shipping([1.0, 1.0, 1.0])
    without = Model(rich.model_copy(update={"development_cost_usd": 0.0}), ops)
    npv0 = float(without.npv_usd({"discount_rate": np.ones(1)})[0])
    [found] = break_even_of(rich, ops, ("development_cost_usd",))
    assert found["value"] == pytest.approx(npv0, rel=1e-6)
    assert found["multiplier"] == pytest.approx(npv0 / 1e9, rel=1e-6)
    assert found["npv_nominal_usd"] == pytest.approx(npv0 - 1e9, rel=1e-6)


def test_none_in_range_says_so_with_the_npv_at_both_ends() -> None:
    ops = _shipping([1.0, 1.0])
    [found] = break_even_of(FIXED, ops, ("he3_price_usd_per_l",))  # default range x0.04-1.08
    assert found["value"] == "none in range"
    assert found["npv_at_low_usd"] < found["npv_at_high_usd"] < 0.0
    sentence = breakeven.sentence([found])
    assert sentence.startswith("No single input (he3_price_usd_per_l)")
    # how far: past the range, the He-3 price at which it would pay (NPV linear in it there)
    beyond = found["outside_range"]
    assert beyond is None or beyond > found["high"]
    if beyond is not None:
        assert "outside it" in sentence


def test_frontier_crosses_where_the_single_break_even_does() -> None:
    """With the He-3 price high enough, the zero-NPV development cost at each launch price lies
    on the frontier; the frontier falls as launch gets dearer."""
    rich = Economics.model_validate(
        {**FIXED.model_dump(), "he3_price_usd_per_l": 1e6, "uncertain": WIDE_DEVELOPMENT}
    )
    ops = _shipping([1.0, 1.0, 1.0])
    front = frontier_of(rich, ops, ("launch_cost_usd_per_kg", "development_cost_usd"), n=20)
    ys = [y for y in front["frontier"] if y is not None]
    assert len(ys) >= 2 and all(a >= b for a, b in itertools.pairwise(ys))
    assert np.shape(front["npv_usd"]) == (20, 20)


def test_unknown_input_is_a_query_error_naming_the_choices() -> None:
    assert resolve_input("he3_price", FIXED) == "he3_price_usd_per_l"
    with pytest.raises(QueryError, match="he3_price"):
        resolve_input("price_of_tea", FIXED)
    # the plant's power is a design unless the scenario draws it: no range to search
    with pytest.raises(QueryError, match=r"no range.*economics\.uncertain\.reactor_power_scale"):
        resolve_input("reactor_power_scale", FIXED)


@pytest.mark.parametrize(
    ("name", "setting"),
    [
        ("he3_price_usd_per_l", "economics.he3_price_usd_per_l"),
        ("he3_grade_scale", "economics.uncertain.he3_grade_scale"),
        ("fleet_scale", "fleet_scale"),
    ],
)
def test_inputs_are_named_as_a_user_sets_them_and_read_back(name: str, setting: str) -> None:
    """One name per quantity (issue 23): the verdict, tornado and break-even name a field of
    ``[economics]`` as ``--set`` takes it, a multiplier by its distribution's table; either
    spelling goes back to the input."""
    assert setting_name(name) == setting
    assert resolve_input(setting, FIXED) == name
    found = {"input": name, "value": "none in range", "outside_range": None}
    text = breakeven.sentence([{**found, "npv_nominal_usd": -1.0}], label=setting_name)
    assert text == f"No single input ({setting}) makes it pay within its plausible range."


class _WithLandings:
    """Operations results with a landings table and a landing risk (stub of the operations
    stage's, issue 21.3): every other attribute is the wrapped run's."""

    def __init__(self, ops: object, table: pd.DataFrame, probability: float) -> None:
        self._ops, self.landings, self.landing_failure_probability = ops, table, probability
        self.miners_landed = int(table.loc[~table["failed"], "miners"].sum())

    def __getattr__(self, name: str) -> object:
        return getattr(self._ops, name)


def _two_landings(failed: list[bool]) -> pd.DataFrame:
    """A landings table: a miner and a 50 kWe unit (1 t, its plant 0.5 t) on day 0, the same
    (2 t, its plant 1.5 t) on day 1, on Starship."""
    return pd.DataFrame(
        {
            "day": [0.0, 1.0],
            "lander": ["starship_hls"] * 2,
            "miners": [1, 1],
            "reactor_kwe": [50.0, 50.0],
            "array_kw": [0.0, 0.0],
            "battery_kwh": [0.0, 0.0],
            "spares_kg": [0.0, 0.0],
            "payload_kg": [1000.0, 2000.0],
            "reactor_mass_kg": [500.0, 1500.0],
            "failed": failed,
            "planned_day": [0.0, 1.0],
        }
    )


def test_landing_failures_lose_output_in_the_monte_carlo_not_the_bill() -> None:
    """Two landings of one miner each, p = 0.5: a quarter of the draws lose both miners (no
    He-3), half lose one; the delivery bill is the same in every draw. With p = 0 nothing is
    drawn."""
    base = _shipping([1.0, 1.0])
    table = _two_landings(failed=[False, False])
    risky = cast(OperationsResults, _WithLandings(base, table, 0.5))
    x = montecarlo.arrivals(risky, np.random.default_rng(1), 4000)
    assert set(x) == {"miners_arrived", "plant_arrived_scale"}
    counts = np.bincount(x["miners_arrived"].astype(int), minlength=3) / 4000
    assert counts == pytest.approx([0.25, 0.5, 0.25], abs=0.03)
    flows = Model(FIXED, risky).cash_flows(x)
    lost = x["miners_arrived"] == 0
    assert (flows["he3_shipped_kg"][lost, 1:] == 0.0).all()
    assert np.ptp(flows["launch_usd"], axis=0).max() == 0.0
    safe = cast(OperationsResults, _WithLandings(base, table, 0.0))
    assert montecarlo.arrivals(safe, np.random.default_rng(1), 10) == {}


def test_a_failed_landings_hardware_is_built_delivered_and_not_maintained() -> None:
    """The second landing (a miner and a 1.5 t plant unit) fails: both miners and both units
    are built (the second miner at Wright's second-unit cost) and both flights paid; O&M is on
    what landed; ``lost_usd`` is the failed landing's build and delivery, by hand. Nothing is
    flown to replace it."""
    base = _shipping([1.0, 1.0])
    table = _two_landings(failed=[False, True])
    model = Model(FIXED, cast(OperationsResults, _WithLandings(base, table, 0.5)))
    flows = model.cash_flows({})
    second = FIXED.learning_progress_ratio  # the second unit costs p x the first (Wright)
    assert flows["miner_build_usd"][0, 1] == pytest.approx(1e8 * (1.0 + second))
    assert flows["reactor_build_usd"][0, 1] == pytest.approx(2000.0 * 1e4)
    launch_second = delivery.learning_factor(2, 1, FIXED.launch_progress_ratio)
    assert flows["launch_usd"][0, 1] == pytest.approx(1e5 * (1000.0 + 2000.0 * launch_second))
    on_the_moon = 1e8 * (1.0 + second) / 2.0 + 500.0 * 1e4  # half the miners' cost, unit 1
    assert flows["om_usd"][0, 1] == pytest.approx(0.1 * on_the_moon)
    lost = model.lost_usd()
    assert lost["lost_hardware_usd"] == pytest.approx(1e8 * (1.0 + second) / 2.0 + 1.5e7)
    assert lost["lost_delivery_usd"] == pytest.approx(2000.0 * 1e5 * launch_second)
    all_landed = _WithLandings(base, _two_landings(failed=[False, False]), 0.5)
    landed = Model(FIXED, cast(OperationsResults, all_landed))
    assert landed.lost_usd() == {"lost_hardware_usd": 0.0, "lost_delivery_usd": 0.0}
    assert landed.cash_flows({})["miner_build_usd"][0, 1] == flows["miner_build_usd"][0, 1]
    safe = cast(OperationsResults, _WithLandings(base, table, 0.0))
    assert montecarlo.arrivals(safe, np.random.default_rng(1), 10) == {}


def test_fleet_size_is_a_break_even_input_that_scales_miners_and_their_cost() -> None:
    """fleet_scale 2: twice the miners' build cost and mass landed, He-3 output not lower."""
    model = Model(FIXED, _shipping([1.0, 1.0]))
    one, two = (model.cash_flows({"fleet_scale": np.array([s])}) for s in (1.0, 2.0))
    assert two["miner_build_usd"][0, 1] == pytest.approx(2.0 * one["miner_build_usd"][0, 1])
    assert two["launch_usd"][0, 1] > one["launch_usd"][0, 1]
    assert (two["he3_shipped_kg"] >= one["he3_shipped_kg"]).all()
    assert resolve_input("fleet_size", FIXED) == "fleet_scale"
    [found] = break_even_of(FIXED, _shipping([1.0, 1.0]), ("fleet_scale",))
    assert found["low"] == 0.2 and found["high"] == 5.0
