"""The planner's request built from the database: `visits.domain.instance`."""

from matchfair.routing import check, parse_visits
from matchfair.visits.domain.instance import build_request, hall_for
from tests.visits.helpers import member_of


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


def test_engine_validator_passes_on_the_request_built_from_the_database(delegation, released):
    from matchfair.routing import plan_visits

    visits = parse_visits(build_request(delegation).document)
    assert check(visits, plan_visits(visits, time_limit=3)) == []


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
