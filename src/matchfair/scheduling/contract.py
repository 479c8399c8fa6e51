"""Read and write the public JSON formats `matchfair-schedule/1` and `matchfair-schedule-result/1`.

Validation collects every error, each naming its JSON path, and raises them together.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from matchfair.documents import PathErrors as _Errors
from matchfair.documents import as_int as _int
from matchfair.documents import as_list as _list
from matchfair.documents import as_object as _obj
from matchfair.documents import as_string as _string
from matchfair.documents import quote as _quote
from matchfair.documents import unknown_keys as _unknown_keys

from .model import (
    FORMAT,
    RESULT_FORMAT,
    Assignment,
    Instance,
    Lock,
    Meeting,
    Participant,
    Result,
    Slot,
    Table,
    Unscheduled,
)
from .validation import InstanceError, check_rules

__all__ = [
    "InstanceError",
    "dump_instance",
    "dump_result",
    "parse_instance",
    "parse_result",
]


def _ids(
    values: object, known: Mapping[str, object], kind: str, path: str, errors: _Errors
) -> frozenset[str]:
    if isinstance(values, list) and all(type(v) is str for v in values):
        # The common case, without a path per item: distinct known ids (at expo size, 25,000
        # lists of 48 slot ids took 5 s item by item).
        quick = frozenset(values)
        if len(quick) == len(values) and all(v in known for v in quick):
            return quick
    found: list[str] = []
    for i, value in enumerate(_list(values, path, errors)):
        sid = _string(value, f"{path}[{i}]", errors)
        if sid is None:
            continue
        if sid not in known:
            errors.add(f"{path}[{i}]", f"unknown {kind} {_quote(sid)}")
        elif sid in found:
            errors.add(f"{path}[{i}]", f"{kind} {_quote(sid)} listed twice")
        else:
            found.append(sid)
    return frozenset(found)


def _parse_slots(raw: object, errors: _Errors) -> tuple[list[Slot], set[str]]:
    """The valid slots, and every slot id seen, so a bad slot does not also make every
    reference to it an error."""
    slots: list[Slot] = []
    seen: set[str] = set()
    for i, item in enumerate(_list(raw, "slots", errors)):
        path = f"slots[{i}]"
        obj = _obj(item, path, errors)
        if obj is None:
            continue
        _unknown_keys(obj, {"id", "session", "start", "minutes"}, path, errors)
        sid = _string(obj.get("id"), f"{path}.id", errors)
        session = _string(obj.get("session"), f"{path}.session", errors)
        minutes = _int(obj.get("minutes"), f"{path}.minutes", errors, 1)
        start = None
        raw_start = obj.get("start")
        if isinstance(raw_start, str):
            try:
                start = datetime.fromisoformat(raw_start)
            except ValueError:
                start = None
        if start is None or start.tzinfo is None:
            errors.add(f"{path}.start", "not an ISO 8601 time with offset")
            start = None
        if sid is not None and sid in seen:
            errors.add(f"{path}.id", f"duplicate slot id {_quote(sid)}")
            continue
        if sid is not None:
            seen.add(sid)
        if sid is None or session is None or minutes is None or start is None:
            continue
        if slots and start < slots[-1].end:
            errors.add(
                f"{path}.start",
                f"slots must be in time order without overlap; starts before {_quote(slots[-1].id)}"
                " ends",
            )
        slots.append(Slot(sid, session, start, minutes))
    return slots, seen


def _parse_tables(raw: object, errors: _Errors) -> list[tuple[int, Table]]:
    tables: list[tuple[int, Table]] = []
    seen: set[str] = set()
    for i, item in enumerate(_list(raw, "tables", errors)):
        path = f"tables[{i}]"
        obj = _obj(item, path, errors)
        if obj is None:
            continue
        _unknown_keys(obj, {"id", "location", "booth_of"}, path, errors)
        tid = _string(obj.get("id"), f"{path}.id", errors)
        location = None
        if obj.get("location") is not None:
            location = _string(obj.get("location"), f"{path}.location", errors)
        booth_of = None
        if obj.get("booth_of") is not None:
            booth_of = _string(obj.get("booth_of"), f"{path}.booth_of", errors)
        if tid is None:
            continue
        if tid in seen:
            errors.add(f"{path}.id", f"duplicate table id {_quote(tid)}")
            continue
        seen.add(tid)
        tables.append((i, Table(tid, location, booth_of)))
    return tables


def _parse_participants(
    raw: object, slot_ids: Mapping[str, object], table_ids: Mapping[str, Table], errors: _Errors
) -> list[Participant]:
    participants: list[Participant] = []
    seen: set[str] = set()
    booth_owner: dict[str, str] = {}
    for i, item in enumerate(_list(raw, "participants", errors)):
        path = f"participants[{i}]"
        obj = _obj(item, path, errors)
        if obj is None:
            continue
        _unknown_keys(
            obj,
            {
                "id",
                "available",
                "booth",
                "max_meetings",
                "max_consecutive",
                "max_per_day",
                "preferred_slots",
            },
            path,
            errors,
        )
        pid = _string(obj.get("id"), f"{path}.id", errors)
        available = _ids(obj.get("available"), slot_ids, "slot", f"{path}.available", errors)
        booth = None
        if obj.get("booth") is not None:
            booth = _string(obj.get("booth"), f"{path}.booth", errors)
            if booth is not None and booth not in table_ids:
                errors.add(f"{path}.booth", f"unknown table {_quote(booth)}")
                booth = None
            elif booth is not None and booth in booth_owner:
                errors.add(
                    f"{path}.booth",
                    f"table {_quote(booth)} is already the booth of {_quote(booth_owner[booth])}",
                )
                booth = None
            elif booth is not None:
                owner = table_ids[booth].booth_of
                if owner is not None and owner != pid:
                    errors.add(f"{path}.booth", f"table {_quote(booth)} is the booth of {owner}")
                    booth = None
        max_meetings = None
        if obj.get("max_meetings") is not None:
            max_meetings = _int(obj.get("max_meetings"), f"{path}.max_meetings", errors, 0)
        max_consecutive = _limit(obj, "max_consecutive", path, errors)
        max_per_day = _limit(obj, "max_per_day", path, errors)
        preferred = None
        if obj.get("preferred_slots") is not None:
            preferred = _ids(
                obj["preferred_slots"], slot_ids, "slot", f"{path}.preferred_slots", errors
            )
        if pid is None:
            continue
        if pid in seen:
            errors.add(f"{path}.id", f"duplicate participant id {_quote(pid)}")
            continue
        seen.add(pid)
        if booth is not None:
            booth_owner[booth] = pid
        participants.append(
            Participant(
                pid, available, booth, max_meetings, max_consecutive, max_per_day, preferred
            )
        )
    return participants


def _limit(obj: Mapping[str, object], key: str, path: str, errors: _Errors) -> int | None:
    """An optional limit of at least 1 (`max_consecutive`, `max_per_day`)."""
    if obj.get(key) is None:
        return None
    where = f"{key}" if path == "$" else f"{path}.{key}"
    return _int(obj.get(key), where, errors, 1)


def _check_table_owners(
    tables: list[tuple[int, Table]], participants: Mapping[str, Participant], errors: _Errors
) -> None:
    owned: dict[str, str] = {}
    for i, table in tables:
        owner = table.booth_of
        if owner is None:
            continue
        path = f"tables[{i}].booth_of"
        if owner not in participants:
            errors.add(path, f"unknown participant {_quote(owner)}")
            continue
        booth = participants[owner].booth
        if booth is not None and booth != table.id:
            errors.add(path, f"participant {_quote(owner)} has booth {_quote(booth)}")
        elif owner in owned:
            errors.add(
                path, f"participant {_quote(owner)} already has booth {_quote(owned[owner])}"
            )
        owned[owner] = table.id


def _parse_meetings(
    raw: object,
    slot_ids: Mapping[str, object],
    table_ids: Mapping[str, Table],
    participants: Mapping[str, Participant],
    errors: _Errors,
) -> list[Meeting]:
    meetings: list[Meeting] = []
    seen: set[str] = set()
    for i, item in enumerate(_list(raw, "meetings", errors)):
        plain = _plain_meeting(item, participants, seen)
        if plain is not None:
            seen.add(plain.id)
            meetings.append(plain)
            continue
        path = f"meetings[{i}]"
        obj = _obj(item, path, errors)
        if obj is None:
            continue
        _unknown_keys(obj, {"id", "participants", "priority", "slots", "locked"}, path, errors)
        mid = _string(obj.get("id"), f"{path}.id", errors)
        people: list[str] = []
        bad = False
        for j, value in enumerate(_list(obj.get("participants"), f"{path}.participants", errors)):
            ppath = f"{path}.participants[{j}]"
            pid = _string(value, ppath, errors)
            if pid is None:
                bad = True
            elif pid not in participants:
                errors.add(ppath, f"unknown participant {_quote(pid)}")
                bad = True
            elif pid in people:
                errors.add(ppath, f"participant {_quote(pid)} listed twice")
                bad = True
            else:
                people.append(pid)
        if isinstance(obj.get("participants"), list) and len(obj["participants"]) < 2:
            errors.add(f"{path}.participants", "a meeting needs at least 2 participants")
            bad = True
        priority: int | None = 1
        if obj.get("priority") is not None:
            value = obj["priority"]
            if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 3:
                priority = value
            else:
                errors.add(f"{path}.priority", f"must be 1, 2 or 3, not {value!r}")
                priority = None
        allowed: frozenset[str] | None = None
        if obj.get("slots") is not None:
            allowed = _ids(obj["slots"], slot_ids, "slot", f"{path}.slots", errors)
        lock = _parse_lock(obj.get("locked"), f"{path}.locked", slot_ids, table_ids, errors)
        if lock is not None and allowed is not None and lock.slot not in allowed:
            errors.add(
                f"{path}.locked.slot", f"slot {_quote(lock.slot)} is not in the meeting's slots"
            )
        if mid is not None and mid in seen:
            errors.add(f"{path}.id", f"duplicate meeting id {_quote(mid)}")
            continue
        if mid is not None:
            seen.add(mid)
        if mid is None or bad or priority is None:
            continue
        meetings.append(Meeting(mid, tuple(people), priority, allowed, lock))
    return meetings


_PLAIN_KEYS = frozenset({"id", "participants", "priority"})


def _plain_meeting(
    item: object, participants: Mapping[str, Participant], seen: set[str]
) -> Meeting | None:
    """The meeting of `item` when it is the common case and valid: a new id, two or more
    distinct known participants, a priority of 1 to 3 or none, no `slots` and no lock. None
    otherwise, and the item goes through the checks that name each error's path (at expo size,
    150,000 meetings took 14 s that way, building a path per item)."""
    if not isinstance(item, dict) or not item.keys() <= _PLAIN_KEYS:
        return None
    mid, people, priority = item.get("id"), item.get("participants"), item.get("priority", 1)
    if type(mid) is not str or not mid or mid in seen or type(priority) is not int:
        return None
    if not 1 <= priority <= 3 or not isinstance(people, list) or len(people) < 2:
        return None
    if not all(type(p) is str and p in participants for p in people):
        return None
    if len(set(people)) != len(people):
        return None
    return Meeting(mid, tuple(people), priority)


def _parse_lock(
    raw: object,
    path: str,
    slot_ids: Mapping[str, object],
    table_ids: Mapping[str, Table],
    errors: _Errors,
) -> Lock | None:
    if raw is None:
        return None
    obj = _obj(raw, path, errors)
    if obj is None:
        return None
    _unknown_keys(obj, {"slot", "table"}, path, errors)
    slot = _string(obj.get("slot"), f"{path}.slot", errors)
    if slot is not None and slot not in slot_ids:
        errors.add(f"{path}.slot", f"unknown slot {_quote(slot)}")
        slot = None
    table = None
    if obj.get("table") is not None:
        table = _string(obj.get("table"), f"{path}.table", errors)
        if table is not None and table not in table_ids:
            errors.add(f"{path}.table", f"unknown table {_quote(table)}")
            return None
    return None if slot is None else Lock(slot, table)


def _parse_travel(raw: object, errors: _Errors) -> dict[str, dict[str, int]]:
    travel: dict[str, dict[str, int]] = {}
    if raw is None:
        return travel
    outer = _obj(raw, "travel_minutes", errors)
    for a, row in (outer or {}).items():
        inner = _obj(row, f"travel_minutes.{a}", errors)
        for b, minutes in (inner or {}).items():
            value = _int(minutes, f"travel_minutes.{a}.{b}", errors, 0)
            if value is not None:
                travel.setdefault(a, {})[b] = value
    return travel


def parse_instance(obj: object) -> Instance:
    """Validate a decoded `matchfair-schedule/1` document and build the instance."""
    errors = _Errors()
    root = _obj(obj, "$", errors)
    if root is None:
        raise InstanceError(errors.items)
    _unknown_keys(
        root,
        {
            "format",
            "slots",
            "tables",
            "participants",
            "meetings",
            "travel_minutes",
            "breaks",
            "max_consecutive",
            "max_per_day",
        },
        "$",
        errors,
    )
    if root.get("format") != FORMAT:
        errors.add("format", f'must be "{FORMAT}", not {root.get("format")!r}')
    slots, seen_slots = _parse_slots(root.get("slots"), errors)
    slot_ids = dict.fromkeys(seen_slots)
    tables = _parse_tables(root.get("tables"), errors)
    table_ids = {t.id: t for _, t in tables}
    participants = _parse_participants(root.get("participants"), slot_ids, table_ids, errors)
    by_id = {p.id: p for p in participants}
    _check_table_owners(tables, by_id, errors)
    meetings = _parse_meetings(root.get("meetings"), slot_ids, table_ids, by_id, errors)
    travel = _parse_travel(root.get("travel_minutes"), errors)
    breaks: frozenset[str] = frozenset()
    if root.get("breaks") is not None:
        breaks = _ids(root["breaks"], slot_ids, "slot", "breaks", errors)
    instance = Instance(
        tuple(slots),
        tuple(t for _, t in tables),
        tuple(participants),
        tuple(meetings),
        travel,
        breaks,
        _limit(root, "max_consecutive", "$", errors),
        _limit(root, "max_per_day", "$", errors),
    )
    if not errors.items:
        # Every item parsed, so the instance's indexes are the document's.
        check_rules(instance, errors)
    if errors.items:
        raise InstanceError(errors.items)
    return instance


def dump_instance(instance: Instance) -> dict[str, object]:
    """The instance as a `matchfair-schedule/1` document; optional fields only when set."""
    tables: list[dict[str, object]] = []
    for t in instance.tables:
        table: dict[str, object] = {"id": t.id}
        if t.location is not None:
            table["location"] = t.location
        if t.booth_of is not None:
            table["booth_of"] = t.booth_of
        tables.append(table)
    order = instance.slot_position
    participants: list[dict[str, object]] = []
    for p in instance.participants:
        item: dict[str, object] = {
            "id": p.id,
            "available": sorted(p.available, key=order.__getitem__),
        }
        if p.booth is not None:
            item["booth"] = p.booth
        if p.max_meetings is not None:
            item["max_meetings"] = p.max_meetings
        if p.max_consecutive is not None:
            item["max_consecutive"] = p.max_consecutive
        if p.max_per_day is not None:
            item["max_per_day"] = p.max_per_day
        if p.preferred_slots is not None:
            item["preferred_slots"] = sorted(p.preferred_slots, key=order.__getitem__)
        participants.append(item)
    meetings: list[dict[str, object]] = []
    for m in instance.meetings:
        meeting: dict[str, object] = {"id": m.id, "participants": list(m.participants)}
        if m.priority != 1:
            meeting["priority"] = m.priority
        if m.slots is not None:
            meeting["slots"] = sorted(m.slots, key=order.__getitem__)
        if m.locked is not None:
            lock: dict[str, object] = {"slot": m.locked.slot}
            if m.locked.table is not None:
                lock["table"] = m.locked.table
            meeting["locked"] = lock
        meetings.append(meeting)
    document: dict[str, object] = {
        "format": FORMAT,
        "slots": [
            {"id": s.id, "session": s.session, "start": s.start.isoformat(), "minutes": s.minutes}
            for s in instance.slots
        ],
        "tables": tables,
        "participants": participants,
        "meetings": meetings,
    }
    if instance.travel_minutes:
        document["travel_minutes"] = {a: dict(row) for a, row in instance.travel_minutes.items()}
    if instance.breaks:
        document["breaks"] = sorted(instance.breaks, key=order.__getitem__)
    if instance.max_consecutive is not None:
        document["max_consecutive"] = instance.max_consecutive
    if instance.max_per_day is not None:
        document["max_per_day"] = instance.max_per_day
    return document


def parse_result(obj: object) -> Result:
    """Read a result document; only its shape is checked here, the rules are `checker.py`'s job."""
    errors = _Errors()
    root = _obj(obj, "$", errors)
    if root is None:
        raise InstanceError(errors.items)
    if root.get("format") != RESULT_FORMAT:
        errors.add("format", f'must be "{RESULT_FORMAT}", not {root.get("format")!r}')
    assignments: list[Assignment] = []
    for i, item in enumerate(_list(root.get("assignments"), "assignments", errors)):
        a = _obj(item, f"assignments[{i}]", errors)
        if a is None:
            continue
        meeting = _string(a.get("meeting"), f"assignments[{i}].meeting", errors)
        slot = _string(a.get("slot"), f"assignments[{i}].slot", errors)
        table = _string(a.get("table"), f"assignments[{i}].table", errors)
        if meeting is not None and slot is not None and table is not None:
            assignments.append(Assignment(meeting, slot, table))
    unscheduled: list[Unscheduled] = []
    for i, item in enumerate(_list(root.get("unscheduled", []), "unscheduled", errors)):
        u = _obj(item, f"unscheduled[{i}]", errors)
        if u is None:
            continue
        meeting = _string(u.get("meeting"), f"unscheduled[{i}].meeting", errors)
        reason = u.get("reason", "")
        if meeting is not None:
            unscheduled.append(Unscheduled(meeting, str(reason)))
    stats = root.get("stats", {})
    if not isinstance(stats, Mapping):
        errors.add("stats", "must be an object")
        stats = {}
    if errors.items:
        raise InstanceError(errors.items)
    return Result(tuple(assignments), tuple(unscheduled), dict(stats))


def dump_result(result: Result) -> dict[str, object]:
    return {
        "format": RESULT_FORMAT,
        "assignments": [
            {"meeting": a.meeting, "slot": a.slot, "table": a.table} for a in result.assignments
        ],
        "unscheduled": [{"meeting": u.meeting, "reason": u.reason} for u in result.unscheduled],
        "stats": dict(result.stats),
    }
