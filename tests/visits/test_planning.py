import datetime as dt

from matchfair.routing import check, parse_visits
from matchfair.visits.domain.instance import build_request, hall_for
from matchfair.visits.domain.planning import plan_delegation
from matchfair.visits.models import ItineraryStop, SkippedStop

from .conftest import member_of


def test_hall_for_matches_the_longest_name_at_a_word_boundary(halls):
    one, two = halls
    assert (
        hall_for("Hall 2 — B2B area", halls),
        hall_for("Hall 1", halls),
        hall_for("Hall 12", halls),
    ) == (two, one, None)


def test_request_holds_the_released_meeting_in_its_hall(delegation, released, ana, halls):
    built = build_request(delegation)
    member = next(m for m in built.document["members"] if m["name"] == "Ana Petrova")
    meeting = member["commitments"][0]
    assert (
        meeting["kind"],
        meeting["day"],
        meeting["start"],
        meeting["end"],
        meeting["location"],
    ) == (
        "meeting",
        "2026-11-10",
        "09:30",
        "10:00",
        f"hall-{halls[1].pk}",
    )


def test_request_replaces_a_wish_covered_by_a_joint_visit(
    delegation, ana, bavaria, stands, lead_staff
):
    from matchfair.visits.domain.delegations import set_wish

    set_wish(member=member_of(delegation, ana), pavilion=bavaria, priority=2, by=ana.user)
    built = build_request(delegation)
    joint = built.document["joint_visits"][0]
    member = next(m for m in built.document["members"] if m["name"] == "Ana Petrova")
    assert {"stop": joint["stop"], "priority": 2} in member["wishes"]


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


def test_engine_validator_passes_on_the_request_built_from_the_database(delegation, released):
    from matchfair.routing import plan_visits

    visits = parse_visits(build_request(delegation).document)
    assert check(visits, plan_visits(visits, time_limit=3)) == []


def test_planning_without_a_venue_says_why_and_keeps_nothing(event, cluster, ana, lead_staff):
    from matchfair.visits.domain.delegations import create_delegation, set_members

    delegation = create_delegation(event=event, cluster=cluster, name="Early", by=lead_staff)
    set_members(delegation=delegation, registrations=[ana], by=lead_staff)
    problems = plan_delegation(delegation=delegation, seconds=1)
    delegation.refresh_from_db()
    assert problems == ["The venue has no halls yet."] == delegation.plan_error.splitlines()
    assert delegation.planned is None


def test_side_event_overlapping_a_meeting_gives_way_to_it(delegation, released, ana, halls):
    # The domain refuses overlapping sessions; the admin does not, so the planner copes.
    from matchfair.events.models import Session
    from tests import factories

    for name, start, end in (("Hall 1 — keynote", 9, 10), ("Hall 1 — cluster lunch", 13, 14)):
        Session.objects.create(
            event=delegation.event,
            name=name,
            is_b2b=False,
            starts_at=factories.local(10, start),
            ends_at=factories.local(10, end),
        )
    built = build_request(delegation)
    member = next(m for m in built.document["members"] if m["name"] == "Ana Petrova")
    assert [(c["kind"], c["start"]) for c in member["commitments"]] == [
        ("meeting", "09:30"),
        ("side-event", "13:00"),
    ]
    assert member["commitments"][1]["location"] == f"hall-{halls[0].pk}"
