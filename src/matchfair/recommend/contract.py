"""The public JSON contract: `matchfair-profiles/1` in, `matchfair-recommendations/1` out.

Parsing checks every field and reports all problems at once, each named by its JSON path.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

PROFILES_FORMAT = "matchfair-profiles/1"
RECOMMENDATIONS_FORMAT = "matchfair-recommendations/1"

# The smart-city taxonomy. Slugs are the contract; labels are what reasons show to people.
DOMAINS: dict[str, str] = {
    "mobility": "mobility",
    "energy": "energy",
    "environment": "environment",
    "governance": "governance and e-government",
    "buildings": "buildings",
    "water": "water",
    "health": "health",
    "safety": "safety and security",
    "ict": "ICT and data",
    "tourism": "tourism and culture",
    "circular-economy": "circular economy",
}

ORGANISATION_TYPES: dict[str, str] = {
    "company": "company",
    "startup": "startup",
    "city": "city",
    "public-body": "public body",
    "research": "research organisation",
    "university": "university",
    "cluster": "cluster",
    "association": "association",
    "investor": "investor",
}

OpportunityKind = Literal["offer", "request"]

_COUNTRY = re.compile(r"^[A-Z]{2}$")
_PARTICIPANT_KEYS = frozenset(
    {
        "id",
        "organisation",
        "organisation_type",
        "country",
        "domains",
        "description",
        "opportunities",
        "exclude",
    }
)
_OPPORTUNITY_KEYS = frozenset({"kind", "title", "description", "domains"})


@dataclass(frozen=True, slots=True)
class Opportunity:
    """An offer or a request for cooperation, as the participant wrote it."""

    kind: OpportunityKind
    title: str
    description: str = ""
    domains: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return f"{self.title}. {self.description}".strip()


@dataclass(frozen=True, slots=True)
class Profile:
    """One participant: who they are and what they offer and request."""

    id: str
    organisation: str
    organisation_type: str
    country: str
    domains: tuple[str, ...] = ()
    description: str = ""
    opportunities: tuple[Opportunity, ...] = ()
    exclude: frozenset[str] = field(default_factory=frozenset)

    @property
    def offers(self) -> tuple[Opportunity, ...]:
        return tuple(o for o in self.opportunities if o.kind == "offer")

    @property
    def requests(self) -> tuple[Opportunity, ...]:
        return tuple(o for o in self.opportunities if o.kind == "request")


@dataclass(frozen=True, slots=True)
class Recommendation:
    """A suggested partner for one participant, with the reasons shown to them."""

    id: str
    score: float
    reasons: tuple[str, ...]


class ContractError(ValueError):
    """The input does not follow the contract; `errors` lists every problem with its path."""

    def __init__(self, errors: Sequence[str]) -> None:
        self.errors = list(errors)
        shown = "; ".join(self.errors[:5])
        more = f" (and {len(self.errors) - 5} more)" if len(self.errors) > 5 else ""
        super().__init__(f"{len(self.errors)} error(s): {shown}{more}")


def _describe(value: object) -> str:
    if isinstance(value, str):
        return f'"{value}"' if len(value) <= 40 else f'"{value[:37]}..."'
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return {"list": "a list", "dict": "an object"}.get(type(value).__name__, type(value).__name__)


class _Reader:
    """Collects errors while reading, so one pass reports every problem."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def fail(self, path: str, message: str) -> None:
        self.errors.append(f"{path}: {message}")

    def text(self, obj: Mapping[str, Any], key: str, path: str, *, required: bool) -> str:
        if key not in obj:
            if required:
                self.fail(f"{path}.{key}", "is required")
            return ""
        value = obj[key]
        if not isinstance(value, str):
            self.fail(f"{path}.{key}", f"must be a string, got {_describe(value)}")
            return ""
        if required and not value.strip():
            self.fail(f"{path}.{key}", "must not be empty")
        return value.strip()

    def domains(self, obj: Mapping[str, Any], path: str) -> tuple[str, ...]:
        value = obj.get("domains", [])
        if not isinstance(value, list):
            self.fail(f"{path}.domains", f"must be a list, got {_describe(value)}")
            return ()
        found: list[str] = []
        for index, slug in enumerate(value):
            if slug in DOMAINS:
                if slug not in found:
                    found.append(slug)
            else:
                self.fail(
                    f"{path}.domains[{index}]",
                    f"must be one of {', '.join(DOMAINS)}, got {_describe(slug)}",
                )
        return tuple(found)

    def unknown_keys(self, obj: Mapping[str, Any], allowed: frozenset[str], path: str) -> None:
        for key in obj:
            if key not in allowed:
                self.fail(f"{path}.{key}", "is not a known field")

    def opportunity(self, obj: object, path: str) -> Opportunity | None:
        if not isinstance(obj, dict):
            self.fail(path, f"must be an object, got {_describe(obj)}")
            return None
        self.unknown_keys(obj, _OPPORTUNITY_KEYS, path)
        kind = obj.get("kind")
        if kind not in ("offer", "request"):
            got = "nothing" if "kind" not in obj else _describe(kind)
            self.fail(f"{path}.kind", f'must be "offer" or "request", got {got}')
        title = self.text(obj, "title", path, required=True)
        description = self.text(obj, "description", path, required=False)
        domains = self.domains(obj, path)
        if kind not in ("offer", "request"):
            return None
        return Opportunity(kind=kind, title=title, description=description, domains=domains)

    def participant(self, obj: object, path: str) -> Profile | None:
        if not isinstance(obj, dict):
            self.fail(path, f"must be an object, got {_describe(obj)}")
            return None
        self.unknown_keys(obj, _PARTICIPANT_KEYS, path)
        pid = self.text(obj, "id", path, required=True)
        organisation = self.text(obj, "organisation", path, required=True)
        organisation_type = self.text(obj, "organisation_type", path, required=True)
        if organisation_type and organisation_type not in ORGANISATION_TYPES:
            self.fail(
                f"{path}.organisation_type",
                f"must be one of {', '.join(ORGANISATION_TYPES)}, got {_describe(organisation_type)}",
            )
        country = self.text(obj, "country", path, required=True)
        if country and not _COUNTRY.match(country):
            self.fail(
                f"{path}.country",
                f'must be an ISO 3166-1 alpha-2 code such as "BG", got {_describe(country)}',
            )
        description = self.text(obj, "description", path, required=False)
        domains = self.domains(obj, path)
        opportunities: list[Opportunity] = []
        raw_opportunities = obj.get("opportunities", [])
        if isinstance(raw_opportunities, list):
            for index, raw in enumerate(raw_opportunities):
                parsed = self.opportunity(raw, f"{path}.opportunities[{index}]")
                if parsed is not None:
                    opportunities.append(parsed)
        else:
            self.fail(
                f"{path}.opportunities", f"must be a list, got {_describe(raw_opportunities)}"
            )
        exclude: list[str] = []
        raw_exclude = obj.get("exclude", [])
        if isinstance(raw_exclude, list):
            for index, other in enumerate(raw_exclude):
                if isinstance(other, str) and other:
                    exclude.append(other)
                else:
                    self.fail(
                        f"{path}.exclude[{index}]",
                        f"must be a participant id (string), got {_describe(other)}",
                    )
        else:
            self.fail(f"{path}.exclude", f"must be a list, got {_describe(raw_exclude)}")
        return Profile(
            id=pid,
            organisation=organisation,
            organisation_type=organisation_type,
            country=country,
            domains=domains,
            description=description,
            opportunities=tuple(opportunities),
            exclude=frozenset(exclude),
        )


def parse_profiles(document: object) -> list[Profile]:
    """Read a `matchfair-profiles/1` document (already decoded from JSON).

    Raises ContractError listing every problem. Ids in `exclude` that are not in the set
    are allowed: they name people who have left, and excluding nobody is harmless.
    """
    reader = _Reader()
    if not isinstance(document, dict):
        raise ContractError([f"$: must be an object, got {_describe(document)}"])
    if document.get("format") != PROFILES_FORMAT:
        got = "nothing" if "format" not in document else _describe(document.get("format"))
        reader.fail("format", f'must be "{PROFILES_FORMAT}", got {got}')
    reader.unknown_keys(document, frozenset({"format", "participants"}), "$")
    raw_participants = document.get("participants")
    profiles: list[Profile] = []
    if not isinstance(raw_participants, list):
        reader.fail("participants", f"must be a list, got {_describe(raw_participants)}")
    else:
        seen: dict[str, int] = {}
        for index, raw in enumerate(raw_participants):
            path = f"participants[{index}]"
            profile = reader.participant(raw, path)
            if profile is None:
                continue
            if profile.id and profile.id in seen:
                reader.fail(
                    f"{path}.id",
                    f'"{profile.id}" is already used by participants[{seen[profile.id]}]',
                )
            seen.setdefault(profile.id, index)
            profiles.append(profile)
    if reader.errors:
        raise ContractError(reader.errors)
    return profiles


def profiles_document(profiles: Sequence[Profile]) -> dict[str, Any]:
    """The `matchfair-profiles/1` document for these profiles (the inverse of parsing)."""
    participants: list[dict[str, Any]] = []
    for profile in profiles:
        entry: dict[str, Any] = {
            "id": profile.id,
            "organisation": profile.organisation,
            "organisation_type": profile.organisation_type,
            "country": profile.country,
            "domains": list(profile.domains),
            "description": profile.description,
            "opportunities": [
                {
                    "kind": o.kind,
                    "title": o.title,
                    "description": o.description,
                    "domains": list(o.domains),
                }
                for o in profile.opportunities
            ],
        }
        if profile.exclude:
            entry["exclude"] = sorted(profile.exclude)
        participants.append(entry)
    return {"format": PROFILES_FORMAT, "participants": participants}


def recommendations_document(
    recommendations: Mapping[str, Sequence[Recommendation]],
) -> dict[str, Any]:
    """The `matchfair-recommendations/1` document; participants keep their input order."""
    return {
        "format": RECOMMENDATIONS_FORMAT,
        "recommendations": {
            pid: [{"id": r.id, "score": r.score, "reasons": list(r.reasons)} for r in recs]
            for pid, recs in recommendations.items()
        },
    }
