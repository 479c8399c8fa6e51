"""The life of a meeting request: asked, then accepted (a meeting is born), declined or cancelled."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.events.models import Registration
from matchfair.meetings import notifications
from matchfair.meetings.domain.versions import agendas_changed
from matchfair.meetings.models import Meeting, MeetingRequest


def send_request(
    *, sender: Registration, recipient: Registration, message: str, by: Any
) -> MeetingRequest:
    event = sender.event
    if recipient.pk == sender.pk:
        raise ValidationError(_("You cannot request a meeting with yourself."))
    if recipient.event_id != sender.event_id:
        raise ValidationError(
            _("%(name)s does not take part in this event.") % {"name": recipient.user}
        )
    if not permissions.can_request_meetings(sender.user):
        raise ValidationError(
            _("Confirm your e-mail address first: open the link we sent you, then ask again.")
        )
    if not sender.is_active:
        raise ValidationError(
            _("Your registration is not validated yet, so you cannot send requests.")
        )
    if not recipient.is_active:
        raise ValidationError(_("%(name)s cannot receive requests.") % {"name": recipient.user})
    if not event.booking_is_open():
        raise ValidationError(_("Meeting requests for this event are closed."))
    if not message.strip():
        raise ValidationError(
            {"message": _("Write a few words on what you would like to discuss.")}
        )
    pair = MeetingRequest.pair_of(sender.pk, recipient.pk)
    try:
        with transaction.atomic():
            meeting_request = MeetingRequest.objects.create(
                event=event, sender=sender, recipient=recipient, pair=pair, message=message.strip()
            )
            record(action="request.sent", actor=by, subject=meeting_request, event=event)
            notifications.request_received(meeting_request)
    except IntegrityError as error:
        raise ValidationError(
            _("There is already an open request between you and %(name)s.")
            % {"name": recipient.user}
        ) from error
    return meeting_request


def lock_participants(registration_ids: list[int]) -> None:
    """Lock the registrations of a meeting about to be booked or called off, in id order.

    Database triggers count each registration's active meetings on its row. Two transactions
    booking meetings of the same two people would otherwise lock those rows in opposite orders
    and deadlock on PostgreSQL; in one order, the second simply waits.
    """
    rows = Registration.objects.select_for_update().filter(pk__in=registration_ids)
    list(rows.order_by("pk").values_list("pk", flat=True))


def book(meeting: Meeting, registration_ids: list[int]) -> None:
    """Make the registrations the participants of a new meeting."""
    lock_participants(registration_ids)
    meeting.participants.set(registration_ids)


def _answer(meeting_request: MeetingRequest, *, by: Any, status: str, reply: str) -> MeetingRequest:
    # Lock the row so two answers at once cannot both win.
    locked = MeetingRequest.objects.select_for_update().get(pk=meeting_request.pk)
    if not permissions.can_answer(by, locked):
        raise PermissionDenied(_("Only the person asked can answer this request."))
    if locked.status != MeetingRequest.Status.ASKED:
        raise ValidationError(
            _("This request was %(status)s already.")
            % {"status": locked.get_status_display().lower()}
        )
    if not locked.event.booking_is_open():
        raise ValidationError(_("Meeting requests for this event are closed."))
    locked.status = status
    locked.reply = reply.strip()
    locked.answered = timezone.now()
    locked.save(update_fields=["status", "reply", "answered"])
    return locked


def accept_request(meeting_request: MeetingRequest, *, by: Any, reply: str = "") -> Meeting:
    with transaction.atomic():
        answered = _answer(
            meeting_request, by=by, status=MeetingRequest.Status.ACCEPTED, reply=reply
        )
        meeting = Meeting.objects.create(event=answered.event, request=answered)
        book(meeting, [answered.sender_id, answered.recipient_id])
        record(
            action="request.accepted",
            actor=by,
            subject=answered,
            event=answered.event,
            meeting=meeting.pk,
        )
        notifications.request_answered(answered)
    meeting_request.refresh_from_db()
    return meeting


def decline_request(meeting_request: MeetingRequest, *, by: Any, reply: str = "") -> MeetingRequest:
    with transaction.atomic():
        answered = _answer(
            meeting_request, by=by, status=MeetingRequest.Status.DECLINED, reply=reply
        )
        record(action="request.declined", actor=by, subject=answered, event=answered.event)
        notifications.request_answered(answered)
    meeting_request.refresh_from_db()
    return answered


def cancel_request(meeting_request: MeetingRequest, *, by: Any) -> MeetingRequest:
    """The sender withdraws a request, or either side calls off an accepted meeting."""
    with transaction.atomic():
        locked = MeetingRequest.objects.select_for_update().get(pk=meeting_request.pk)
        if not permissions.can_cancel_request(by, locked):
            raise PermissionDenied(_("Only the two participants can cancel this request."))
        if locked.status not in MeetingRequest.OPEN_STATUSES:
            raise ValidationError(_("Only an open request can be cancelled."))
        unanswered = locked.status == MeetingRequest.Status.ASKED
        if unanswered and not permissions.can_withdraw_request(by, locked):
            raise ValidationError(_("Decline the request instead of cancelling it."))
        was_accepted = locked.status == MeetingRequest.Status.ACCEPTED
        locked.status = MeetingRequest.Status.CANCELLED
        locked.answered = locked.answered or timezone.now()
        locked.save(update_fields=["status", "answered"])
        if was_accepted:
            lock_participants([locked.sender_id, locked.recipient_id])
            Meeting.objects.filter(request=locked).update(status=Meeting.Status.CANCELLED)
            agendas_changed(locked.event_id)
        record(action="request.cancelled", actor=by, subject=locked, event=locked.event)
        notifications.request_cancelled(locked, by=by)
    meeting_request.refresh_from_db()
    return locked


def refuse_withdrawal_while_open(*, registration: Registration, **_signal: Any) -> None:
    """A participant with open requests or meetings stays: those would lose their other side.
    Connected to `events.signals.registration_withdrawing`."""
    open_requests = MeetingRequest.objects.filter(
        Q(sender=registration) | Q(recipient=registration),
        status__in=MeetingRequest.OPEN_STATUSES,
    )
    if open_requests.exists():
        raise ValidationError(
            _("%(name)s has open requests or meetings; cancel them before rejecting.")
            % {"name": registration.user}
        )
