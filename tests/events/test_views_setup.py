"""The console pages that set up sessions and tables: the lead's staff only, times read in the
event's time zone, and every refusal of the domain shown on its field."""

import datetime as dt
import zoneinfo

import pytest
from django.urls import reverse

from matchfair.events.models import Event, Session
from tests.factories import local

MADRID = zoneinfo.ZoneInfo("Europe/Madrid")


def url(name, event, **kwargs):
    return reverse(f"events:{name}", kwargs={"event": event.slug, **kwargs})


def session_form(**overrides):
    return {
        "name": "Afternoon",
        "starts_at": "2026-11-10T14:00",
        "ends_at": "2026-11-10T15:30",
        "slot_minutes": "30",
        "is_b2b": "on",
        **overrides,
    }


def test_the_lead_adds_a_session_in_the_events_time_zone(client, event, lead_staff):
    client.force_login(lead_staff)
    assert client.get(url("session_new", event)).status_code == 200
    response = client.post(url("session_new", event), session_form())
    assert response["Location"] == reverse("meetings:venue", kwargs={"event": event.slug})
    session = Session.objects.get(name="Afternoon")
    assert (session.starts_at, session.ends_at, session.slots.count()) == (
        local(10, 14),
        local(10, 15, 30),
        3,
    )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"starts_at": "2026-11-10T09:30"}, "overlaps the session “Morning 1”"),
        ({"starts_at": "2026-11-20T14:00", "ends_at": "2026-11-20T15:00"}, "event&#x27;s days"),
        ({"ends_at": "2026-11-10T14:10"}, "shorter than one meeting"),
    ],
)
def test_a_refused_session_is_shown_on_the_form(client, event, lead_staff, overrides, message):
    client.force_login(lead_staff)
    response = client.post(url("session_new", event), session_form(**overrides))
    assert (response.status_code, message in response.content.decode()) == (200, True)
    assert not Session.objects.filter(name="Afternoon").exists()


def test_the_lead_edits_a_session_shown_in_local_time(client, event, lead_staff):
    client.force_login(lead_staff)
    session = event.sessions.order_by("starts_at").first()
    page = client.get(url("session_edit", event, pk=session.pk)).content.decode()
    assert 'value="2026-11-10T09:00"' in page
    client.post(
        url("session_edit", event, pk=session.pk),
        session_form(name="Opening", starts_at="2026-11-10T09:00", ends_at="2026-11-10T10:00"),
    )
    session.refresh_from_db()
    assert (session.name, session.ends_at, session.slots.count()) == ("Opening", local(10, 10), 2)


def test_the_lead_adds_and_edits_tables(client, event, lead_staff):
    client.force_login(lead_staff)
    client.post(url("tables_new", event), {"count": "2", "name": "Table", "location": "Hall 6"})
    assert list(event.tables.filter(location="Hall 6").values_list("name", flat=True)) == [
        "Table 5",
        "Table 6",
    ]
    table = event.tables.get(name="Table 6")
    taken = client.post(url("table_edit", event, pk=table.pk), {"name": "Table 1"})
    assert "Another table of this event is called" in taken.content.decode()
    client.post(url("table_edit", event, pk=table.pk), {"name": "Stand B12", "location": "Hall 7"})
    table.refresh_from_db()
    assert (table.name, table.location) == ("Stand B12", "Hall 7")


def test_a_co_organiser_and_a_participant_cannot_set_up_the_event(client, event, co_staff, ana):
    for user in (co_staff, ana.user):
        client.force_login(user)
        response = client.post(url("session_new", event), session_form())
        assert response.status_code == 403
    assert not Session.objects.filter(name="Afternoon").exists()


def event_form(**overrides):
    return {
        "name": "Smart City Expo 2027",
        "venue": "Fira Gran Via",
        "city": "Barcelona",
        "time_zone": "Europe/Madrid",
        "starts_on": "2027-11-16",
        "ends_on": "2027-11-18",
        "registration_open": "on",
        "booking_opens_at": "2027-10-01T09:00",
        "booking_closes_at": "2027-11-15T18:00",
        **overrides,
    }


def test_the_leads_staff_create_an_event_from_the_console(client, event, lead_staff):
    client.force_login(lead_staff)
    cluster = event.organisers.get(is_lead=True).cluster
    assert client.get(reverse("event_new")).status_code == 200
    response = client.post(
        reverse("event_new"), event_form(cluster=str(cluster.pk), slug="expo-2027")
    )
    created = Event.objects.get(slug="expo-2027")
    assert response["Location"] == reverse("meetings:venue", kwargs={"event": "expo-2027"})
    assert created.booking_opens_at == dt.datetime(2027, 10, 1, 9, tzinfo=MADRID)
    assert list(created.organisers.get(is_lead=True).staff.all()) == [lead_staff]


def test_the_lead_edits_the_event_and_sees_a_refusal_on_its_field(client, event, lead_staff):
    client.force_login(lead_staff)
    page = client.get(url("event_edit", event))
    assert page.status_code == 200
    stranded = client.post(
        url("event_edit", event),
        event_form(starts_on="2026-11-11", ends_on="2026-11-12", booking_opens_at=""),
    )
    assert "would lie outside the event" in stranded.content.decode()
    client.post(
        url("event_edit", event),
        event_form(
            starts_on=str(event.starts_on),
            ends_on=str(event.ends_on),
            booking_opens_at="",
            booking_closes_at="",
        ),
    )
    event.refresh_from_db()
    assert (event.name, event.city) == ("Smart City Expo 2027", "Barcelona")


def test_a_participant_cannot_create_an_event(client, ana):
    client.force_login(ana.user)
    assert client.get(reverse("event_new")).status_code == 403


def test_the_lead_gives_tables_and_sessions_their_bulgarian_names(client, event, lead_staff):
    client.force_login(lead_staff)
    client.post(
        url("tables_new", event),
        {
            "count": "2",
            "name": "Table",
            "name_bg": "Маса",
            "location": "Hall 6",
            "location_bg": "Зала 6",
        },
    )
    assert list(event.tables.filter(location="Hall 6").values_list("name_bg", "location_bg")) == [
        ("Маса 5", "Зала 6"),
        ("Маса 6", "Зала 6"),
    ]
    table = event.tables.get(name="Table 6")
    client.post(
        url("table_edit", event, pk=table.pk),
        {"name": "Stand B12", "name_bg": " Щанд  B12 ", "location": "Hall 7", "location_bg": ""},
    )
    table.refresh_from_db()
    assert (table.name_bg, table.location_bg) == ("Щанд B12", "")
    assert 'value="Щанд B12"' in client.get(url("table_edit", event, pk=table.pk)).content.decode()
    client.post(url("session_new", event), session_form(name_bg="Следобед"))
    assert Session.objects.get(name="Afternoon").name_bg == "Следобед"


def test_the_lead_writes_the_events_name_and_description_in_bulgarian(client, event, lead_staff):
    client.force_login(lead_staff)
    client.post(
        url("event_edit", event),
        event_form(
            name_bg="Изложение 2027",
            description="Three days.",
            description_bg="Три дни.",
            starts_on=str(event.starts_on),
            ends_on=str(event.ends_on),
            booking_opens_at="",
            booking_closes_at="",
        ),
    )
    english = client.get(reverse("events:detail", kwargs={"event": event.slug})).content.decode()
    bulgarian = client.get(
        reverse("events:detail", kwargs={"event": event.slug}), HTTP_ACCEPT_LANGUAGE="bg"
    ).content.decode()
    assert ("<h1>Smart City Expo 2027</h1>" in english, "Three days." in english) == (True, True)
    assert ("<h1>Изложение 2027</h1>" in bulgarian, "Три дни." in bulgarian) == (True, True)
