"""Changes to the schedule by hand and on the event day, always made in the draft.

A hand move is refused only when it would break a rule the venue cannot bend: one meeting per
table and slot, a table in use and not someone else's private stand, a B2B slot of this event
that has not started yet, an active meeting. A move that breaks a person's rule (availability, one meeting per slot, a booth owner
away from their booth) is allowed and shows up at once among the draft's conflicts, so the
organiser can decide with the whole picture in front of them.
"""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.events.models import Event, Registration, Slot, Table
from matchfair.meetings import notifications
from matchfair.meetings.domain.differences import spot_in
from matchfair.meetings.domain.plans import latest_release
from matchfair.meetings.domain.requests import book, lock_participants
from matchfair.meetings.domain.versions import agendas_changed
from matchfair.meetings.models import Meeting, MeetingRequest, NoShow, Placement, Plan


def _allowed(by: Any, event: Event) -> None:
    if by is not None and not permissions.can_manage_event(by, event):
        raise PermissionDenied(_("Only the lead organiser's staff can change the schedule."))


def ensure_draft(*, event: Event, by: Any = None) -> Plan:
    """The event's draft, locked for this transaction; a copy of the latest release if none.

    The event row is locked first, so two organisers making the first change at once take
    turns: the second finds the draft the first made instead of failing on the one-draft rule.
    """
    Event.objects.select_for_update().filter(pk=event.pk).first()
    draft = Plan.objects.select_for_update().filter(event=event, kind=Plan.Kind.DRAFT).first()
    if draft is not None:
        return draft
    release = latest_release(event)
    draft = Plan.objects.create(
        event=event,
        kind=Plan.Kind.DRAFT,
        created_by=by if by is not None and by.is_authenticated else None,
        stats=dict(release.stats) if release else {},
    )
    if release is not None:
        Placement.objects.bulk_create(
            [
                Placement(
                    plan=draft,
                    meeting_id=placement.meeting_id,
                    slot_id=placement.slot_id,
                    table_id=placement.table_id,
                    reason=placement.reason,
                )
                for placement in release.placements.all()
            ],
            batch_size=2000,
        )
    record(action="plan.draft_from_release", actor=by, subject=draft, event=event)
    return draft


def _names(meeting: Meeting) -> str:
    return " & ".join(person.user.full_name for person in meeting.participants.all())


def _started(slot: Slot | None, now: dt.datetime | None) -> bool:
    return slot is not None and now is not None and slot.starts_at <= now


def move_meeting(
    *, meeting: Meeting, slot: Slot, table: Table, by: Any, now: dt.datetime | None = None
) -> Placement:
    """Put a meeting into another slot and table of the draft, by hand."""
    event = meeting.event
    _allowed(by, event)
    now = now or timezone.now()
    if meeting.status != Meeting.Status.ACTIVE:
        raise ValidationError(_("This meeting is cancelled; it cannot be scheduled."))
    if slot.session.event_id != event.pk or not slot.session.is_b2b:
        raise ValidationError({"slot": _("Choose a B2B slot of this event.")})
    if table.event_id != event.pk or not table.is_active:
        raise ValidationError({"table": _("Table “%(table)s” is not in use.") % {"table": table}})
    if _started(slot, now):
        raise ValidationError(
            {"slot": _("This slot has started already; a meeting can only move to a later slot.")}
        )
    if (
        table.booth_of_id is not None
        and not meeting.participants.filter(pk=table.booth_of_id).exists()
    ):
        raise ValidationError(
            {
                "table": _("%(table)s is a private stand: only its owner's meetings go there.")
                % {"table": table.name}
            }
        )
    with transaction.atomic():
        draft = ensure_draft(event=event, by=by)
        placement = (
            Placement.objects.select_related("slot", "table")
            .filter(plan=draft, meeting=meeting)
            .first()
        )
        if placement is not None and _started(placement.slot, now):
            raise ValidationError(_("This meeting has started already; it stays where it is."))
        taken = (
            Placement.objects.filter(plan=draft, slot=slot, table=table)
            .exclude(meeting=meeting)
            .select_related("meeting")
            .first()
        )
        if taken is not None:
            raise ValidationError(
                {
                    "table": _(
                        "One meeting per table and slot: %(table)s already holds %(names)s then."
                    )
                    % {"table": table.name, "names": _names(taken.meeting)}
                }
            )
        before = (placement.slot_id, placement.table_id) if placement else (None, None)
        placement, _created = Placement.objects.update_or_create(
            plan=draft, meeting=meeting, defaults={"slot": slot, "table": table, "reason": ""}
        )
        record(
            action="plan.meeting_moved",
            actor=by,
            subject=meeting,
            event=event,
            slot_before=before[0],
            table_before=before[1],
            slot=slot.pk,
            table=table.pk,
        )
    return placement


def unschedule_meeting(
    *, meeting: Meeting, by: Any, reason: str = "", now: dt.datetime | None = None
) -> Placement:
    """Take a meeting out of the draft's schedule; it stays accepted, without a slot."""
    event = meeting.event
    _allowed(by, event)
    now = now or timezone.now()
    with transaction.atomic():
        draft = ensure_draft(event=event, by=by)
        placement = (
            Placement.objects.select_related("slot").filter(plan=draft, meeting=meeting).first()
        )
        if placement is not None and _started(placement.slot, now):
            raise ValidationError(_("This meeting has started already; it stays where it is."))
        placement, _created = Placement.objects.update_or_create(
            plan=draft,
            meeting=meeting,
            defaults={
                "slot": None,
                "table": None,
                "reason": (reason or _("Taken out of the schedule by the organisers"))[:300],
            },
        )
        record(action="plan.meeting_unscheduled", actor=by, subject=meeting, event=event)
    return placement


def unschedule_placements(*, event: Event, meeting_ids: list[int], reason: str, by: Any) -> int:
    """Take many meetings out of the draft at once (a table or session removed); in a transaction."""
    draft = ensure_draft(event=event, by=by)
    return Placement.objects.filter(plan=draft, meeting_id__in=meeting_ids).update(
        slot=None, table=None, reason=reason[:300]
    )


def cancel_meeting(*, meeting: Meeting, by: Any, notify: bool = True) -> Meeting:
    """Call a meeting off on the day: its slot and table are freed in the draft at once."""
    event = meeting.event
    _allowed(by, event)
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if locked.status != Meeting.Status.ACTIVE:
            raise ValidationError(_("This meeting is cancelled already."))
        lock_participants(list(locked.participants.values_list("pk", flat=True)))
        locked.status = Meeting.Status.CANCELLED
        locked.save(update_fields=["status"])
        agendas_changed(event.pk)
        if locked.request_id:
            MeetingRequest.objects.filter(
                pk=locked.request_id, status=MeetingRequest.Status.ACCEPTED
            ).update(status=MeetingRequest.Status.CANCELLED)
        draft = ensure_draft(event=event, by=by)
        Placement.objects.filter(plan=draft, meeting=locked).update(
            slot=None, table=None, reason=_("Cancelled")
        )
        record(action="meeting.cancelled", actor=by, subject=locked, event=event)
        if notify:
            people = list(locked.participants.select_related("user", "event"))
            where = spot_in(latest_release(event), locked.pk)
            for person in people:
                others = [other.user.full_name for other in people if other.pk != person.pk]
                notifications.meeting_cancelled(locked, person, others=others, where=where)
    meeting.refresh_from_db()
    return locked


def record_no_show(
    *,
    meeting: Meeting,
    registration: Registration,
    by: Any,
    cancel_later: bool = False,
    now: dt.datetime | None = None,
) -> NoShow:
    """Note that a participant missed a meeting; optionally call off the rest of their day."""
    event = meeting.event
    _allowed(by, event)
    now = now or timezone.now()
    if not meeting.participants.filter(pk=registration.pk).exists():
        raise ValidationError(
            _("%(name)s does not take part in this meeting.") % {"name": registration.user}
        )
    with transaction.atomic():
        no_show, _created = NoShow.objects.get_or_create(
            meeting=meeting, registration=registration, defaults={"recorded_by": by}
        )
        cancelled = []
        if cancel_later:
            draft = ensure_draft(event=event, by=by)
            later = Meeting.objects.filter(
                participants=registration,
                status=Meeting.Status.ACTIVE,
                placements__plan=draft,
                placements__slot__starts_at__gt=now,
            ).distinct()
            for other in later:
                cancel_meeting(meeting=other, by=by)
                cancelled.append(other.pk)
        record(
            action="meeting.no_show",
            actor=by,
            subject=meeting,
            event=event,
            registration=registration.pk,
            cancelled_later=cancelled,
        )
    return no_show


def accept_late_request(meeting_request: MeetingRequest, *, by: Any, reply: str = "") -> Meeting:
    """The organiser accepts a request on the participant's behalf, also after booking closed.

    The new meeting is not in the draft yet: place it by hand or re-plan the day.
    """
    event = meeting_request.event
    _allowed(by, event)
    with transaction.atomic():
        locked = MeetingRequest.objects.select_for_update().get(pk=meeting_request.pk)
        if locked.status != MeetingRequest.Status.ASKED:
            raise ValidationError(
                _("This request was %(status)s already.")
                % {"status": locked.get_status_display().lower()}
            )
        locked.status = MeetingRequest.Status.ACCEPTED
        locked.reply = reply.strip()
        locked.answered = timezone.now()
        locked.save(update_fields=["status", "reply", "answered"])
        meeting = Meeting.objects.create(event=event, request=locked)
        book(meeting, [locked.sender_id, locked.recipient_id])
        record(
            action="request.accepted_late",
            actor=by,
            subject=locked,
            event=event,
            meeting=meeting.pk,
        )
        notifications.request_answered(locked)
    meeting_request.refresh_from_db()
    return meeting
