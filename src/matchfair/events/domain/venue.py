"""Setting up an event's sessions, their slots and the tables, refusing impossible settings."""

import datetime as dt
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from matchfair.audit.domain import record
from matchfair.events.models import Event, Session, Slot, Table

MAX_TABLES_AT_ONCE = 5000


def _check_session(
    *,
    event: Event,
    name: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    slot_minutes: int,
    is_b2b: bool,
    other_than: Session | None = None,
) -> list[dt.datetime]:
    """Refuse a session that cannot be held; returns the start of each of its slots."""
    if not name.strip():
        raise ValidationError({"name": _("Give the session a name.")})
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("A session must end after it starts.")})
    zone = event.zone
    local_start, local_end = starts_at.astimezone(zone), ends_at.astimezone(zone)
    if local_start.date() < event.starts_on or local_end.date() > event.ends_on:
        raise ValidationError(
            {
                "starts_at": _("The session must lie within the event's days (%(first)s–%(last)s).")
                % {"first": event.starts_on, "last": event.ends_on}
            }
        )
    if slot_minutes < 5 or slot_minutes > 240:
        raise ValidationError({"slot_minutes": _("A meeting lasts between 5 and 240 minutes.")})
    overlapping = event.sessions.filter(starts_at__lt=ends_at, ends_at__gt=starts_at)
    if other_than is not None:
        overlapping = overlapping.exclude(pk=other_than.pk)
    first = overlapping.first()
    if first is not None:
        raise ValidationError(
            {"starts_at": _("This session overlaps the session “%(name)s”.") % {"name": first.name}}
        )
    if not is_b2b:
        return []
    step = dt.timedelta(minutes=slot_minutes)
    starts = []
    at = starts_at
    while at + step <= ends_at:
        starts.append(at)
        at += step
    if not starts:
        raise ValidationError({"slot_minutes": _("The session is shorter than one meeting.")})
    return starts


def _cut_slots(session: Session, starts: list[dt.datetime]) -> None:
    step = dt.timedelta(minutes=session.slot_minutes)
    Slot.objects.bulk_create(
        Slot(session=session, starts_at=start, ends_at=start + step) for start in starts
    )


def add_session(
    *,
    event: Event,
    name: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    slot_minutes: int = 30,
    is_b2b: bool = True,
    name_bg: str = "",
    by: Any = None,
) -> Session:
    with transaction.atomic():
        starts = _check_session(
            event=event,
            name=name,
            starts_at=starts_at,
            ends_at=ends_at,
            slot_minutes=slot_minutes,
            is_b2b=is_b2b,
        )
        session = Session.objects.create(
            event=event,
            name=name.strip(),
            name_bg=name_bg.strip(),
            starts_at=starts_at,
            ends_at=ends_at,
            slot_minutes=slot_minutes,
            is_b2b=is_b2b,
        )
        _cut_slots(session, starts)
        record(action="session.added", actor=by, subject=session, event=event, name=name)
    return session


def edit_session(
    *,
    session: Session,
    name: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    slot_minutes: int,
    is_b2b: bool,
    by: Any,
    name_bg: str = "",
) -> Session:
    """Rename a session or change its times; its slots are cut again only while no meeting of
    any plan sits in them, so a change of times never moves a meeting silently."""
    event = session.event
    with transaction.atomic():
        locked = Session.objects.select_for_update().get(pk=session.pk)
        starts = _check_session(
            event=event,
            name=name,
            starts_at=starts_at,
            ends_at=ends_at,
            slot_minutes=slot_minutes,
            is_b2b=is_b2b,
            other_than=locked,
        )
        timing = (starts_at, ends_at, slot_minutes, is_b2b)
        retimed = timing != (locked.starts_at, locked.ends_at, locked.slot_minutes, locked.is_b2b)
        if retimed and locked.slots.filter(placements__isnull=False).exists():
            raise ValidationError(
                {
                    "starts_at": _(
                        "Meetings of the draft or a release sit in this session's slots, so its "
                        "times cannot change. Remove the session (which shows the meetings it "
                        "unschedules) and add it again, or change only its name."
                    )
                }
            )
        before = {
            "name": locked.name,
            "name_bg": locked.name_bg,
            "starts_at": locked.starts_at.isoformat(),
            "ends_at": locked.ends_at.isoformat(),
            "slot_minutes": locked.slot_minutes,
            "is_b2b": locked.is_b2b,
        }
        locked.name, locked.name_bg = name.strip(), name_bg.strip()
        locked.starts_at, locked.ends_at = starts_at, ends_at
        locked.slot_minutes, locked.is_b2b = slot_minutes, is_b2b
        locked.save()
        if retimed:
            locked.slots.all().delete()
            _cut_slots(locked, starts)
        record(
            action="session.edited",
            actor=by,
            subject=locked,
            event=event,
            before=before,
            slots_cut_again=retimed,
        )
    return locked


def add_tables(
    *,
    event: Event,
    count: int,
    location: str = "",
    prefix: str = "Table",
    location_bg: str = "",
    prefix_bg: str = "",
    by: Any = None,
) -> list[Table]:
    """`count` tables named on from the highest "<prefix> <n>" in use; with `prefix_bg` each gets
    the same number in Bulgarian ("Маса 13")."""
    if count < 1:
        raise ValidationError({"count": _("Add at least one table.")})
    if count > MAX_TABLES_AT_ONCE:
        raise ValidationError(
            {"count": _("Add at most %(limit)s tables at once.") % {"limit": MAX_TABLES_AT_ONCE}}
        )
    with transaction.atomic():
        # Number on from the highest number in use, so removed tables leave no name clash.
        numbers = [
            int(match.group(1))
            for name in event.tables.filter(name__startswith=prefix).values_list("name", flat=True)
            if (match := re.fullmatch(rf"{re.escape(prefix)} (\d+)", name))
        ]
        taken = max(numbers, default=0)
        tables = Table.objects.bulk_create(
            Table(
                event=event,
                name=f"{prefix} {taken + number}",
                name_bg=f"{prefix_bg.strip()} {taken + number}" if prefix_bg.strip() else "",
                location=location,
                location_bg=location_bg.strip(),
            )
            for number in range(1, count + 1)
        )
        record(action="tables.added", actor=by, event=event, count=count, location=location)
    return tables


def edit_table(
    *, table: Table, name: str, location: str, by: Any, name_bg: str = "", location_bg: str = ""
) -> Table:
    """Rename a table or give its hall; a name is used once per event."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Give the table a name.")})
    with transaction.atomic():
        locked = Table.objects.select_for_update().get(pk=table.pk)
        if Table.objects.filter(event_id=locked.event_id, name=name).exclude(pk=locked.pk).exists():
            raise ValidationError(
                {"name": _("Another table of this event is called “%(name)s”.") % {"name": name}}
            )
        before = {
            "name": locked.name,
            "location": locked.location,
            "name_bg": locked.name_bg,
            "location_bg": locked.location_bg,
        }
        locked.name, locked.location = name, location.strip()
        locked.name_bg, locked.location_bg = " ".join(name_bg.split()), location_bg.strip()
        locked.save(update_fields=["name", "location", "name_bg", "location_bg"])
        record(action="table.edited", actor=by, subject=locked, event=locked.event, before=before)
    return locked
