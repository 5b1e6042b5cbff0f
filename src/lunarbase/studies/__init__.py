"""Studies: questions answered by running the chain (:class:`lunarbase.pipeline.Chain`) once or
many times, each a function returning typed results that the report draws and the command line
and dashboard print, write and serve.

- :func:`comparison` (:mod:`.compare`): programmes side by side by calendar year, their
  milestones, the first to cross each, and the race for sites;
- :func:`contest` (:mod:`.site_contest`): parties claiming sites in turn behind safety zones of one
  or more radii (:func:`zone_map_files`: the zones as map files);
- :func:`headline` (:mod:`.headlines`): the few figures of one run a person moving an assumption
  watches (the dashboard's metric cards);
- :class:`WhatIf` (:mod:`.settings`): one scenario at many :class:`Settings` of a few
  assumptions (the dashboard's sliders), the heavy stages once;
- the defaults the studies share (:mod:`.defaults`, e.g. the safety-zone radius).

The defaults are imported here; the studies on first use, so the command line reads the
defaults without importing pandas.
"""

from typing import TYPE_CHECKING

from lunarbase.lazy import lazy_exports
from lunarbase.studies.defaults import SAFETY_ZONE_KM, SAFETY_ZONE_SOURCE, SITES_PER_PARTY

if TYPE_CHECKING:
    from lunarbase.studies.compare import (
        MILESTONES,
        SERIES,
        Comparison,
        Programme,
        SiteRace,
        comparison,
    )
    from lunarbase.studies.headlines import Headline, headline
    from lunarbase.studies.settings import (
        ECONOMICS_FIELDS,
        OPERATIONS_CACHE,
        OPERATIONS_FIELDS,
        Settings,
        WhatIf,
        with_settings,
    )
    from lunarbase.studies.site_contest import Contest, contest, zone_map_files

__getattr__ = lazy_exports(
    __name__,
    {
        "MILESTONES": "compare",
        "SERIES": "compare",
        "Comparison": "compare",
        "Programme": "compare",
        "SiteRace": "compare",
        "comparison": "compare",
        "Contest": "site_contest",
        "Headline": "headlines",
        "headline": "headlines",
        "contest": "site_contest",
        "zone_map_files": "site_contest",
        "ECONOMICS_FIELDS": "settings",
        "OPERATIONS_CACHE": "settings",
        "OPERATIONS_FIELDS": "settings",
        "Settings": "settings",
        "WhatIf": "settings",
        "with_settings": "settings",
    },
)

__all__ = [
    "ECONOMICS_FIELDS",
    "MILESTONES",
    "OPERATIONS_CACHE",
    "OPERATIONS_FIELDS",
    "SAFETY_ZONE_KM",
    "SAFETY_ZONE_SOURCE",
    "SERIES",
    "SITES_PER_PARTY",
    "Comparison",
    "Contest",
    "Headline",
    "Programme",
    "Settings",
    "SiteRace",
    "WhatIf",
    "comparison",
    "contest",
    "headline",
    "with_settings",
    "zone_map_files",
]
