"""Sites: where near the south pole the base should stand, and where on the Moon to mine He-3.

The stage entry point is :func:`rank` (:mod:`.stage`); the criteria layers over the search
region are in :mod:`.layers`, the normalisation, weighting, spacing and place names in
:mod:`.candidates`; He-3 mining sites anywhere are ranked by :func:`he3_mining_sites`
(:mod:`.mining`).
"""

from lunarbase.sites.candidates import (
    ICE_RADIUS_KM,
    NIGHT_SCALE_H,
    PSR_PROXIMITY_SCALE_KM,
    WEIGHTS,
    named_features,
    normalised,
    place_name,
    psr_area_nearby_km2,
    spaced_best,
    weighted_score,
)
from lunarbase.sites.contest import LOSS_COLUMNS, claims, race
from lunarbase.sites.layers import LAYERS, criteria_layers
from lunarbase.sites.mining import MINING_WEIGHTS, MiningSites, he3_mining_sites
from lunarbase.sites.stage import SiteResults, rank

__all__ = [
    "ICE_RADIUS_KM",
    "LAYERS",
    "LOSS_COLUMNS",
    "MINING_WEIGHTS",
    "NIGHT_SCALE_H",
    "PSR_PROXIMITY_SCALE_KM",
    "WEIGHTS",
    "MiningSites",
    "SiteResults",
    "claims",
    "criteria_layers",
    "he3_mining_sites",
    "named_features",
    "normalised",
    "place_name",
    "psr_area_nearby_km2",
    "race",
    "rank",
    "spaced_best",
    "weighted_score",
]
