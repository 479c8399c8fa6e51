"""How well a member fits a funding topic, with the reasons: pure Python over typed texts, so the
pages and the benchmark score the same way.

The text similarity is the recommendation engine's (`matchfair.recommend.features.lsa_vectors`:
TF-IDF folded by truncated SVD), fitted once over the topics, the members and their confirmed
past projects. The score adds the overlap of domains and the closest past project; eligibility
findings are shown as flags and lower the score, never hide a pair.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from matchfair.consortia import Countries
from matchfair.recommend.features import lsa_vectors

TEXT_WEIGHT, DOMAIN_WEIGHT, PROJECT_WEIGHT = 0.6, 0.25, 0.15
FLAG_PENALTY = 0.5  # an ineligible pair keeps half its score: shown, but below the eligible ones
PROJECT_SIMILAR = 0.3  # a past project at least this close to the topic is named as a reason
DIMENSIONS = 100
# Types of action only some kinds of organisation receive (substring of the portal's name).
ACTION_KINDS: dict[str, frozenset[str]] = {
    "SME Support": frozenset({"company", "startup"}),
    "Grants for Procurement": frozenset({"city", "institution", "research", "cluster"}),
}
_WORD = re.compile(r"[a-z][a-z\-]{3,}")


@dataclass(frozen=True)
class CallText:
    key: int
    text: str
    keywords: tuple[str, ...]
    domains: tuple[str, ...]
    type_of_action: str
    deadline: dt.date | None


@dataclass(frozen=True)
class PastProjectText:
    acronym: str
    text: str


@dataclass(frozen=True)
class MemberText:
    key: int
    text: str
    domains: tuple[str, ...]
    country: str
    kind: str
    projects: tuple[PastProjectText, ...] = ()


@dataclass(frozen=True)
class Fit:
    call: int
    member: int
    score: float
    terms: tuple[str, ...]
    domains: tuple[str, ...]
    projects: tuple[str, ...]
    flags: tuple[str, ...]
    days_left: int | None


def words(text: str) -> set[str]:
    return {word for word in _WORD.findall(text.lower()) if word not in ENGLISH_STOP_WORDS}


def eligibility_flags(call: CallText, member: MemberText, countries: Countries) -> tuple[str, ...]:
    """Codes of the rules a member may not meet: `country`, `organisation-type`."""
    flags = []
    if member.country and not countries.eligible(member.country, None):
        flags.append("country")
    for action, kinds in ACTION_KINDS.items():
        if action in call.type_of_action and member.kind not in kinds:
            flags.append("organisation-type")
    return tuple(flags)


def fits(
    calls: Sequence[CallText],
    members: Sequence[MemberText],
    *,
    countries: Countries,
    today: dt.date,
) -> list[Fit]:
    """Every (call, member) pair, scored with its reasons."""
    if not calls or not members:
        return []
    projects = [(m, p) for m, member in enumerate(members) for p in member.projects]
    texts = [c.text for c in calls] + [m.text for m in members] + [p.text for _, p in projects]
    vectors = lsa_vectors(texts, DIMENSIONS)
    call_vectors = vectors[: len(calls)]
    member_vectors = vectors[len(calls) : len(calls) + len(members)]
    project_vectors = vectors[len(calls) + len(members) :]
    text_scores = np.clip(call_vectors @ member_vectors.T, 0.0, 1.0)
    project_scores = np.clip(call_vectors @ project_vectors.T, 0.0, 1.0) if projects else None
    call_words = [words(" ".join((c.text, *c.keywords))) for c in calls]
    member_words = [words(" ".join((m.text, *(p.text for p in m.projects)))) for m in members]
    found = []
    for i, call in enumerate(calls):
        for j, member in enumerate(members):
            shared = set(call.domains) & set(member.domains)
            union = set(call.domains) | set(member.domains)
            domain_score = len(shared) / len(union) if union else 0.0
            similar: list[tuple[float, str]] = []
            if project_scores is not None:
                similar = sorted(
                    (-float(project_scores[i, k]), projects[k][1].acronym)
                    for k in range(len(projects))
                    if projects[k][0] == j and project_scores[i, k] >= PROJECT_SIMILAR
                )
            best_project = -similar[0][0] if similar else 0.0
            flags = eligibility_flags(call, member, countries)
            score = (
                TEXT_WEIGHT * float(text_scores[i, j])
                + DOMAIN_WEIGHT * domain_score
                + PROJECT_WEIGHT * best_project
            ) * (FLAG_PENALTY if flags else 1.0)
            found.append(
                Fit(
                    call=call.key,
                    member=member.key,
                    score=round(score, 4),
                    terms=tuple(sorted(call_words[i] & member_words[j]))[:8],
                    domains=tuple(slug for slug in call.domains if slug in shared),
                    projects=tuple(acronym for _, acronym in similar),
                    flags=flags,
                    days_left=(call.deadline - today).days if call.deadline else None,
                )
            )
    return found


def ranked(found: Sequence[Fit], *, by: str) -> list[Fit]:
    """Best first; `by` names what is ranked ("call" or "member"), and ties go by its key, so
    the order is the same on every run."""
    return sorted(found, key=lambda fit: (-fit.score, getattr(fit, by)))
