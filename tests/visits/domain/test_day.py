"""A delegation member's day: `visits.domain.day`."""

import datetime as dt

import icalendar

from matchfair.events.domain.venue import add_session
from matchfair.visits.domain.day import Day, Item, day_calendar, member_days
from tests import factories
from tests.visits.helpers import member_of


def test_day_merges_meetings_visits_and_side_events(planned, ana):
    days = member_days(member_of(planned, ana), viewer=ana.user)
    kinds = {item.kind for day in days for item in day.items}
    assert kinds == {"meeting", "visit", "session"}
    for day in days:
        starts = [item.starts_at for item in day.items]
        assert starts == sorted(starts)


def test_day_route_starts_and_ends_at_the_entrance(planned, ana, halls):
    day = member_days(member_of(planned, ana), viewer=ana.user)[0]
    assert day.route[0] == day.route[-1] == halls[0].centre
    assert day.route[1:-1] == [point for point, _items in day.places]
    assert sum(len(items) for _point, items in day.places) == len(day.items)


def keynote(event):
    return add_session(
        event=event,
        name="Hall 1 — keynote",
        starts_at=factories.local(10, 12),
        ends_at=factories.local(10, 13),
        is_b2b=False,
    )


def test_member_days_without_meetings_visits_or_side_events_are_none(delegation, ana):
    assert member_days(member_of(delegation, ana), viewer=ana.user) == []


def test_member_days_leave_out_a_side_event_the_member_misses(delegation, ana, jonas):
    ana.unavailable_sessions.add(keynote(delegation.event))
    jonas_days = member_days(member_of(delegation, jonas), viewer=jonas.user)
    assert (
        member_days(member_of(delegation, ana), viewer=ana.user),
        [(day.date, [item.title for item in day.items]) for day in jonas_days],
    ) == ([], [(dt.date(2026, 11, 10), ["Hall 1 — keynote"])])


def test_member_days_give_the_walk_from_the_meeting_hall_to_the_next_item(
    delegation, released, ana
):
    keynote(delegation.event)
    [day] = member_days(member_of(delegation, ana), viewer=ana.user)
    # Hall 2's centre is 250 m from Hall 1's; at the default 70 m a minute, 3.6 minutes.
    assert [(item.kind, item.place, item.walk_minutes, item.walk_from) for item in day.items] == [
        ("meeting", "Table 1, Hall 2", 0, ""),
        ("session", "Hall 1", 4, "Table 1, Hall 2"),
    ]


def item_at(point, hour):
    return Item(
        kind="visit",
        uid=f"visit-{hour}",
        starts_at=factories.local(10, hour),
        ends_at=factories.local(10, hour, 30),
        title=f"Visit at {hour}",
        place="Hall",
        point=point,
    )


def test_day_places_group_the_items_in_a_row_at_one_point():
    first, second, third, fourth = (
        item_at((1, 1), 10),
        item_at((1, 1), 11),
        item_at((5, 5), 12),
        item_at((1, 1), 13),
    )
    day = Day(date=dt.date(2026, 11, 10), items=(first, second, third, fourth), start=(0, 0))
    assert (day.places, day.route) == (
        [((1, 1), (first, second)), ((5, 5), (third,)), ((1, 1), (fourth,))],
        [(0, 0), (1, 1), (5, 5), (1, 1), (0, 0)],
    )


def test_day_calendar_holds_every_item_of_every_day(planned, ana):
    member = member_of(planned, ana)
    days = member_days(member, viewer=ana.user)
    calendar = icalendar.Calendar.from_ical(day_calendar(member, days))
    uids = sorted(str(vevent["uid"]) for vevent in calendar.walk("VEVENT"))
    event = planned.event
    assert uids == sorted(
        f"{item.uid}-m{member.pk}@{event.slug}.matchfair" for day in days for item in day.items
    )
    assert str(calendar["x-wr-calname"]) == f"{event.name} — Ana Petrova"


def test_day_calendar_says_the_walk_and_links_the_stop(planned, ana, settings):
    settings.SITE_URL = "https://matchfair.example"
    member = member_of(planned, ana)
    days = member_days(member, viewer=ana.user)
    walked = next(item for day in days for item in day.items if item.walk_minutes and item.url)
    calendar = icalendar.Calendar.from_ical(day_calendar(member, days))
    vevent = next(v for v in calendar.walk("VEVENT") if str(v["uid"]).startswith(walked.uid + "-"))
    assert (str(vevent["description"]), str(vevent["location"])) == (
        f"Visit. {walked.walk_minutes} min walk from {walked.walk_from}. "
        f"https://matchfair.example{walked.url}",
        f"{walked.place}, Fira Gran Via",
    )


def test_member_days_show_meetings_as_busy_to_staff_who_may_not_see_the_agenda(
    delegation, released, ana, co_staff, lead_staff
):
    """Finding 2: the delegation's staff read a member's meetings and partners through her day.
    Staff who may not see her agenda now see only when she is busy."""
    member = member_of(delegation, ana)

    def meetings(viewer):
        return [
            (item.title, item.place)
            for day in member_days(member, viewer=viewer)
            for item in day.items
            if item.kind == "meeting"
        ]

    assert (meetings(ana.user), meetings(lead_staff), meetings(co_staff)) == (
        [("B2B meeting with Jonas Berg", "Table 1, Hall 2")],
        [("B2B meeting with Jonas Berg", "Table 1, Hall 2")],
        [("Busy: B2B meeting", "Hall 2")],
    )
