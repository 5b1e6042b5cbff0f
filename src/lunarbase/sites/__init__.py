"""Sites: where near the south pole the base should stand.

The stage entry point is :func:`rank` (:mod:`.stage`); the criteria layers over the search
region are in :mod:`.layers`, the normalisation, weighting, spacing and place names in
:mod:`.candidates`.
"""

from lunarbase.sites.candidates import (
    ICE_RADIUS_KM,
    NIGHT_SCALE_H,
    PSR_PROXIMITY_SCALE_KM,
    WEIGHTS,
    normalised,
    place_name,
    psr_area_nearby_km2,
    spaced_best,
    weighted_score,
)
from lunarbase.sites.contest import LOSS_COLUMNS, claims, race
from lunarbase.sites.layers import LAYERS, criteria_layers
from lunarbase.sites.stage import SiteResults, named_features, rank

__all__ = [
    "ICE_RADIUS_KM",
    "LAYERS",
    "LOSS_COLUMNS",
    "NIGHT_SCALE_H",
    "PSR_PROXIMITY_SCALE_KM",
    "WEIGHTS",
    "SiteResults",
    "claims",
    "criteria_layers",
    "named_features",
    "normalised",
    "place_name",
    "psr_area_nearby_km2",
    "race",
    "rank",
    "spaced_best",
    "weighted_score",
]
