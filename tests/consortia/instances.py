"""Small hand-made `matchfair-consortium-request/1` requests the consortium tests start from."""

from __future__ import annotations

import copy
from typing import Any

from matchfair.consortia import build_consortium, explain, load_countries, parse_request
from matchfair.consortia.model import Phrase

CALL = "HORIZON-CL5-2027-D6-01-05"

_SMALL: dict[str, Any] = {
    "format": "matchfair-consortium-request/1",
    "rules": {
        "call": CALL,
        "type_of_action": "RIA",
        "min_members": 4,
        "max_members": 5,
        "required_roles": [{"role": "city", "at_least": 1}],
        "wanted_roles": ["end_user", "research"],
        "domains": ["mobility", "energy", "ai", "citizen-engagement", "climate-adaptation"],
    },
    "lead": "sofia-lab",
    "candidates": [
        {
            "id": "sofia-lab",
            "name": "Sofia Smart Mobility Lab",
            "country": "BG",
            "type": "sme",
            "domains": ["mobility", "ai"],
            "fit": 0.9,
        },
        {
            "id": "barcelona",
            "name": "Ajuntament de Barcelona",
            "country": "ES",
            "type": "city",
            "domains": ["mobility", "citizen-engagement"],
            "roles": ["end_user"],
            "fit": 0.7,
            "relationship": {"expo_stage": "valuable_contact"},
        },
        {
            "id": "fraunhofer",
            "name": "Fraunhofer IVI",
            "country": "DE",
            "type": "research",
            "domains": ["energy", "ai"],
            "fit": 0.8,
            "relationship": {"past_projects": 2},
        },
        {
            "id": "tecnalia",
            "name": "Tecnalia",
            "country": "ES",
            "type": "research",
            "domains": ["energy", "mobility"],
            "fit": 0.75,
            "relationship": {"expo_stage": "knowledge_gained"},
        },
        {
            "id": "oslo",
            "name": "Oslo kommune",
            "country": "NO",
            "type": "city",
            "domains": ["climate-adaptation"],
            "fit": 0.5,
            "relationship": {"same_partnership": True},
        },
        {
            "id": "acme-us",
            "name": "Acme Mobility Inc.",
            "country": "US",
            "type": "large_company",
            "domains": ["ai"],
            "fit": 0.95,
            "relationship": {"expo_stage": "agreement_reached"},
        },
        {
            "id": "thessaloniki",
            "name": "Municipality of Thessaloniki",
            "country": "EL",
            "type": "city",
            "domains": ["mobility"],
            "fit": 0.6,
            "available": False,
        },
    ],
}


def small() -> dict[str, Any]:
    """Seven candidates for one smart-city call; Thessaloniki is unavailable."""
    return copy.deepcopy(_SMALL)


def phrases() -> list[Phrase]:
    """Every phrase the engine can say, as the engine says it: from the small instance's
    proposal, and from the reasons of requests changed so that each rule fails its own way."""
    countries = load_countries()
    doc = small()
    doc["rules"]["only_eligible_countries"] = True
    proposal = build_consortium(parse_request(doc))
    said = [r.phrase for r in proposal.rules] + [
        label for s in proposal.seats for label in s.labels
    ]
    variants: list[tuple[str, dict[str, Any]]] = [
        ("lead", {}),
        ("coordinator", {}),
        ("size_min", {}),
        ("size_max", {}),
        ("only_eligible_countries", {}),
        ("independent_entities", {}),
        ("role:city", {}),
        ("lead_coordinates", {"available": False}),
        ("lead_coordinates", {"can_coordinate": False}),
        ("lead_coordinates", {"country": "US"}),
        ("lead_coordinates", {}),
    ]
    for group, lead in variants:
        changed = small()
        changed["candidates"][0].update(lead)
        said.append(explain.phrase(parse_request(changed), group, countries))
    return [p for p in said if p is not None]
