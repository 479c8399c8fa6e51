"""Booking-window announcements and reminders of waiting requests:
`mailings.domain.announcements`."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from matchfair.mailings.domain.announcements import (
    announce_booking,
    announce_due_booking_windows,
    remind_pending_requests,
)
from tests import factories
from tests.mailings.domain.helpers import ask


def test_announce_booking_opened_reaches_everyone_once(
    event, ana, jonas, lead_staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert announce_booking(event=event, moment="opened", by=lead_staff) == 2
        assert announce_booking(event=event, moment="opened", by=lead_staff) == 0
    assert (
        sorted(message.subject for message in mail.outbox)
        == [f"Meeting requests are open for {event.name}"] * 2
    )


def test_announce_booking_closed_while_open_is_refused(event, lead_staff):
    with pytest.raises(ValidationError, match="still open"):
        announce_booking(event=event, moment="closed", by=lead_staff)


def test_periodic_booking_task_announces_a_window_that_just_closed(
    event, ana, django_capture_on_commit_callbacks
):
    event.booking_closes_at = timezone.now() - dt.timedelta(hours=1)
    event.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert announce_due_booking_windows() == 1
        assert announce_due_booking_windows() == 0
    assert [message.subject for message in mail.outbox] == [
        f"Meeting requests are closed for {event.name}"
    ]


def test_reminders_go_once_a_day_for_old_requests_only(
    event, ana, jonas, django_capture_on_commit_callbacks
):
    old = ask(ana, jonas)
    carla = factories.RegistrationFactory(event=event)
    ask(ana, carla)
    type(old).objects.filter(pk=old.pk).update(created=timezone.now() - dt.timedelta(hours=50))
    mail.outbox.clear()
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_pending_requests(now=now) == 1
        assert remind_pending_requests(now=now + dt.timedelta(hours=1)) == 0
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([jonas.user.email], "Ana Petrova is still waiting for your answer")
    ]
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_pending_requests(now=now + dt.timedelta(days=1)) == 1


@pytest.mark.parametrize(
    "day",
    [dt.date(2026, 11, 18), dt.date(2027, 3, 27), dt.date(2027, 10, 30)],
    ids=["plain-night", "clocks-go-forward-next-night", "clocks-go-back-next-night"],
)
def test_a_reminder_is_not_sent_again_across_midnight(
    event, ana, jonas, day, django_capture_on_commit_callbacks
):
    """Half an hour before midnight in the event's zone, then half an hour after: one mail. The
    next goes a whole day after the first, also when the clocks change in between.

    The moments are pinned, not taken from the real clock, and worked out in UTC: wall-clock
    arithmetic in the event's zone would make "24 hours later" 23 or 25 hours around a change.
    """
    late = dt.datetime.combine(day, dt.time(23, 30), tzinfo=event.zone).astimezone(dt.UTC)
    event.booking_opens_at = late - dt.timedelta(days=5)
    event.booking_closes_at = late + dt.timedelta(days=5)
    event.save()
    waiting = factories.MeetingRequestFactory(sender=ana, recipient=jonas)
    asked = late - dt.timedelta(hours=48, minutes=30)
    type(waiting).objects.filter(pk=waiting.pk).update(created=asked)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_pending_requests(now=late) == 1
        assert remind_pending_requests(now=late + dt.timedelta(hours=1)) == 0
        assert remind_pending_requests(now=late + dt.timedelta(hours=23)) == 0
        assert remind_pending_requests(now=late + dt.timedelta(hours=24)) == 1
    assert len(mail.outbox) == 2


def test_a_reminder_names_the_day_asked_in_the_events_zone(
    event, ana, jonas, django_capture_on_commit_callbacks
):
    """Asked at 23:30 UTC, which is already the next day in Barcelona: the mail says that day."""
    asked = dt.datetime(2026, 11, 17, 23, 30, tzinfo=dt.UTC)  # 00:30 on 18 November in Madrid
    event.booking_opens_at = asked - dt.timedelta(days=5)
    event.booking_closes_at = asked + dt.timedelta(days=5)
    event.save()
    waiting = factories.MeetingRequestFactory(sender=ana, recipient=jonas)
    type(waiting).objects.filter(pk=waiting.pk).update(created=asked)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_pending_requests(now=asked + dt.timedelta(days=2, hours=1)) == 1
    [reminder] = mail.outbox
    assert "asked you for a meeting on 18 November and is still waiting" in reminder.body
