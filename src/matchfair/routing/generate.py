"""A seeded `matchfair-visits/1` request shaped like a delegation at a large fair ground.

Used by the benchmark and the tests: halls along a long concourse, the pavilions and stands named
in the seed article among fictitious ones, full B2B agendas, a partnership meeting, joint visits.
"""

from __future__ import annotations

import random
from typing import Any

from .model import FORMAT

# Halls sit along a concourse, like a large fair ground's: 180 m apart, 120 m deep.
_HALL_SPACING = 180.0
_HALL_DEPTH = 120.0
_WALK_METRES_PER_MINUTE = 80.0
_LUNCH_SLOTS = (5, 6, 7)

NAMED_STOPS: tuple[tuple[str, str, str], ...] = (
    ("bavaria", "Bavaria pavilion", "pavilion"),
    ("portugal", "Portugal pavilion", "pavilion"),
    ("catalonia", "Catalonia pavilion", "pavilion"),
    ("nordic", "Nordic pavilion (Business Finland, City of Tampere)", "pavilion"),
    ("scandinavia", "Scandinavia pavilion", "pavilion"),
    ("amec-urbis", "AMEC Urbis", "stand"),
    ("ubiwhere", "Ubiwhere", "stand"),
    ("scs", "SCS cluster", "stand"),
    ("minalogic", "Minalogic cluster", "stand"),
)
_FICTITIOUS = (
    "Urban Data Lab",
    "GridWise",
    "Mobility Forge",
    "Civic Sensors",
    "Aqua Metrics",
    "Lumen Streets",
    "ParkSense",
    "Heat Atlas",
    "OpenTransit",
    "Waste Loop",
    "Kerbside",
    "Bright Buildings",
    "Air Quality Guild",
    "Twin City Works",
    "Noise Map",
)


def _day_ids(days: int) -> list[str]:
    return [f"2026-11-{7 + i:02d}" for i in range(days)]


def generate(
    seed: int = 0,
    *,
    members: int = 30,
    wishes: int = 40,
    days: int = 3,
    halls: int = 8,
    stops: int = 120,
    joint_visits: int = 8,
    meetings_per_day: int = 10,
) -> dict[str, Any]:
    """Build the request; the same arguments always give the same document."""
    rng = random.Random(seed)
    day_ids = _day_ids(days)
    last = day_ids[-1]
    locations: list[dict[str, Any]] = [
        {"id": "entrance", "name": "South entrance", "x": 0, "y": -40}
    ]
    # The B2B area (tables 4 m apart) and the congress room of the partnership meeting.
    for table in range(40):
        locations.append(
            {
                "id": f"table-{table + 1}",
                "x": 2 * _HALL_SPACING + 4 * (table % 10),
                "y": 4 * (table // 10),
            }
        )
    locations.append({"id": "congress-room", "x": 5 * _HALL_SPACING, "y": _HALL_DEPTH})

    stop_list: list[dict[str, Any]] = []
    names = list(NAMED_STOPS)
    for i in range(stops - len(names)):
        base = _FICTITIOUS[i % len(_FICTITIOUS)]
        names.append((f"stand-{i + 1}", f"{base} {i // len(_FICTITIOUS) + 1}", "stand"))
    for sid, name, kind in names[:stops]:
        hall = rng.randrange(halls)
        opening = [
            # The last day closes an hour early, as fairs often do.
            {"day": d, "start": "10:00", "end": "17:00" if d == last else "18:00"}
            for d in day_ids
            if kind == "pavilion" or rng.random() < 0.9
        ]
        stop_list.append(
            {
                "id": sid,
                "name": name,
                "kind": kind,
                "x": round(hall * _HALL_SPACING + rng.uniform(10, 170), 1),
                "y": round(rng.uniform(0, _HALL_DEPTH), 1),
                "open": opening,
                "minutes": rng.randint(20, 40) if kind == "pavilion" else rng.randint(10, 25),
                "priority": rng.randint(1, 3),
            }
        )

    member_list: list[dict[str, Any]] = []
    stop_ids = [s["id"] for s in stop_list]
    for m in range(members):
        commitments: list[dict[str, Any]] = []
        for d in day_ids:
            # B2B slots of 30 minutes from 10:00; meetings last 25 so the next table is reachable.
            # 12:30–14:00 stays free of meetings: lunch, and the time joint visits are made in.
            open_slots = [s for s in range(16) if s not in _LUNCH_SLOTS]
            slots = sorted(rng.sample(open_slots, min(meetings_per_day, len(open_slots))))
            if d == day_ids[0]:
                slots = [s for s in slots if s < 13]  # the partnership meeting closes day one
            for s in slots:
                start = 600 + 30 * s
                commitments.append(
                    {
                        "id": f"m{m + 1}-{d}-{s}",
                        "kind": "meeting",
                        "title": f"B2B meeting, slot {s + 1}",
                        "day": d,
                        "start": _clock(start),
                        "end": _clock(start + 25),
                        "location": f"table-{rng.randrange(40) + 1}",
                    }
                )
        commitments.append(
            {
                "id": f"m{m + 1}-partnership",
                "kind": "partnership",
                "title": "Smart City Tech Partnership annual meeting",
                "day": day_ids[0],
                "start": "16:40",
                "end": "18:30",
                "location": "congress-room",
            }
        )
        chosen = rng.sample(stop_ids, min(wishes, len(stop_ids)))
        member_list.append(
            {
                "id": f"member-{m + 1}",
                "name": f"Member {m + 1}",
                "days": day_ids,
                "wishes": [{"stop": sid, "priority": rng.randint(1, 3)} for sid in chosen],
                "commitments": commitments,
            }
        )

    joint: list[dict[str, Any]] = []
    for j in range(min(joint_visits, len(NAMED_STOPS))):
        sid = NAMED_STOPS[j % len(NAMED_STOPS)][0]
        size = rng.randint(3, max(3, min(8, members)))
        who = rng.sample([mm["id"] for mm in member_list], min(size, members))
        if len(who) < 2:
            continue
        item: dict[str, Any] = {"id": f"joint-{sid}", "stop": sid, "members": sorted(who)}
        if j % 3 == 0:
            item["day"] = day_ids[j % days]
        joint.append(item)

    return {
        "format": FORMAT,
        "days": [{"date": d, "start": "09:00", "end": "19:00"} for d in day_ids],
        "entrance": "entrance",
        "walking": {"metres_per_minute": _WALK_METRES_PER_MINUTE},
        "locations": locations,
        "stops": stop_list,
        "members": member_list,
        "joint_visits": joint,
    }


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
