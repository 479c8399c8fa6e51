"""Removing a table or a session while meetings sit in it: the organiser first sees exactly
which meetings lose their place, and only a confirmed removal changes anything."""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from matchfair.audit.domain import record
from matchfair.events.models import Event, Session, Slot, Table
from matchfair.meetings.domain.changes import ensure_draft, unschedule_placements
from matchfair.meetings.domain.plans import latest_release
from matchfair.meetings.models import Placement


@dataclass(frozen=True)
class Affected:
    """A meeting that loses its place when a table or session goes, as the organiser sees it."""

    meeting_id: int
    names: str
    slot: Slot
    table: Table | None
    plans: tuple[str, ...]  # "draft", "release 3": where the meeting sits there today


def _affected(event: Event, placements: Any) -> list[Affected]:
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


def _take_out(
    *, thing: Table | Session, placements: Any, retired: dict[str, Any], reason: str, by: Any
) -> list[Affected]:
    """Unschedule the meetings placed on `thing` in the draft, then delete it, or retire it
    (`retired` fields) while a release still refers to it."""
    event = thing.event
    affected = _affected(event, placements)
    kind = "table" if isinstance(thing, Table) else "session"
    with transaction.atomic():
        ensure_draft(event=event, by=by)
        unschedule_placements(
            event=event, meeting_ids=[item.meeting_id for item in affected], reason=reason, by=by
        )
        record(
            action=f"{kind}.removed",
            actor=by,
            event=event,
            subject=thing,
            name=thing.name,
            unscheduled=[item.meeting_id for item in affected],
        )
        if placements.exists():
            type(thing).objects.filter(pk=thing.pk).update(**retired)
        else:
            thing.delete()
    return affected


def remove_table(*, table: Table, by: Any, confirm: bool = False) -> list[Affected]:
    """Take a table out of use. Without `confirm`, only says which meetings would lose their
    place; with it, those meetings become unscheduled in the draft and the table is retired
    (kept for releases that use it) or deleted."""
    placements = Placement.objects.filter(table=table)
    if not confirm:
        return _affected(table.event, placements)
    if not table.event.tables.filter(is_active=True).exclude(pk=table.pk).exists():
        raise ValidationError(
            {"table": _("An event needs at least one table; add another before removing this.")}
        )
    return _take_out(
        thing=table,
        placements=placements,
        retired={"is_active": False},
        reason=_("Table “%(table)s” was removed") % {"table": table.name},
        by=by,
    )


def remove_session(*, session: Session, by: Any, confirm: bool = False) -> list[Affected]:
    """Remove a session and its slots. Without `confirm`, only says which meetings would become
    unscheduled; with it, they do, and the session is deleted, or closed for meetings when a
    release still refers to its slots."""
    placements = Placement.objects.filter(slot__session=session)
    if not confirm:
        return _affected(session.event, placements)
    return _take_out(
        thing=session,
        placements=placements,
        retired={"is_b2b": False},
        reason=_("Session “%(session)s” was removed") % {"session": session.name},
        by=by,
    )
