"""Plain typed values for a consortium request (`matchfair-consortium-request/1`) and its proposal.

Scores are whole points so that the solver, the greedy baseline, the checker and the tests all
add up the same integers: a fit of 0.73 is 73 points (`fit_points`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

FORMAT = "matchfair-consortium-request/1"
RESULT_FORMAT = "matchfair-consortium-proposal/1"

ORGANISATION_TYPES = (
    "research",
    "higher_education",
    "sme",
    "large_company",
    "public_body",
    "city",
    "ngo",
)

# The follow-up ladder of a meeting at the expo (the outcomes of meetings), with the points a
# stage adds to the relationship strength. "held" is a meeting held with no stage recorded yet.
EXPO_STAGES: dict[str, int] = {
    "no_further_contact": 0,
    "held": 10,
    "knowledge_gained": 15,
    "valuable_contact": 35,
    "negotiation_started": 50,
    "agreement_reached": 60,
}
POINTS_PER_PAST_PROJECT = 15
MAX_PAST_PROJECTS_COUNTED = 3
POINTS_SAME_PARTNERSHIP = 15
MAX_RELATIONSHIP_POINTS = 100

# The type of action sets the Horizon Europe default: how many independent legal entities from
# different eligible countries a consortium needs at least, and whether one must be in a member
# state (General Annexes to the Horizon Europe work programme, B. Admissibility and eligibility).
TYPES_OF_ACTION: dict[str, tuple[int, bool]] = {
    "RIA": (3, True),  # research and innovation action
    "IA": (3, True),  # innovation action
    "CSA": (1, False),  # coordination and support action: one entity in a member state or AC
    "other": (0, False),  # no default; only the topic's own conditions
}


@dataclass(frozen=True, slots=True)
class Weights:
    """The objective's weights (docs/funding.md, "The objective"); a request may change them."""

    fit: int = 1  # per fit point (0–100) of each member
    relationship: int = 1  # per relationship point (0–100) of each member
    seat: int = 50  # subtracted per member: a seat costs coordination and budget share
    domain: int = 40  # per domain of the call covered by at least one member
    role: int = 60  # per wanted role played by at least one member
    coordinator: int = 1  # per fit point of the coordinator, on top of its own terms


@dataclass(frozen=True, slots=True)
class Relationship:
    """What the cluster knows of an organisation: the expo, past projects, the partnership."""

    expo_stage: str | None = None  # a key of EXPO_STAGES; None: not met at the expo
    past_projects: int = 0  # projects the lead member and it were both in (CORDIS)
    same_partnership: bool = False  # in the lead member's partnership of clusters

    @property
    def points(self) -> int:
        stage = EXPO_STAGES[self.expo_stage] if self.expo_stage is not None else 0
        projects = min(self.past_projects, MAX_PAST_PROJECTS_COUNTED) * POINTS_PER_PAST_PROJECT
        partnership = POINTS_SAME_PARTNERSHIP if self.same_partnership else 0
        return min(stage + projects + partnership, MAX_RELATIONSHIP_POINTS)

    def describe(self) -> str:
        parts: list[str] = []
        if self.expo_stage is not None:
            parts.append(f"met at the expo: {self.expo_stage.replace('_', ' ')}")
        if self.past_projects:
            plural = "s" if self.past_projects != 1 else ""
            parts.append(f"{self.past_projects} past project{plural} together")
        if self.same_partnership:
            parts.append("same partnership")
        return "; ".join(parts) or "no relationship yet"


@dataclass(frozen=True, slots=True)
class Candidate:
    """An organisation that could take a seat; `id` is the organisation's, so one seat each."""

    id: str
    name: str
    country: str  # ISO 3166-1 alpha-2, canonical (countries.json aliases applied)
    type: str  # one of ORGANISATION_TYPES
    domains: tuple[str, ...]
    fit: float  # 0.0–1.0, from call matching
    relationship: Relationship = Relationship()
    available: bool = True
    roles: tuple[str, ...] = ()  # roles beyond its type, such as "end_user"
    legal_group: str = ""  # affiliated entities share one; "" means its own id
    can_coordinate: bool = True

    @property
    def group(self) -> str:
        return self.legal_group or self.id

    @property
    def fit_points(self) -> int:
        return round(self.fit * 100)

    def plays(self, role: str) -> bool:
        """An organisation plays its type as a role, and each of its listed roles."""
        return role == self.type or role in self.roles


@dataclass(frozen=True, slots=True)
class RoleRule:
    role: str
    at_least: int


@dataclass(frozen=True, slots=True)
class Rules:
    """A call's rules: the programme's default for the type of action, and the topic's own."""

    call: str  # the topic identifier
    type_of_action: str = "RIA"  # a key of TYPES_OF_ACTION
    pillar: int | None = 2  # for associated countries associated to some pillars only
    min_members: int = 1
    max_members: int | None = None
    required_roles: tuple[RoleRule, ...] = ()
    wanted_roles: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()  # the call's domains; complementarity counts those covered
    only_eligible_countries: bool = False  # every member in a member state or associated country
    coordinator_in_member_state: bool = False

    @property
    def independent_entities(self) -> int:
        return TYPES_OF_ACTION[self.type_of_action][0]

    @property
    def needs_member_state(self) -> bool:
        return TYPES_OF_ACTION[self.type_of_action][1]


@dataclass(frozen=True)
class Request:
    rules: Rules
    lead: str  # a candidate id: the cluster member the consortium is built for
    lead_coordinates: bool
    candidates: tuple[Candidate, ...]
    weights: Weights = Weights()

    @cached_property
    def by_id(self) -> dict[str, Candidate]:
        return {c.id: c for c in self.candidates}

    @cached_property
    def domains(self) -> tuple[str, ...]:
        """The domains complementarity counts: the call's, or else every candidate's."""
        if self.rules.domains:
            return self.rules.domains
        return tuple(sorted({d for c in self.candidates for d in c.domains}))


@dataclass(frozen=True, slots=True)
class Objective:
    """The objective of one consortium, term by term, in points (weights applied)."""

    fit: int
    relationship: int
    seats: int  # negative: the seat cost
    domains: int
    roles: int
    coordinator: int

    @property
    def total(self) -> int:
        return (
            self.fit + self.relationship + self.seats + self.domains + self.roles + self.coordinator
        )


Param = str | int | bool | None | tuple[str, ...]

# Every sentence the engine says, by key, with the names of its parameters: the English `text`
# beside each is for the command line, and an app words the key in its reader's language.
# Parameters are facts, never words: ids, counts, ISO country codes, standings
# (`member_state`, `associated`, `third`), role keys, types of action.
PHRASES: dict[str, tuple[str, ...]] = {
    # rules[]: a rule the consortium meets
    "met.lead": ("lead",),
    "met.coordinator": ("coordinator", "country", "lead_coordinates"),
    "met.independent_entities": (
        "type_of_action",
        "needed",
        "needs_member_state",
        "members",
        "countries",
        "standings",
    ),
    "met.size": ("members", "min", "max"),
    "met.role": ("role", "at_least", "players"),
    "met.only_eligible_countries": (),
    # members[].labels: the rule one member satisfies
    "seat.lead": (),
    "seat.coordinator": (),
    "seat.independent_entity": ("place", "of", "country", "standing"),
    "seat.role": ("role",),
    # unmet[]: a rule no consortium meets, with the facts behind it
    "unmet.lead": ("lead", "available"),
    "unmet.coordinator": ("member_state_only", "ids"),
    "unmet.lead_coordinates.unavailable": ("lead",),
    "unmet.lead_coordinates.may_not": ("lead",),
    "unmet.lead_coordinates.country": ("lead", "country", "standing"),
    "unmet.lead_coordinates.other": ("lead",),
    "unmet.size_min": ("min", "available"),
    "unmet.size_max": ("max",),
    "unmet.only_eligible_countries": ("ids",),
    "unmet.independent_entities": (
        "type_of_action",
        "needed",
        "needs_member_state",
        "countries",
        "member_states",
    ),
    "unmet.role": ("role", "at_least", "ids"),
}


@dataclass(frozen=True, slots=True)
class Phrase:
    """A sentence as its key in `PHRASES` and its parameters, for an app to word."""

    key: str
    params: dict[str, Param] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Seat:
    """A proposed member, why it is there, and which rules it satisfies."""

    id: str
    role: str  # "coordinator" or "partner"
    fit: int  # fit points
    relationship: int  # relationship points
    relationship_text: str
    domains: tuple[str, ...]  # the call's domains it covers
    only_domains: tuple[str, ...]  # ... that no other member covers (complementarity)
    roles: tuple[str, ...]  # required or wanted roles it plays
    rules: tuple[str, ...]  # the hard rules it satisfies, in words
    labels: tuple[Phrase, ...] = ()  # the same rules, as phrases
    relationship_facts: Relationship = Relationship()  # what `relationship_text` says


@dataclass(frozen=True, slots=True)
class RuleMet:
    rule: str  # a rule key, such as "independent_entities" or "role:city"
    text: str
    satisfied_by: tuple[str, ...]
    phrase: Phrase | None = None


@dataclass(frozen=True, slots=True)
class Unmet:
    """A rule that no consortium from these candidates can meet, and why."""

    rule: str
    text: str
    phrase: Phrase | None = None


@dataclass(frozen=True, slots=True)
class Proposal:
    call: str
    feasible: bool
    coordinator: str | None
    seats: tuple[Seat, ...]
    independent_entities: tuple[str, ...]  # the members that meet the programme's default
    rules: tuple[RuleMet, ...]
    objective: Objective | None
    domains_missing: tuple[str, ...]
    unmet: tuple[Unmet, ...]
    stats: dict[str, object] = field(default_factory=dict)

    @property
    def members(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.seats)
