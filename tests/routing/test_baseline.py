"""Tests for `matchfair.routing.baseline`: the greedy nearest-next itineraries."""

from __future__ import annotations

from matchfair.routing import check, parse_visits, plan_baseline, plan_visits

from .instances import meeting, small, stop


def test_plan_baseline_small_request_visits_the_soonest_stop_first() -> None:
    visits = parse_visits(small())

    itineraries = plan_baseline(visits)

    assert check(visits, itineraries) == []
    assert [
        (e.kind, e.stop or e.commitment, e.arrive, e.leave)
        for e in itineraries.members[0].days[0].entries
        if e.kind != "walk"
    ] == [
        ("meeting", "b2b-1", 600, 630),
        ("visit", "ubiwhere", 630, 650),
        ("visit", "bavaria", 660, 690),
    ]


def test_plan_baseline_nearest_stop_can_crowd_out_a_higher_priority() -> None:
    doc = small()
    # One free hour in hall 1; the near stand is reached first, the far pavilion no longer fits.
    doc["stops"] = [stop("near", "hall-1", 40), stop("far", "hall-2", 30, priority=3)]
    doc["members"][0]["wishes"] = [{"stop": "near"}, {"stop": "far"}]
    doc["members"][0]["commitments"] = [
        meeting("b2b-1", "10:00", "11:00", "hall-1"),
        meeting("b2b-2", "12:00", "18:00", "hall-1"),
    ]
    visits = parse_visits(doc)

    greedy = plan_baseline(visits)
    planned = plan_visits(visits, time_limit=2.0)

    assert (greedy.stats["share"], planned.stats["share"]) == (0.25, 0.75)
    assert (check(visits, greedy), check(visits, planned)) == ([], [])
