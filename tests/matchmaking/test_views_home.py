from matchfair.meetings.domain.requests import send_request
from tests import factories
from tests.matchmaking.home_rows import meeting_tomorrow, running, suggest


def log_in(client, user, **extra):
    return client.post(
        "/accounts/login/", {"username": user.email, "password": factories.PASSWORD, **extra}
    )


def test_home_anonymously_goes_to_log_in(client):
    assert client.get("/home/")["Location"] == "/accounts/login/?next=/home/"


def test_home_shows_waiting_requests_next_meeting_and_suggestions(client, event, ana, jonas):
    session = running(event)
    meeting_tomorrow(event, session, ana, jonas)
    third = factories.RegistrationFactory(event=event, user__full_name="Tia Third")
    send_request(sender=third, recipient=ana, message="Talk?", by=third.user)
    suggest(ana, factories.RegistrationFactory(event=event, user__full_name="Mia van Dijk"))
    client.force_login(ana.user)
    response = client.get("/home/")
    page = response.content.decode()
    assert (response.status_code, response.context["homes"][0].waiting) == (200, 1)
    assert [
        f'href="/e/{event.slug}/requests/?tab=waiting">1 request waiting for you</a>' in page,
        "Table 1 · Hall 2" in page,
        '<span class="avatar" aria-hidden="true">MD</span>' in page,
    ] == [True, True, True]


def test_home_without_registrations_points_to_the_events(client, db):
    client.force_login(factories.UserFactory())
    response = client.get("/home/")
    assert (response.context["homes"], b"See the events" in response.content) == ([], True)


def test_login_takes_a_participant_of_a_running_event_home(client, event, ana):
    running(event)
    assert client.get(log_in(client, ana.user)["Location"])["Location"] == "/home/"


def test_login_keeps_an_organiser_on_the_front_page(client, event, lead_staff):
    running(event)
    factories.RegistrationFactory(event=event, user=lead_staff)
    assert client.get(log_in(client, lead_staff)["Location"])["Location"] == "/"


def test_login_after_the_event_lands_on_the_front_page(client, ana):
    assert client.get(log_in(client, ana.user)["Location"])["Location"] == "/"


def test_login_keeps_next(client, event, ana):
    running(event)
    response = log_in(client, ana.user, next=f"/e/{event.slug}/agenda/")
    assert response["Location"] == f"/e/{event.slug}/agenda/"


def test_front_page_says_how_it_works_with_booking_dates(client, event):
    running(event)
    event.booking_opens_at = event.booking_closes_at = None
    event.save()
    page = client.get("/").content.decode()
    assert [
        "How it works" in page,
        "Meeting requests are open until the event." in page,
    ] == [True, True]


def test_home_speaks_bulgarian(client, event, ana):
    running(event)
    client.force_login(ana.user)
    page = client.get("/home/", HTTP_ACCEPT_LANGUAGE="bg").content.decode()
    assert ["Здравейте, Ana" in page, "0 покани ви чакат" in page] == [True, True]
