"""Scenario files: a Pydantic v2 schema read from TOML, with cited defaults and clear errors.

A scenario is one TOML file with one table per pipeline stage. Unknown keys are errors (a typo
must never pass silently); every error names the file, the line, the field and the allowed range.
Defaults cite their source in the field description; values marked *assumption* are the
project's own planning choices, not published figures.

The package: :mod:`~lunarbase.scenario.tables` (identity, site, terrain, resources, sites),
:mod:`~lunarbase.scenario.operations_table`, :mod:`~lunarbase.scenario.economics_table` with its
cited default data in :mod:`~lunarbase.scenario.defaults`, the whole
:mod:`~lunarbase.scenario.schema`, and :mod:`~lunarbase.scenario.loading` (files, overrides,
error lines). Import the names from ``lunarbase.scenario``.
"""

from lunarbase.scenario.defaults import (
    DISTRIBUTION_PARAMETERS,
    DISTRIBUTIONS,
    HE3_DEMAND,
    UNCERTAIN_DEFAULTS,
    UNCERTAIN_NAMES,
    DemandTier,
    Distribution,
)
from lunarbase.scenario.economics_table import Economics
from lunarbase.scenario.loading import (
    DEFAULT_SCENARIO,
    bundled_scenarios,
    error_line,
    load,
    parse,
    resolve,
    with_overrides,
)
from lunarbase.scenario.operations_table import Landing, Operations, Ramp
from lunarbase.scenario.schema import Mission, Scenario
from lunarbase.scenario.tables import Meta, Resources, Site, Sites, Terrain

__all__ = [
    "DEFAULT_SCENARIO",
    "DISTRIBUTIONS",
    "DISTRIBUTION_PARAMETERS",
    "HE3_DEMAND",
    "UNCERTAIN_DEFAULTS",
    "UNCERTAIN_NAMES",
    "DemandTier",
    "Distribution",
    "Economics",
    "Landing",
    "Meta",
    "Mission",
    "Operations",
    "Ramp",
    "Resources",
    "Scenario",
    "Site",
    "Sites",
    "Terrain",
    "bundled_scenarios",
    "error_line",
    "load",
    "parse",
    "resolve",
    "with_overrides",
]
