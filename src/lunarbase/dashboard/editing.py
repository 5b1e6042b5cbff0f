"""The dashboard's scenario editing: the sliders (what each sets, its range) and the scenario at
a position of them (:func:`with_settings`: :func:`lunarbase.studies.with_settings`, naming the
sliders in its errors)."""

from __future__ import annotations

from dataclasses import dataclass

from lunarbase.scenario import Scenario
from lunarbase.studies import ECONOMICS_FIELDS, OPERATIONS_FIELDS, Settings
from lunarbase.studies import with_settings as study_settings


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


SLIDER_NAMES = {
    f"{table}.{name}": f"the {SLIDERS[name].label} slider"
    for table, fields in (("economics", ECONOMICS_FIELDS), ("operations", OPERATIONS_FIELDS))
    for name in fields
}
"""How errors name each slider's ``table.field``."""


def with_settings(scenario: Scenario, settings: Settings) -> Scenario:
    """``scenario`` with the sliders at ``settings`` (:func:`lunarbase.studies.with_settings`),
    a refused value named by its slider."""
    return study_settings(scenario, settings, names=SLIDER_NAMES)
