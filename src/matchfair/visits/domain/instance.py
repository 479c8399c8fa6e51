"""Builds a delegation's `matchfair-visits/1` request from the database.

Stops are the stands and pavilions the members wished, plus one stop per joint visit. Each
member's fixed commitments are their meetings in the latest released plan, at the hall their
table's location names, and the event's sessions without B2B meetings (the partnership meeting,
side events) they have not said they miss.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from matchfair.events.models import Event, Session
from matchfair.meetings.domain.plans import latest_release
from matchfair.meetings.models import Meeting, Placement
from matchfair.routing import FORMAT
from matchfair.visits.models import Delegation, DelegationMember, Hall, JointVisit, Pavilion, Stand


@dataclass
class StopRef:
    """What a stop key of the request stands for in the database."""

    name: str
    stand: Stand | None = None
    pavilion: Pavilion | None = None
    joint: JointVisit | None = None


@dataclass
class Built:
    """The request, and the keys to read its answer back into rows."""

    document: dict[str, Any]
    stops: dict[str, StopRef] = field(default_factory=dict)
    members: dict[str, DelegationMember] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)  # location key → readable name


def hall_for(location: str, halls: list[Hall]) -> Hall | None:
    """The hall whose name the location starts with ("Hall 2 — B2B area" is in "Hall 2")."""
    text = location.strip().lower()
    best = None
    for hall in halls:
        name = hall.name.strip().lower()
        at_boundary = len(text) == len(name) or not text[len(name) : len(name) + 1].isalnum()
        if text.startswith(name) and at_boundary and (best is None or len(name) > len(best.name)):
            best = hall
    return best


def entrance_of(halls: list[Hall]) -> Hall:
    return next((hall for hall in halls if hall.has_entrance), halls[0])


def _minutes(moment: dt.datetime, zone: Any) -> tuple[dt.date, int]:
    local = moment.astimezone(zone)
    return local.date(), local.hour * 60 + local.minute


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _when(time: dt.time) -> int:
    return time.hour * 60 + time.minute


def member_key(member: DelegationMember) -> str:
    return f"m{member.pk}"


def commitments_of(
    member: DelegationMember,
    halls: list[Hall],
    release_meetings: list[Placement],
    sessions: list[Session],
    days: set[dt.date],
    zone: Any,
) -> list[dict[str, Any]]:
    """The member's meetings and side events, never overlapping: meetings win over side events."""
    default = entrance_of(halls)
    found: list[tuple[dt.date, int, int, int, dict[str, Any]]] = []
    for placement in release_meetings:
        assert placement.slot is not None and placement.table is not None
        day, start = _minutes(placement.slot.starts_at, zone)
        end_day, end = _minutes(placement.slot.ends_at, zone)
        if day not in days or end_day != day:
            continue
        hall = hall_for(placement.table.location, halls) or hall_for(placement.table.name, halls)
        # The planner needs when and where, never with whom: no partner's name leaves here.
        title = _("B2B meeting at %(table)s") % {"table": placement.table.name}
        found.append(
            (
                day,
                start,
                end,
                0,
                {
                    "id": f"meeting-{placement.meeting_id}",
                    "kind": "meeting",
                    "title": title,
                    "location": f"hall-{(hall or default).pk}",
                },
            )
        )
    for session in sessions:
        day, start = _minutes(session.starts_at, zone)
        end_day, end = _minutes(session.ends_at, zone)
        if day not in days or end_day != day:
            continue
        hall = hall_for(session.name, halls)
        found.append(
            (
                day,
                start,
                end,
                1,
                {
                    "id": f"session-{session.pk}",
                    "kind": "side-event",
                    "title": session.name,
                    "location": f"hall-{(hall or default).pk}",
                },
            )
        )
    found.sort(key=lambda item: (item[0], item[3], item[1]))
    kept: list[tuple[dt.date, int, int, int, dict[str, Any]]] = []
    for item in found:
        clash = any(k[0] == item[0] and k[1] < item[2] and item[1] < k[2] for k in kept)
        if not clash:
            kept.append(item)
    kept.sort(key=lambda item: (item[0], item[1]))
    return [
        {**info, "day": day.isoformat(), "start": _clock(start), "end": _clock(end)}
        for day, start, end, _order, info in kept
    ]


def _released_placements(event: Event) -> dict[int, list[Placement]]:
    """Registration id → their placed meetings in the latest release."""
    plan = latest_release(event)
    by_registration: dict[int, list[Placement]] = defaultdict(list)
    if plan is None:
        return by_registration
    placements = (
        Placement.objects.filter(
            plan=plan,
            slot__isnull=False,
            table__isnull=False,
            meeting__status=Meeting.Status.ACTIVE,
        )
        .select_related("slot", "table")
        .prefetch_related("meeting__participants")
    )
    for placement in placements:
        for participant in placement.meeting.participants.all():
            by_registration[participant.pk].append(placement)
    return by_registration


def _open(target: Stand | Pavilion, hall: Hall, days: list[dt.date]) -> list[dict[str, str]]:
    opens, closes = target.hours if isinstance(target, Stand) else (hall.opens, hall.closes)
    return [
        {"day": day.isoformat(), "start": _clock(_when(opens)), "end": _clock(_when(closes))}
        for day in days
    ]


def build_request(delegation: Delegation) -> Built:
    event = delegation.event
    zone = event.zone
    halls = list(Hall.objects.filter(event=event))
    if not halls:
        raise ValueError(_("The venue has no halls yet."))
    hall_by_id = {hall.pk: hall for hall in halls}
    days = delegation.days()
    members = list(
        delegation.members.select_related("registration__user").prefetch_related(
            "wishes__stand", "wishes__pavilion", "registration__unavailable_sessions"
        )
    )
    joints = [
        joint
        for joint in delegation.joint_visits.select_related("stand", "pavilion").prefetch_related(
            "members"
        )
        if len(joint.members.all()) >= 2
    ]
    placements = _released_placements(event)
    side = list(Session.objects.filter(event=event, is_b2b=False))
    built = Built(document={})
    built.places = {f"hall-{hall.pk}": hall.name for hall in halls}
    stops: list[dict[str, Any]] = []

    def add_stop(
        key: str, ref: StopRef, target: Stand | Pavilion, minutes: int, priority: int
    ) -> None:
        if key in built.stops:
            return
        built.stops[key] = ref
        built.places[key] = ref.name
        x, y = target.centre
        stops.append(
            {
                "id": key,
                "name": ref.name,
                "kind": "stand" if isinstance(target, Stand) else "pavilion",
                "x": round(x, 2),
                "y": round(y, 2),
                "open": _open(target, hall_by_id[target.hall_id], days),
                "minutes": minutes,
                "priority": priority,
            }
        )

    joint_of: dict[tuple[int, str], str] = {}  # (member, target key) → joint stop key
    joint_docs = []
    for joint in joints:
        target = joint.target
        key = f"joint-{joint.pk}"
        add_stop(
            key,
            StopRef(joint.target_name, joint.stand, joint.pavilion, joint),
            target,
            joint.minutes,
            joint.priority,
        )
        for member in joint.members.all():
            joint_of[(member.pk, target.stop_key)] = key
        doc: dict[str, Any] = {
            "id": key,
            "stop": key,
            "members": [member_key(m) for m in joint.members.all()],
        }
        if joint.day is not None and joint.day in days:
            doc["day"] = joint.day.isoformat()
        joint_docs.append(doc)
    member_docs = []
    dayset = set(days)
    all_commitments: list[dict[str, Any]] = []
    for member in members:
        built.members[member_key(member)] = member
        wishes = []
        for wish in member.wishes.all():
            target = wish.target
            key = joint_of.get((member.pk, target.stop_key)) or target.stop_key
            if key == target.stop_key:
                add_stop(
                    key,
                    StopRef(wish.target_name, wish.stand, wish.pavilion),
                    target,
                    target.visit_minutes,
                    1,
                )
            wishes.append({"stop": key, "priority": wish.priority})
        missed = {s.pk for s in member.registration.unavailable_sessions.all()}
        commitments = commitments_of(
            member,
            halls,
            placements.get(member.registration_id, []),
            [s for s in side if s.pk not in missed],
            dayset,
            zone,
        )
        all_commitments += commitments
        member_docs.append(
            {
                "id": member_key(member),
                "name": member.registration.user.full_name,
                "days": [day.isoformat() for day in days],
                "wishes": wishes,
                "commitments": commitments,
            }
        )
    day_docs = []
    for day in days:
        start = min(_when(hall.opens) for hall in halls)
        end = max(_when(hall.closes) for hall in halls)
        for commitment in all_commitments:
            if commitment["day"] == day.isoformat():
                start = min(start, _clock_minutes(commitment["start"]))
                end = max(end, _clock_minutes(commitment["end"]))
        day_docs.append({"date": day.isoformat(), "start": _clock(start), "end": _clock(end)})
    built.document = {
        "format": FORMAT,
        "days": day_docs,
        "entrance": f"hall-{entrance_of(halls).pk}",
        "walking": {"metres_per_minute": delegation.metres_per_minute},
        "locations": [
            {"id": f"hall-{hall.pk}", "name": hall.name, "x": hall.centre[0], "y": hall.centre[1]}
            for hall in halls
        ],
        "stops": stops,
        "members": member_docs,
        "joint_visits": joint_docs,
    }
    return built


def _clock_minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)
