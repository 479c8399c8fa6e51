"""Builds the engine's `matchfair-schedule/1` instance for an event straight from the database."""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from matchfair.events.models import Event, Registration, Slot, Table
from matchfair.meetings.models import Meeting


def slot_key(slot_id: int) -> str:
    return f"s{slot_id}"


def table_key(table_id: int) -> str:
    return f"t{table_id}"


def participant_key(registration_id: int) -> str:
    return f"p{registration_id}"


def meeting_key(meeting_id: int) -> str:
    return f"m{meeting_id}"


def key_id(key: str) -> int:
    return int(key[1:])


# Walking minutes between table locations come from an app that knows the venue's layout (the
# visits app registers one in its AppConfig.ready): f(event, locations) -> {a: {b: minutes}}.
TRAVEL_SOURCES: list[Callable[[Event, list[str]], dict[str, dict[str, int]]]] = []


def travel_minutes(event: Event, locations: list[str]) -> dict[str, dict[str, int]]:
    for source in TRAVEL_SOURCES:
        minutes = source(event, locations)
        if minutes:
            return minutes
    return {}


def build_instance(
    event: Event,
    *,
    locked: dict[int, tuple[int, int | None]] | None = None,
    not_before: dt.datetime | None = None,
) -> dict[str, Any]:
    """The instance holds every active meeting and the B2B slots and active tables of the event.

    `locked` (meeting id → slot id, table id) keeps meetings already held where they are;
    `not_before` keeps every other meeting out of the slots that started before it.
    """
    locked = locked or {}
    slots = list(
        Slot.objects.filter(session__event=event, session__is_b2b=True)
        .select_related("session")
        .order_by("starts_at")
    )
    slot_ids_by_session: dict[int, list[str]] = defaultdict(list)
    for slot in slots:
        slot_ids_by_session[slot.session_id].append(slot_key(slot.pk))

    meetings = list(
        Meeting.objects.filter(event=event, status=Meeting.Status.ACTIVE)
        .prefetch_related("participants")
        .order_by("id")
    )
    registration_ids = {
        registration.pk for meeting in meetings for registration in meeting.participants.all()
    }
    registrations = (
        Registration.objects.filter(pk__in=registration_ids)
        .prefetch_related("unavailable_sessions")
        .order_by("id")
    )
    # A private stand hosts its owner's meetings only: one whose owner has no meeting is of no
    # use to anyone, so it is left out rather than offered as a general table.
    tables = [
        table
        for table in Table.objects.filter(event=event, is_active=True).order_by("id")
        if table.booth_of_id is None or table.booth_of_id in registration_ids
    ]
    booth_of = {table.booth_of_id: table for table in tables if table.booth_of_id is not None}

    day_of = {slot_key(slot.pk): slot.starts_at.astimezone(event.zone).date() for slot in slots}
    participants = []
    for registration in registrations:
        absent = {session.pk for session in registration.unavailable_sessions.all()}
        # Sessions are walked in time order, so the slots stay in time order too.
        available = [
            key
            for session_id, keys in slot_ids_by_session.items()
            if session_id not in absent
            for key in keys
        ]
        entry: dict[str, Any] = {"id": participant_key(registration.pk), "available": available}
        limit = registration.max_meetings or event.default_max_meetings
        if limit:
            entry["max_meetings"] = limit
        if registration.pk in booth_of:
            entry["booth"] = table_key(booth_of[registration.pk].pk)
        entry.update(_own_limits(registration, day_of))
        participants.append(entry)

    table_ids = {table.pk for table in tables}
    slot_ids = {slot.pk for slot in slots}
    later = (
        [slot_key(slot.pk) for slot in slots if slot.starts_at >= not_before]
        if not_before is not None
        else None
    )

    def placement_rules(meeting: Meeting) -> dict[str, Any]:
        held = locked.get(meeting.pk)
        if held is not None and held[0] in slot_ids:
            lock: dict[str, str] = {"slot": slot_key(held[0])}
            if held[1] in table_ids and held[1] is not None:
                lock["table"] = table_key(held[1])
            return {"locked": lock}
        return {} if later is None else {"slots": later}

    travel = travel_minutes(event, sorted({table.location for table in tables if table.location}))
    return {
        "format": "matchfair-schedule/1",
        **({"travel_minutes": travel} if travel else {}),
        **_humane_days(event, slots),
        "slots": [
            {
                "id": slot_key(slot.pk),
                "session": f"session-{slot.session_id}",
                "start": slot.starts_at.astimezone(event.zone).isoformat(),
                "minutes": slot.minutes,
            }
            for slot in slots
        ],
        "tables": [
            {
                "id": table_key(table.pk),
                **({"location": table.location} if table.location else {}),
                **(
                    {"booth_of": participant_key(table.booth_of_id)}
                    if table.booth_of_id is not None
                    else {}
                ),
            }
            for table in tables
        ],
        "participants": participants,
        "meetings": [
            {
                "id": meeting_key(meeting.pk),
                "participants": sorted(
                    (participant_key(r.pk) for r in meeting.participants.all()),
                    key=key_id,
                ),
                "priority": meeting.priority,
                **placement_rules(meeting),
            }
            for meeting in meetings
        ],
    }


def _humane_days(event: Event, slots: list[Slot]) -> dict[str, Any]:
    """The event's defaults for a participant's limits, and its lunch break: every slot that
    overlaps the lunch window in the event's time zone is a break."""
    out: dict[str, Any] = {}
    if event.default_max_in_a_row:
        out["max_consecutive"] = event.default_max_in_a_row
    if event.default_max_per_day:
        out["max_per_day"] = event.default_max_per_day
    if event.lunch_starts is not None and event.lunch_ends is not None:
        breaks = []
        for slot in slots:
            start = slot.starts_at.astimezone(event.zone)
            end = start + dt.timedelta(minutes=slot.minutes)
            lunch_start = dt.datetime.combine(start.date(), event.lunch_starts, start.tzinfo)
            lunch_end = dt.datetime.combine(start.date(), event.lunch_ends, start.tzinfo)
            if start < lunch_end and end > lunch_start:
                breaks.append(slot_key(slot.pk))
        if breaks:
            out["breaks"] = breaks
    return out


def _own_limits(registration: Registration, day_of: dict[str, dt.date]) -> dict[str, Any]:
    """A participant's own limits, and their preferred days as the slots on those days."""
    out: dict[str, Any] = {}
    if registration.max_in_a_row:
        out["max_consecutive"] = registration.max_in_a_row
    if registration.max_per_day:
        out["max_per_day"] = registration.max_per_day
    days = set(registration.preferred_days or ())
    preferred = [key for key, day in day_of.items() if day.isoformat() in days]
    if preferred:
        out["preferred_slots"] = preferred
    return out


def participant_names(event: Event) -> dict[str, str]:
    """Names for the engine's reasons, so a person reads "Ana Petrova" rather than "p17"."""
    return {
        participant_key(pk): name
        for pk, name in Registration.objects.filter(event=event).values_list(
            "pk", "user__full_name"
        )
    }
