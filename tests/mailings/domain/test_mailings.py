"""Mailings to an audience of participants: `mailings.domain.mailings`."""

import uuid

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from matchfair.mailings.domain.mailings import (
    Preview,
    allowed_organiser,
    audience,
    fan_out,
    mailings_visible_to,
    personal,
    preview,
    send_mailing,
)
from matchfair.mailings.models import Mailing
from matchfair.meetings.domain.requests import accept_request
from matchfair.outbox.models import Message
from tests import factories
from tests.mailings.domain.helpers import ask


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
    assert shown.body.splitlines()[:2] == [
        f"Dear Ana Petrova, see https://matchfair.test/e/{event.slug}/agenda/",
        "",
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


def test_audience_of_an_unknown_name_is_refused(event):
    with pytest.raises(ValidationError, match="Choose who receives this mailing"):
        audience(event=event, audience="everybody")


def test_allowed_organiser_for_the_lead_is_the_one_chosen(event, lead_staff, carla):
    co = carla.organiser
    assert (
        allowed_organiser(event=event, by=lead_staff, organiser=None),
        allowed_organiser(event=event, by=lead_staff, organiser=co),
    ) == (None, co)


def test_allowed_organiser_for_a_co_organiser_is_its_own(event, co_staff, carla):
    assert allowed_organiser(event=event, by=co_staff, organiser=None) == carla.organiser


def test_allowed_organiser_of_another_event_is_refused(event, lead_staff):
    elsewhere = factories.b2b_event().organisers.get()
    with pytest.raises(ValidationError, match="does not organise the event"):
        allowed_organiser(event=event, by=lead_staff, organiser=elsewhere)


def test_personal_fills_every_placeholder(event, ana):
    subject, body = personal(
        subject="{event} for {name}",
        body="{organisation}: {agenda_url} {requests_url}",
        registration=ana,
    )
    site = "https://matchfair.test"
    assert (subject, body.splitlines()[2]) == (
        f"{event.name} for Ana Petrova",
        f"{ana.user.organisation}: {site}/e/{event.slug}/agenda/ {site}/e/{event.slug}/requests/",
    )


def test_preview_without_recipients_renders_nothing(event, lead_staff):
    shown = preview(
        event=event, by=lead_staff, subject="Hi", body="Text", audience_name="with_meetings"
    )
    assert shown == Preview(None, "Hi", "Text", 0)


def test_mailings_visible_to_the_lead_are_all_and_to_a_co_organiser_its_own(
    event, ana, carla, lead_staff, co_staff
):
    theirs = send_mailing(event=event, by=co_staff, subject="Hi", body="x", audience_name="all")
    ours = send_mailing(event=event, by=lead_staff, subject="Hi", body="x", audience_name="all")
    assert (
        set(mailings_visible_to(event=event, user=lead_staff)),
        set(mailings_visible_to(event=event, user=co_staff)),
    ) == ({theirs, ours}, {theirs})
