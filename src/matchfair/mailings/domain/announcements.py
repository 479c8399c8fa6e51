"""Messages the calendar triggers: booking opens or closes, and reminders of unanswered requests."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.events.models import Event, Registration
from matchfair.meetings.models import MeetingRequest
from matchfair.outbox.domain import Draft, queue_many, render

BOOKING_MOMENTS = ("opened", "closed")


def _booking_drafts(event: Event, moment: str) -> list[Draft]:
    at = event.booking_opens_at if moment == "opened" else event.booking_closes_at
    stamp = at.isoformat() if at else "unset"
    url = reverse("events:directory", kwargs={"event": event.slug})
    drafts = []
    people = Registration.objects.filter(
        event=event, status=Registration.Status.VALIDATED
    ).select_related("user")
    for registration in people.iterator(chunk_size=1000):
        subject, body = render(
            template=f"mailings/mail/booking_{moment}",
            context={"event": event, "at": at, "zone": event.zone, "url": url},
            user=registration.user,
        )
        drafts.append(
            Draft(
                # The moment is part of the key: moving the date announces it again, a double
                # click or a second run of the periodic task does not.
                key=f"booking:{event.pk}:{moment}:{stamp}:{registration.user_id}",
                to=registration.user.email,
                subject=subject,
                body=body,
                user=registration.user,
            )
        )
    return drafts


def announce_booking(*, event: Event, moment: str, by: Any = None) -> int:
    """Tell every validated participant that meeting requests opened or closed."""
    if moment not in BOOKING_MOMENTS:
        raise ValidationError({"moment": _("Choose whether booking opened or closed.")})
    if by is not None and not permissions.can_manage_event(by, event):
        raise PermissionDenied(_("Only the lead organiser's staff can announce booking."))
    if moment == "opened" and not event.booking_is_open():
        raise ValidationError(_("Meeting requests are not open yet, so this cannot be announced."))
    if moment == "closed" and event.booking_is_open():
        raise ValidationError(_("Meeting requests are still open, so this cannot be announced."))
    with transaction.atomic():
        count = queue_many(_booking_drafts(event, moment), kind=f"booking_{moment}", event=event)
        record(action=f"booking.{moment}_announced", actor=by, event=event, messages=count)
    return count


def announce_due_booking_windows(*, now: dt.datetime | None = None) -> int:
    """The periodic task: announce booking windows that opened or closed in the last day."""
    now = now or timezone.now()
    since = now - dt.timedelta(days=1)
    count = 0
    for event in Event.objects.filter(booking_opens_at__gt=since, booking_opens_at__lte=now):
        if event.booking_is_open(now):
            count += announce_booking(event=event, moment="opened")
    for event in Event.objects.filter(booking_closes_at__gt=since, booking_closes_at__lte=now):
        count += announce_booking(event=event, moment="closed")
    return count


def remind_pending_requests(
    *, now: dt.datetime | None = None, older_than_hours: float | None = None
) -> int:
    """Remind recipients of requests asked more than N hours ago, at most once a day each.

    A reminder's key counts whole days since the request was asked, so with hourly runs two
    reminders of one request are a day apart, give or take the hour between runs; a calendar
    date would let one go at 23:30 and the next at 00:30.
    """
    now = now or timezone.now()
    hours = settings.MAILINGS_REMINDER_HOURS if older_than_hours is None else older_than_hours
    waiting = (
        MeetingRequest.objects.filter(
            status=MeetingRequest.Status.ASKED, created__lte=now - dt.timedelta(hours=hours)
        )
        .select_related("event", "sender__user__organisation", "recipient__user")
        .order_by("event_id", "pk")
    )
    by_event: dict[int, list[MeetingRequest]] = {}
    for meeting_request in waiting:
        if meeting_request.event.booking_is_open(now):
            by_event.setdefault(meeting_request.event_id, []).append(meeting_request)
    count = 0
    for requests in by_event.values():
        event = requests[0].event
        url = reverse("meetings:requests", kwargs={"event": event.slug})
        drafts = []
        for meeting_request in requests:
            user = meeting_request.recipient.user
            subject, body = render(
                template="mailings/mail/request_reminder",
                context={"request": meeting_request, "event": event, "url": url},
                user=user,
            )
            drafts.append(
                Draft(
                    key=f"reminder:{meeting_request.pk}:{(now - meeting_request.created).days}",
                    to=user.email,
                    subject=subject,
                    body=body,
                    user=user,
                )
            )
        with transaction.atomic():
            count += queue_many(drafts, kind="request_reminder", event=event)
    return count
