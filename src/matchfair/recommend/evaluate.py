"""Quality measures (recall@k, nDCG@k) and the two baselines the engine must beat.

Baselines rank by domain-tag overlap, or by plain TF-IDF cosine of whole profile texts;
both apply the same exclusions as the engine so only the ranking differs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from sklearn.feature_extraction.text import TfidfVectorizer

from matchfair.recommend.contract import DOMAINS, Profile
from matchfair.recommend.generate import GeneratedSet

FloatMatrix = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Quality:
    recall: float
    ndcg: float
    participants: int  # participants with at least one true partner, the ones averaged


def _ranked(
    scores: FloatMatrix, profiles: Sequence[Profile], first: int, top: int
) -> list[list[str]]:
    organisations = np.asarray([p.organisation for p in profiles])
    position = {p.id: i for i, p in enumerate(profiles)}
    result: list[list[str]] = []
    for row in range(scores.shape[0]):
        me = first + row
        line = scores[row].copy()
        line[organisations == organisations[me]] = -np.inf
        line[[position[x] for x in profiles[me].exclude if x in position]] = -np.inf
        # Stable sort keeps input order among ties, so a baseline is deterministic too.
        order = np.argsort(-line, kind="stable")[:top]
        result.append([profiles[i].id for i in order if np.isfinite(line[i]) and line[i] > 0])
    return result


def tag_overlap(profiles: Sequence[Profile], top: int = 20) -> dict[str, list[str]]:
    """Rank by Jaccard overlap of domain tags, the way most event apps recommend."""
    names = list(DOMAINS)
    tags = np.zeros((len(profiles), len(names)))
    for index, profile in enumerate(profiles):
        for slug in set(profile.domains) | {d for o in profile.opportunities for d in o.domains}:
            tags[index, names.index(slug)] = 1.0
    result: dict[str, list[str]] = {}
    for first in range(0, len(profiles), 512):
        block = tags[first : first + 512]
        shared = block @ tags.T
        union = block.sum(1)[:, None] + tags.sum(1)[None, :] - shared
        scores = shared / np.maximum(union, 1.0)
        for offset, ranked in enumerate(_ranked(scores, profiles, first, top)):
            result[profiles[first + offset].id] = ranked
    return result


def tfidf_cosine(profiles: Sequence[Profile], top: int = 20) -> dict[str, list[str]]:
    """Rank by plain TF-IDF cosine of each profile's whole text, offers and requests alike."""
    texts = [" ".join([p.description] + [o.text for o in p.opportunities]) for p in profiles]
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    result: dict[str, list[str]] = {}
    for first in range(0, len(profiles), 512):
        scores = np.asarray((matrix[first : first + 512] @ matrix.T).toarray())
        for offset, ranked in enumerate(_ranked(scores, profiles, first, top)):
            result[profiles[first + offset].id] = ranked
    return result


def quality(generated: GeneratedSet, ranked: Mapping[str, Sequence[str]], k: int = 20) -> Quality:
    """Mean recall@k and nDCG@k (graded: mutual 2, one-way 1) over participants with truth."""
    position = {p.id: i for i, p in enumerate(generated.profiles)}
    recalls: list[float] = []
    ndcgs: list[float] = []
    for index, profile in enumerate(generated.profiles):
        truth = generated.relevant(index)
        if not truth:
            continue
        got = [position[pid] for pid in ranked.get(profile.id, [])[:k]]
        hits = sum(1 for other in got if other in truth)
        recalls.append(hits / min(len(truth), k))
        dcg = sum((2 ** truth.get(o, 0) - 1) / math.log2(r + 2) for r, o in enumerate(got))
        ideal = sorted(truth.values(), reverse=True)[:k]
        best = sum((2**g - 1) / math.log2(r + 2) for r, g in enumerate(ideal))
        ndcgs.append(dcg / best)
    if not recalls:
        return Quality(recall=0.0, ndcg=0.0, participants=0)
    return Quality(
        recall=float(np.mean(recalls)), ndcg=float(np.mean(ndcgs)), participants=len(recalls)
    )
