"""Property tests: on random small requests every plan passes the independent validator."""

from __future__ import annotations

from typing import Any, cast

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchfair.routing import check, parse_visits, plan_baseline, plan_visits
from matchfair.routing.baseline import greedy_joint_visits
from matchfair.routing.joint import joint_weight, plan_joint_visits

DAYS = ("2026-11-07", "2026-11-08")


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@st.composite
def requests(draw: st.DrawFn, joint: bool = True) -> dict[str, Any]:
    days = DAYS[: draw(st.integers(1, 2))]
    places = [f"l{i}" for i in range(draw(st.integers(2, 4)))]
    matrix = {
        a: {b: draw(st.integers(1, 12)) for b in places[i + 1 :]} for i, a in enumerate(places[:-1])
    }
    stops = []
    for s in range(draw(st.integers(1, 7))):
        opening = []
        for day in days:
            if draw(st.integers(0, 3)):
                start = draw(st.integers(36, 72)) * 15
                end = min(start + draw(st.integers(2, 32)) * 15, 1140)
                opening.append({"day": day, "start": _hhmm(start), "end": _hhmm(end)})
        stops.append(
            {
                "id": f"s{s}",
                "name": f"Stand {s}",
                "kind": draw(st.sampled_from(["pavilion", "stand", "other"])),
                "location": draw(st.sampled_from(places)),
                "open": opening,
                "minutes": draw(st.integers(5, 45)),
                "priority": draw(st.integers(1, 3)),
            }
        )
    members = []
    for m in range(draw(st.integers(1, 3))):
        attends = [d for d in days if draw(st.booleans())] or [days[0]]
        commitments = []
        for day in attends:
            clock = 540
            for c in range(draw(st.integers(0, 4))):
                start = clock + draw(st.integers(0, 12)) * 10
                end = start + draw(st.integers(1, 9)) * 10
                if end > 1140:
                    break
                commitments.append(
                    {
                        "id": f"c{m}-{day}-{c}",
                        "kind": draw(st.sampled_from(["meeting", "partnership", "side-event"])),
                        "day": day,
                        "start": _hhmm(start),
                        "end": _hhmm(end),
                        "location": draw(st.sampled_from(places)),
                    }
                )
                clock = end
        wished = draw(st.lists(st.sampled_from([s["id"] for s in stops]), unique=True, min_size=1))
        members.append(
            {
                "id": f"m{m}",
                "name": f"Member {m}",
                "days": attends,
                "wishes": [{"stop": sid, "priority": draw(st.integers(1, 3))} for sid in wished],
                "commitments": commitments,
            }
        )
    joint_visits = []
    if joint and len(members) >= 2:
        for j, sid in enumerate(
            draw(st.lists(st.sampled_from([s["id"] for s in stops]), unique=True, max_size=2))
        ):
            who = draw(
                st.lists(st.sampled_from([m["id"] for m in members]), unique=True, min_size=2)
            )
            joint_visits.append({"id": f"j{j}", "stop": sid, "members": who})
    return {
        "format": "matchfair-visits/1",
        "days": [{"date": d, "start": "09:00", "end": "19:00"} for d in days],
        "entrance": "l0",
        "walking": {"minutes": matrix},
        "stops": stops,
        "members": members,
        "joint_visits": joint_visits,
    }


_SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)


@_SETTINGS
@given(requests())
def test_plan_visits_random_request_passes_the_validator(doc: dict[str, Any]) -> None:
    visits = parse_visits(doc)

    planned = plan_visits(visits, time_limit=0.5)
    greedy = plan_baseline(visits)

    assert (check(visits, planned), check(visits, greedy)) == ([], [])


@_SETTINGS
@given(requests(joint=False))
def test_plan_visits_without_joint_visits_fits_at_least_the_baseline(doc: dict[str, Any]) -> None:
    # Each member's model starts from the greedy plan as a complete hint, so it can only do
    # better. With joint visits the two place them differently and no order is guaranteed.
    visits = parse_visits(doc)

    planned = plan_visits(visits, time_limit=0.5)
    greedy = plan_baseline(visits)

    fitted = [cast(int, itineraries.stats["priority_fitted"]) for itineraries in (planned, greedy)]
    assert max(fitted) == fitted[0]


@_SETTINGS
@given(requests())
def test_plan_joint_visits_weigh_at_least_the_greedy_ones(doc: dict[str, Any]) -> None:
    # The greedy placement is a feasible answer of the joint model, so its optimum weighs more.
    visits = parse_visits(doc)
    by_id = {j.id: j for j in visits.joint_visits}

    planned = plan_joint_visits(visits, time_limit=1.0)
    greedy = greedy_joint_visits(visits)

    weights = [
        sum(joint_weight(visits, by_id[o.id]) for o in outcomes if o.day is not None)
        for outcomes in (planned.outcomes, greedy)
    ]
    assert (planned.optimal, max(weights)) == (True, weights[0])
