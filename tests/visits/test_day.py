import datetime as dt

import icalendar
import pytest
from django.core import mail

from matchfair.events.domain.venue import add_session
from matchfair.meetings.domain.plans import release_plan
from matchfair.meetings.models import Placement, Plan
from matchfair.visits.domain.day import member_days
from matchfair.visits.domain.planning import plan_delegation
from matchfair.visits.models import ItineraryStop
from tests import factories

from .conftest import member_of, other_cluster_member


@pytest.fixture
def planned(delegation, released):
    add_session(
        event=delegation.event,
        name="Hall 1 — partnership meeting",
        starts_at=factories.local(11, 16),
        ends_at=factories.local(11, 17),
        is_b2b=False,
    )
    assert plan_delegation(delegation=delegation, seconds=5) == []
    return delegation


def day_url(member, suffix="day/"):
    return f"/e/{member.delegation.event.slug}/delegation/member/{member.pk}/{suffix}"


def test_day_merges_meetings_visits_and_side_events(planned, ana):
    days = member_days(member_of(planned, ana))
    kinds = {item.kind for day in days for item in day.items}
    assert kinds == {"meeting", "visit", "session"}
    for day in days:
        starts = [item.starts_at for item in day.items]
        assert starts == sorted(starts)


def test_day_route_starts_and_ends_at_the_entrance(planned, ana, halls):
    day = member_days(member_of(planned, ana))[0]
    assert day.route[0] == day.route[-1] == halls[0].centre
    assert day.route[1:-1] == [point for point, _items in day.places]
    assert sum(len(items) for _point, items in day.places) == len(day.items)


def test_day_page_for_the_member(client, planned, ana):
    member = member_of(planned, ana)
    client.force_login(ana.user)
    response = client.get(day_url(member))
    html = response.content.decode()
    assert response.status_code == 200
    assert "B2B meeting with Jonas Berg" in html and "Visit: Bavaria Pavilion" in html
    assert "09:30–10:00" in html  # the meeting in the event's local time
    assert "Hall 1 — partnership meeting" in html


def test_day_page_for_the_organiser(client, planned, ana, lead_staff):
    client.force_login(lead_staff)
    assert client.get(day_url(member_of(planned, ana))).status_code == 200


@pytest.mark.parametrize("suffix", ["day/", "day.ics", "day.pdf", "route/2026-11-10/"])
def test_member_of_another_cluster_cannot_see_the_itinerary(client, planned, ana, suffix):
    outsider, _other = other_cluster_member(planned.event)
    client.force_login(outsider.user)
    assert client.get(day_url(member_of(planned, ana), suffix)).status_code == 404


def test_fellow_member_cannot_see_another_members_day(client, planned, ana, jonas):
    client.force_login(jonas.user)
    assert client.get(day_url(member_of(planned, ana))).status_code == 404


def test_ical_holds_everything_in_local_time(client, planned, ana):
    member = member_of(planned, ana)
    client.force_login(ana.user)
    response = client.get(day_url(member, "day.ics"))
    calendar = icalendar.Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    summaries = {str(e["summary"]) for e in events}
    visits = ItineraryStop.objects.filter(member=member).count()
    assert len(events) == 1 + visits + 1
    assert "B2B meeting with Jonas Berg" in summaries
    meeting = next(e for e in events if str(e["summary"]) == "B2B meeting with Jonas Berg")
    start = meeting.decoded("dtstart")
    assert (str(start.tzinfo), start.hour, start.minute) == ("Europe/Madrid", 9, 30)
    assert response["Content-Type"] == "text/calendar"


def test_pdf_is_a_pdf_with_the_itinerary(client, planned, ana, settings):
    settings.REPORTS_PDF_COMPRESS = False
    client.force_login(ana.user)
    response = client.get(day_url(member_of(planned, ana), "day.pdf"))
    assert response.content.startswith(b"%PDF")
    assert response["Content-Type"] == "application/pdf"
    assert len(response.content) > 2000


def test_route_page_draws_the_days_route(client, planned, ana):
    client.force_login(ana.user)
    response = client.get(day_url(member_of(planned, ana), "route/2026-11-10/"))
    assert response.status_code == 200 and "<polyline" in response.content.decode()


def test_route_page_of_a_day_without_anything_is_not_found(client, planned, ana):
    client.force_login(ana.user)
    assert client.get(day_url(member_of(planned, ana), "route/2026-12-24/")).status_code == 404


def test_my_day_link_and_page_for_a_member(client, planned, ana):
    client.force_login(ana.user)
    response = client.get(f"/e/{planned.event.slug}/my-day/")
    assert response["Location"] == day_url(member_of(planned, ana))
    page = client.get(f"/e/{planned.event.slug}/venue/").content.decode()
    assert f'href="/e/{planned.event.slug}/my-day/"' in page


def test_no_my_day_link_for_someone_outside_a_delegation(client, planned):
    outsider, _other = other_cluster_member(planned.event)
    client.force_login(outsider.user)
    page = client.get(f"/e/{planned.event.slug}/venue/").content.decode()
    assert "/my-day/" not in page


def test_new_release_replans_and_tells_the_affected_member(
    planned, ana, jonas, lead_staff, released, django_capture_on_commit_callbacks
):
    _meeting, _slot = released
    member = member_of(planned, ana)
    before = list(member.itinerary.values_list("arrive", flat=True))
    # The meeting moves to 10:30 on the second day: both members' days change.
    later = planned.event.sessions.order_by("starts_at")[1].slots.order_by("starts_at")[3]
    Placement.objects.filter(plan__event=planned.event, plan__kind=Plan.Kind.DRAFT).update(
        slot=later
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        release_plan(event=planned.event, by=lead_staff, notify=False)
    days = member_days(member)
    meeting_days = [d.date for d in days for i in d.items if i.kind == "meeting"]
    assert meeting_days == [dt.date(2026, 11, 11)]
    for stop in member.itinerary.all():
        assert stop.leave <= later.starts_at or stop.arrive >= later.ends_at
    assert list(member.itinerary.values_list("arrive", flat=True)) != before
    told = sorted(address for message in mail.outbox for address in message.to)
    assert told == sorted([ana.user.email, jonas.user.email])
    assert "re-planned" in mail.outbox[0].subject


def test_release_that_changes_nobody_in_the_delegation_replans_nothing(
    planned, lead_staff, django_capture_on_commit_callbacks
):
    planned_at = planned.planned
    with django_capture_on_commit_callbacks(execute=True):
        release_plan(event=planned.event, by=lead_staff, notify=False)
    planned.refresh_from_db()
    assert (planned.planned, len(mail.outbox)) == (planned_at, 0)
