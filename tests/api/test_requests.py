"""Meeting requests through the API: list mine, send, accept, decline, cancel, and the 422s."""

import datetime as dt

from django.utils import timezone

from matchfair.meetings.domain.requests import send_request
from matchfair.meetings.models import Meeting, MeetingRequest
from tests import factories


def url(event, path=""):
    return f"/events/{event.slug}/requests{path}"


def send(sender, recipient, message="Shall we talk about parking?"):
    return send_request(sender=sender, recipient=recipient, message=message, by=sender.user)


def test_send_creates_the_request(api_as, event, ana, jonas):
    response = api_as(ana.user).post(url(event), {"recipient": jonas.pk, "message": "Parking?"})
    created = MeetingRequest.objects.get()
    assert (response.status_code, response.json()["id"], response.json()["direction"]) == (
        201,
        created.pk,
        "outgoing",
    )
    assert (created.sender, created.recipient, created.message) == (ana, jonas, "Parking?")


def test_send_to_yourself_is_422_naming_the_recipient(api_as, event, ana):
    response = api_as(ana.user).post(url(event), {"recipient": ana.pk, "message": "Me?"})
    assert (response.status_code, response.json()) == (
        422,
        {
            "detail": [
                {
                    "loc": ["body", "recipient"],
                    "msg": "You cannot request a meeting with yourself.",
                    "type": "domain",
                }
            ]
        },
    )


def test_send_twice_is_422_naming_the_recipient(api_as, event, ana, jonas):
    send(ana, jonas)
    response = api_as(ana.user).post(url(event), {"recipient": jonas.pk, "message": "Again"})
    assert (response.status_code, response.json()["detail"]) == (
        422,
        [
            {
                "loc": ["body", "recipient"],
                "msg": "There is already an open request between you and Jonas Berg.",
                "type": "domain",
            }
        ],
    )


def test_send_with_a_blank_message_is_422_naming_the_message(api_as, event, ana, jonas):
    response = api_as(ana.user).post(url(event), {"recipient": jonas.pk, "message": "   "})
    assert (response.status_code, response.json()["detail"][0]["loc"]) == (
        422,
        ["body", "message"],
    )


def test_send_without_a_message_is_422(api_as, event, ana, jonas):
    response = api_as(ana.user).post(url(event), {"recipient": jonas.pk})
    assert (response.status_code, response.json()["detail"][0]["loc"]) == (
        422,
        ["body", "payload", "message"],
    )


def test_send_when_booking_is_closed_is_422(api_as, event, ana, jonas):
    event.booking_closes_at = timezone.now() - dt.timedelta(days=1)
    event.save()
    response = api_as(ana.user).post(url(event), {"recipient": jonas.pk, "message": "Hi"})
    assert (response.status_code, response.json()["detail"][0]["msg"]) == (
        422,
        "Meeting requests for this event are closed.",
    )


def test_send_to_a_participant_of_another_event_is_404(api_as, event, ana):
    stranger = factories.RegistrationFactory()
    response = api_as(ana.user).post(url(event), {"recipient": stranger.pk, "message": "Hi"})
    assert (response.status_code, MeetingRequest.objects.count()) == (404, 0)


def test_send_without_a_registration_is_403(api_as, event, jonas):
    response = api_as(factories.UserFactory()).post(
        url(event), {"recipient": jonas.pk, "message": "Hi"}
    )
    assert (response.status_code, response.json()) == (
        403,
        {"detail": f"Register for {event.name} first."},
    )


def test_send_anonymously_is_401(api_as, event, jonas):
    response = api_as(None).post(url(event), {"recipient": jonas.pk, "message": "Hi"})
    assert response.status_code == 401


def test_list_shows_only_my_requests(api_as, event, ana, jonas):
    third = factories.RegistrationFactory(event=event)
    incoming = send(jonas, ana)
    outgoing = send(ana, third)
    send(jonas, third)
    response = api_as(ana.user).get(url(event))
    assert [(item["id"], item["direction"]) for item in response.json()["items"]] == [
        (outgoing.pk, "outgoing"),
        (incoming.pk, "incoming"),
    ]


def test_list_for_lead_staff_without_a_registration_is_403(api_as, event, lead_staff):
    assert api_as(lead_staff).get(url(event)).status_code == 403


def test_accept_by_the_recipient_creates_the_meeting(api_as, event, ana, jonas):
    meeting_request = send(jonas, ana)
    response = api_as(ana.user).post(url(event, f"/{meeting_request.pk}/accept"), {"reply": "Yes"})
    meeting = Meeting.objects.get()
    assert (response.status_code, response.json()["status"], response.json()["meeting"]) == (
        200,
        "accepted",
        meeting.pk,
    )
    assert sorted(meeting.participants.values_list("pk", flat=True)) == sorted([ana.pk, jonas.pk])


def test_accept_by_the_sender_is_403(api_as, event, ana, jonas):
    meeting_request = send(ana, jonas)
    response = api_as(ana.user).post(url(event, f"/{meeting_request.pk}/accept"))
    assert (response.status_code, response.json()) == (
        403,
        {"detail": "Only the person asked can answer this request."},
    )


def test_accept_by_someone_else_is_404(api_as, event, ana, jonas):
    meeting_request = send(ana, jonas)
    third = factories.RegistrationFactory(event=event)
    response = api_as(third.user).post(url(event, f"/{meeting_request.pk}/accept"))
    assert response.status_code == 404


def test_accept_twice_is_422(api_as, event, ana, jonas):
    meeting_request = send(jonas, ana)
    client = api_as(ana.user)
    client.post(url(event, f"/{meeting_request.pk}/accept"))
    response = client.post(url(event, f"/{meeting_request.pk}/accept"))
    assert (response.status_code, response.json()["detail"][0]["msg"]) == (
        422,
        "This request was accepted already.",
    )


def test_decline_by_the_recipient(api_as, event, ana, jonas):
    meeting_request = send(jonas, ana)
    response = api_as(ana.user).post(
        url(event, f"/{meeting_request.pk}/decline"), {"reply": "Not this time"}
    )
    meeting_request.refresh_from_db()
    assert (response.status_code, meeting_request.status, meeting_request.reply) == (
        200,
        "declined",
        "Not this time",
    )


def test_cancel_by_the_sender(api_as, event, ana, jonas):
    meeting_request = send(ana, jonas)
    response = api_as(ana.user).post(url(event, f"/{meeting_request.pk}/cancel"))
    assert (response.status_code, response.json()["status"]) == (200, "cancelled")


def test_cancel_an_asked_request_by_the_recipient_is_422(api_as, event, ana, jonas):
    meeting_request = send(ana, jonas)
    response = api_as(jonas.user).post(url(event, f"/{meeting_request.pk}/cancel"))
    assert (response.status_code, response.json()["detail"][0]["msg"]) == (
        422,
        "Decline the request instead of cancelling it.",
    )


def test_answer_an_unknown_request_is_404(api_as, event, ana):
    assert api_as(ana.user).post(url(event, "/999999/accept")).status_code == 404


def test_send_to_someone_not_validated_answers_like_a_missing_id(api_as, event, ana):
    """A pending registration is not in the directory: asking it for a meeting answers 404 with
    the words of a missing id, not a 422 naming the person."""
    hidden = factories.RegistrationFactory(
        event=event, status="pending", user__full_name="Hidden Person"
    )
    api = api_as(ana.user)
    hidden_answer = api.post(url(event), {"recipient": hidden.pk, "message": "Hi"})
    missing = api.post(url(event), {"recipient": 999999, "message": "Hi"})
    assert (hidden_answer.status_code, hidden_answer.json()) == (
        missing.status_code,
        missing.json(),
    )
    assert hidden_answer.status_code == 404
    assert "Hidden Person" not in hidden_answer.content.decode()
