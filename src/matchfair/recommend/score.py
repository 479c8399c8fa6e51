"""The recommendation engine: complementarity of offers and requests, domain and organisation
fit, exclusions and country diversity, computed block by block so memory grows with n × k.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from threading import Lock

import numpy as np
import numpy.typing as npt
from threadpoolctl import threadpool_limits

from matchfair.recommend.complements import BlockComplements, rival_best
from matchfair.recommend.contract import DOMAINS, ORGANISATION_TYPES, Profile, Recommendation
from matchfair.recommend.features import OpportunityVectors, opportunity_vectors
from matchfair.recommend.reasons import (
    CROSS_LANGUAGE_REASON,
    MAX_REASONS,
    best_pairs,
    complement_reason_offer,
    complement_reason_request,
    domain_reason,
    type_fit_matrix,
    type_reason,
)
from matchfair.recommend.semantic import Embedder, EmbeddingCache

FloatMatrix = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Weights:
    """Tunable parts of the score; the defaults are what the benchmark measures."""

    # Every relevance weight below was chosen by `benchmarks/recommend_tune.py`: coordinate
    # descent on the sets that had been looked at while the engine was built (`catalogue`,
    # `problems`, `prose`, `jargon` and the hand-written `bilingual`), judged on the held-out
    # sets nobody tuned on (`benchmarks/profile_generators/heldout/`; docs/benchmarks.md).
    # Opportunity pairs less similar than this do not count. It is counted above what shared
    # domain tags alone give (`opportunity_domain`), so two texts with nothing in common never
    # pass on their tags. Tuning preferred 0 to 0.001; 1e-4 scores the same on the tuning
    # sets and keeps a margin over float32 rounding of a tags-only pair.
    min_similarity: float = 1e-4
    # Extra for interest in both directions, on top of the two directions added up (tuning
    # found the sum alone ranks best).
    mutual: float = 0.0
    domain: float = 0.1
    # How much the organisation-type fit (a city with a company, not two cities) lifts a score.
    organisation_type: float = 0.0
    # Each earlier pick from the same country multiplies a candidate's rank score by this.
    # This and `country_share` spread a list over countries, which nDCG cannot reward, so they
    # are policy, not tuned.
    country_decay: float = 0.95
    # No country takes more than this share of the list while others are available.
    country_share: float = 0.5
    # Candidates kept per participant for re-ranking, as a multiple of `top`.
    pool: int = 3
    lsa_dimensions: int = 100
    # Share of the opportunities' domain-tag cosine in their similarity.
    opportunity_domain: float = 0.05
    # Share of the sentence-embedding cosine in the similarity when an embedder is used
    # (not re-tuned: tuning runs without the semantic extra).
    semantic: float = 0.6
    # Share of the exact TF-IDF term cosine in the text similarity; LSA has the rest.
    terms: float = 0.9
    # Extra share of the domain-tag cosine for a request and an offer written in different
    # scripts (Cyrillic and Latin), whose texts share no words to compare, so that tags alone
    # can carry such a pair over the threshold.
    cross_script: float = 0.1


@dataclass(frozen=True)
class _Participants:
    """Per-participant facts as arrays, indexed like the input list."""

    country: IntArray
    organisation_type: IntArray
    domains: FloatMatrix  # rows L2-normalised, so a product is the cosine of domain sets
    requested_domains: tuple[int, ...]  # bit masks over DOMAINS
    all_domains: tuple[int, ...]
    # (me, other) pairs never recommended: same organisation (self included) and `exclude`
    blocked_me: IntArray
    blocked_other: IntArray
    countries: int


def _codes(values: Sequence[str]) -> tuple[IntArray, int]:
    table: dict[str, int] = {}
    codes = np.asarray([table.setdefault(v, len(table)) for v in values], dtype=np.int64)
    return codes, len(table)


def _mask(slugs: Iterable[str]) -> int:
    bits = 0
    for slug in slugs:
        bits |= 1 << _DOMAIN_INDEX[slug]
    return bits


_DOMAIN_INDEX = {slug: i for i, slug in enumerate(DOMAINS)}


def _participants(profiles: Sequence[Profile]) -> _Participants:
    country, countries = _codes([p.country for p in profiles])
    type_names = list(ORGANISATION_TYPES)
    domains = np.zeros((len(profiles), len(DOMAINS)), dtype=np.float32)
    requested: list[int] = []
    every: list[int] = []
    colleagues: dict[str, list[int]] = {}
    for index, profile in enumerate(profiles):
        mine = set(profile.domains)
        for opportunity in profile.opportunities:
            mine.update(opportunity.domains)
        for slug in mine:
            domains[index, _DOMAIN_INDEX[slug]] = 1.0
        requested.append(_mask(d for o in profile.requests for d in o.domains))
        every.append(_mask(mine))
        # "Velora " and "velora" are one organisation typed twice.
        name = " ".join(profile.organisation.casefold().split())
        colleagues.setdefault(name, []).append(index)
    position = {p.id: i for i, p in enumerate(profiles)}
    blocked = {(i, position[x]) for i, p in enumerate(profiles) for x in p.exclude if x in position}
    for members in colleagues.values():
        blocked.update((i, j) for i in members for j in members)
    pairs = np.asarray(sorted(blocked), dtype=np.int64).reshape(-1, 2)
    norms = np.linalg.norm(domains, axis=1, keepdims=True)
    return _Participants(
        country=country,
        organisation_type=np.asarray(
            [type_names.index(p.organisation_type) for p in profiles], dtype=np.int64
        ),
        domains=(domains / np.where(norms > 0, norms, 1.0)).astype(np.float32),
        requested_domains=tuple(requested),
        all_domains=tuple(every),
        blocked_me=np.ascontiguousarray(pairs[:, 0]),
        blocked_other=np.ascontiguousarray(pairs[:, 1]),
        countries=countries,
    )


def _diversify(
    pool_scores: FloatMatrix, pool_countries: IntArray, top: int, weights: Weights, countries: int
) -> IntArray:
    """Greedy re-ranking of every row at once: picks columns of the pool, -1 when empty."""
    rows, width = pool_scores.shape
    picked = np.full((rows, top), -1, dtype=np.int64)
    counts = np.zeros((rows, countries), dtype=np.int64)
    available = np.isfinite(pool_scores)
    cap = max(1, math.ceil(top * weights.country_share))
    every_row = np.arange(rows)
    for step in range(min(top, width)):
        seen = np.take_along_axis(counts, pool_countries, axis=1)
        rank = pool_scores * np.power(np.float32(weights.country_decay), seen).astype(np.float32)
        # Over the cap a candidate still beats an empty slot but loses to every other country.
        rank = np.where(seen >= cap, rank * np.float32(1e-6), rank)
        rank = np.where(available, rank, -np.inf)
        best = np.argmax(rank, axis=1)
        has = available[every_row, best]
        picked[has, step] = best[has]
        available[every_row[has], best[has]] = False
        counts[every_row[has], pool_countries[every_row[has], best[has]]] += 1
    return picked


# Scores are compared on a grid of 1e-5: matrix products of different shapes round
# differently in the last bits, and equal pairs must tie exactly whatever the block size.
_GRID = 1e5
_INDEX_BITS = 26  # room for 67 million participants below the score in one int64 key


def _top_columns(scores: FloatMatrix, size: int) -> tuple[IntArray, FloatMatrix]:
    """Up to `size` best columns of each row (unordered) and their scores.

    Ties go to the lower column, so the choice is the same however the rows were tiled.
    """
    width = scores.shape[1]
    if size < width:
        key = np.rint(np.maximum(scores, -1e4) * _GRID).astype(np.int64)
        key <<= _INDEX_BITS
        key -= np.arange(width, dtype=np.int64)
        columns = np.argpartition(key, width - size, axis=1)[:, width - size :]
    else:
        columns = np.broadcast_to(np.arange(width), scores.shape)
    columns = columns.astype(np.int64)
    return columns, np.take_along_axis(scores, columns, axis=1)


class _Pool:
    """The best candidates of every participant seen so far: memory n × size, never n × n."""

    def __init__(self, participants: int, size: int) -> None:
        self.size = size
        self.columns = np.full((participants, size), -1, dtype=np.int64)
        self.values = np.full((participants, size), -np.inf, dtype=np.float32)

    def merge(self, first: int, columns: IntArray, values: FloatMatrix) -> None:
        """Keep the best of the pool and these candidates for rows first.. on.

        Ties go to the lower participant index, so the result is the same whatever order
        the tiles arrive in.
        """
        last = first + columns.shape[0]
        both_columns = np.hstack([self.columns[first:last], columns])
        both_values = np.hstack([self.values[first:last], values])
        key = np.rint(np.maximum(both_values, -1e4) * _GRID).astype(np.int64)
        key <<= _INDEX_BITS
        key -= both_columns
        # Empty places (column -1) must lose to any real candidate of equal score.
        key[both_columns < 0] = np.iinfo(np.int64).min + 1
        keep = np.argpartition(-key, self.size - 1, axis=1)[:, : self.size]
        self.columns[first:last] = np.take_along_axis(both_columns, keep, axis=1)
        self.values[first:last] = np.take_along_axis(both_values, keep, axis=1)

    def ranked(self, first: int, last: int) -> tuple[IntArray, FloatMatrix]:
        """Rows first..last-1 sorted by score, then participant index."""
        columns = self.columns[first:last]
        values = (np.rint(self.values[first:last] * _GRID) / _GRID).astype(np.float32)
        order = np.lexsort((columns, -values), axis=-1)
        values = np.take_along_axis(values, order, axis=1).copy()
        # Nothing in common is no reason to meet: such candidates are never recommended.
        values[values <= 0] = -np.inf
        return np.take_along_axis(columns, order, axis=1), values


class Engine:
    """Recommendations for a fixed set of profiles; build once, then ask per block or all."""

    def __init__(
        self,
        profiles: Sequence[Profile],
        *,
        weights: Weights | None = None,
        embedder: Embedder | None = None,
        cache: EmbeddingCache | None = None,
    ) -> None:
        self.profiles = list(profiles)
        self.weights = weights or Weights()
        self.facts = _participants(self.profiles)
        # One BLAS thread: the SVD here is small, and a BLAS pool's spinning threads cost
        # seconds on a machine whose cores are busy with other work.
        with threadpool_limits(limits=1, user_api="blas"):
            self.vectors: OpportunityVectors = opportunity_vectors(
                self.profiles,
                dimensions=self.weights.lsa_dimensions,
                embedder=embedder,
                cache=cache,
                semantic_weight=self.weights.semantic,
                domain_weight=self.weights.opportunity_domain,
                term_weight=self.weights.terms,
                cross_script_weight=self.weights.cross_script,
            )
        n = len(self.profiles)
        w = self.weights
        tags = min(max(w.opportunity_domain, 0.0), 1.0)
        self._threshold = min(w.min_similarity + tags, 0.999)
        self._complements = BlockComplements(
            self.vectors.offers, self.vectors.requests, n, self._threshold
        )
        self._type_fit = type_fit_matrix()
        # Folds the threshold's rescaling and the organisation-type fit into one multiplier.
        self._factor = (
            (1.0 + w.organisation_type * self._type_fit) / (1.0 - self._threshold)
        ).astype(np.float32)
        # float64 for the same reason as BlockComplements' products.
        self._domains = self.facts.domains.astype(np.float64) * np.sqrt(w.domain)
        # Reason texts that depend only on types or domain masks, built once each.
        self._reason_cache: dict[tuple[int, int], str | None] = {}
        self._type_reasons: dict[tuple[int, int, bool], str] = {}

    def tile(self, first: int, last: int, start: int) -> FloatMatrix:
        """Scores between participants from `start` on (rows) and the block first..last-1
        (columns); the score of a pair is symmetric, before exclusions.
        """
        w = self.weights
        kinds = self.facts.organisation_type
        mine, theirs = kinds[first:last], kinds[start:]
        threshold = np.float32(self._threshold)
        they_answer, i_answer = self._complements(first, last, start)
        they_answer -= threshold
        np.maximum(they_answer, 0.0, out=they_answer)
        they_answer *= self._factor.T[:, mine][theirs]
        i_answer -= threshold
        np.maximum(i_answer, 0.0, out=i_answer)
        i_answer *= self._factor[:, mine][theirs]
        score = np.minimum(they_answer, i_answer)
        score *= np.float32(w.mutual)
        score += they_answer
        score += i_answer
        # Shared domains rank complements; on their own they are no reason to meet, and
        # two sellers of one product share every domain.
        domains = (self._domains[start:] @ self._domains[first:last].T).astype(np.float32)
        domains[score <= 0] = 0.0
        score += domains
        return score

    def _blocked(
        self, me_from: int, me_to: int, other_from: int, other_to: int
    ) -> tuple[IntArray, IntArray]:
        facts = self.facts
        lo, hi = np.searchsorted(facts.blocked_me, [me_from, me_to])
        me, other = facts.blocked_me[lo:hi], facts.blocked_other[lo:hi]
        inside = (other >= other_from) & (other < other_to)
        return me[inside], other[inside]

    def _collect(self, first: int, last: int, pool: _Pool, lock: Lock) -> None:
        """Score one block against everyone after it and offer both sides to the pool."""
        n = len(self.profiles)
        score = self.tile(first, last, first)
        # The block's members see everyone from `first` on. Copied before the exclusions
        # below, which are one-way and must not leak into the other direction.
        own = np.ascontiguousarray(score.T)
        me, other = self._blocked(first, last, first, n)
        own[me - first, other - first] = -np.inf
        own_columns, own_values = _top_columns(own, pool.size)
        del own
        # Participants after the block see the block's members as candidates.
        later = score[last - first :]
        me, other = self._blocked(last, n, first, last)
        later[me - last, other - first] = -np.inf
        later_columns, later_values = _top_columns(later, pool.size)
        del score, later
        with lock:
            if last < n:
                pool.merge(last, later_columns + first, later_values)
            pool.merge(first, own_columns + first, own_values)

    def _finish(self, pool: _Pool, first: int, last: int, top: int) -> list[list[Recommendation]]:
        """Country re-ranking and reasons for participants first..last-1."""
        columns, values = pool.ranked(first, last)
        picked = _diversify(
            values,
            self.facts.country[np.maximum(columns, 0)],
            top,
            self.weights,
            self.facts.countries,
        )
        rows, slots = np.nonzero(picked >= 0)
        chosen = columns[rows, picked[rows, slots]]
        owners = rows + first
        offers, requests = self.vectors.offers, self.vectors.requests
        # Their offer against my request, unless it is closer to one of my own offers; my
        # offer against their request, unless it is closer to one of theirs.
        offered = best_pairs(
            requests, offers, owners, chosen, rival_b=rival_best(offers, chosen, owners)
        )
        asked = best_pairs(
            offers, requests, owners, chosen, rival_a=rival_best(offers, owners, chosen)
        )
        kinds = self.facts.organisation_type
        threshold = self._threshold
        they = (
            np.maximum(offered.similarity - threshold, 0)
            * self._factor[kinds[owners], kinds[chosen]]
        )
        mine = (
            np.maximum(asked.similarity - threshold, 0) * self._factor[kinds[chosen], kinds[owners]]
        )
        pair_rows = zip(
            rows.tolist(),
            chosen.tolist(),
            values[rows, picked[rows, slots]].tolist(),
            they.tolist(),
            mine.tolist(),
            offered.a_rows.tolist(),
            offered.b_rows.tolist(),
            asked.a_rows.tolist(),
            asked.b_rows.tolist(),
            strict=True,
        )
        result: list[list[Recommendation]] = [[] for _ in range(first, last)]
        for (
            row,
            other,
            value,
            they_answer,
            i_answer,
            my_request,
            their_offer,
            my_offer,
            their_request,
        ) in pair_rows:
            reasons = self._reasons(
                first + row,
                other,
                they_answer,
                i_answer,
                my_request,
                their_offer,
                my_offer,
                their_request,
            )
            result[row].append(
                Recommendation(id=self.profiles[other].id, score=round(value, 4), reasons=reasons)
            )
        return result

    def _reasons(
        self,
        me: int,
        other: int,
        they_answer: float,
        i_answer: float,
        my_request: int,
        their_offer: int,
        my_offer: int,
        their_request: int,
    ) -> tuple[str, ...]:
        offer_side, request_side = self.vectors.offers, self.vectors.requests
        offers, requests = offer_side.items, request_side.items
        reasons: list[str] = []
        crossed = False
        if they_answer > 0 and my_request >= 0:
            reasons.append(
                complement_reason_offer(offers[their_offer].title, requests[my_request].title)
            )
            crossed = bool(offer_side.cyrillic[their_offer] != request_side.cyrillic[my_request])
        if i_answer > 0 and their_request >= 0:
            text = complement_reason_request(requests[their_request].title, offers[my_offer].title)
            if i_answer > they_answer:
                reasons.insert(0, text)
                crossed = bool(
                    offer_side.cyrillic[my_offer] != request_side.cyrillic[their_request]
                )
            else:
                reasons.append(text)
        if crossed:
            # The first reason's request and offer are in two languages: say so, since
            # the texts themselves could barely be compared.
            reasons.insert(1, CROSS_LANGUAGE_REASON)
        kinds = self.facts.organisation_type
        fit_they_offer = self._type_fit[kinds[me], kinds[other]] * they_answer
        fit_they_request = self._type_fit[kinds[other], kinds[me]] * i_answer
        if fit_they_offer > 0 or fit_they_request > 0:
            they_request = bool(fit_they_request > fit_they_offer)
            key = (int(kinds[me]), int(kinds[other]), they_request)
            if key not in self._type_reasons:
                self._type_reasons[key] = type_reason(
                    self.profiles[me], self.profiles[other], they_request=they_request
                )
            reasons.append(self._type_reasons[key])
        if len(reasons) < MAX_REASONS:
            shared = self._domain_reason(me, other)
            if shared is not None:
                reasons.append(shared)
        if not reasons:
            reasons.append("Close to your profile")
        return tuple(reasons[:MAX_REASONS])

    def _domain_reason(self, me: int, other: int) -> str | None:
        facts = self.facts
        both_request = facts.requested_domains[me] & facts.requested_domains[other]
        shared = facts.all_domains[me] & facts.all_domains[other]
        key = (both_request, shared)
        if key not in self._reason_cache:
            self._reason_cache[key] = domain_reason(
                _slugs(both_request), _slugs(shared), _slugs(both_request), _slugs(shared)
            )
        return self._reason_cache[key]

    def recommend_for(self, ids: Sequence[str], top: int = 20) -> dict[str, list[Recommendation]]:
        """Recommendations for a few participants only, e.g. after their profile changed.

        Costs one row of the full computation each; the result equals what `all` gives them.
        """
        position = {p.id: i for i, p in enumerate(self.profiles)}
        unknown = [pid for pid in ids if pid not in position]
        if unknown:
            raise KeyError(f"not in the profile set: {', '.join(unknown)}")
        n = len(self.profiles)
        result: dict[str, list[Recommendation]] = {}
        if top <= 0:
            return {pid: [] for pid in ids}
        pool = _Pool(n, min(n, max(top * self.weights.pool, top)))
        for pid in ids:
            me = position[pid]
            row = np.ascontiguousarray(self.tile(me, me + 1, 0).T)
            _, other = self._blocked(me, me + 1, 0, n)
            row[0, other] = -np.inf
            columns, values = _top_columns(row, pool.size)
            pool.merge(me, columns, values)
            result[pid] = self._finish(pool, me, me + 1, top)[0]
        return result

    def all(
        self, top: int = 20, block_size: int = 256, workers: int = 2
    ) -> dict[str, list[Recommendation]]:
        """Every participant's recommendations.

        Block i is scored only against blocks i, i+1, ... (the score is symmetric), and
        each pass hands candidates to both sides, which halves the work. Blocks run on
        `workers` threads with one BLAS thread each: numpy releases the GIL in its loops,
        so two threads keep two cores busy through the element-wise work too.
        """
        n = len(self.profiles)
        result: dict[str, list[Recommendation]] = {p.id: [] for p in self.profiles}
        if top <= 0 or n == 0:
            return result
        pool = _Pool(n, min(n, max(top * self.weights.pool, top)))
        lock = Lock()
        starts = list(range(0, n, block_size))
        with threadpool_limits(limits=1 if workers > 1 else None, user_api="blas"):
            if workers > 1 and len(starts) > 1:
                with ThreadPoolExecutor(max_workers=workers) as executor:
                    for _ in executor.map(
                        lambda f: self._collect(f, min(n, f + block_size), pool, lock), starts
                    ):
                        pass
                    blocks = list(
                        executor.map(
                            lambda f: self._finish(pool, f, min(n, f + block_size), top), starts
                        )
                    )
            else:
                for first in starts:
                    self._collect(first, min(n, first + block_size), pool, lock)
                blocks = [self._finish(pool, f, min(n, f + block_size), top) for f in starts]
        for first, recs in zip(starts, blocks, strict=True):
            for offset, line in enumerate(recs):
                result[self.profiles[first + offset].id] = line
        return result


def _slugs(mask: int) -> frozenset[str]:
    return frozenset(slug for slug, bit in _DOMAIN_INDEX.items() if mask >> bit & 1)


def recommend(
    profiles: Sequence[Profile],
    *,
    top: int = 20,
    weights: Weights | None = None,
    embedder: Embedder | None = None,
    cache: EmbeddingCache | None = None,
    block_size: int = 256,
    workers: int = 2,
) -> dict[str, list[Recommendation]]:
    """Up to `top` ranked partners for every participant, keyed by participant id.

    Pass an `embedder` (and a long-lived `cache`) to blend in sentence embeddings; without
    one the engine uses TF-IDF with latent semantics only.
    """
    engine = Engine(profiles, weights=weights, embedder=embedder, cache=cache)
    return engine.all(top=top, block_size=block_size, workers=workers)
