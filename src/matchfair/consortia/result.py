"""Write a proposal as `matchfair-consortium-proposal/1` JSON, and read that JSON back (the
funding app keeps proposals as JSON and re-checks them after each edit)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .countries import Countries, load_countries
from .model import (
    RESULT_FORMAT,
    Objective,
    Param,
    Phrase,
    Proposal,
    Relationship,
    Request,
    RuleMet,
    Seat,
    Unmet,
)


def summary(proposal: Proposal) -> str:
    """One sentence: the consortium, or which rules cannot be met."""
    if proposal.feasible:
        return (
            f"{len(proposal.seats)} members coordinated by {proposal.coordinator}, "
            f"objective {proposal.objective.total if proposal.objective else 0}"
        )
    if not proposal.unmet:
        return "no consortium found within the time limit"
    rules = "; ".join(f"{u.rule}: {u.text}" for u in proposal.unmet)
    if len(proposal.unmet) == 1:
        return f"no consortium can meet this rule: {rules}"
    return f"no consortium can meet these rules together: {rules}"


def why(seat: Seat) -> str:
    """The terms that put a member in the consortium, in one sentence."""
    parts = [f"fit {seat.fit}", f"relationship {seat.relationship} ({seat.relationship_text})"]
    if seat.only_domains:
        parts.append(f"the only member covering {', '.join(seat.only_domains)}")
    elif seat.domains:
        parts.append(f"covers {', '.join(seat.domains)}")
    if seat.roles:
        parts.append(f"plays {', '.join(r.replace('_', ' ') for r in seat.roles)}")
    return "; ".join(parts)


def phrase_to_json(phrase: Phrase | None) -> dict[str, object] | None:
    if phrase is None:
        return None
    params = {k: list(v) if isinstance(v, tuple) else v for k, v in phrase.params.items()}
    return {"key": phrase.key, "params": params}


def phrase_from_json(raw: Mapping[str, Any] | None) -> Phrase | None:
    """A phrase read back; None for a proposal written before phrases were."""
    if raw is None:
        return None
    params: dict[str, Param] = {
        str(k): tuple(v) if isinstance(v, list) else v for k, v in raw["params"].items()
    }
    return Phrase(str(raw["key"]), params)


def proposal_to_json(
    proposal: Proposal, request: Request, countries: Countries | None = None
) -> dict[str, object]:
    countries = countries or load_countries()
    seats: list[dict[str, object]] = []
    for seat in proposal.seats:
        c = request.by_id[seat.id]
        seats.append(
            {
                "id": seat.id,
                "name": c.name,
                "country": c.country,
                "country_standing": countries.standing(c.country, request.rules.pillar),
                "type": c.type,
                "role": seat.role,
                "why": {
                    "text": why(seat),
                    "fit": seat.fit,
                    "relationship": seat.relationship,
                    "relationship_text": seat.relationship_text,
                    "relationship_facts": {
                        "expo_stage": seat.relationship_facts.expo_stage,
                        "past_projects": seat.relationship_facts.past_projects,
                        "same_partnership": seat.relationship_facts.same_partnership,
                    },
                    "domains": list(seat.domains),
                    "only_domains": list(seat.only_domains),
                    "roles": list(seat.roles),
                },
                "rules": list(seat.rules),
                "labels": [phrase_to_json(label) for label in seat.labels],
            }
        )
    objective: dict[str, int] | None = None
    if proposal.objective is not None:
        o = proposal.objective
        objective = {
            "fit": o.fit,
            "relationship": o.relationship,
            "seats": o.seats,
            "domains": o.domains,
            "roles": o.roles,
            "coordinator": o.coordinator,
            "total": o.total,
        }
    return {
        "format": RESULT_FORMAT,
        "call": proposal.call,
        "feasible": proposal.feasible,
        "summary": summary(proposal),
        "coordinator": proposal.coordinator,
        "members": seats,
        "independent_entities": list(proposal.independent_entities),
        "rules": [
            {
                "rule": r.rule,
                "text": r.text,
                "satisfied_by": list(r.satisfied_by),
                "phrase": phrase_to_json(r.phrase),
            }
            for r in proposal.rules
        ],
        "objective": objective,
        "domains_missing": list(proposal.domains_missing),
        "unmet": [
            {"rule": u.rule, "text": u.text, "phrase": phrase_to_json(u.phrase)}
            for u in proposal.unmet
        ],
        "countries": {"as_of": countries.as_of, "source": countries.source},
        "stats": proposal.stats,
    }


def proposal_from_json(raw: Mapping[str, Any]) -> Proposal:
    """Read back what `proposal_to_json` wrote (or an edited copy of it) for the checker."""
    objective = raw.get("objective")
    return Proposal(
        call=str(raw["call"]),
        feasible=bool(raw["feasible"]),
        coordinator=raw.get("coordinator"),
        seats=tuple(
            Seat(
                id=str(m["id"]),
                role=str(m["role"]),
                fit=int(m["why"]["fit"]),
                relationship=int(m["why"]["relationship"]),
                relationship_text=str(m["why"]["relationship_text"]),
                domains=tuple(m["why"]["domains"]),
                only_domains=tuple(m["why"]["only_domains"]),
                roles=tuple(m["why"]["roles"]),
                rules=tuple(m["rules"]),
                labels=tuple(
                    label
                    for label in (phrase_from_json(raw) for raw in m.get("labels", []))
                    if label is not None
                ),
                relationship_facts=Relationship(**m["why"].get("relationship_facts", {})),
            )
            for m in raw["members"]
        ),
        independent_entities=tuple(raw["independent_entities"]),
        rules=tuple(
            RuleMet(
                str(r["rule"]),
                str(r["text"]),
                tuple(r["satisfied_by"]),
                phrase_from_json(r.get("phrase")),
            )
            for r in raw["rules"]
        ),
        objective=None
        if objective is None
        else Objective(
            fit=int(objective["fit"]),
            relationship=int(objective["relationship"]),
            seats=int(objective["seats"]),
            domains=int(objective["domains"]),
            roles=int(objective["roles"]),
            coordinator=int(objective["coordinator"]),
        ),
        domains_missing=tuple(raw["domains_missing"]),
        unmet=tuple(
            Unmet(str(u["rule"]), str(u["text"]), phrase_from_json(u.get("phrase")))
            for u in raw["unmet"]
        ),
        stats=dict(raw.get("stats", {})),
    )
