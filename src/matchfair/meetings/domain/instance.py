"""Builds the engine's `Instance` for an event straight from the database, in the engine's
typed values; ids go through `engine_ids`. `dump_instance` gives its `matchfair-schedule/1`
document for the command line and exports."""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable

from matchfair.events.models import Event, Registration, Slot, Table
from matchfair.meetings.domain.engine_ids import MEETINGS, PARTICIPANTS, SESSIONS, SLOTS, TABLES
from matchfair.meetings.models import Meeting
from matchfair.scheduling import model as engine

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
) -> engine.Instance:
    """The instance holds every active meeting and the B2B slots and active tables of the event.

    `locked` (meeting id → slot id, table id) keeps meetings already held where they are;
    `not_before` keeps every other meeting out of the slots that started before it. The engine
    checks the rules on it with `scheduling.validate`.
    """
    locked = locked or {}
    slots = list(
        Slot.objects.filter(session__event=event, session__is_b2b=True)
        .select_related("session")
        .order_by("starts_at")
    )
    slot_ids_by_session: dict[int, list[str]] = defaultdict(list)
    for slot in slots:
        slot_ids_by_session[slot.session_id].append(SLOTS.key(slot.pk))

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

    day_of = {SLOTS.key(slot.pk): slot.starts_at.astimezone(event.zone).date() for slot in slots}
    participants = []
    for registration in registrations:
        absent = {session.pk for session in registration.unavailable_sessions.all()}
        available = frozenset(
            key
            for session_id, keys in slot_ids_by_session.items()
            if session_id not in absent
            for key in keys
        )
        booth = booth_of.get(registration.pk)
        in_a_row, per_day, preferred = _own_limits(registration, day_of)
        participants.append(
            engine.Participant(
                id=PARTICIPANTS.key(registration.pk),
                available=available,
                booth=TABLES.key(booth.pk) if booth is not None else None,
                max_meetings=registration.max_meetings or event.default_max_meetings or None,
                max_consecutive=in_a_row,
                max_per_day=per_day,
                preferred_slots=preferred,
            )
        )

    table_ids = {table.pk for table in tables}
    slot_ids = {slot.pk for slot in slots}
    later = (
        frozenset(SLOTS.key(slot.pk) for slot in slots if slot.starts_at >= not_before)
        if not_before is not None
        else None
    )

    def placed(meeting: Meeting) -> engine.Meeting:
        """The meeting held where it is, or kept out of the slots already begun."""
        people = tuple(
            PARTICIPANTS.key(pk) for pk in sorted(r.pk for r in meeting.participants.all())
        )
        held = locked.get(meeting.pk)
        if held is not None and held[0] in slot_ids:
            table = TABLES.key(held[1]) if held[1] is not None and held[1] in table_ids else None
            lock = engine.Lock(slot=SLOTS.key(held[0]), table=table)
            return engine.Meeting(MEETINGS.key(meeting.pk), people, meeting.priority, locked=lock)
        return engine.Meeting(MEETINGS.key(meeting.pk), people, meeting.priority, slots=later)

    travel = travel_minutes(event, sorted({table.location for table in tables if table.location}))
    in_a_row, per_day, breaks = _humane_days(event, slots)
    return engine.Instance(
        slots=tuple(
            engine.Slot(
                id=SLOTS.key(slot.pk),
                session=SESSIONS.key(slot.session_id),
                start=_fixed_offset(slot.starts_at.astimezone(event.zone)),
                minutes=slot.minutes,
            )
            for slot in slots
        ),
        tables=tuple(
            engine.Table(
                id=TABLES.key(table.pk),
                location=table.location or None,
                booth_of=(
                    PARTICIPANTS.key(table.booth_of_id) if table.booth_of_id is not None else None
                ),
            )
            for table in tables
        ),
        participants=tuple(participants),
        meetings=tuple(placed(meeting) for meeting in meetings),
        travel_minutes=travel,
        breaks=breaks,
        max_consecutive=in_a_row,
        max_per_day=per_day,
    )


def _fixed_offset(moment: dt.datetime) -> dt.datetime:
    """The local time with its offset fixed, as an ISO 8601 time in the document reads: the
    engine subtracts times of one slot from another's, which across a change of summer time
    only counts right between fixed offsets."""
    return moment.replace(tzinfo=dt.timezone(moment.utcoffset() or dt.timedelta()))


def _humane_days(event: Event, slots: list[Slot]) -> tuple[int | None, int | None, frozenset[str]]:
    """The event's defaults for a participant's limits, and its lunch break: every slot that
    overlaps the lunch window in the event's time zone is a break."""
    breaks: set[str] = set()
    if event.lunch_starts is not None and event.lunch_ends is not None:
        for slot in slots:
            start = slot.starts_at.astimezone(event.zone)
            end = start + dt.timedelta(minutes=slot.minutes)
            lunch_start = dt.datetime.combine(start.date(), event.lunch_starts, start.tzinfo)
            lunch_end = dt.datetime.combine(start.date(), event.lunch_ends, start.tzinfo)
            if start < lunch_end and end > lunch_start:
                breaks.add(SLOTS.key(slot.pk))
    return event.default_max_in_a_row or None, event.default_max_per_day or None, frozenset(breaks)


def _own_limits(
    registration: Registration, day_of: dict[str, dt.date]
) -> tuple[int | None, int | None, frozenset[str] | None]:
    """A participant's own limits, and their preferred days as the slots on those days."""
    days = set(registration.preferred_days or ())
    preferred = frozenset(key for key, day in day_of.items() if day.isoformat() in days)
    return registration.max_in_a_row or None, registration.max_per_day or None, preferred or None


def participant_names(event: Event) -> dict[str, str]:
    """Names for the engine's reasons, so a person reads "Ana Petrova" rather than "p17"."""
    return {
        PARTICIPANTS.key(pk): name
        for pk, name in Registration.objects.filter(event=event).values_list(
            "pk", "user__full_name"
        )
    }
