"""The whole B2B flow of the foundation, driven through Django's test client as users would."""

import re

import icalendar
from django.core import mail

from matchfair.events.models import Registration
from matchfair.meetings.models import MeetingRequest, Plan
from matchfair.outbox.models import Message
from tests import factories

SIGNUP = {
    "password": "a-long-and-unusual-passphrase",
    "organisation_kind": "company",
    "job_title": "CEO",
    "website": "",
}


def sign_up(client, *, email, name, organisation, country):
    response = client.post(
        "/accounts/signup/",
        {
            **SIGNUP,
            "email": email,
            "full_name": name,
            "organisation_name": organisation,
            "country": country,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    # She confirms her address from the mail, then logs in.
    body = Message.objects.get(kind="account.confirm", to=email).body
    assert client.post(re.search(r"/accounts/confirm/\S+", body).group(0)).status_code == 302
    log_in(client, email)


def log_in(client, email):
    response = client.post("/accounts/login/", {"username": email, "password": SIGNUP["password"]})
    assert response.status_code == 302, response.content.decode()[:2000]


def test_flow_from_sign_up_to_the_agenda_and_its_calendar_file(
    client, event, lead_staff, django_capture_on_commit_callbacks
):
    slug = event.slug
    lead = event.organisers.get(is_lead=True)

    # 1. Ana signs up and registers; 2. she fills in her profile and an opportunity.
    sign_up(
        client,
        email="ana@mobility.example",
        name="Ana Petrova",
        organisation="Mobility Lab",
        country="BG",
    )
    assert (
        client.post(
            f"/e/{slug}/register/", {"organiser": lead.pk, "headline": "Smart parking"}
        ).status_code
        == 302
    )
    ana = Registration.objects.get(user__email="ana@mobility.example")
    response = client.post(
        f"/e/{slug}/profile/",
        {"headline": "Smart parking for cities", "description": "We build sensors.", "domains": []},
    )
    assert response.status_code == 302
    response = client.post(
        f"/e/{slug}/profile/opportunities/new/",
        {
            "kind": "offer",
            "title": "Parking occupancy sensors",
            "description": "LoRaWAN",
            "domains": [],
        },
    )
    assert response.status_code == 302
    # 6. She can only meet in the first session.
    first, second = event.sessions.order_by("starts_at")
    assert client.post(f"/e/{slug}/availability/", {"available": [first.pk]}).status_code == 302
    assert list(ana.unavailable_sessions.all()) == [second]
    client.logout()

    # Jonas, from a city, signs up and registers too.
    sign_up(
        client,
        email="jonas@city.example",
        name="Jonas Berg",
        organisation="City of Tampere-ish",
        country="FI",
    )
    client.post(f"/e/{slug}/register/", {"organiser": lead.pk})
    jonas = Registration.objects.get(user__email="jonas@city.example")

    # 3. He finds Ana in the directory by country and text; contact details stay hidden.
    page = client.get(
        f"/e/{slug}/participants/", {"country": "BG", "q": "parking"}
    ).content.decode()
    assert "Ana Petrova" in page
    detail = client.get(f"/e/{slug}/participants/{ana.pk}/").content.decode()
    assert "ana@mobility.example" not in detail
    # 4. He sends a request with a message.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/e/{slug}/participants/{ana.pk}/request/", {"message": "Parking pilot in 2027?"}
        )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["ana@mobility.example"]]
    client.logout()

    # 5. Ana accepts; now each sees the other's contact details.
    log_in(client, "ana@mobility.example")
    meeting_request = MeetingRequest.objects.get()
    assert "Parking pilot in 2027?" in client.get(f"/e/{slug}/requests/").content.decode()
    assert (
        client.post(
            f"/e/{slug}/requests/{meeting_request.pk}/accept/", {"reply": "Yes"}
        ).status_code
        == 302
    )
    assert (
        "jonas@city.example" in client.get(f"/e/{slug}/participants/{jonas.pk}/").content.decode()
    )
    assert "No meetings" not in client.get(f"/e/{slug}/agenda/").content.decode()
    client.logout()

    # 7. The organiser schedules; 8. reviews the draft and releases it.
    client.force_login(lead_staff)
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            client.post(f"/e/{slug}/console/schedule/", {"time_limit": 2, "seed": 0}).status_code
            == 302
        )
    draft = Plan.objects.get(event=event, kind="draft")
    assert draft.stats["scheduled"] == 1
    console = client.get(f"/e/{slug}/console/").content.decode()
    assert "Release this draft" in console
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            client.post(
                f"/e/{slug}/console/release/", {"name": "First", "notify": "on"}
            ).status_code
            == 302
        )
    release = Plan.objects.get(event=event, kind="release")
    placement = release.placements.get()
    # Ana is only free in the first session, so the meeting must be there.
    assert placement.slot.session_id == first.pk
    assert sorted(m.to[0] for m in mail.outbox[1:] if "agenda" in m.subject) == [
        "ana@mobility.example",
        "jonas@city.example",
    ]
    client.logout()

    # 9. Jonas sees the meeting in his agenda, and in the .ics file at Barcelona's local time.
    log_in(client, "jonas@city.example")
    local_start = placement.slot.starts_at.astimezone(event.zone)
    agenda = client.get(f"/e/{slug}/agenda/").content.decode()
    assert f"{local_start:%H:%M}" in agenda
    assert "Ana Petrova" in agenda
    response = client.get(f"/e/{slug}/agenda.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    [vevent] = calendar.walk("VEVENT")
    start = vevent.decoded("dtstart")
    assert (start, str(start.tzinfo)) == (local_start, "Europe/Madrid")
    assert str(vevent["summary"]) == "B2B meeting with Ana Petrova (Mobility Lab)"
    assert b"BEGIN:VTIMEZONE" in response.content
    assert b"TZID:Europe/Madrid" in response.content


def test_flow_unknown_url_returns_the_404_page(client, db):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "This page does not exist" in response.content.decode()


def test_flow_anonymous_agenda_redirects_to_login(client, event):
    response = client.get(f"/e/{event.slug}/agenda/")
    assert (response.status_code, response["Location"]) == (
        302,
        f"/accounts/login/?next=/e/{event.slug}/agenda/",
    )


def test_flow_participant_cannot_open_the_console(client, ana):
    client.force_login(ana.user)
    assert client.get(f"/e/{ana.event.slug}/console/").status_code == 403


def test_flow_registration_needs_sign_in(client, event):
    response = client.get(f"/e/{event.slug}/register/")
    assert response.status_code == 302


def test_flow_event_page_lists_sessions_in_local_time(client, event):
    page = client.get(f"/e/{event.slug}/").content.decode()
    assert "Tue 10 Nov, 09:00–11:00" in page
    assert factories.EventFactory._meta.model.objects.count() == 1
