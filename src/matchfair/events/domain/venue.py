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


def add_session(
    *,
    event: Event,
    name: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    slot_minutes: int = 30,
    is_b2b: bool = True,
    by: Any = None,
) -> Session:
    zone = event.zone
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("A session must end after it starts.")})
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
    with transaction.atomic():
        overlapping = event.sessions.filter(starts_at__lt=ends_at, ends_at__gt=starts_at).first()
        if overlapping is not None:
            raise ValidationError(
                {
                    "starts_at": _("This session overlaps the session “%(name)s”.")
                    % {"name": overlapping.name}
                }
            )
        session = Session.objects.create(
            event=event,
            name=name,
            starts_at=starts_at,
            ends_at=ends_at,
            slot_minutes=slot_minutes,
            is_b2b=is_b2b,
        )
        if is_b2b:
            step = dt.timedelta(minutes=slot_minutes)
            starts = []
            at = starts_at
            while at + step <= ends_at:
                starts.append(at)
                at += step
            if not starts:
                raise ValidationError(
                    {"slot_minutes": _("The session is shorter than one meeting.")}
                )
            Slot.objects.bulk_create(
                Slot(session=session, starts_at=start, ends_at=start + step) for start in starts
            )
        record(action="session.added", actor=by, subject=session, event=event, name=name)
    return session


def add_tables(
    *, event: Event, count: int, location: str = "", prefix: str = "Table", by: Any = None
) -> list[Table]:
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
            Table(event=event, name=f"{prefix} {taken + number}", location=location)
            for number in range(1, count + 1)
        )
        record(action="tables.added", actor=by, event=event, count=count, location=location)
    return tables
