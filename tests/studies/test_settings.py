"""The what-if settings as a study: a setting fixes its economics inputs (no longer drawn) and
re-fleets the operations; a refused value names the field, or whatever the caller names it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from lunarbase import scenario
from lunarbase.errors import ScenarioError
from lunarbase.studies import ECONOMICS_FIELDS, Settings, with_settings


def test_a_setting_fixes_its_inputs_and_the_fleet() -> None:
    base = scenario.load(None)
    setting = replace(Settings.of(base), he3_price_usd_per_l=5000.0, n_miners=7)
    edited = with_settings(base, setting)
    assert Settings.of(edited) == setting
    assert not set(edited.economics.drawn) & set(ECONOMICS_FIELDS)


def test_a_refused_value_names_the_field_or_the_callers_name() -> None:
    base = scenario.load(None)
    bad = replace(Settings.of(base), discount_rate=-0.1)
    with pytest.raises(ScenarioError, match=r"^economics\.discount_rate: "):
        with_settings(base, bad)
    with pytest.raises(ScenarioError, match=r"^the rate knob: "):
        with_settings(base, bad, names={"economics.discount_rate": "the rate knob"})
