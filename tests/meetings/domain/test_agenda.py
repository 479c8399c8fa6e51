"""A participant's agenda from the latest release, and its iCalendar file:
`meetings.domain.agenda`."""

import datetime as dt

import icalendar
import pytest

from matchfair.meetings.domain.agenda import AgendaItem, agenda_calendar, agenda_for, timeline
from matchfair.meetings.models import Meeting, Placement, Plan
from tests import factories
from tests.meetings.domain.helpers import meet, slots_of


@pytest.fixture
def carl(event):
    return factories.RegistrationFactory(event=event, user__full_name="Carl Third")


def plan_of(event, kind, version, *placed):
    """A plan of `kind` holding each (meeting, slot, table) of `placed`; slot None is unscheduled."""
    plan = Plan.objects.create(event=event, kind=kind, version=version)
    for meeting, slot, table in placed:
        Placement.objects.create(
            plan=plan, meeting=meeting, slot=slot, table=table, reason="" if slot else "No slot"
        )
    return plan


def release(event, version, *placed):
    return plan_of(event, Plan.Kind.RELEASE, version, *placed)


def test_agenda_for_before_any_release_is_empty(event, meeting, ana):
    plan_of(event, Plan.Kind.DRAFT, None, (meeting, slots_of(event)[0], event.tables.first()))
    assert agenda_for(ana) == []


def test_agenda_for_lists_my_meetings_of_the_latest_release_by_start(
    event, ana, jonas, carl, meeting
):
    with_carl = meet(carl, ana)
    first, second, third = slots_of(event)[:3]
    table = event.tables.first()
    release(event, 1, (meeting, first, table), (with_carl, second, table))
    release(event, 2, (meeting, third, table), (with_carl, first, table))
    assert agenda_for(ana) == [
        AgendaItem(meeting=with_carl, slot=first, table=table, others=(carl,)),
        AgendaItem(meeting=meeting, slot=third, table=table, others=(jonas,)),
    ]


def test_agenda_for_a_given_plan_reads_that_plan(event, ana, jonas, meeting):
    first, second = slots_of(event)[:2]
    table = event.tables.first()
    older = release(event, 1, (meeting, first, table))
    release(event, 2, (meeting, second, table))
    assert [item.slot for item in agenda_for(ana, older)] == [first]


def test_agenda_for_leaves_out_unscheduled_cancelled_and_others_meetings(
    event, ana, jonas, carl, meeting
):
    cancelled = meet(carl, ana)
    Meeting.objects.filter(pk=cancelled.pk).update(status=Meeting.Status.CANCELLED)
    unscheduled = meet(ana, factories.RegistrationFactory(event=event))
    theirs = meet(jonas, carl)
    first, second, third = slots_of(event)[:3]
    tables = list(event.tables.all())
    release(
        event,
        1,
        (meeting, first, tables[0]),
        (cancelled, second, tables[0]),
        (unscheduled, None, None),
        (theirs, third, tables[1]),
    )
    assert [item.meeting for item in agenda_for(ana)] == [meeting]


def test_agenda_item_starts_and_ends_with_its_slot(event, ana, meeting):
    slot = slots_of(event)[0]
    release(event, 1, (meeting, slot, event.tables.first()))
    [item] = agenda_for(ana)
    assert (item.starts_at, item.ends_at) == (slot.starts_at, slot.ends_at)


def test_agenda_calendar_has_one_event_a_meeting_in_local_time(event, ana, jonas, meeting):
    table = event.tables.first()
    release(event, 1, (meeting, slots_of(event)[0], table))
    calendar = icalendar.Calendar.from_ical(agenda_calendar(ana, agenda_for(ana)))
    [vevent] = calendar.walk("VEVENT")
    start, end = vevent.decoded("dtstart"), vevent.decoded("dtend")
    assert (
        str(calendar["x-wr-calname"]),
        str(vevent["uid"]),
        str(vevent["summary"]),
        str(vevent["location"]),
        (str(start.tzinfo), start.replace(tzinfo=None)),
        end - start,
    ) == (
        f"{event.name} — Ana Petrova",
        f"meeting-{meeting.pk}@{event.slug}.matchfair",
        f"B2B meeting with Jonas Berg ({jonas.user.organisation})",
        f"{table.name}, Hall 2",
        ("Europe/Madrid", dt.datetime(2026, 11, 10, 9, 0)),
        dt.timedelta(minutes=30),
    )


def test_agenda_calendar_description_links_the_agenda(event, ana, meeting, settings):
    settings.SITE_URL = "https://matchfair.example"
    release(event, 1, (meeting, slots_of(event)[0], event.tables.first()))
    calendar = icalendar.Calendar.from_ical(agenda_calendar(ana, agenda_for(ana)))
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["description"]) == (
        f"{event.name}, Table 1. Your agenda: https://matchfair.example/e/{event.slug}/agenda/"
    )


def test_agenda_calendar_of_a_table_without_location_names_the_venue(event, ana, meeting):
    table = event.tables.first()
    table.location = ""
    table.save()
    release(event, 1, (meeting, slots_of(event)[0], table))
    calendar = icalendar.Calendar.from_ical(agenda_calendar(ana, agenda_for(ana)))
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["location"]) == "Table 1, Fira Gran Via"


def test_agenda_calendar_without_meetings_has_no_events(event, ana):
    calendar = icalendar.Calendar.from_ical(agenda_calendar(ana, []))
    assert (calendar.walk("VEVENT"), str(calendar["x-wr-timezone"])) == ([], "Europe/Madrid")


def test_timeline_marks_over_now_next_and_coming_per_local_day(event, ana, jonas, carl, meeting):
    with_carl = meet(carl, ana)
    slots = slots_of(event)
    table = event.tables.first()
    third = meet(factories.RegistrationFactory(event=event), ana)
    release(
        event, 1, (meeting, slots[0], table), (with_carl, slots[1], table), (third, slots[3], table)
    )
    items = agenda_for(ana)
    during_second = slots[1].starts_at + dt.timedelta(minutes=5)
    days = timeline(items, now=during_second, zone=event.zone)
    assert [(day, [entry.moment for entry in entries]) for day, entries in days] == [
        (slots[0].starts_at.astimezone(event.zone).date(), ["done", "now", "later"])
    ]
    before = timeline(items, now=slots[0].starts_at - dt.timedelta(hours=1), zone=event.zone)
    assert [entry.moment for entry in before[0][1]] == ["next", "later", "later"]
    assert [entry.moment_label for entry in before[0][1]] == ["Next", "Coming", "Coming"]
