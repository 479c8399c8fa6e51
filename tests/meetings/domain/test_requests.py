import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from matchfair.audit.models import AuditEntry
from matchfair.meetings.domain.requests import (
    accept_request,
    cancel_request,
    decline_request,
    send_request,
)
from matchfair.meetings.models import Meeting, MeetingRequest
from tests import factories


def send(sender, recipient, message="Let us talk about traffic sensors"):
    return send_request(sender=sender, recipient=recipient, message=message, by=sender.user)


def test_send_request_creates_an_asked_request_and_tells_the_recipient(
    ana, jonas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting_request = send(ana, jonas)
    assert (meeting_request.status, meeting_request.pair) == (
        "asked",
        f"{min(ana.pk, jonas.pk)}:{max(ana.pk, jonas.pk)}",
    )
    assert [message.to for message in mail.outbox] == [[jonas.user.email]]
    assert mail.outbox[0].subject == f"Ana Petrova asks to meet you at {ana.event.name}"
    assert list(
        AuditEntry.objects.filter(subject_type="meetings.meetingrequest").values_list(
            "action", "actor"
        )
    ) == [("request.sent", ana.user.pk)]


def test_send_request_to_yourself_is_refused(ana):
    with pytest.raises(ValidationError, match="cannot request a meeting with yourself"):
        send(ana, ana)


def test_send_request_with_an_unconfirmed_address_is_refused(ana, jonas):
    ana.user.email_verified = False
    ana.user.save()
    with pytest.raises(ValidationError, match="Confirm your e-mail address first"):
        send(ana, jonas)
    assert MeetingRequest.objects.count() == 0


def test_send_request_twice_to_the_same_person_is_refused(ana, jonas):
    send(ana, jonas)
    with pytest.raises(ValidationError, match="already an open request between you and Jonas Berg"):
        send(ana, jonas)


def test_send_request_back_while_one_is_open_is_refused(ana, jonas):
    send(ana, jonas)
    with pytest.raises(ValidationError, match="already an open request"):
        send(jonas, ana)
    assert MeetingRequest.objects.count() == 1


def test_send_request_again_after_a_decline_is_allowed(ana, jonas):
    decline_request(send(ana, jonas), by=jonas.user)
    assert send(ana, jonas).status == "asked"


def test_send_request_outside_the_event_is_refused(ana):
    stranger = factories.RegistrationFactory()
    with pytest.raises(ValidationError, match="does not take part in this event"):
        send(ana, stranger)


def test_send_request_after_booking_closes_is_refused(ana, jonas):
    event = ana.event
    event.booking_closes_at = timezone.now() - dt.timedelta(minutes=1)
    event.save()
    ana.event.refresh_from_db()
    with pytest.raises(ValidationError, match="Meeting requests for this event are closed"):
        send(ana, jonas)


def test_send_request_before_booking_opens_is_refused(ana, jonas):
    ana.event.booking_opens_at = timezone.now() + dt.timedelta(days=1)
    ana.event.save()
    with pytest.raises(ValidationError, match="closed"):
        send(ana, jonas)


def test_send_request_without_message_names_the_field(ana, jonas):
    with pytest.raises(ValidationError) as caught:
        send(ana, jonas, message="   ")
    assert caught.value.message_dict == {
        "message": ["Write a few words on what you would like to discuss."]
    }


def test_send_request_from_a_pending_registration_is_refused(ana, jonas):
    ana.status = "pending"
    ana.save()
    with pytest.raises(ValidationError, match="not validated yet"):
        send(ana, jonas)


def test_accept_request_creates_a_meeting_of_both(ana, jonas):
    meeting = accept_request(send(ana, jonas), by=jonas.user, reply="Gladly")
    assert sorted(meeting.participants.values_list("pk", flat=True)) == sorted([ana.pk, jonas.pk])
    assert MeetingRequest.objects.get().status == "accepted"
    assert MeetingRequest.objects.get().reply == "Gladly"


def test_accept_request_by_the_sender_is_refused(ana, jonas):
    meeting_request = send(ana, jonas)
    with pytest.raises(PermissionDenied):
        accept_request(meeting_request, by=ana.user)
    assert Meeting.objects.count() == 0


def test_accept_request_twice_is_refused(ana, jonas):
    meeting_request = send(ana, jonas)
    accept_request(meeting_request, by=jonas.user)
    with pytest.raises(ValidationError, match="was accepted already"):
        accept_request(meeting_request, by=jonas.user)
    assert Meeting.objects.count() == 1


def test_decline_request_tells_the_sender(ana, jonas, django_capture_on_commit_callbacks):
    meeting_request = send(ana, jonas)
    with django_capture_on_commit_callbacks(execute=True):
        decline_request(meeting_request, by=jonas.user, reply="Not our field")
    assert [message.subject for message in mail.outbox] == [
        "Jonas Berg declined your meeting request"
    ]
    assert "Not our field" in mail.outbox[0].body


def test_cancel_accepted_request_cancels_the_meeting(ana, jonas):
    meeting = accept_request(send(ana, jonas), by=jonas.user)
    cancel_request(meeting.request, by=jonas.user)
    meeting.refresh_from_db()
    assert (meeting.status, meeting.request.status) == ("cancelled", "cancelled")


def test_cancel_asked_request_by_the_recipient_is_refused(ana, jonas):
    meeting_request = send(ana, jonas)
    with pytest.raises(ValidationError, match="Decline the request instead"):
        cancel_request(meeting_request, by=jonas.user)


def test_cancel_request_by_a_third_person_is_refused(ana, jonas):
    meeting_request = send(ana, jonas)
    with pytest.raises(PermissionDenied):
        cancel_request(meeting_request, by=factories.UserFactory())
