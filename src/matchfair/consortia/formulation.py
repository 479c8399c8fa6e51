"""The CP-SAT formulation of a consortium request.

One Boolean per available candidate says it takes a seat, one per candidate that may coordinate
says it coordinates, and one per candidate in an eligible country says it is one of the
independent legal entities the programme's default counts. The hard rules are linear
constraints, built by rule group so that `explain.py` can leave groups out. The objective is
the sum `score.objective` defines (docs/funding.md, "The objective").
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from ortools.sat.python import cp_model

from .countries import Countries
from .model import Request

RULE_GROUPS = (
    "lead",
    "coordinator",
    "lead_coordinates",
    "size_min",
    "size_max",
    "independent_entities",
    "only_eligible_countries",
)


def rule_groups(request: Request) -> list[str]:
    """The request's hard rules, by the name `explain.py` reports them under."""
    groups = [g for g in RULE_GROUPS if g != "lead_coordinates" or request.lead_coordinates]
    if request.rules.max_members is None:
        groups.remove("size_max")
    if request.rules.independent_entities == 0:
        groups.remove("independent_entities")
    if not request.rules.only_eligible_countries:
        groups.remove("only_eligible_countries")
    return groups + [f"role:{r.role}" for r in request.rules.required_roles]


def may_coordinate(request: Request, candidate_id: str, countries: Countries) -> bool:
    candidate = request.by_id[candidate_id]
    standing = countries.standing(candidate.country, request.rules.pillar)
    if request.rules.coordinator_in_member_state:
        return candidate.can_coordinate and standing == "member_state"
    return candidate.can_coordinate and standing != "third"


@dataclass
class Formulation:
    model: cp_model.CpModel
    seat: dict[str, cp_model.IntVar]
    lead: dict[str, cp_model.IntVar]
    counts: dict[str, cp_model.IntVar]  # the independent legal entities chosen
    # Each domain or wanted role of the objective: its "covered" Boolean and who covers it.
    covers: list[tuple[cp_model.IntVar, list[str]]]

    def hint(
        self, members: Collection[str], coordinator: str, independent: Collection[str]
    ) -> None:
        """A complete solution hint: every variable, the auxiliary ones included."""
        for cid, var in self.seat.items():
            self.model.add_hint(var, cid in members)
        for cid, var in self.lead.items():
            self.model.add_hint(var, cid == coordinator)
        for cid, var in self.counts.items():
            self.model.add_hint(var, cid in independent)
        for var, ids in self.covers:
            self.model.add_hint(var, any(cid in members for cid in ids))


def formulate(
    request: Request, active: Collection[str], countries: Countries, objective: bool
) -> Formulation:
    rules = request.rules
    pillar = rules.pillar
    model = cp_model.CpModel()
    available = [c for c in request.candidates if c.available]
    seat = {c.id: model.new_bool_var(f"seat[{c.id}]") for c in available}
    lead = {
        c.id: model.new_bool_var(f"coordinator[{c.id}]")
        for c in available
        if may_coordinate(request, c.id, countries)
    }
    for cid, var in lead.items():
        model.add_implication(var, seat[cid])
    if "lead" in active:
        model.add_bool_or([seat[request.lead]] if request.lead in seat else [])
    if "coordinator" in active:
        model.add_exactly_one(lead.values())
    else:
        model.add_at_most_one(lead.values())
    if "lead_coordinates" in active:
        model.add_bool_or([lead[request.lead]] if request.lead in lead else [])
    size = sum(seat.values())
    if "size_min" in active:
        model.add(size >= rules.min_members)
    if "size_max" in active and rules.max_members is not None:
        model.add(size <= rules.max_members)
    for rule in rules.required_roles:
        if f"role:{rule.role}" in active:
            model.add(sum(seat[c.id] for c in available if c.plays(rule.role)) >= rule.at_least)
    if "only_eligible_countries" in active:
        for c in available:
            if not countries.eligible(c.country, pillar):
                model.add(seat[c.id] == 0)
    counts: dict[str, cp_model.IntVar] = {}
    if "independent_entities" in active and rules.independent_entities:
        eligible = [c for c in available if countries.eligible(c.country, pillar)]
        counts = {c.id: model.new_bool_var(f"counts[{c.id}]") for c in eligible}
        by_country: dict[str, list[cp_model.IntVar]] = {}
        by_group: dict[str, list[cp_model.IntVar]] = {}
        for c in eligible:
            model.add_implication(counts[c.id], seat[c.id])
            by_country.setdefault(c.country, []).append(counts[c.id])
            by_group.setdefault(c.group, []).append(counts[c.id])
        for same in [*by_country.values(), *by_group.values()]:
            model.add_at_most_one(same)
        # Exactly as many as the rule asks: any more would only be listed, not needed.
        model.add(sum(counts.values()) == rules.independent_entities)
        if rules.needs_member_state:
            in_member_state = [
                counts[c.id]
                for c in eligible
                if countries.standing(c.country, pillar) == "member_state"
            ]
            model.add_bool_or(in_member_state)
    covers: list[tuple[cp_model.IntVar, list[str]]] = []
    if objective:
        model.maximize(_objective(request, model, seat, lead, covers))
    return Formulation(model, seat, lead, counts, covers)


def _objective(
    request: Request,
    model: cp_model.CpModel,
    seat: dict[str, cp_model.IntVar],
    lead: dict[str, cp_model.IntVar],
    covers: list[tuple[cp_model.IntVar, list[str]]],
) -> cp_model.LinearExprT:
    """The same sum as `score.objective`, over the model's variables."""
    w = request.weights
    terms: list[cp_model.LinearExprT] = []
    for cid, var in seat.items():
        c = request.by_id[cid]
        own = w.fit * c.fit_points + w.relationship * c.relationship.points - w.seat
        terms.append(own * var)
    for cid, var in lead.items():
        terms.append(w.coordinator * request.by_id[cid].fit_points * var)
    wanted: list[tuple[int, list[str]]] = [
        (w.domain, [cid for cid in seat if d in request.by_id[cid].domains])
        for d in request.domains
    ]
    wanted += [
        (w.role, [cid for cid in seat if request.by_id[cid].plays(r)])
        for r in request.rules.wanted_roles
    ]
    for weight, ids in wanted:
        if not ids or weight == 0:
            continue
        covered = model.new_bool_var("")
        model.add_bool_or([seat[cid] for cid in ids]).only_enforce_if(covered)
        terms.append(weight * covered)
        covers.append((covered, ids))
    return sum(terms)


def feasible(request: Request, active: Collection[str], countries: Countries) -> bool:
    """Whether the rule groups in `active` are not proved infeasible (no objective). A search
    that runs out of time counts as feasible, so `explain.py` keeps a rule it is unsure of:
    what it reports stays infeasible, if not always smallest."""
    built = formulate(request, active, countries, objective=False)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 10.0
    return solver.solve(built.model) != cp_model.INFEASIBLE
