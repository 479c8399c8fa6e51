"""Partner recommendations, free of Django: profiles in, ranked partners with reasons out.

The web app calls `parse_profiles` and `recommend`, or the command `matchfair recommend`.
"""

from matchfair.recommend.contract import (
    DOMAINS,
    ORGANISATION_TYPES,
    PROFILES_FORMAT,
    RECOMMENDATIONS_FORMAT,
    ContractError,
    Opportunity,
    Profile,
    Recommendation,
    parse_profiles,
    profiles_document,
    recommendations_document,
)
from matchfair.recommend.features import opportunity_texts
from matchfair.recommend.score import Engine, Weights, recommend
from matchfair.recommend.semantic import Embedder, EmbeddingCache, default_embedder

__all__ = [
    "DOMAINS",
    "ORGANISATION_TYPES",
    "PROFILES_FORMAT",
    "RECOMMENDATIONS_FORMAT",
    "ContractError",
    "Embedder",
    "EmbeddingCache",
    "Engine",
    "Opportunity",
    "Profile",
    "Recommendation",
    "Weights",
    "default_embedder",
    "opportunity_texts",
    "parse_profiles",
    "profiles_document",
    "recommend",
    "recommendations_document",
]
