"""Vectors for opportunity texts: TF-IDF folded into latent semantics (LSA), optionally blended
with sentence embeddings, laid out so offers and requests can be compared block by block.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from matchfair.recommend.contract import DOMAINS, Opportunity, Profile
from matchfair.recommend.semantic import Embedder, EmbeddingCache

FloatMatrix = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]

# Words every opportunity uses; left in, they make all offers look alike.
_CONTRACT_WORDS = frozenset(
    {
        "looking",
        "seeking",
        "need",
        "needs",
        "offer",
        "offers",
        "offering",
        "request",
        "requests",
        "partner",
        "partners",
        "provide",
        "provides",
        "solution",
        "solutions",
        "want",
        "wants",
        "interested",
        "help",
        "support",
        "services",
        "service",
        "project",
        "projects",
        "cooperation",
    }
)


@dataclass(frozen=True)
class Side:
    """All offers (or all requests), sorted by owner, with row ranges per participant."""

    vectors: FloatMatrix  # one L2-normalised row per opportunity
    owners: IntArray  # participant index of each row
    starts: IntArray  # rows of participant p are starts[p]:starts[p + 1]
    items: tuple[Opportunity, ...]

    def count(self, participants: IntArray) -> IntArray:
        counts: IntArray = self.starts[participants + 1] - self.starts[participants]
        return counts


@dataclass(frozen=True)
class OpportunityVectors:
    offers: Side
    requests: Side
    dimensions: int


# Organisations whose description says what they sell, when they list no offer of their own.
SUPPLIER_TYPES = frozenset({"company", "startup", "research", "university"})


def offers_of(profile: Profile) -> tuple[Opportunity, ...]:
    """The profile's offers; for a supplier that lists none, its description stands as one.

    The description becomes the title, so a reason quotes its first words.
    """
    offers = tuple(o for o in profile.opportunities if o.kind == "offer")
    description = " ".join(profile.description.split())
    if offers or profile.organisation_type not in SUPPLIER_TYPES or not description:
        return offers
    return (Opportunity(kind="offer", title=description),)


def _side(profiles: Sequence[Profile], kind: str) -> tuple[list[Opportunity], IntArray, IntArray]:
    items: list[Opportunity] = []
    owners: list[int] = []
    starts = np.zeros(len(profiles) + 1, dtype=np.int64)
    for index, profile in enumerate(profiles):
        if kind == "offer":
            mine: Sequence[Opportunity] = offers_of(profile)
        else:
            mine = [o for o in profile.opportunities if o.kind == kind]
        items.extend(mine)
        owners.extend([index] * len(mine))
        starts[index + 1] = len(items)
    return items, np.asarray(owners, dtype=np.int64), starts


def _normalise(matrix: FloatMatrix) -> FloatMatrix:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    normalised: FloatMatrix = (matrix / np.where(norms > 0, norms, 1.0)).astype(np.float32)
    return normalised


def lsa_vectors(texts: Sequence[str], dimensions: int, *, seed: int = 0) -> FloatMatrix:
    """TF-IDF reduced by truncated SVD, so words that occur in the same contexts meet."""
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    vectorizer = TfidfVectorizer(
        stop_words=sorted(_CONTRACT_WORDS | ENGLISH_STOP_WORDS),
        sublinear_tf=True,
        min_df=2 if len(texts) >= 200 else 1,
        max_df=0.5 if len(texts) >= 200 else 1.0,
        ngram_range=(1, 1),
        dtype=np.float32,
    )
    try:
        tfidf = vectorizer.fit_transform(texts)
    except ValueError:
        # Only stop words everywhere: nothing to compare, every similarity is zero.
        return np.zeros((len(texts), 1), dtype=np.float32)
    rank = min(dimensions, tfidf.shape[1] - 1, tfidf.shape[0] - 1)
    if rank < 2:
        return _normalise(np.asarray(tfidf.toarray(), dtype=np.float32))
    svd = TruncatedSVD(n_components=rank, algorithm="randomized", n_iter=5, random_state=seed)
    reduced = np.asarray(svd.fit_transform(tfidf), dtype=np.float32)
    return _normalise(reduced)


def _domain_vectors(items: Sequence[Opportunity], owners: Sequence[Profile]) -> FloatMatrix:
    """Normalised domain tags of each opportunity, its owner's when it has none."""
    index = {slug: i for i, slug in enumerate(DOMAINS)}
    tags = np.zeros((len(items), len(index)), dtype=np.float32)
    for row, (item, owner) in enumerate(zip(items, owners, strict=True)):
        for slug in item.domains or owner.domains:
            tags[row, index[slug]] = 1.0
    return _normalise(tags)


def opportunity_texts(profiles: Sequence[Profile]) -> list[str]:
    """The texts the engine embeds: what a background job passes to EmbeddingCache.refresh."""
    return [
        o.text
        for p in profiles
        for o in (*offers_of(p), *(r for r in p.opportunities if r.kind == "request"))
    ]


def opportunity_vectors(
    profiles: Sequence[Profile],
    *,
    dimensions: int = 100,
    embedder: Embedder | None = None,
    cache: EmbeddingCache | None = None,
    semantic_weight: float = 0.5,
    domain_weight: float = 0.0,
) -> OpportunityVectors:
    """Vectors whose dot product is the similarity of two opportunities, in [-1, 1].

    The LSA, embedding and domain-tag parts are each unit length, scaled by the square root
    of their weight and concatenated, so one matrix product yields the weighted blend of
    their cosines.
    """
    offers, offer_owners, offer_starts = _side(profiles, "offer")
    requests, request_owners, request_starts = _side(profiles, "request")
    texts = [o.text for o in offers] + [o.text for o in requests]
    # Profile descriptions join the fit only, giving LSA more contexts to learn synonyms from.
    context = [p.description for p in profiles if p.description]
    vectors = lsa_vectors(texts + context, dimensions)[: len(texts)]
    if embedder is not None and texts:
        store = cache if cache is not None else EmbeddingCache()
        embedded = store.embed(embedder, texts)
        weight = min(max(semantic_weight, 0.0), 1.0)
        vectors = np.hstack(
            [vectors * np.float32(np.sqrt(1.0 - weight)), embedded * np.float32(np.sqrt(weight))]
        ).astype(np.float32)
    if domain_weight > 0:
        # Domain tags join the same dot product: an offer in water rarely answers a request
        # in health, however alike the place names in their texts.
        owners = np.concatenate([offer_owners, request_owners])
        tags = _domain_vectors([*offers, *requests], [profiles[i] for i in owners])
        vectors = np.hstack(
            [
                vectors * np.float32(np.sqrt(1.0 - domain_weight)),
                tags * np.float32(np.sqrt(domain_weight)),
            ]
        ).astype(np.float32)
    width = vectors.shape[1]
    return OpportunityVectors(
        offers=Side(
            vectors=np.ascontiguousarray(vectors[: len(offers)]),
            owners=offer_owners,
            starts=offer_starts,
            items=tuple(offers),
        ),
        requests=Side(
            vectors=np.ascontiguousarray(vectors[len(offers) :]),
            owners=request_owners,
            starts=request_starts,
            items=tuple(requests),
        ),
        dimensions=width,
    )
