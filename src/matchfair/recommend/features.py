"""Vectors for opportunity texts: TF-IDF folded into latent semantics (LSA), optionally blended
with sentence embeddings, laid out so offers and requests can be compared block by block.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from matchfair.recommend.contract import DOMAINS, Opportunity, Profile
from matchfair.recommend.semantic import Embedder, EmbeddingCache

FloatMatrix = npt.NDArray[np.float32]
Float64Matrix = npt.NDArray[np.float64]
Float64Array = npt.NDArray[np.float64]
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

# Bulgarian function words, and the Bulgarian for the filler above ("we seek", "partner",
# "solution", "services", "project"): without them every Bulgarian text looks like every
# other through "за", "на" and "от".
_BULGARIAN_STOP_TEXT = """
    аз ти той тя то ние вие те го ги му им ни ви нас вас тях мен теб него нея
    на за от до по при към със във без под над между чрез след преди около срещу през
    като че да не ще се си са сме сте съм бъде бъдат бил била било били беше бяха
    или но ако ли дали кога когато къде където как какво който която което които
    този тази това тези онзи онази онова онези такъв такава такова такива там тук
    наш наша наше наши нашия нашата нашето нашите ваш ваша ваше ваши вашия вашата
    техен тяхна тяхно техни свой своя свое свои своите неговия нейния
    много още също вече само всички всеки всяка всяко всичко всичките има няма може
    могат трябва нужда нужен нужна нужно нужни обаче така тъй защото затова
    търсим търси търсят търсене предлагаме предлага предлагат предлагане
    партньор партньори партньора партньорите партньорство решение решения решението
    услуга услуги услугите проект проекти проекта проектите сътрудничество
"""
BULGARIAN_STOP_WORDS = frozenset(_BULGARIAN_STOP_TEXT.split())

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")


def script_signs(texts: Sequence[str]) -> Float64Array:
    """-1 for a text written mostly in Cyrillic letters, +1 otherwise (Latin, or no letters)."""
    return np.asarray(
        [-1.0 if len(_CYRILLIC.findall(t)) > len(_LATIN.findall(t)) else 1.0 for t in texts],
        dtype=np.float64,
    )


@dataclass(frozen=True)
class Side:
    """All offers (or all requests), sorted by owner, with row ranges per participant.

    A row is a dense part (LSA, embeddings, domain tags) and a sparse part (the TF-IDF terms
    themselves), each already scaled by its weight, so the similarity of two opportunities is
    the sum of the two dot products.
    """

    vectors: FloatMatrix  # dense part, one row per opportunity
    owners: IntArray  # participant index of each row
    starts: IntArray  # rows of participant p are starts[p]:starts[p + 1]
    items: tuple[Opportunity, ...]
    terms: sparse.csr_matrix  # sparse part, float64, same rows
    # Subtracted part, float64, same rows (zero columns unless texts come in two scripts):
    # with it, domain tags count once more for two texts in different scripts (see
    # `cross_script_weight` in `opportunity_vectors`).
    signed: Float64Matrix
    cyrillic: npt.NDArray[np.bool_]  # per row: written mostly in Cyrillic (Bulgarian)

    def product(self, other: Side) -> Float64Matrix:
        """Every row here against every row there (see `side_product`)."""
        return side_product(
            self.vectors.astype(np.float64),
            self.terms,
            other.vectors.astype(np.float64),
            other.terms,
            self.signed,
            other.signed,
        )

    def count(self, participants: IntArray) -> IntArray:
        counts: IntArray = self.starts[participants + 1] - self.starts[participants]
        return counts

    def dot_rows(self, rows: IntArray, other: Side, other_rows: IntArray) -> Float64Array:
        """Similarity of row rows[i] here with row other_rows[i] there, for every i."""
        dense: Float64Array = np.einsum(
            "ij,ij->i",
            self.vectors[rows].astype(np.float64),
            other.vectors[other_rows].astype(np.float64),
        )
        if self.terms.shape[1] and len(rows):
            dense += np.asarray(
                self.terms[rows].multiply(other.terms[other_rows]).sum(axis=1), dtype=np.float64
            ).ravel()
        if self.signed.shape[1] and len(rows):
            dense -= np.einsum("ij,ij->i", self.signed[rows], other.signed[other_rows])
        return dense


def side_product(
    dense: Float64Matrix,
    terms: sparse.csr_matrix,
    other_dense: Float64Matrix,
    other_terms: sparse.csr_matrix,
    signed: Float64Matrix | None = None,
    other_signed: Float64Matrix | None = None,
) -> Float64Matrix:
    """All similarities between two runs of rows: dense · dense' + terms · terms'
    − signed · signed'.
    """
    product: Float64Matrix = dense @ other_dense.T
    if terms.shape[1] and terms.shape[0] and other_terms.shape[0]:
        # Densified in C and added whole: scattering the sparse entries into `product`
        # (coordinates, sorting out duplicates) cost four times as much at 5,000 participants.
        product += (terms @ other_terms.T).toarray()
    if signed is not None and other_signed is not None and signed.shape[1]:
        product -= signed @ other_signed.T
    return product


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
    return term_and_lsa_vectors(texts, dimensions, seed=seed)[1]


def term_and_lsa_vectors(
    texts: Sequence[str], dimensions: int, *, seed: int = 0, scripts: Float64Array | None = None
) -> tuple[sparse.csr_matrix, FloatMatrix]:
    """The L2-normalised TF-IDF rows (float64, sparse) and their LSA reduction.

    With `scripts` (see `script_signs`) in two values, each script gets its own LSA in its
    own columns: latent likeness is learnt within one language and never crosses to the
    other, where it would be noise. The exact terms stay shared, so an acronym or standard
    written the same in both languages still counts.
    """
    if not texts:
        return sparse.csr_matrix((0, 0), dtype=np.float64), np.zeros((0, 1), dtype=np.float32)
    vectorizer = TfidfVectorizer(
        stop_words=sorted(_CONTRACT_WORDS | ENGLISH_STOP_WORDS | BULGARIAN_STOP_WORDS),
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
        return (
            sparse.csr_matrix((len(texts), 0), dtype=np.float64),
            np.zeros((len(texts), 1), dtype=np.float32),
        )
    # The vectorizer L2-normalises each row already; empty rows stay zero.
    terms = sparse.csr_matrix(tfidf, dtype=np.float64)
    groups = np.unique(scripts) if scripts is not None else np.zeros(0)
    if scripts is None or len(groups) < 2:
        return terms, _reduce(tfidf, dimensions, seed)
    blocks = []
    for group in groups:
        rows = np.flatnonzero(scripts == group)
        blocks.append((rows, _reduce(tfidf[rows], dimensions, seed)))
    width = sum(block.shape[1] for _, block in blocks)
    reduced = np.zeros((len(texts), width), dtype=np.float32)
    column = 0
    for rows, block in blocks:
        reduced[rows, column : column + block.shape[1]] = block
        column += block.shape[1]
    return terms, reduced


def _reduce(tfidf: sparse.csr_matrix, dimensions: int, seed: int) -> FloatMatrix:
    """LSA of TF-IDF rows, L2-normalised; the rows themselves when too few for a reduction."""
    rank = min(dimensions, tfidf.shape[1] - 1, tfidf.shape[0] - 1)
    if rank < 2:
        return _normalise(np.asarray(tfidf.toarray(), dtype=np.float32))
    svd = TruncatedSVD(n_components=rank, algorithm="randomized", n_iter=5, random_state=seed)
    # Texts that are all the same have no variance: scikit-learn's explained-variance ratio,
    # which nothing here reads, divides 0 by 0. The reduced vectors themselves are sound.
    with np.errstate(invalid="ignore", divide="ignore"):
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
    term_weight: float = 0.0,
    cross_script_weight: float = 0.0,
) -> OpportunityVectors:
    """Vectors whose dot product is the similarity of two opportunities, in [-1, 1].

    The TF-IDF terms, LSA, embedding and domain-tag parts are each unit length, scaled by
    the square root of their weight and concatenated (the terms as a sparse part beside the
    dense one), so the products yield the weighted blend of their cosines. The text's share
    (1 − semantic_weight) is split between the exact terms (term_weight) and LSA.

    When the texts come in two scripts (Bulgarian in Cyrillic, the rest in Latin letters),
    two texts in different scripts share almost no term, so their text cosine says nothing.
    Each script then gets its own LSA (`term_and_lsa_vectors`), so only shared exact terms
    (acronyms, standards) join two scripts' texts. For such a pair the domain-tag cosine
    counts once more, at `cross_script_weight`: the
    tags stand in for the text that cannot be compared. As a dot product, with s = ±1 the
    script of each row and t its tags, w·cos(t, t')·(1 − s·s')/2 is the dense part
    √(w/2)·t minus the `signed` part √(w/2)·s·t; a same-script pair gets nothing from it.
    """
    offers, offer_owners, offer_starts = _side(profiles, "offer")
    requests, request_owners, request_starts = _side(profiles, "request")
    texts = [o.text for o in offers] + [o.text for o in requests]
    # Profile descriptions join the fit only, giving LSA more contexts to learn synonyms from.
    context = [p.description for p in profiles if p.description]
    signs = script_signs(texts + context)
    terms, vectors = term_and_lsa_vectors(
        texts + context,
        dimensions,
        scripts=signs if cross_script_weight > 0 else None,
    )
    terms, vectors = terms[: len(texts)], vectors[: len(texts)]
    term_share = min(max(term_weight, 0.0), 1.0)
    vectors = vectors * np.float32(np.sqrt(1.0 - term_share))
    terms = terms * np.sqrt(term_share)
    if embedder is not None and texts:
        store = cache if cache is not None else EmbeddingCache()
        embedded = store.embed(embedder, texts)
        weight = min(max(semantic_weight, 0.0), 1.0)
        vectors = np.hstack(
            [vectors * np.float32(np.sqrt(1.0 - weight)), embedded * np.float32(np.sqrt(weight))]
        ).astype(np.float32)
        terms = terms * np.sqrt(1.0 - weight)
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
        terms = terms * np.sqrt(1.0 - domain_weight)
    signs = signs[: len(texts)]
    signed = np.zeros((len(texts), 0), dtype=np.float64)
    if cross_script_weight > 0 and len(np.unique(signs)) > 1:
        owners = np.concatenate([offer_owners, request_owners])
        tags = _domain_vectors([*offers, *requests], [profiles[i] for i in owners])
        half = np.sqrt(cross_script_weight / 2.0)
        vectors = np.hstack([vectors, tags * np.float32(half)]).astype(np.float32)
        signed = signs[:, None] * tags.astype(np.float64) * half
    if term_share == 0.0:
        terms = sparse.csr_matrix((len(texts), 0), dtype=np.float64)
    terms = sparse.csr_matrix(terms, dtype=np.float64)
    width = vectors.shape[1]
    return OpportunityVectors(
        offers=Side(
            vectors=np.ascontiguousarray(vectors[: len(offers)]),
            owners=offer_owners,
            starts=offer_starts,
            items=tuple(offers),
            terms=terms[: len(offers)],
            signed=np.ascontiguousarray(signed[: len(offers)]),
            cyrillic=signs[: len(offers)] < 0,
        ),
        requests=Side(
            vectors=np.ascontiguousarray(vectors[len(offers) :]),
            owners=request_owners,
            starts=request_starts,
            items=tuple(requests),
            terms=terms[len(offers) :],
            signed=np.ascontiguousarray(signed[len(offers) :]),
            cyrillic=signs[len(offers) :] < 0,
        ),
        dimensions=width,
    )
