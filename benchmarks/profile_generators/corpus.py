"""The shape every generator shares: who offers and who asks for what, and the ground truth.

This module holds structure only, no words. Each generator brings its own topics (what can be
offered or requested, written in its own vocabulary) and a `Style` that turns a topic into
titles, descriptions and organisation names. `assemble` decides roles, draws offers and
requests, plants competitor traps, same-organisation pairs and exclusions, adds noise to the
domain tags, and grades every pair by complementarity:

- 2: one side requests a topic the other offers, in the same variant (or one side names none);
- 1: the same topic in another variant, or a topic of the same family ("partly");
- 0 (absent from `relevance`): everything else, in particular two parties offering the same thing.

Pairs the engine must never recommend (same organisation, an `exclude` entry) are graded 0 for
the participant who cannot receive them.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

FORMAT = "matchfair-profiles/1"
SLUGS = (
    "mobility",
    "energy",
    "environment",
    "governance",
    "buildings",
    "water",
    "health",
    "safety",
    "ict",
    "tourism",
    "circular-economy",
)
ORGANISATION_TYPES = (
    "company",
    "startup",
    "city",
    "public-body",
    "research",
    "university",
    "cluster",
    "association",
    "investor",
)
SUPPLIERS = ("company", "startup", "research", "university", "cluster", "association")

# How many offers and requests each kind of organisation tends to bring: (offers, requests) as
# lists to draw from. Cities ask, companies sell, research does a bit of both.
_ROLE_COUNTS: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = {
    "company": ((1, 1, 2, 2, 3), (0, 0, 0, 1)),
    "startup": ((1, 1, 2), (0, 1, 1)),
    "city": ((0, 0, 0, 0, 1), (1, 2, 2, 3)),
    "public-body": ((0, 0, 1), (1, 1, 2)),
    "research": ((1, 2), (0, 1, 1)),
    "university": ((1, 1, 2), (0, 1)),
    "cluster": ((0, 1), (1, 1, 2)),
    "association": ((0, 1), (1, 2)),
    "investor": ((1, 1), (0,)),
}
_TYPE_WEIGHTS = {
    "company": 30,
    "startup": 15,
    "city": 12,
    "public-body": 8,
    "research": 7,
    "university": 7,
    "cluster": 5,
    "association": 6,
    "investor": 3,
}


@dataclass(frozen=True)
class Topic:
    """Something that can be offered or requested; the words for it live in the generator."""

    key: str
    family: str
    domain: str
    variants: tuple[str, ...] = ()
    offered_by: tuple[str, ...] = SUPPLIERS


@dataclass(frozen=True)
class Need:
    """One opportunity before it is written out: which topic, in which variant (None: any)."""

    kind: str
    topic: Topic
    variant: str | None


@dataclass
class Sketch:
    """A participant before it is written out."""

    id: str
    organisation_type: str
    country: str
    home_domain: str
    needs: list[Need] = field(default_factory=list)
    organisation: str = ""


class Style(Protocol):
    """What a generator supplies: its own words for organisations, descriptions and needs."""

    @property
    def name(self) -> str: ...

    @property
    def countries(self) -> Sequence[tuple[str, int]]:
        """(ISO code, weight) pairs to draw participants' countries from."""
        ...

    def organisation(self, rng: random.Random, sketch: Sketch) -> str: ...

    def description(self, rng: random.Random, sketch: Sketch) -> str | None: ...

    def opportunity(self, rng: random.Random, need: Need, sketch: Sketch) -> tuple[str, str | None]:
        """Title and optional description of one offer or request."""
        ...


@dataclass
class Corpus:
    """A `matchfair-profiles/1` document and its hidden ground truth."""

    name: str
    document: dict[str, Any]
    relevance: dict[str, dict[str, int]]
    # Pairs of participants that offer the same thing in near-identical words and answer none
    # of each other's requests: a ranker that suggests one to the other as a match is wrong.
    competitor_traps: list[tuple[str, str]] = field(default_factory=list)

    def grade(self, participant: str, partner: str) -> int:
        return self.relevance.get(participant, {}).get(partner, 0)

    @property
    def ids(self) -> list[str]:
        return [p["id"] for p in self.document["participants"]]


def _norm_org(name: str) -> str:
    return " ".join(name.lower().split())


def _weighted(rng: random.Random, pairs: Sequence[tuple[str, int]]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _noisy_domains(rng: random.Random, true: list[str]) -> list[str]:
    roll = rng.random()
    if roll < 0.18:
        return []  # never filled in
    if roll < 0.33:  # ticks every box that looks vaguely right
        extra = rng.sample(SLUGS, rng.randint(2, 5))
        return sorted(set(true) | set(extra))
    if roll < 0.43 and true:  # one tag plainly wrong
        wrong = rng.choice([s for s in SLUGS if s not in true])
        return sorted(set(true[1:]) | {wrong})
    if roll < 0.55:  # only the broadest tag
        return ["ict"]
    return sorted(set(true))


def _opportunity_domains(rng: random.Random, topic: Topic) -> list[str] | None:
    roll = rng.random()
    if roll < 0.5:
        return None
    if roll < 0.62:
        return [rng.choice(SLUGS)]
    if roll < 0.7:
        return sorted({topic.domain, "ict"})
    return [topic.domain]


def _pick_need(
    rng: random.Random, kind: str, pool: Sequence[Topic], home: str, taken: set[str]
) -> Need | None:
    local = [t for t in pool if t.domain == home and t.key not in taken]
    rest = [t for t in pool if t.key not in taken]
    choices = local if local and rng.random() < 0.7 else rest
    if not choices:
        return None
    topic = rng.choice(choices)
    variant = rng.choice(topic.variants) if topic.variants and rng.random() < 0.75 else None
    return Need(kind, topic, variant)


def _relevance(sketches: list[Sketch]) -> dict[str, dict[str, int]]:
    # Who offers, and who requests, by topic and variant (None: names no variant) and by family.
    # A pair's grade is the same from both sides, so each side collects both directions with
    # set operations instead of visiting every pair.
    index: dict[str, dict[tuple[str, ...], set[str]]] = {
        "offer": defaultdict(set),
        "request": defaultdict(set),
    }
    for s in sketches:
        for need in s.needs:
            side = index[need.kind]
            side["variant", need.topic.key, need.variant or ""].add(s.id)
            side["topic", need.topic.key].add(s.id)
            side["family", need.topic.family].add(s.id)
    org = {s.id: _norm_org(s.organisation) for s in sketches}
    namesakes: dict[str, set[str]] = defaultdict(set)
    for pid, name in org.items():
        namesakes[name].add(pid)
    relevance: dict[str, dict[str, int]] = {}
    for s in sketches:
        exact: set[str] = set()
        partly: set[str] = set()
        for need in s.needs:
            other = index["request" if need.kind == "offer" else "offer"]
            key = need.topic.key
            if need.variant is None:
                exact |= other["topic", key]
            else:
                exact |= other["variant", key, need.variant] | other["variant", key, ""]
            partly |= other["family", need.topic.family]
        unreachable = namesakes[org[s.id]]
        grades = dict.fromkeys(partly - unreachable, 1)
        grades.update(dict.fromkeys(exact - unreachable, 2))
        relevance[s.id] = grades
    return relevance


def assemble(n: int, seed: int, topics: Sequence[Topic], style: Style) -> Corpus:
    """Build a corpus of `n` participants from a generator's topics and words."""
    if n < 4:
        raise ValueError("a corpus needs at least 4 participants")
    rng = random.Random(f"{style.name}:{seed}")
    domains = sorted({t.domain for t in topics})
    n_traps = max(1, n // 40)
    n_main = n - n_traps
    sketches: list[Sketch] = []
    types = list(_TYPE_WEIGHTS.items())
    for i in range(n_main):
        org_type = _weighted(rng, types)
        sketches.append(
            Sketch(f"p{i + 1}", org_type, _weighted(rng, style.countries), rng.choice(domains))
        )
    # The first two are a seller and a buyer, so that even a tiny corpus has a match.
    sketches[0].organisation_type = "company"
    sketches[1].organisation_type = "city"
    # Offers first, then requests for topics someone else offers: every request has an answer.
    for s in sketches:
        pool = [t for t in topics if s.organisation_type in t.offered_by]
        counts = _ROLE_COUNTS[s.organisation_type][0]
        wanted = max(1, rng.choice(counts)) if s is sketches[0] else rng.choice(counts)
        taken: set[str] = set()
        for _ in range(wanted):
            need = _pick_need(rng, "offer", pool, s.home_domain, taken) if pool else None
            if need:
                taken.add(need.topic.key)
                s.needs.append(need)
    offered_by: dict[str, set[str]] = defaultdict(set)
    for s in sketches:
        for need in s.needs:
            offered_by[need.topic.key].add(s.id)
    widely_offered = [t for t in topics if len(offered_by[t.key]) > 1]
    for s in sketches:
        answerable = widely_offered + [
            t for t in topics if len(offered_by[t.key]) == 1 and s.id not in offered_by[t.key]
        ]
        counts = _ROLE_COUNTS[s.organisation_type][1]
        wanted = max(1, rng.choice(counts)) if s is sketches[1] else rng.choice(counts)
        taken = {n.topic.key for n in s.needs}
        for _ in range(wanted):
            need = _pick_need(rng, "request", answerable, s.home_domain, taken)
            if need:
                taken.add(need.topic.key)
                s.needs.append(need)
    # Competitor traps: a seller whose product someone requests, and who asks for nothing in the
    # families it sells, gets a twin that sells the same in the same words and asks for nothing
    # either of them offers. A corpus too small to have such a seller gets a plain seller.
    requested = {n.topic.key for s in sketches for n in s.needs if n.kind == "request"}

    def families(s: Sketch, kind: str) -> set[str]:
        return {n.topic.family for n in s.needs if n.kind == kind}

    sellers = [
        s
        for s in sketches
        if families(s, "offer") and not families(s, "offer") & families(s, "request")
        if any(n.kind == "offer" and n.topic.key in requested for n in s.needs)
    ]
    traps: list[tuple[Sketch, Sketch]] = []
    for j in range(n_traps):
        pid = f"p{n_main + j + 1}"
        if not sellers:
            plain = Sketch(pid, "company", _weighted(rng, style.countries), rng.choice(domains))
            pool = [t for t in topics if "company" in t.offered_by]
            plain.needs.append(Need("offer", rng.choice(pool), None))
            sketches.append(plain)
            continue
        original = rng.choice(sellers)
        twin = Sketch(
            pid,
            original.organisation_type,
            _weighted(rng, style.countries),
            original.home_domain,
            [Need("offer", n.topic, n.variant) for n in original.needs if n.kind == "offer"],
        )
        taken = families(original, "offer") | families(original, "request")
        far = [t for t in topics if t.family not in taken and offered_by[t.key] - {original.id}]
        if far and rng.random() < 0.5:
            twin.needs.append(Need("request", rng.choice(far), None))
        sketches.append(twin)
        traps.append((original, twin))
    # Names: each unique, except a few second delegations of one organisation written another
    # way ("City of X" and "city of  x"), which the engine must never pair.
    used: set[str] = set()
    for s in sketches:
        for attempt in range(30):
            name = style.organisation(rng, s)
            if attempt >= 10:  # a crowded name space: a branch, as real registers have
                name = f"{name} {attempt - 8}"
            if _norm_org(name) not in used:
                break
        used.add(_norm_org(name))
        s.organisation = name
    trap_ids = {x.id for pair in traps for x in pair}
    for _ in range(max(1, n // 100) if n_main >= 4 else 0):
        a, b = rng.sample(sketches[2:n_main], 2)
        if a.id in trap_ids or b.id in trap_ids:
            continue
        # Only where each still has someone else to answer every one of its requests.
        if any(
            not offered_by[need.topic.key] - {a.id, b.id}
            for s in (a, b)
            for need in s.needs
            if need.kind == "request"
        ):
            continue
        b.organisation = a.organisation.upper() if rng.random() < 0.5 else f"  {a.organisation} "
        b.organisation = b.organisation.replace(" ", "  ", 1)
    relevance = _relevance(sketches)
    # Exclusions are one-way: the excluder can never be shown them, so they count for nothing.
    excludes: dict[str, list[str]] = {}
    for s in rng.sample(sketches, max(1, n // 25)):
        ghost = f"left-{rng.randint(1, 999)}"
        mine = relevance[s.id]
        dropped = [rng.choice(sorted(mine))] if len(mine) > 1 else []
        excludes[s.id] = [ghost, *dropped]
        for other in dropped:
            del mine[other]
    participants = []
    for s in sketches:
        true_domains = sorted({n.topic.domain for n in s.needs} or {s.home_domain})
        p: dict[str, Any] = {
            "id": s.id,
            "organisation": s.organisation,
            "organisation_type": s.organisation_type,
            "country": s.country,
        }
        tags = _noisy_domains(rng, true_domains)
        if tags or rng.random() < 0.5:
            p["domains"] = tags
        description = style.description(rng, s)
        if description:
            p["description"] = description
        opportunities = []
        for need in s.needs:
            title, text = style.opportunity(rng, need, s)
            o: dict[str, Any] = {"kind": need.kind, "title": title}
            if text:
                o["description"] = text
            od = _opportunity_domains(rng, need.topic)
            if od is not None:
                o["domains"] = od
            opportunities.append(o)
        if opportunities:
            p["opportunities"] = opportunities
        if s.id in excludes:
            p["exclude"] = excludes[s.id]
        participants.append(p)
    # The twins sit at the end of the build; shuffle so position gives nothing away.
    rng.shuffle(participants)
    return Corpus(
        name=style.name,
        document={"format": FORMAT, "participants": participants},
        relevance=relevance,
        competitor_traps=[(a.id, b.id) for a, b in traps],
    )
