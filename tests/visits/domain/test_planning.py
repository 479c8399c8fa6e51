"""Planning a delegation's visits and re-planning after a release: `visits.domain.planning`."""

import datetime as dt

from django.core import mail

from matchfair.meetings.domain.plans import release_plan
from matchfair.meetings.models import Placement, Plan
from matchfair.routing import parse_visits
from matchfair.visits.domain.day import member_days
from matchfair.visits.domain.instance import build_request
from matchfair.visits.domain.planning import plan_delegation
from matchfair.visits.models import ItineraryStop, SkippedStop
from tests.visits.helpers import member_of


def test_planning_stores_itineraries_the_validator_accepts(delegation, released, ana, jonas):
    assert plan_delegation(delegation=delegation, seconds=5) == []
    built = build_request(delegation)
    visits = parse_visits(built.document)
    stops = list(ItineraryStop.objects.filter(member__delegation=delegation))
    assert stops and not SkippedStop.objects.filter(member__delegation=delegation, priority=3)
    # Rebuild the answer from the rows the way a reader would: every visit lies in the day.
    assert all(stop.leave > stop.arrive for stop in stops)
    assert visits.members  # the request the planner saw is valid
    delegation.refresh_from_db()
    assert (delegation.plan_error, delegation.plan_stats["wishes"]) == ("", 3)


def test_planned_visits_never_overlap_the_released_meeting(delegation, released, ana, jonas):
    _meeting, slot = released
    plan_delegation(delegation=delegation, seconds=5)
    for registration in (ana, jonas):
        stops = ItineraryStop.objects.filter(member=member_of(delegation, registration))
        assert stops.exists()
        for stop in stops:
            assert stop.leave <= slot.starts_at or stop.arrive >= slot.ends_at


def test_joint_visit_is_made_by_both_members_at_the_same_time(
    delegation, released, ana, jonas, bavaria
):
    plan_delegation(delegation=delegation, seconds=5)
    joint = ItineraryStop.objects.filter(pavilion=bavaria, joint_visit__isnull=False)
    assert (joint.count(), len({(s.arrive, s.leave) for s in joint})) == (2, 1)


def test_walking_time_is_kept_between_halls(delegation, released, jonas):
    plan_delegation(delegation=delegation, seconds=5)
    _meeting, slot = released
    # Jonas meets in hall 2 until 10:00 and visits the pavilion in hall 1, 250 m away at 70 m/min.
    first = ItineraryStop.objects.filter(member=member_of(delegation, jonas)).order_by("arrive")
    after = [s for s in first if s.arrive >= slot.ends_at]
    assert after and after[0].arrive >= slot.ends_at + dt.timedelta(minutes=after[0].walk_minutes)
    assert after[0].walk_minutes >= 3


def test_planning_without_a_venue_says_why_and_keeps_nothing(event, cluster, ana, lead_staff):
    from matchfair.visits.domain.delegations import create_delegation, set_members

    delegation = create_delegation(event=event, cluster=cluster, name="Early", by=lead_staff)
    set_members(delegation=delegation, registrations=[ana], by=lead_staff)
    problems = plan_delegation(delegation=delegation, seconds=1)
    delegation.refresh_from_db()
    assert problems == ["The venue has no halls yet."] == delegation.plan_error.splitlines()
    assert delegation.planned is None


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
    days = member_days(member, viewer=member.registration.user)
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
