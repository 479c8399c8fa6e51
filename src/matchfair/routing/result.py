"""Write itineraries as `matchfair-itineraries/1` JSON, and read that JSON back for checking."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .model import (
    RESULT_FORMAT,
    Conflict,
    DayItinerary,
    Entry,
    Itineraries,
    JointOutcome,
    MemberItinerary,
    SkippedWish,
    Visits,
    clock,
)

_CLOCK = re.compile(r"^(\d{2}):(\d{2})$")


def _entry_json(entry: Entry, visits: Visits) -> dict[str, object]:
    if entry.kind == "walk":
        return {
            "kind": "walk",
            "start": clock(entry.arrive),
            "end": clock(entry.leave),
            "from": entry.origin,
            "to": entry.location,
        }
    out: dict[str, object] = {"kind": entry.kind}
    if entry.kind == "visit" and entry.stop is not None:
        out["stop"] = entry.stop
        out["name"] = visits.stop_by_id[entry.stop].name
        if entry.joint is not None:
            out["joint"] = entry.joint
    else:
        out["commitment"] = entry.commitment
        out["title"] = entry.title
    out.update(arrive=clock(entry.arrive), leave=clock(entry.leave), location=entry.location)
    return out


def itineraries_to_json(itineraries: Itineraries, visits: Visits) -> dict[str, object]:
    """The JSON document; names are copied from the request so it prints without it."""
    by_joint = {j.id: j for j in visits.joint_visits}
    members = []
    for plan in itineraries.members:
        member = visits.member_by_id[plan.member]
        members.append(
            {
                "id": member.id,
                "name": member.name,
                "days": [
                    {"day": d.day, "entries": [_entry_json(e, visits) for e in d.entries]}
                    for d in plan.days
                ],
                "skipped": [
                    {
                        "stop": s.stop,
                        "name": visits.stop_by_id[s.stop].name,
                        "priority": s.priority,
                        "reason": s.reason,
                    }
                    for s in plan.skipped
                ],
                "stats": plan.stats,
            }
        )
    joint: list[dict[str, object]] = []
    for outcome in itineraries.joint_visits:
        spec = by_joint[outcome.id]
        item: dict[str, object] = {
            "id": outcome.id,
            "stop": spec.stop,
            "members": list(spec.members),
        }
        if outcome.day is not None and outcome.arrive is not None and outcome.leave is not None:
            item.update(day=outcome.day, arrive=clock(outcome.arrive), leave=clock(outcome.leave))
            if outcome.as_preferred is not None:
                item["as_preferred"] = outcome.as_preferred
        else:
            item["reason"] = outcome.reason
        joint.append(item)
    return {
        "format": RESULT_FORMAT,
        "members": members,
        "joint_visits": joint,
        "conflicts": [
            {"member": c.member, "day": c.day, "reason": c.reason} for c in itineraries.conflicts
        ],
        "stats": itineraries.stats,
    }


def _minutes(value: Any) -> int:
    match = _CLOCK.match(value) if isinstance(value, str) else None
    if match is None:
        raise ValueError(f'not a time "HH:MM": {value!r}')
    return int(match.group(1)) * 60 + int(match.group(2))


def _entry(raw: Mapping[str, Any]) -> Entry:
    kind = raw["kind"]
    if kind == "walk":
        return Entry(
            "walk", _minutes(raw["start"]), _minutes(raw["end"]), raw["to"], origin=raw["from"]
        )
    arrive, leave = _minutes(raw["arrive"]), _minutes(raw["leave"])
    if kind == "visit":
        return Entry(
            "visit", arrive, leave, raw["location"], stop=raw["stop"], joint=raw.get("joint")
        )
    if kind in ("meeting", "commitment"):
        return Entry(
            kind,
            arrive,
            leave,
            raw["location"],
            commitment=raw["commitment"],
            title=raw.get("title", ""),
        )
    raise ValueError(f"unknown entry kind {kind!r}")


def itineraries_from_json(raw: Mapping[str, Any]) -> Itineraries:
    """Read a result document back; raises `ValueError` (or `KeyError`) when it is malformed."""
    if raw.get("format") != RESULT_FORMAT:
        raise ValueError(f"format must be {RESULT_FORMAT!r}")
    members = tuple(
        MemberItinerary(
            m["id"],
            tuple(
                DayItinerary(d["day"], tuple(_entry(e) for e in d["entries"])) for d in m["days"]
            ),
            tuple(SkippedWish(s["stop"], s["priority"], s["reason"]) for s in m["skipped"]),
            dict(m.get("stats", {})),
        )
        for m in raw["members"]
    )
    joint = tuple(
        JointOutcome(
            j["id"],
            j["day"],
            _minutes(j["arrive"]),
            _minutes(j["leave"]),
            as_preferred=j.get("as_preferred"),
        )
        if "day" in j
        else JointOutcome(j["id"], reason=j.get("reason"))
        for j in raw["joint_visits"]
    )
    conflicts = tuple(
        Conflict(c["member"], c["day"], c["reason"]) for c in raw.get("conflicts", [])
    )
    return Itineraries(members, joint, conflicts, dict(raw.get("stats", {})))
