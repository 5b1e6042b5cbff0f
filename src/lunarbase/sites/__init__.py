"""Sites: candidate base sites near the south pole, scored by weighted criteria.

The stage entry point is :func:`rank` (:mod:`.stage`); the candidate search and scoring rules
are in :mod:`.candidates`.
"""

from lunarbase.sites.candidates import nearest_feature, score, summit_candidates
from lunarbase.sites.stage import SiteResults, evaluate, named_features, rank

__all__ = [
    "SiteResults",
    "evaluate",
    "named_features",
    "nearest_feature",
    "rank",
    "score",
    "summit_candidates",
]
