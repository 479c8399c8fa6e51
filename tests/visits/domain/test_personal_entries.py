"""Another app's entries in a person's day (`events.personal`): the partnership assembly's
session linked to the event appears in *My day* and in the personal calendar of its registered
delegates and substitutes, and of nobody else."""

import datetime as dt

import icalendar
import pytest

from matchfair.assembly.domain.sessions import add_agenda_item, register_attendee
from matchfair.assembly.models import Session, Statute
from matchfair.community.models import Network
from matchfair.meetings.domain.agenda import agenda_calendar, agenda_for
from matchfair.visits.domain.day import day_calendar, member_days
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def assembly(event, cluster, ana):
    """The partnership's assembly the day before the expo, 14:00 in the event's zone, with 90
    minutes of agenda; Ana is her member's voting delegate."""
    network = Network.objects.create(name="Smart City Tech Partnership", kind="partnership")
    cluster.networks.add(network)
    Statute.objects.create(network=network, secretariat=cluster)
    secretary = factories.UserFactory(organisation=cluster.organisation)
    session = Session.objects.create(
        network=network,
        title="Annual assembly",
        date=dt.date(2026, 11, 9),
        starts_at=dt.time(14, 0),
        place="Hall 1",
        event=event,
    )
    for title, minutes in (("Opening", 30), ("Elections", 60)):
        add_agenda_item(session, title=title, minutes=minutes, by=secretary)
    register_attendee(session, cluster=cluster, user=ana.user, role="delegate", by=secretary)
    return session


def test_the_session_is_in_my_day_of_its_delegate_only(assembly, delegation, ana, lead_staff):
    members = {m.registration.user.full_name: m for m in delegation.members.all()}
    zone = assembly.event.zone
    ana_items = [
        (day.date, item.kind_label, item.title, item.starts_at.astimezone(zone).time(), item.url)
        for day in member_days(members["Ana Petrova"], viewer=ana.user)
        for item in day.items
        if item.kind == "personal"
    ]
    jonas_items = [
        item
        for day in member_days(members["Jonas Berg"], viewer=lead_staff)
        for item in day.items
        if item.kind == "personal"
    ]
    assert (ana_items, jonas_items) == (
        [
            (
                dt.date(2026, 11, 9),
                "Assembly",
                "Annual assembly",
                dt.time(14, 0),
                f"/assembly/{assembly.pk}/",
            )
        ],
        [],
    )


def test_the_session_is_in_the_day_calendar_and_the_agenda_feed(assembly, delegation, ana):
    member = delegation.members.get(registration=ana)
    day_file = icalendar.Calendar.from_ical(
        day_calendar(member, member_days(member, viewer=ana.user))
    )
    feed = icalendar.Calendar.from_ical(agenda_calendar(ana, agenda_for(ana)))
    zone = assembly.event.zone

    def assembly_events(calendar):
        return [
            (
                str(vevent["summary"]),
                vevent.decoded("dtstart").astimezone(zone).replace(tzinfo=None),
                vevent.decoded("dtend").astimezone(zone).replace(tzinfo=None),
            )
            for vevent in calendar.walk("VEVENT")
            if "assembly-session" in str(vevent["uid"])
        ]

    expected = [
        ("Annual assembly", dt.datetime(2026, 11, 9, 14, 0), dt.datetime(2026, 11, 9, 15, 30))
    ]
    assert (assembly_events(day_file), assembly_events(feed)) == (expected, expected)


def test_a_session_of_another_event_stays_out(assembly, delegation, ana):
    Session.objects.filter(pk=assembly.pk).update(event=None)
    member = delegation.members.get(registration=ana)
    assert [
        item
        for day in member_days(member, viewer=ana.user)
        for item in day.items
        if item.kind == "personal"
    ] == []
