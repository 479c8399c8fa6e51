"""A delegation member's day: released meetings, planned visits and side events on one timeline,
the route it walks on the floor plan, and the same as one iCalendar file."""

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

import icalendar
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.bilingual import localised
from matchfair.events import personal
from matchfair.events.models import Session
from matchfair.meetings.domain.agenda import agenda_for
from matchfair.outbox.domain.links import absolute_url
from matchfair.visits.domain.instance import entrance_of, hall_for
from matchfair.visits.models import DelegationMember, Hall


@dataclass(frozen=True)
class Item:
    kind: str  # "meeting" | "visit" | "session" | "personal" (another app's, `events.personal`)
    uid: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    title: str
    place: str
    point: tuple[float, float]  # where on the floor plan
    url: str = ""
    joint: bool = False
    walk_minutes: int = 0
    walk_from: str = ""
    label: str = ""  # a "personal" entry's own kind, such as "Assembly"

    @property
    def kind_label(self) -> str:
        if self.label:
            return self.label
        return {"meeting": _("Meeting"), "visit": _("Visit"), "session": _("Event")}[self.kind]


@dataclass(frozen=True)
class Day:
    date: dt.date
    items: tuple[Item, ...]
    start: tuple[float, float]  # the entrance

    @property
    def places(self) -> list[tuple[tuple[float, float], tuple[Item, ...]]]:
        """The places of the day in order, each with the items there in a row."""
        groups: list[tuple[tuple[float, float], list[Item]]] = []
        for item in self.items:
            if groups and groups[-1][0] == item.point:
                groups[-1][1].append(item)
            else:
                groups.append((item.point, [item]))
        return [(point, tuple(items)) for point, items in groups]

    @property
    def route(self) -> list[tuple[float, float]]:
        """The points walked: from the entrance, through each place of the day, back again.
        The n-th point after the entrance is the n-th of `places`."""
        return [self.start, *(point for point, _items in self.places), self.start]


def member_days(member: DelegationMember, *, viewer: Any) -> list[Day]:
    """Every day of the delegation with something in it, in time order, as `viewer` may see it:
    the B2B meetings in full only where `permissions.can_see_agenda` allows, else as busy time
    (the delegation's staff of another organiser know when, never with whom or at which table).
    """
    delegation = member.delegation
    event = delegation.event
    zone = event.zone
    halls = list(Hall.objects.filter(event=event))
    entrance = entrance_of(halls).centre if halls else (0.0, 0.0)

    def where(text: str) -> tuple[str, tuple[float, float]]:
        hall = hall_for(text, halls)
        return (text, hall.centre if hall else entrance)

    items: list[Item] = []
    registration = member.registration
    in_full = permissions.can_see_agenda(viewer, registration)
    for agenda in agenda_for(registration):
        place, point = where(agenda.table.location or agenda.table.name)
        if in_full:
            names = ", ".join(other.user.full_name for other in agenda.others)
            title = _("B2B meeting with %(names)s") % {"names": names}
            if agenda.table.location:
                place = f"{localised(agenda.table, 'name')}, {localised(agenda.table, 'location')}"
            else:
                place = localised(agenda.table, "name")
        else:
            title = _("Busy: B2B meeting")
            hall = hall_for(agenda.table.location or agenda.table.name, halls)
            place = hall.name if hall else event.venue
        items.append(
            Item(
                kind="meeting",
                uid=f"meeting-{agenda.meeting.pk}",
                starts_at=agenda.starts_at,
                ends_at=agenda.ends_at,
                title=title,
                place=place,
                point=point,
            )
        )
    for stop in member.itinerary.select_related(
        "stand__hall", "pavilion__hall", "stand__event", "pavilion__event"
    ):
        target = stop.target
        items.append(
            Item(
                kind="visit",
                uid=f"visit-{stop.pk}",
                starts_at=stop.arrive,
                ends_at=stop.leave,
                title=_("Visit: %(name)s") % {"name": stop.target_name},
                place=target.hall.name,
                point=target.centre,
                url=target.get_absolute_url(),
                joint=stop.joint_visit_id is not None,
                walk_minutes=stop.walk_minutes,
                walk_from=stop.walk_from,
            )
        )
    missed = set(registration.unavailable_sessions.values_list("pk", flat=True))
    for session in Session.objects.filter(event=event, is_b2b=False).exclude(pk__in=missed):
        place, point = where(session.name)
        hall = hall_for(session.name, halls)
        items.append(
            Item(
                kind="session",
                uid=f"session-{session.pk}",
                starts_at=session.starts_at,
                ends_at=session.ends_at,
                title=session.name,
                place=hall.name if hall else event.venue,
                point=point,
            )
        )
    for entry in personal.entries_for(registration.user, event):
        hall = hall_for(entry.place, halls)
        items.append(
            Item(
                kind="personal",
                uid=entry.uid,
                starts_at=entry.starts_at,
                ends_at=entry.ends_at,
                title=entry.title,
                place=hall.name if hall else entry.place,
                point=hall.centre if hall else entrance,
                url=entry.url,
                label=entry.label,
            )
        )
    by_day: dict[dt.date, list[Item]] = defaultdict(list)
    for item in items:
        by_day[item.starts_at.astimezone(zone).date()].append(item)
    speed = delegation.metres_per_minute
    return [
        Day(date=day, items=_with_walks(by_day[day], speed), start=entrance)
        for day in sorted(by_day)
    ]


def _with_walks(items: list[Item], speed: float) -> tuple[Item, ...]:
    """Each item after the first of the day says how long the walk to it from the last takes,
    worked out as the planner does: straight line at the delegation's speed, rounded up."""
    ordered = sorted(items, key=lambda i: (i.starts_at, i.kind))
    out: list[Item] = []
    for item in ordered:
        if out and out[-1].point != item.point:
            previous = out[-1]
            distance = math.hypot(
                item.point[0] - previous.point[0], item.point[1] - previous.point[1]
            )
            minutes = math.ceil(distance / speed - 1e-9)
            item = replace(item, walk_minutes=minutes, walk_from=previous.place)
        elif out:
            item = replace(item, walk_minutes=0, walk_from="")
        out.append(item)
    return tuple(out)


def day_calendar(member: DelegationMember, days: list[Day]) -> bytes:
    """One calendar with the meetings, the visits and the side events, in the event's zone."""
    event = member.delegation.event
    zone = event.zone
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Matchfair//Visits//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"{event.name} — {member.registration.user.full_name}")
    calendar.add("x-wr-timezone", event.time_zone)
    stamp = dt.datetime.now(dt.UTC)
    for day in days:
        for item in day.items:
            vevent = icalendar.Event()
            vevent.add("uid", f"{item.uid}-m{member.pk}@{event.slug}.matchfair")
            vevent.add("summary", item.title)
            vevent.add("dtstart", item.starts_at.astimezone(zone))
            vevent.add("dtend", item.ends_at.astimezone(zone))
            vevent.add("dtstamp", stamp)
            vevent.add("location", f"{item.place}, {event.venue}")
            vevent.add("categories", [item.kind_label])
            description = item.kind_label
            if item.walk_minutes:
                description += ". " + _("%(minutes)s min walk from %(place)s.") % {
                    "minutes": item.walk_minutes,
                    "place": item.walk_from,
                }
            if item.url:
                description += f" {absolute_url(item.url)}"
            vevent.add("description", description)
            calendar.add_component(vevent)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())
