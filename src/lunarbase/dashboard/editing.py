"""The dashboard's scenario editing: the sliders (what each sets, its range), a position of
them (:class:`Settings`), and the scenario with them applied (:func:`with_settings`; the fleet
and plant landed on the scenario's schedule by
:meth:`lunarbase.scenario.Operations.with_fleet`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lunarbase.scenario import Scenario, with_overrides

ECONOMICS_FIELDS = ("launch_cost_usd_per_kg", "he3_price_usd_per_l", "discount_rate")
"""The sliders' ``[economics]`` fields: fixed at the slider's value, never drawn."""

OPERATIONS_FIELDS = ("n_miners", "reactor_power_kwe")
"""The sliders' ``[operations]`` fields: the fleet and the plant (re-fleeted by
:meth:`lunarbase.scenario.Operations.with_fleet`)."""


@dataclass(frozen=True)
class Slider:
    """One slider of the dashboard: its label (with the unit), range and display format.

    Attributes
    ----------
    label : str
        What it sets, with the unit in brackets.
    start, end, step : float
        Its range and step, in the field's unit (widened to hold the scenario's value).
    format : str
        Numbro format of the value shown beside it.
    """

    label: str
    start: float
    end: float
    step: float
    format: str


SLIDERS = {
    "launch_cost_usd_per_kg": Slider(
        "Launch price to the lunar surface [USD/kg]", 1.0e4, 2.0e6, 1.0e4, "0,0"
    ),
    "he3_price_usd_per_l": Slider("He-3 price today [USD/L]", 0.0, 20_000.0, 100.0, "0,0"),
    "discount_rate": Slider("Discount rate, real [1/yr]", 0.0, 0.20, 0.005, "0.000"),
    "n_miners": Slider("Miners [count]", 0, 20, 1, "0"),
    "reactor_power_kwe": Slider("Fission plant [kWe]", 0.0, 3000.0, 100.0, "0,0"),
}
"""The sliders by the scenario field each sets (:data:`ECONOMICS_FIELDS`,
:data:`OPERATIONS_FIELDS`). The miners' range ends at 20: at the bundled scenario's cadence
(182 days) the 20th still lands inside its ten years."""


@dataclass(frozen=True)
class Settings:
    """A position of the sliders: the assumptions a person moves.

    Attributes
    ----------
    launch_cost_usd_per_kg : float
        Launch price to the lunar surface. [USD/kg]
    he3_price_usd_per_l : float
        Today's He-3 price (gas at STP). [USD/L]
    discount_rate : float
        Real discount rate. [1/yr]
    n_miners : int
        Miners landed. [count]
    reactor_power_kwe : float
        Electric power of the fission plant landed. [kWe]
    """

    launch_cost_usd_per_kg: float
    he3_price_usd_per_l: float
    discount_rate: float
    n_miners: int
    reactor_power_kwe: float

    @classmethod
    def of(cls, scenario: Scenario) -> Settings:
        """The scenario's own values."""
        econ, ops = scenario.economics, scenario.operations
        return cls(
            launch_cost_usd_per_kg=econ.launch_cost_usd_per_kg,
            he3_price_usd_per_l=econ.he3_price_usd_per_l,
            discount_rate=econ.discount_rate,
            n_miners=ops.n_miners,
            reactor_power_kwe=ops.reactor_power_kwe,
        )


def with_settings(scenario: Scenario, settings: Settings) -> Scenario:
    """``scenario`` with the sliders' values: the :data:`ECONOMICS_FIELDS` set and no longer
    uncertain, the fleet and plant landed as :meth:`~lunarbase.scenario.Operations.with_fleet`
    says.

    Raises
    ------
    ScenarioError
        A value the scenario schema refuses (e.g. a negative discount rate), in one line
        naming the slider.
    """
    uncertain = scenario.economics.model_dump(mode="json")["uncertain"]
    overrides: dict[str, Any] = {
        **{f"economics.{name}": getattr(settings, name) for name in ECONOMICS_FIELDS},
        "economics.uncertain": {k: v for k, v in uncertain.items() if k not in ECONOMICS_FIELDS},
        **{f"operations.{name}": getattr(settings, name) for name in OPERATIONS_FIELDS},
    }
    names = {
        f"{table}.{name}": f"the {SLIDERS[name].label} slider"
        for table, fields in (("economics", ECONOMICS_FIELDS), ("operations", OPERATIONS_FIELDS))
        for name in fields
    }
    return with_overrides(scenario, overrides, names=names)
