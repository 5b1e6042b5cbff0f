"""Defaults the studies share, each stated once, with its source (a light module: the command
line reads them for its ``--help`` without importing the studies)."""

from __future__ import annotations

SAFETY_ZONE_KM = 5.0
"""Safety-zone radius around a claimed site [km] (assumption: the Artemis Accords provide for
safety zones but fix no radius), of the race for sites and of ``lunarbase contest``."""

SAFETY_ZONE_SOURCE = (
    "assumption: the Artemis Accords (2020, section 11) provide for safety zones but fix no radius"
)
"""Where :data:`SAFETY_ZONE_KM` comes from, as the outputs state it."""

SITES_PER_PARTY = 3
"""Ranked sites offered per party of a contest when the scenario's ``sites.top`` is fewer
[count]."""
