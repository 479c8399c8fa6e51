"""Setting up an event's sessions, their slots and the tables, refusing impossible settings."""

import datetime as dt
import re
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Affected:
    """A meeting that loses its place when a table or session goes, as the organiser sees it."""

    meeting_id: int
    names: str
    slot: Slot
    table: Table | None
    plans: tuple[str, ...]  # "draft", "release 3": where the meeting sits there today


def _affected(event: Event, placements: Any) -> list[Affected]:
    from matchfair.meetings.domain.planning import latest_release

    release = latest_release(event)
    plans = [plan for plan in event.plans.filter(kind="draft")] + ([release] if release else [])
    found: dict[int, Affected] = {}
    for plan in plans:
        label = _("draft") if plan.kind == "draft" else _("release %(n)s") % {"n": plan.version}
        rows = (
            placements.filter(plan=plan, meeting__status="active")
            .select_related("slot__session", "table")
            .prefetch_related("meeting__participants__user")
            .order_by("slot__starts_at", "table_id")
        )
        for placement in rows:
            seen = found.get(placement.meeting_id)
            if seen is not None:
                found[placement.meeting_id] = Affected(
                    seen.meeting_id, seen.names, seen.slot, seen.table, (*seen.plans, label)
                )
                continue
            names = " & ".join(p.user.full_name for p in placement.meeting.participants.all())
            found[placement.meeting_id] = Affected(
                placement.meeting_id, names, placement.slot, placement.table, (label,)
            )
    return sorted(found.values(), key=lambda item: (item.slot.starts_at, item.meeting_id))


def remove_table(*, table: Table, by: Any, confirm: bool = False) -> list[Affected]:
    """Take a table out of use. Without `confirm`, only says which meetings would lose their
    place; with it, those meetings become unscheduled in the draft and the table is retired
    (kept for the releases that used it)."""
    from matchfair.meetings.domain.changes import ensure_draft, unschedule_placements
    from matchfair.meetings.models import Placement

    event = table.event
    affected = _affected(event, Placement.objects.filter(table=table))
    if not confirm:
        return affected
    if not event.tables.filter(is_active=True).exclude(pk=table.pk).exists():
        raise ValidationError(
            {"table": _("An event needs at least one table; add another before removing this.")}
        )
    with transaction.atomic():
        ensure_draft(event=event, by=by)
        unschedule_placements(
            event=event,
            meeting_ids=[item.meeting_id for item in affected],
            reason=_("Table “%(table)s” was removed") % {"table": table.name},
            by=by,
        )
        if Placement.objects.filter(table=table).exists():
            Table.objects.filter(pk=table.pk).update(is_active=False)
        else:
            table.delete()
        record(
            action="table.removed",
            actor=by,
            event=event,
            table=table.name,
            unscheduled=[item.meeting_id for item in affected],
        )
    return affected


def remove_session(*, session: Session, by: Any, confirm: bool = False) -> list[Affected]:
    """Remove a session and its slots. Without `confirm`, only says which meetings would become
    unscheduled; with it, they do, and the session is deleted, or closed for meetings when a
    release still refers to its slots."""
    from matchfair.meetings.domain.changes import ensure_draft, unschedule_placements
    from matchfair.meetings.models import Placement

    event = session.event
    affected = _affected(event, Placement.objects.filter(slot__session=session))
    if not confirm:
        return affected
    with transaction.atomic():
        ensure_draft(event=event, by=by)
        unschedule_placements(
            event=event,
            meeting_ids=[item.meeting_id for item in affected],
            reason=_("Session “%(session)s” was removed") % {"session": session.name},
            by=by,
        )
        if Placement.objects.filter(slot__session=session).exists():
            Session.objects.filter(pk=session.pk).update(is_b2b=False)
        else:
            session.delete()
        record(
            action="session.removed",
            actor=by,
            event=event,
            session=session.name,
            unscheduled=[item.meeting_id for item in affected],
        )
    return affected
