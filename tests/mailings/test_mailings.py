import datetime as dt
import uuid

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from matchfair.mailings.domain.announcements import (
    announce_booking,
    announce_due_booking_windows,
    remind_pending_requests,
)
from matchfair.mailings.domain.mailings import audience, fan_out, preview, send_mailing
from matchfair.mailings.models import Mailing
from matchfair.meetings.domain.requests import accept_request, send_request
from matchfair.outbox.models import Message
from tests import factories


def ask(sender, recipient):
    return send_request(sender=sender, recipient=recipient, message="Hi", by=sender.user)


@pytest.fixture
def carla(event, co_staff):
    organiser = event.organisers.get(is_lead=False)
    return factories.RegistrationFactory(
        event=event, organiser=organiser, user__full_name="Carla Duarte"
    )


def names(registrations):
    return sorted(registration.user.full_name for registration in registrations)


def test_audience_filters_by_requests_meetings_and_organiser(event, ana, jonas, carla):
    factories.RegistrationFactory(event=event, status="pending", user__full_name="Pending Pat")
    accept_request(ask(ana, jonas), by=jonas.user)
    ask(ana, carla)
    assert names(audience(event=event, audience="all")) == [
        "Ana Petrova",
        "Carla Duarte",
        "Jonas Berg",
    ]
    assert names(audience(event=event, audience="pending")) == ["Carla Duarte"]
    assert names(audience(event=event, audience="no_meetings")) == ["Carla Duarte"]
    assert names(audience(event=event, audience="with_meetings")) == ["Ana Petrova", "Jonas Berg"]
    assert names(audience(event=event, audience="all", organiser=carla.organiser)) == [
        "Carla Duarte"
    ]


def test_preview_renders_for_the_first_recipient(event, ana, jonas, lead_staff):
    shown = preview(
        event=event,
        by=lead_staff,
        subject="Welcome to {event}",
        body="Dear {name}, see {agenda_url}",
        audience_name="all",
    )
    assert (shown.sample, shown.count, shown.subject) == (ana, 2, f"Welcome to {event.name}")
    assert shown.body.splitlines()[:3] == [
        "Hello Ana Petrova,",
        "",
        f"Dear Ana Petrova, see /e/{event.slug}/agenda/",
    ]
    assert Message.objects.count() == 0  # a preview sends nothing


def test_send_mailing_sends_each_recipient_one_personal_mail(
    event, ana, jonas, lead_staff, django_capture_on_commit_callbacks
):
    token = uuid.uuid4()
    with django_capture_on_commit_callbacks(execute=True):
        mailing = send_mailing(
            event=event,
            by=lead_staff,
            subject="Hello {name}",
            body="See you",
            audience_name="all",
            token=token,
        )
    with django_capture_on_commit_callbacks(execute=True):
        again = send_mailing(
            event=event,
            by=lead_staff,
            subject="Hello {name}",
            body="See you",
            audience_name="all",
            token=token,
        )
    assert (again, mailing.recipients, Mailing.objects.count()) == (mailing, 2, 1)
    assert sorted(message.subject for message in mail.outbox) == [
        "Hello Ana Petrova",
        "Hello Jonas Berg",
    ]
    assert sorted(Message.objects.values_list("key", flat=True)) == sorted(
        [f"mailing:{mailing.pk}:{ana.user_id}", f"mailing:{mailing.pk}:{jonas.user_id}"]
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert fan_out(mailing.pk) == 0  # a retried fan-out adds nobody
    assert len(mail.outbox) == 2


def test_co_organiser_mails_only_its_own_participants(event, ana, carla, co_staff):
    mailing = send_mailing(event=event, by=co_staff, subject="Hi", body="Text", audience_name="all")
    assert (mailing.organiser, mailing.recipients) == (carla.organiser, 1)
    lead = event.organisers.get(is_lead=True)
    with pytest.raises(PermissionDenied, match="only write to its own participants"):
        preview(
            event=event,
            by=co_staff,
            subject="Hi",
            body="Text",
            audience_name="all",
            organiser=lead,
        )


def test_participant_cannot_send_a_mailing(event, ana):
    with pytest.raises(PermissionDenied, match="Only the event's organisers"):
        send_mailing(event=event, by=ana.user, subject="Hi", body="x", audience_name="all")


def test_mailing_without_subject_is_refused_naming_the_field(event, lead_staff):
    with pytest.raises(ValidationError) as caught:
        send_mailing(event=event, by=lead_staff, subject=" ", body="x", audience_name="all")
    assert caught.value.message_dict == {"subject": ["Write a subject."]}


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
