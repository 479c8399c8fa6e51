"""Reading the Funding & Tenders Portal's search results (JSON) into typed topic records.

The portal gives every metadata field as a list of strings; `budgetOverview` is itself a JSON
string covering the whole call, filtered here to the topic's own actions. Every error names its
JSON path; a file with any error gives no records at all.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import nh3

from matchfair.recommend import DOMAINS

STATUSES = {"31094501": "forthcoming", "31094502": "open", "31094503": "closed"}

# The portal's programme codes for the programmes the cluster follows; any other code is kept
# as the portal gives it.
PROGRAMMES = {
    "43108390": "Horizon Europe",
    "43152860": "Digital Europe",
    "43252405": "LIFE",
}

TOPIC_URL = (
    "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/"
    "topic-details/{identifier}"
)

# Words in a topic's title, keywords and tags that put it in a domain.
DOMAIN_TERMS: dict[str, tuple[str, ...]] = {
    "mobility": ("mobility", "transport", "vehicle", "charging", "aviation", "rail", "logistics"),
    "energy": ("energy", "renewable", "battery", "batteries", "hydrogen", "solar", "grid", "heat"),
    "environment": ("climate", "biodiversity", "pollution", "nature", "adaptation", "emission"),
    "governance": ("governance", "public administration", "e-government", "citizens"),
    "buildings": ("building", "buildings", "renovation", "construction"),
    "water": ("water", "flood", "ocean", "drought"),
    "health": ("health", "medical", "care"),
    "safety": ("security", "cybersecurity", "safety", "resilience"),
    "ict": ("digital", "data", "artificial intelligence", "ai", "cloud", "computing", "twin"),
    "tourism": ("tourism", "culture", "heritage"),
    "circular-economy": ("circular", "recycling", "waste", "reuse"),
}

_BLOCK_END = re.compile(r"<\s*(?:br\s*/?|/\s*(?:p|li|h[1-6]|div|tr|ul|ol))\s*>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\f\v]+")
_WORDS = re.compile(r"[a-z0-9][a-z0-9\-]*")


@dataclass(frozen=True)
class TopicRecord:
    """One topic as the catalogue keeps it; money in whole euros, moments in ISO 8601."""

    identifier: str
    title: str
    call_identifier: str
    call_title: str
    programme: str
    type_of_action: str
    status: str
    opening_date: dt.date | None
    deadlines: tuple[str, ...]
    deadline_model: str
    budget: int | None
    min_contribution: int | None
    max_contribution: int | None
    expected_grants: int | None
    keywords: tuple[str, ...]
    domains: tuple[str, ...]
    description: str
    url: str


class PortalError(ValueError):
    """The file is not the portal's search results; `errors` are `JSON.path: message` lines."""

    def __init__(self, errors: Sequence[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = list(errors)


def plain_text(fragment: str) -> str:
    """The portal's HTML description as plain text: tags and scripts gone, paragraphs kept."""
    marked = _BLOCK_END.sub("\n", fragment)
    text = html.unescape(nh3.clean(marked, tags=set()))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def topic_domains(*texts: str) -> tuple[str, ...]:
    words = set()
    joined = " ".join(texts).lower()
    words.update(_WORDS.findall(joined))
    found = []
    for slug, terms in DOMAIN_TERMS.items():
        if any((term in joined) if " " in term else (term in words) for term in terms):
            found.append(slug)
    return tuple(slug for slug in DOMAINS if slug in found)


class _Reader:
    def __init__(self) -> None:
        self.errors: list[str] = []

    def fail(self, path: str, message: str) -> None:
        self.errors.append(f"{path}: {message}")

    def strings(self, metadata: Mapping[str, Any], key: str, path: str) -> list[str]:
        value = metadata.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.fail(f"{path}.{key}", "must be a list of strings")
            return []
        return [item.strip() for item in value if item.strip()]

    def one(self, metadata: Mapping[str, Any], key: str, path: str, *, required: bool) -> str:
        values = self.strings(metadata, key, path)
        if not values:
            if required:
                self.fail(f"{path}.{key}", "is missing")
            return ""
        return values[0]

    def moment(self, value: str, path: str) -> dt.datetime | None:
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            self.fail(path, f"is not a date, got {value!r}")
            return None

    def money(self, value: object, path: str) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            self.fail(path, "must be a number")
            return None
        try:
            amount = float(value)
        except ValueError:
            self.fail(path, f"must be a number, got {value!r}")
            return None
        if amount < 0:
            self.fail(path, "must not be negative")
            return None
        return round(amount)

    def actions(self, raw: str, identifier: str, path: str) -> list[tuple[str, dict[str, Any]]]:
        """The topic's own actions from the call-wide budget overview, with their paths."""
        if not raw:
            return []
        try:
            overview = json.loads(raw)
        except json.JSONDecodeError as error:
            self.fail(path, f"is not JSON ({error.msg} at character {error.pos})")
            return []
        actions_by_key = (
            overview.get("budgetTopicActionMap") if isinstance(overview, dict) else None
        )
        if not isinstance(actions_by_key, dict):
            self.fail(f"{path}.budgetTopicActionMap", "must be an object")
            return []
        own = []
        for key, actions in actions_by_key.items():
            if not isinstance(actions, list):
                self.fail(f"{path}.budgetTopicActionMap.{key}", "must be a list")
                continue
            for index, action in enumerate(actions):
                where = f"{path}.budgetTopicActionMap.{key}[{index}]"
                if not isinstance(action, dict) or not isinstance(action.get("action"), str):
                    self.fail(where, "must be an object with an `action`")
                    continue
                # "HORIZON-CL5-2024-D3-01-02 - HORIZON-IA": the topic, then its type of action.
                if action["action"].split(" - ")[0].strip() == identifier:
                    own.append((where, action))
        return own

    def topic(self, result: object, path: str) -> TopicRecord | None:
        if not isinstance(result, dict):
            self.fail(path, "must be an object")
            return None
        metadata = result.get("metadata")
        if not isinstance(metadata, dict):
            self.fail(f"{path}.metadata", "must be an object")
            return None
        path = f"{path}.metadata"
        before = len(self.errors)
        identifier = self.one(metadata, "identifier", path, required=True)
        title = self.one(metadata, "title", path, required=True)
        status_code = self.one(metadata, "status", path, required=True)
        status = STATUSES.get(status_code, "")
        if status_code and not status:
            self.fail(
                f"{path}.status[0]", f"must be one of {', '.join(STATUSES)}, got {status_code!r}"
            )
        programme_code = self.one(metadata, "frameworkProgramme", path, required=False)
        opening = self.one(metadata, "startDate", path, required=False)
        opening_moment = self.moment(opening, f"{path}.startDate[0]") if opening else None
        deadlines: list[dt.datetime] = []
        for index, value in enumerate(self.strings(metadata, "deadlineDate", path)):
            moment = self.moment(value, f"{path}.deadlineDate[{index}]")
            if moment is not None:
                deadlines.append(moment)
        keywords = self.strings(metadata, "keywords", path)
        tags = self.strings(metadata, "tags", path)
        description = plain_text(" ".join(self.strings(metadata, "descriptionByte", path)))
        overview = self.one(metadata, "budgetOverview", path, required=False)
        own = self.actions(overview, identifier, f"{path}.budgetOverview[0]") if identifier else []
        budget = None
        low = high = grants = None
        deadline_model = ""
        for where, action in own:
            years = action.get("budgetYearMap", {})
            if not isinstance(years, dict):
                self.fail(f"{where}.budgetYearMap", "must be an object")
                continue
            for year, amount in years.items():
                euros = self.money(amount, f"{where}.budgetYearMap.{year}")
                if euros is not None:
                    budget = (budget or 0) + euros
            low = self.money(action.get("minContribution"), f"{where}.minContribution") or low
            high = self.money(action.get("maxContribution"), f"{where}.maxContribution") or high
            expected = self.money(action.get("expectedGrants"), f"{where}.expectedGrants")
            grants = expected if expected is not None else grants
            model = action.get("deadlineModel")
            deadline_model = model if isinstance(model, str) else deadline_model
        if low is not None and high is not None and low > high:
            self.fail(f"{path}.budgetOverview[0]", "the minimum contribution exceeds the maximum")
        if not deadline_model and deadlines:
            deadline_model = "two-stage" if len(deadlines) > 1 else "single-stage"
        if len(self.errors) > before:
            return None
        url = result.get("url")
        return TopicRecord(
            identifier=identifier,
            title=title,
            call_identifier=self.one(metadata, "callIdentifier", path, required=False),
            call_title=self.one(metadata, "callTitle", path, required=False),
            programme=PROGRAMMES.get(programme_code, programme_code),
            type_of_action=self.one(metadata, "typesOfAction", path, required=False),
            status=status,
            opening_date=opening_moment.date() if opening_moment else None,
            deadlines=tuple(moment.isoformat() for moment in sorted(deadlines)),
            deadline_model=deadline_model,
            budget=budget,
            min_contribution=low,
            max_contribution=high,
            expected_grants=grants,
            keywords=tuple(keywords),
            domains=topic_domains(title, *keywords, *tags),
            description=description,
            url=url
            if isinstance(url, str) and url.startswith("https://")
            else TOPIC_URL.format(identifier=identifier.lower()),
        )


def parse_search_results(raw: object) -> list[TopicRecord]:
    """The topics of one search-results document; raises `PortalError` naming every bad path."""
    reader = _Reader()
    if not isinstance(raw, dict) or not isinstance(raw.get("results"), list):
        raise PortalError(["$.results: must be a list of search results"])
    records: list[TopicRecord] = []
    seen: dict[str, int] = {}
    for index, result in enumerate(raw["results"]):
        record = reader.topic(result, f"$.results[{index}]")
        if record is None:
            continue
        if record.identifier in seen:
            # The portal lists a topic once per language version: keep the first.
            continue
        seen[record.identifier] = index
        records.append(record)
    if reader.errors:
        raise PortalError(reader.errors)
    return records


def read_search_results(text: str) -> list[TopicRecord]:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        raise PortalError([f"$: not JSON ({error.msg}, line {error.lineno})"]) from None
    return parse_search_results(raw)
