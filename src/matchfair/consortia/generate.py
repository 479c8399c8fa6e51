"""Two generators of consortium requests, written in different styles, for tests and benchmarks.

- `scattered`: procedural; every attribute of every candidate drawn independently, countries
  from all of Europe and beyond, fit uniform. No structure for the solver to lean on.
- `delegation`: declarative; the story of a cluster back from the expo. Candidates come in the
  order the funding app gathers them (expo contacts along the follow-up ladder, the
  partnership's clusters, CORDIS co-participants), fit follows the overlap of an
  organisation's domains with the call's, and large companies bring affiliates in other
  countries under one legal group.

Both return a decoded `matchfair-consortium-request/1` document, so it goes through the parser.
"""

from __future__ import annotations

import copy
import itertools
import random
from typing import Any

from .model import EXPO_STAGES, FORMAT, ORGANISATION_TYPES

DOMAINS = (
    "mobility",
    "energy",
    "buildings",
    "water",
    "ai",
    "iot",
    "circular-economy",
    "climate-adaptation",
    "citizen-engagement",
    "governance",
    "health",
    "logistics",
)
_MEMBER_STATES = ("BG", "DE", "FR", "ES", "IT", "NL", "PL", "PT", "RO", "SE", "AT", "GR", "EL")
_ASSOCIATED = ("NO", "UK", "TR", "UA", "RS", "IS", "CA")
_THIRD = ("US", "CN", "JP", "BR", "IN")


def scattered(
    seed: int, candidates: int = 50, tight: bool = False, cover: bool = False
) -> dict[str, Any]:
    """Independent uniform draws: the country pool, the type, 1–4 domains, fit, relationship.

    `tight` adds rules that leave little room: more required roles, a small maximum size, only
    eligible countries, and a coordinator chosen by the solver in a member state. `cover` makes
    complementarity the game: 30 narrow domains, 20 of them the call's, a domain worth more than
    a seat costs, so choosing members is a weighted maximum coverage problem."""
    rng = random.Random(seed)
    countries = _MEMBER_STATES * 3 + _ASSOCIATED + _THIRD
    vocabulary = tuple(f"topic-{k:02d}" for k in range(30)) if cover else DOMAINS
    out: list[dict[str, Any]] = []
    for i in range(candidates):
        candidate: dict[str, Any] = {
            "id": f"org-{i:03d}",
            "name": f"Organisation {i}",
            "country": rng.choice(countries),
            "type": rng.choice(ORGANISATION_TYPES),
            "domains": rng.sample(vocabulary, rng.randint(1, 4)),
            "fit": round(rng.random(), 2),
            "relationship": {
                "expo_stage": rng.choice([None, None, *EXPO_STAGES]),
                "past_projects": rng.choice([0, 0, 0, 1, 2, 4]),
                "same_partnership": rng.random() < 0.2,
            },
            "available": i == 0 or rng.random() < 0.9,
        }
        if rng.random() < 0.2:
            candidate["roles"] = ["end_user"]
        if rng.random() < 0.1:
            candidate["legal_group"] = f"group-{rng.randint(0, 4)}"
        out.append(candidate)
    out[0]["country"] = "BG"  # the lead member: the cluster is Bulgarian
    rules: dict[str, Any] = {
        "call": f"HORIZON-CL5-{seed}",
        "type_of_action": rng.choice(["RIA", "RIA", "IA"]),
        "min_members": rng.randint(3, 6),
        "max_members": rng.randint(8, 14),
        "required_roles": [{"role": "city", "at_least": 1}],
        "wanted_roles": ["end_user", "sme"],
        "domains": rng.sample(vocabulary, 20 if cover else 5),
    }
    doc: dict[str, Any] = {"format": FORMAT, "rules": rules, "lead": "org-000", "candidates": out}
    if cover:
        rules["max_members"] = 10
        doc["weights"] = {"domain": 90, "seat": 110, "fit": 1, "relationship": 1}
    if tight:
        rules["max_members"] = rules["min_members"] + 1
        rules["required_roles"] = [
            {"role": "city", "at_least": 2},
            {"role": "end_user", "at_least": 1},
            {"role": "research", "at_least": 1},
        ]
        rules["only_eligible_countries"] = True
        rules["coordinator_in_member_state"] = True
        doc["lead_coordinates"] = False
    return doc


# The call every delegation request is for: a smart-city topic of Horizon Europe's Cluster 5.
_CALL_DOMAINS = ("mobility", "energy", "ai", "citizen-engagement", "climate-adaptation", "iot")
_CALL: dict[str, Any] = {
    "call": "HORIZON-CL5-2027-D6-01-05",
    "type_of_action": "RIA",
    "min_members": 5,
    "max_members": 12,
    "required_roles": [{"role": "city", "at_least": 2}, {"role": "end_user", "at_least": 1}],
    "wanted_roles": ["sme", "research", "ngo"],
    "domains": list(_CALL_DOMAINS),
}
# Where each tier's organisations come from: (tier, countries, types, share of the candidates).
_TIERS = (
    (
        "expo",
        ("ES", "FR", "IT", "DE", "NL", "PT", "UK", "US"),
        ("sme", "large_company", "city"),
        0.4,
    ),
    (
        "partnership",
        ("BG", "RO", "GR", "RS", "MK", "TR"),
        ("sme", "research", "ngo", "public_body"),
        0.3,
    ),
    ("cordis", ("DE", "AT", "SE", "FI", "NO", "PL"), ("research", "higher_education", "city"), 0.3),
)
# How the expo's meetings ended, as shares of the expo tier.
_LADDER = (
    ("held", 0.2),
    ("no_further_contact", 0.2),
    ("knowledge_gained", 0.25),
    ("valuable_contact", 0.2),
    ("negotiation_started", 0.1),
    ("agreement_reached", 0.05),
)


def _fit(domains: list[str], noise: float) -> float:
    overlap = len(set(domains) & set(_CALL_DOMAINS)) / len(domains)
    return round(min(1.0, max(0.0, 0.25 + 0.6 * overlap + noise)), 2)


def delegation(seed: int, candidates: int = 50) -> dict[str, Any]:
    """A Bulgarian cluster's expo contacts, partnership and CORDIS partners, for one call."""
    rng = random.Random(f"delegation-{seed}")
    stages = [stage for stage, share in _LADDER for _ in range(round(share * 20))]
    lead = {
        "id": "lead",
        "name": "Sofia Smart Mobility Lab",
        "country": "BG",
        "type": "sme",
        "domains": ["mobility", "ai", "iot"],
        "fit": 0.9,
        "roles": ["technology_provider"],
    }
    made: list[dict[str, Any]] = [lead]
    counter = itertools.count(1)
    for tier, countries, types, share in _TIERS:
        for _ in range(max(1, round(share * (candidates - 1)))):
            n = next(counter)
            kind = rng.choice(types)
            domains = rng.sample(DOMAINS, rng.randint(2, 4))
            made.append(
                {
                    "id": f"{tier}-{n:03d}",
                    "name": f"{tier.title()} organisation {n}",
                    "country": rng.choice(countries),
                    "type": kind,
                    "domains": domains,
                    "roles": ["end_user"]
                    if kind in ("city", "public_body") or rng.random() < 0.1
                    else [],
                    "fit": _fit(domains, rng.uniform(-0.15, 0.15)),
                    "relationship": {
                        "expo_stage": rng.choice(stages) if tier == "expo" else None,
                        "past_projects": rng.randint(1, 3) if tier == "cordis" else 0,
                        "same_partnership": tier == "partnership",
                    },
                    "available": rng.random() < 0.85,
                    "can_coordinate": kind != "city" or rng.random() < 0.5,
                    "legal_group": f"{tier}-group-{n % 7}" if kind == "large_company" else None,
                }
            )
    return {
        "format": FORMAT,
        "rules": copy.deepcopy(_CALL),
        "lead": "lead",
        "candidates": made[:candidates],
    }
