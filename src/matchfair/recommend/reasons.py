"""Human-readable reasons for a recommendation, quoting the offer and request that match."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from matchfair.recommend.complements import RIVAL_MARGIN
from matchfair.recommend.contract import DOMAINS, ORGANISATION_TYPES, Profile
from matchfair.recommend.features import Side

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float32]
Float64Array = npt.NDArray[np.float64]

MAX_REASONS = 3

# How well a requester of one type is served by an offerer of another: (requester, offerer).
# A city asks and a company delivers; a company asks research for know-how; a startup asks
# an investor for money; a company asks a city for a test-bed.
_BUYERS = ("city", "public-body")
_SUPPLIERS = ("company", "startup")
_RESEARCH = ("research", "university")
TYPE_FIT: dict[tuple[str, str], float] = {
    **{(b, s): 1.0 for b in _BUYERS for s in _SUPPLIERS},
    **{(b, r): 0.5 for b in _BUYERS for r in _RESEARCH},
    **{(s, r): 0.6 for s in _SUPPLIERS for r in _RESEARCH},
    **{(s, b): 0.4 for s in _SUPPLIERS for b in _BUYERS},
    ("startup", "investor"): 1.0,
    ("company", "startup"): 0.5,
    **{(r, s): 0.3 for r in _RESEARCH for s in _SUPPLIERS},
}


def type_fit_matrix() -> npt.NDArray[np.float32]:
    """TYPE_FIT as a matrix indexed like ORGANISATION_TYPES."""
    names = list(ORGANISATION_TYPES)
    matrix = np.zeros((len(names), len(names)), dtype=np.float32)
    for (requester, offerer), value in TYPE_FIT.items():
        matrix[names.index(requester), names.index(offerer)] = value
    return matrix


def _article(label: str) -> str:
    # "a university": the vowel sounds like "you", so the spelling alone misleads.
    return ("An " if label[0] in "aeio" else "A ") + label


def _seeker_noun(requester: str, offerer: str) -> str:
    if requester == "company" and offerer == "startup":
        return "startups"
    if offerer in _SUPPLIERS:
        return "suppliers"
    if offerer in _RESEARCH:
        return "research partners"
    if offerer == "investor":
        return "investors"
    if offerer in _BUYERS:
        return "test-beds in cities"
    return "partners"


def type_reason(you: Profile, them: Profile, *, they_request: bool) -> str:
    """Why their kind of organisation suits yours, seen from `you`."""
    label = ORGANISATION_TYPES[them.organisation_type]
    if they_request:
        return f"{_article(label)} looking for {_seeker_noun(them.organisation_type, you.organisation_type)}"
    if them.organisation_type == "investor":
        return "An investor for what you request"
    return f"{_article(label)} offering what you request"


def _labels(slugs: Sequence[str]) -> str:
    names = [DOMAINS[s] for s in slugs[:2]]
    return " and in ".join(names)


def domain_reason(
    my_requests: frozenset[str],
    my_domains: frozenset[str],
    their_requests: frozenset[str],
    their_domains: frozenset[str],
) -> str | None:
    """Shared request domains first: two seekers in one field can build a consortium."""
    both_request = [d for d in DOMAINS if d in my_requests and d in their_requests]
    if both_request:
        return f"You both look for partners in {_labels(both_request)}"
    shared = [d for d in DOMAINS if d in my_domains and d in their_domains]
    if shared:
        return f"Both work in {_labels(shared)}"
    return None


@dataclass(frozen=True)
class BestPairs:
    """For each (a participant, b participant) pair: the closest a-row and b-row, or -1."""

    a_rows: IntArray
    b_rows: IntArray
    similarity: FloatArray


def best_pairs(
    a_side: Side,
    b_side: Side,
    a_owner: IntArray,
    b_owner: IntArray,
    *,
    rival_a: Float64Array | None = None,
    rival_b: Float64Array | None = None,
) -> BestPairs:
    """Closest opportunity pair of each participant pair, for all pairs in one pass.

    The ragged cartesian products of the owners' rows are laid end to end, so a few
    numpy calls serve thousands of pairs instead of one Python loop each. `rival_a` (or
    `rival_b`) gives, per pair and a-row (b-row) laid end to end as `rival_best` returns
    them, a similarity the pair must beat: a pair no better than that does not count.
    """
    pairs = len(a_owner)
    a_count = a_side.count(a_owner)
    b_count = b_side.count(b_owner)
    sizes = a_count * b_count
    total = int(sizes.sum())
    result = BestPairs(
        a_rows=np.full(pairs, -1, dtype=np.int64),
        b_rows=np.full(pairs, -1, dtype=np.int64),
        similarity=np.zeros(pairs, dtype=np.float32),
    )
    if total == 0:
        return result
    group = np.repeat(np.arange(pairs, dtype=np.int64), sizes)
    group_start = np.cumsum(sizes) - sizes
    offset = np.arange(total, dtype=np.int64) - group_start[group]
    a_rows = a_side.starts[a_owner][group] + offset // b_count[group]
    b_rows = b_side.starts[b_owner][group] + offset % b_count[group]
    similarity = a_side.dot_rows(a_rows, b_side, b_rows)
    for rival, side, rows, owner, count in (
        (rival_a, a_side, a_rows, a_owner, a_count),
        (rival_b, b_side, b_rows, b_owner, b_count),
    ):
        if rival is not None:
            rival_start = np.cumsum(count) - count
            at = rival_start[group] + rows - side.starts[owner][group]
            similarity[similarity <= rival[at] + RIVAL_MARGIN] = 0.0
    order = np.lexsort((-similarity, group))
    present = np.flatnonzero(sizes > 0)
    first = order[group_start[present]]
    result.a_rows[present] = a_rows[first]
    result.b_rows[present] = b_rows[first]
    result.similarity[present] = similarity[first]
    return result


# Longer titles are cut at a word, so a reason stays one line on a phone.
TITLE_LIMIT = 60


def shorten(title: str, limit: int = TITLE_LIMIT) -> str:
    """The title as quoted in a reason: whole up to `limit` characters, else cut at a word."""
    title = " ".join(title.split()).replace('"', "'")
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:—-") + "…"


def complement_reason_offer(offer_title: str, request_title: str) -> str:
    """They offer something that answers your request."""
    return f'Offers "{shorten(offer_title)}" — answers your request "{shorten(request_title)}"'


# Shown when the request and the offer that match are in different scripts: the engine
# could compare only their shared terms and domains, and the reader should know why.
CROSS_LANGUAGE_REASON = (
    "Written in Bulgarian and another language: matched on shared domains and terms"
)


def complement_reason_request(request_title: str, offer_title: str) -> str:
    """They request something your offer answers."""
    return f'Requests "{shorten(request_title)}" — your offer "{shorten(offer_title)}" answers it'
