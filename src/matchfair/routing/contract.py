"""Read the public JSON format `matchfair-visits/1` into typed values.

Validation collects every error, each naming its JSON path, and raises them together.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from matchfair.documents import PathErrors as _Errors
from matchfair.documents import as_int as _int
from matchfair.documents import as_list as _list
from matchfair.documents import as_object as _obj
from matchfair.documents import as_string as _string
from matchfair.documents import quote as _quote
from matchfair.documents import unknown_keys as _unknown_keys

from .model import (
    COMMITMENT_KINDS,
    FORMAT,
    STOP_KINDS,
    Commitment,
    Day,
    JointVisit,
    Member,
    Stop,
    Visits,
    Window,
    Wish,
)

_CLOCK = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$|^24:00$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MAX_LISTED = 10  # missing walking pairs are listed up to this many, then counted


_T = TypeVar("_T")


class _Registry(dict[str, _T]):
    """Valid items by id, plus the ids declared at all: a reference to an item that was
    declared but invalid is not reported again as unknown."""

    def __init__(self) -> None:
        super().__init__()
        self.declared: set[str] = set()

    def unknown(self, key: str) -> bool:
        return key not in self and key not in self.declared


class VisitsError(ValueError):
    """The input does not follow the contract; `errors` lists every problem found."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("\n".join(errors))


def _number(value: object, path: str, errors: _Errors) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    errors.add(path, "must be a number")
    return None


def _clock(value: object, path: str, errors: _Errors) -> int | None:
    if isinstance(value, str) and _CLOCK.match(value):
        hours, minutes = value.split(":")
        return int(hours) * 60 + int(minutes)
    errors.add(path, 'must be a time "HH:MM"')
    return None


def _span(
    obj: Mapping[str, Any], path: str, errors: _Errors, what: str = "end"
) -> tuple[int, int] | None:
    start = _clock(obj.get("start"), f"{path}.start", errors)
    end = _clock(obj.get("end"), f"{path}.end", errors)
    if start is None or end is None:
        return None
    if end <= start:
        errors.add(f"{path}.{what}", "must be after start")
        return None
    return start, end


def _parse_days(raw: object, errors: _Errors) -> _Registry[Day]:
    days: _Registry[Day] = _Registry()
    items = _list(raw, "days", errors)
    if isinstance(raw, list) and not items:
        errors.add("days", "must list at least one day")
    for i, item in enumerate(items):
        path = f"days[{i}]"
        obj = _obj(item, path, errors)
        if obj is None:
            continue
        _unknown_keys(obj, {"date", "start", "end"}, path, errors)
        date = _string(obj.get("date"), f"{path}.date", errors)
        if date is not None:
            days.declared.add(date)
        if date is not None and not _DATE.match(date):
            errors.add(f"{path}.date", 'must be a date "YYYY-MM-DD"')
            date = None
        span = _span(obj, path, errors)
        if date is not None and date in days:
            errors.add(f"{path}.date", f"duplicate day {_quote(date)}")
        elif date is not None and span is not None:
            days[date] = Day(date, *span)
    return days


def _day_ref(value: object, path: str, days: _Registry[Day], errors: _Errors) -> Day | None:
    date = _string(value, path, errors)
    if date is None:
        return None
    if days.unknown(date):
        errors.add(path, f"unknown day {_quote(date)}")
    return days.get(date)


class _Places:
    """The place keys walking times are known for, and the ones the request refers to."""

    def __init__(self) -> None:
        self.matrix: dict[str, dict[str, int]] | None = None
        self.positions: dict[str, tuple[float, float]] = {}
        self.speed: float | None = None
        self.known: set[str] = set()
        self.used: set[str] = set()
        self.declared_pairs: set[tuple[str, str]] = set()
        # With the walking description itself wrong, every place would look unknown.
        self.broken = False

    def ref(self, value: object, path: str, errors: _Errors) -> str | None:
        place = _string(value, path, errors)
        if place is None:
            return None
        if place not in self.known and not self.broken:
            where = "walking.minutes" if self.matrix is not None else "locations"
            errors.add(path, f"unknown location {_quote(place)}: not in {where}")
            return None
        self.used.add(place)
        return place


def _parse_walking(raw: object, locations: object, errors: _Errors) -> _Places:
    places = _Places()
    walking = _obj(raw, "walking", errors)
    if walking is None:
        places.broken = True
        return places
    _unknown_keys(walking, {"minutes", "metres_per_minute"}, "walking", errors)
    if ("minutes" in walking) == ("metres_per_minute" in walking):
        errors.add("walking", 'give either "minutes" (a matrix) or "metres_per_minute"')
        places.broken = True
        return places
    if "minutes" in walking:
        places.matrix = {}
        rows = _obj(walking["minutes"], "walking.minutes", errors) or {}
        for origin, row in rows.items():
            path = f"walking.minutes.{origin}"
            row_obj = _obj(row, path, errors) or {}
            places.known.add(origin)
            for destination, minutes in row_obj.items():
                value = _int(minutes, f"{path}.{destination}", errors, 0)
                places.known.add(destination)
                places.declared_pairs.add((origin, destination))
                if value is not None:
                    places.matrix.setdefault(origin, {})[destination] = value
    else:
        speed = _number(walking["metres_per_minute"], "walking.metres_per_minute", errors)
        if speed is None or speed <= 0:
            places.broken = True
        if speed is not None and speed <= 0:
            errors.add("walking.metres_per_minute", "must be positive")
        elif speed is not None:
            places.speed = speed
    if locations is None:
        return places
    for i, item in enumerate(_list(locations, "locations", errors)):
        path = f"locations[{i}]"
        obj = _obj(item, path, errors)
        if obj is None:
            continue
        _unknown_keys(obj, {"id", "name", "x", "y"}, path, errors)
        lid = _string(obj.get("id"), f"{path}.id", errors)
        if lid is None:
            continue
        if lid in places.positions:
            errors.add(f"{path}.id", f"duplicate location {_quote(lid)}")
            continue
        if places.matrix is None:
            x = _number(obj.get("x"), f"{path}.x", errors)
            y = _number(obj.get("y"), f"{path}.y", errors)
            if x is not None and y is not None:
                places.positions[lid] = (x, y)
                places.known.add(lid)
        elif lid not in places.known:
            errors.add(f"{path}.id", f"location {_quote(lid)} is not in walking.minutes")
    return places


def _parse_stops(
    raw: object, days: _Registry[Day], places: _Places, errors: _Errors
) -> _Registry[Stop]:
    stops: _Registry[Stop] = _Registry()
    seen: set[str] = set()
    fields = {"id", "name", "kind", "location", "x", "y", "open", "minutes", "priority"}
    for i, item in enumerate(_list(raw, "stops", errors)):
        path = f"stops[{i}]"
        obj = _obj(item, path, errors)
        if obj is None:
            continue
        _unknown_keys(obj, fields, path, errors)
        sid = _string(obj.get("id"), f"{path}.id", errors)
        if sid is not None:
            stops.declared.add(sid)
        name = _string(obj.get("name"), f"{path}.name", errors)
        kind = obj.get("kind")
        if kind not in STOP_KINDS:
            errors.add(f"{path}.kind", f"must be one of {', '.join(STOP_KINDS)}")
        minutes = _int(obj.get("minutes"), f"{path}.minutes", errors, 1)
        priority = _int(obj.get("priority", 1), f"{path}.priority", errors, 1, 3)
        location: str | None = None
        has_position = "x" in obj or "y" in obj
        if has_position and "location" in obj:
            errors.add(path, 'give either "location" or "x" and "y", not both')
        elif has_position:
            if places.matrix is not None:
                errors.add(path, 'positions "x", "y" need walking.metres_per_minute')
            else:
                x = _number(obj.get("x"), f"{path}.x", errors)
                y = _number(obj.get("y"), f"{path}.y", errors)
                if sid is not None and x is not None and y is not None:
                    if sid in places.positions:
                        errors.add(f"{path}.id", f"{_quote(sid)} is already a location")
                    places.positions[sid] = (x, y)
                    places.known.add(sid)
                    places.used.add(sid)
                    location = sid
        else:
            location = places.ref(obj.get("location"), f"{path}.location", errors)
        windows: list[Window] = []
        for j, window in enumerate(_list(obj.get("open"), f"{path}.open", errors)):
            wpath = f"{path}.open[{j}]"
            wobj = _obj(window, wpath, errors)
            if wobj is None:
                continue
            _unknown_keys(wobj, {"day", "start", "end"}, wpath, errors)
            day = _day_ref(wobj.get("day"), f"{wpath}.day", days, errors)
            span = _span(wobj, wpath, errors)
            if day is None or span is None:
                continue
            if any(w.day == day.id and w.start < span[1] and span[0] < w.end for w in windows):
                errors.add(wpath, "overlaps another opening window of the same day")
                continue
            windows.append(Window(day.id, *span))
        if sid is not None and sid in seen:
            errors.add(f"{path}.id", f"duplicate stop id {_quote(sid)}")
            continue
        if sid is None or name is None or minutes is None or priority is None or location is None:
            continue
        if kind not in STOP_KINDS:
            continue
        seen.add(sid)
        stops[sid] = Stop(sid, name, str(kind), location, tuple(windows), minutes, priority)
    return stops


def _parse_commitments(
    raw: object,
    path: str,
    attends: Sequence[str],
    days: _Registry[Day],
    places: _Places,
    errors: _Errors,
) -> list[Commitment]:
    commitments: list[Commitment] = []
    for j, item in enumerate(_list(raw, path, errors)):
        cpath = f"{path}[{j}]"
        obj = _obj(item, cpath, errors)
        if obj is None:
            continue
        _unknown_keys(
            obj, {"id", "kind", "title", "day", "start", "end", "location"}, cpath, errors
        )
        cid = _string(obj.get("id"), f"{cpath}.id", errors)
        kind = obj.get("kind")
        if kind not in COMMITMENT_KINDS:
            errors.add(f"{cpath}.kind", f"must be one of {', '.join(COMMITMENT_KINDS)}")
        title = obj.get("title", "")
        if not isinstance(title, str):
            errors.add(f"{cpath}.title", "must be a string")
            title = ""
        day = _day_ref(obj.get("day"), f"{cpath}.day", days, errors)
        if day is not None and day.id not in attends:
            errors.add(f"{cpath}.day", f"the member does not attend {_quote(day.id)}")
            day = None
        span = _span(obj, cpath, errors)
        location = places.ref(obj.get("location"), f"{cpath}.location", errors)
        if day is not None and span is not None and (span[0] < day.start or span[1] > day.end):
            errors.add(cpath, f"must lie within its day, {_hhmm(day.start)}–{_hhmm(day.end)}")
            continue
        if cid is None or day is None or span is None or location is None:
            continue
        if kind not in COMMITMENT_KINDS:
            continue
        if any(c.id == cid for c in commitments):
            errors.add(f"{cpath}.id", f"duplicate commitment id {_quote(cid)}")
            continue
        clash = next(
            (c for c in commitments if c.day == day.id and c.start < span[1] and span[0] < c.end),
            None,
        )
        if clash is not None:
            errors.add(cpath, f"overlaps commitment {_quote(clash.id)}")
            continue
        commitments.append(Commitment(cid, str(kind), title, day.id, *span, location))
    return commitments


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _parse_members(
    raw: object,
    days: _Registry[Day],
    stops: _Registry[Stop],
    places: _Places,
    entrance: str | None,
    entrance_given: bool,
    errors: _Errors,
) -> list[Member]:
    members: list[Member] = []
    seen: set[str] = set()
    fields = {"id", "name", "days", "start", "end", "wishes", "commitments"}
    for i, item in enumerate(_list(raw, "members", errors)):
        path = f"members[{i}]"
        obj = _obj(item, path, errors)
        if obj is None:
            continue
        _unknown_keys(obj, fields, path, errors)
        mid = _string(obj.get("id"), f"{path}.id", errors)
        name = _string(obj.get("name"), f"{path}.name", errors)
        attends: list[str] = []
        for j, value in enumerate(_list(obj.get("days"), f"{path}.days", errors)):
            day = _day_ref(value, f"{path}.days[{j}]", days, errors)
            if day is not None and day.id in attends:
                errors.add(f"{path}.days[{j}]", f"day {_quote(day.id)} listed twice")
            elif day is not None:
                attends.append(day.id)
        start = entrance
        if "start" in obj:
            start = places.ref(obj["start"], f"{path}.start", errors)
        end = entrance
        if "end" in obj:
            end = places.ref(obj["end"], f"{path}.end", errors)
        wishes: list[Wish] = []
        for j, wish in enumerate(_list(obj.get("wishes", []), f"{path}.wishes", errors)):
            wpath = f"{path}.wishes[{j}]"
            wobj = _obj(wish, wpath, errors)
            if wobj is None:
                continue
            _unknown_keys(wobj, {"stop", "priority"}, wpath, errors)
            sid = _string(wobj.get("stop"), f"{wpath}.stop", errors)
            if sid is not None and sid not in stops:
                if stops.unknown(sid):
                    errors.add(f"{wpath}.stop", f"unknown stop {_quote(sid)}")
                continue
            if sid is not None and any(w.stop == sid for w in wishes):
                errors.add(f"{wpath}.stop", f"stop {_quote(sid)} wished twice")
                continue
            default = stops[sid].priority if sid is not None else 1
            priority = _int(wobj.get("priority", default), f"{wpath}.priority", errors, 1, 3)
            if sid is not None and priority is not None:
                wishes.append(Wish(sid, priority))
        commitments = _parse_commitments(
            obj.get("commitments", []), f"{path}.commitments", attends, days, places, errors
        )
        if mid is not None and mid in seen:
            errors.add(f"{path}.id", f"duplicate member id {_quote(mid)}")
            continue
        # A wrong entrance is reported once, not again for every member who would start there.
        if start is None and "start" not in obj and not entrance_given:
            errors.add(f"{path}.start", 'required when there is no "entrance"')
        if end is None and "end" not in obj and not entrance_given:
            errors.add(f"{path}.end", 'required when there is no "entrance"')
        if mid is None or name is None or start is None or end is None:
            continue
        seen.add(mid)
        ordered = sorted(commitments, key=lambda c: (c.day, c.start))
        members.append(Member(mid, name, tuple(attends), start, end, tuple(wishes), tuple(ordered)))
    return members


def _parse_joint_visits(
    raw: object,
    days: _Registry[Day],
    stops: _Registry[Stop],
    members: Mapping[str, Member],
    errors: _Errors,
) -> list[JointVisit]:
    joint: list[JointVisit] = []
    seen: set[str] = set()
    taken: dict[tuple[str, str], str] = {}  # (member, stop) → joint visit
    for i, item in enumerate(_list(raw, "joint_visits", errors)):
        path = f"joint_visits[{i}]"
        obj = _obj(item, path, errors)
        if obj is None:
            continue
        _unknown_keys(obj, {"id", "stop", "members", "day", "window"}, path, errors)
        jid = _string(obj.get("id"), f"{path}.id", errors)
        sid = _string(obj.get("stop"), f"{path}.stop", errors)
        if sid is not None and sid not in stops:
            if stops.unknown(sid):
                errors.add(f"{path}.stop", f"unknown stop {_quote(sid)}")
            sid = None
        who: list[str] = []
        for j, value in enumerate(_list(obj.get("members"), f"{path}.members", errors)):
            mpath = f"{path}.members[{j}]"
            mid = _string(value, mpath, errors)
            if mid is None:
                continue
            if mid not in members:
                errors.add(mpath, f"unknown member {_quote(mid)}")
            elif mid in who:
                errors.add(mpath, f"member {_quote(mid)} listed twice")
            elif sid is not None and (mid, sid) in taken:
                errors.add(
                    mpath,
                    f"member {_quote(mid)} already visits this stop in {_quote(taken[(mid, sid)])}",
                )
            else:
                who.append(mid)
        if isinstance(obj.get("members"), list) and len(obj["members"]) < 2:
            errors.add(f"{path}.members", "a joint visit needs at least two members")
        day_id: str | None = None
        if obj.get("day") is not None:
            day = _day_ref(obj["day"], f"{path}.day", days, errors)
            day_id = day.id if day is not None else None
        window: tuple[int, int] | None = None
        if obj.get("window") is not None:
            wobj = _obj(obj["window"], f"{path}.window", errors)
            if wobj is not None:
                _unknown_keys(wobj, {"start", "end"}, f"{path}.window", errors)
                window = _span(wobj, f"{path}.window", errors)
        if jid is not None and jid in seen:
            errors.add(f"{path}.id", f"duplicate joint visit id {_quote(jid)}")
            continue
        if jid is None or sid is None or len(who) < 2:
            continue
        seen.add(jid)
        for mid in who:
            taken[(mid, sid)] = jid
        joint.append(JointVisit(jid, sid, tuple(who), day_id, window))
    return joint


def _check_walking_complete(places: _Places, errors: _Errors) -> None:
    """Every pair of places the request uses needs a walking time, in at least one direction."""
    if places.matrix is None or places.broken:
        return
    missing: list[str] = []
    used = sorted(places.used)
    for k, a in enumerate(used):
        for b in used[k + 1 :]:
            if not {(a, b), (b, a)} & places.declared_pairs:
                missing.append(f"{_quote(a)} and {_quote(b)}")
    if missing:
        shown = ", ".join(missing[:_MAX_LISTED])
        more = f" and {len(missing) - _MAX_LISTED} more pairs" if len(missing) > _MAX_LISTED else ""
        errors.add("walking.minutes", f"no walking time between {shown}{more}")


def parse_visits(raw: object) -> Visits:
    """Validate a decoded `matchfair-visits/1` document; raise `VisitsError` listing every problem."""
    errors = _Errors()
    root = _obj(raw, "$", errors)
    if root is None:
        raise VisitsError(errors.items)
    allowed = {
        "format",
        "days",
        "entrance",
        "locations",
        "walking",
        "stops",
        "members",
        "joint_visits",
    }
    _unknown_keys(root, allowed, "$", errors)
    if root.get("format") != FORMAT:
        errors.add("format", f"must be {_quote(FORMAT)}")
    days = _parse_days(root.get("days"), errors)
    places = _parse_walking(root.get("walking"), root.get("locations"), errors)
    entrance: str | None = None
    if root.get("entrance") is not None:
        entrance = places.ref(root["entrance"], "entrance", errors)
    stops = _parse_stops(root.get("stops"), days, places, errors)
    members = _parse_members(
        root.get("members"), days, stops, places, entrance, "entrance" in root, errors
    )
    joint = _parse_joint_visits(
        root.get("joint_visits", []), days, stops, {m.id: m for m in members}, errors
    )
    _check_walking_complete(places, errors)
    if errors.items:
        raise VisitsError(errors.items)
    return Visits(
        days=tuple(sorted(days.values(), key=lambda d: d.id)),
        stops=tuple(stops.values()),
        members=tuple(members),
        joint_visits=tuple(joint),
        walking_matrix=places.matrix,
        positions=places.positions if places.matrix is None else None,
        speed=places.speed,
    )
