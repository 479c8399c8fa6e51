"""Who supplies and who buys what in a held-out set, and the graded ground truth, with no words.

A market is a list of `Member`s. Each member supplies some services, wants some services, or
both. The generators give the services (a key, a family, a domain slug) and the shares of each
role; this module decides:

- suppliers (1 to 3 services, mostly of one family), buyers (1 or 2 wanted services) and
  traders that supply one service and want one of another family;
- rival groups: three suppliers of one service, in near-identical words, who want nothing.
  Every pair inside a group is listed in `rivals`; their grade is 0;
- second delegations: a member of the same organisation (its name spelt with other case and
  spacing) that supplies exactly what the first one wants. The pair is graded 0 both ways;
- `exclude` lists: some buyers exclude one of their best partners (graded 0 for them only, and
  only when another best partner remains), some name ids that are not in the set.

Grades are symmetric apart from `exclude`: 2 when one side wants a service the other supplies,
1 when it wants a service of the same family, 0 otherwise. Two suppliers of the same service
who want nothing from each other are rivals, not partners.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

PURE_BUYER_TYPES = ("city", "public-body", "cluster", "association")


@dataclass(frozen=True)
class Service:
    key: str
    family: str
    domain: str


@dataclass
class Member:
    id: str
    role: str  # "supplier", "buyer", "trader", "rival" or "delegation"
    organisation_type: str
    supplies: list[Service] = field(default_factory=list)
    wants: list[Service] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    # Index of the member whose organisation this one shares (a second delegation), else None.
    same_as: int | None = None


@dataclass(frozen=True)
class Roles:
    """Shares of each role and the organisation types that fill them."""

    supplier_types: Sequence[tuple[str, int]]
    buyer_types: Sequence[tuple[str, int]]
    trader_types: Sequence[tuple[str, int]]
    buyers: float = 0.4
    traders: float = 0.1
    rival_groups_per_100: float = 1.2
    delegations_per_100: float = 2.0
    excluding: float = 0.12


@dataclass
class Market:
    members: list[Member]
    relevance: dict[str, dict[str, int]]
    rivals: list[tuple[str, str]]


def _pick(rng: random.Random, weighted: Sequence[tuple[str, int]]) -> str:
    return rng.choices([w for w, _ in weighted], [n for _, n in weighted])[0]


def _supply_set(rng: random.Random, services: Sequence[Service]) -> list[Service]:
    first = rng.choice(services)
    siblings = [s for s in services if s.family == first.family and s != first]
    chosen = [first]
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        pool = siblings if siblings and rng.random() < 0.75 else list(services)
        extra = rng.choice(pool)
        if extra not in chosen:
            chosen.append(extra)
    return chosen


def build(n: int, rng: random.Random, services: Sequence[Service], roles: Roles) -> Market:
    if n < 4:
        raise ValueError("a market needs at least 4 participants")
    members: list[Member] = []

    def add(
        role: str,
        org_type: str,
        supplies: Sequence[Service] = (),
        wants: Sequence[Service] = (),
        same_as: int | None = None,
    ) -> None:
        members.append(
            Member(
                id=f"p{len(members) + 1}",
                role=role,
                organisation_type=org_type,
                supplies=list(supplies),
                wants=list(wants),
                same_as=same_as,
            )
        )

    groups = min(len(services), int(n * roles.rival_groups_per_100 / 100))
    delegations = int(n * roles.delegations_per_100 / 100)
    # Leave room: each rival group takes 3 places, each delegation 1, and at least one supplier
    # and one buyer remain.
    while groups * 3 + delegations > n - 2:
        if delegations:
            delegations -= 1
        else:
            groups -= 1
    plain = n - groups * 3 - delegations
    n_buyers = max(1, round(plain * roles.buyers))
    n_traders = min(plain - n_buyers - 1, round(plain * roles.traders))
    n_suppliers = plain - n_buyers - n_traders

    for _ in range(n_suppliers):
        add("supplier", _pick(rng, roles.supplier_types), _supply_set(rng, services))
    for service in rng.sample(list(services), groups):
        org_type = _pick(rng, roles.supplier_types)
        for _ in range(3):
            add("rival", org_type, [service])

    supplied = {s for m in members for s in m.supplies}
    wantable = [s for s in services if s in supplied]
    for _ in range(n_traders):
        offer = rng.choice(services)
        others = [s for s in wantable if s.family != offer.family] or wantable
        add("trader", _pick(rng, roles.trader_types), [offer], [rng.choice(others)])
    for _ in range(n_buyers):
        first = rng.choice(wantable)
        wants = [first]
        if rng.random() < 0.35:
            second = rng.choice(wantable)
            if second != first:
                wants.append(second)
        buyer_type = _pick(rng, roles.buyer_types)
        if buyer_type not in PURE_BUYER_TYPES:
            raise ValueError(f"{buyer_type} would be read as offering its description")
        add("buyer", buyer_type, (), wants)

    buyers = [i for i, m in enumerate(members) if m.role == "buyer"]
    for i in rng.sample(buyers, min(delegations, len(buyers))):
        # Another department of the buyer's own organisation, which supplies what it wants.
        add("delegation", members[i].organisation_type, [members[i].wants[0]], same_as=i)

    # Shuffle places so roles are not in blocks, then renumber ids in the new order.
    order = list(range(len(members)))
    rng.shuffle(order)
    new_index = {old: new for new, old in enumerate(order)}
    members = [members[old] for old in order]
    for new, m in enumerate(members):
        m.id = f"p{new + 1}"
        if m.same_as is not None:
            m.same_as = new_index[m.same_as]

    relevance = _grades(members)
    _plant_exclusions(rng, members, relevance, roles.excluding)
    rivals = _rival_pairs(members)
    return Market(members=members, relevance=relevance, rivals=rivals)


def _organisation_of(members: Sequence[Member]) -> list[int]:
    return [m.same_as if m.same_as is not None else i for i, m in enumerate(members)]


def _grades(members: Sequence[Member]) -> dict[str, dict[str, int]]:
    by_key: dict[str, set[int]] = {}
    by_family: dict[str, set[int]] = {}
    for i, m in enumerate(members):
        for s in m.supplies:
            by_key.setdefault(s.key, set()).add(i)
            by_family.setdefault(s.family, set()).add(i)
    org = _organisation_of(members)
    relevance: dict[str, dict[str, int]] = {m.id: {} for m in members}

    def lift(a: int, b: int, grade: int) -> None:
        if a == b or org[a] == org[b]:
            return
        for x, y in ((a, b), (b, a)):
            row = relevance[members[x].id]
            row[members[y].id] = max(row.get(members[y].id, 0), grade)

    for a, m in enumerate(members):
        for want in m.wants:
            for b in by_family.get(want.family, ()):
                lift(a, b, 1)
            for b in by_key.get(want.key, ()):
                lift(a, b, 2)
    return relevance


def _plant_exclusions(
    rng: random.Random, members: list[Member], relevance: dict[str, dict[str, int]], share: float
) -> None:
    for m in members:
        if not m.wants or rng.random() >= share:
            continue
        row = relevance[m.id]
        best = sorted(pid for pid, g in row.items() if g == 2)
        if len(best) >= 2:
            gone = rng.choice(best)
            m.exclude.append(gone)
            del row[gone]
        if rng.random() < 0.4:
            m.exclude.append(f"left-{rng.randrange(1000, 9999)}")


def _rival_pairs(members: Sequence[Member]) -> list[tuple[str, str]]:
    groups: dict[str, list[str]] = {}
    for m in members:
        if m.role == "rival":
            groups.setdefault(m.supplies[0].key, []).append(m.id)
    pairs = []
    for key in sorted(groups):
        ids = groups[key]
        pairs += [(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :]]
    return pairs


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


def profile_domains(rng: random.Random, member: Member) -> list[str]:
    """The member's own tags, as people fill them in: often empty, sometimes wrong or too many."""
    true = sorted({s.domain for s in (*member.supplies, *member.wants)})
    roll = rng.random()
    if roll < 0.22:
        return []
    if roll < 0.30:
        return ["ict"]
    if roll < 0.38:
        return sorted(set(true) | {rng.choice(SLUGS)})
    if roll < 0.43:
        return sorted(rng.sample(SLUGS, 5))
    return true


def opportunity_domains(rng: random.Random, service: Service) -> list[str] | None:
    """Tags of one offer or request: missing half the time, now and then wrong."""
    roll = rng.random()
    if roll < 0.5:
        return None
    if roll < 0.58:
        return [rng.choice([s for s in SLUGS if s != service.domain])]
    return [service.domain]


class Names:
    """Unique organisation names: a clash gets a number, so no two members match by accident."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, name: str) -> str:
        candidate, n = name, 2
        while " ".join(candidate.lower().split()) in self.used:
            candidate, n = f"{name} {n}", n + 1
        self.used.add(" ".join(candidate.lower().split()))
        return candidate


def respelt(rng: random.Random, name: str) -> str:
    """The same organisation as a second delegation types it: other case, extra spaces."""
    spelt = name.upper() if rng.random() < 0.5 else name.lower()
    return "  ".join(spelt.split(" ", 1)) if " " in spelt else f" {spelt} "
