"""A participant's personal agenda from the latest released plan, on the page and as iCalendar."""

import datetime as dt
from dataclasses import dataclass

import icalendar
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from matchfair.bilingual import localised
from matchfair.events import personal
from matchfair.events.models import Registration, Slot, Table
from matchfair.meetings.domain.plans import latest_release
from matchfair.meetings.models import Meeting, Placement, Plan
from matchfair.outbox.domain.links import absolute_url


@dataclass(frozen=True)
class AgendaItem:
    meeting: Meeting
    slot: Slot
    table: Table
    others: tuple[Registration, ...]

    @property
    def starts_at(self) -> dt.datetime:
        return self.slot.starts_at

    @property
    def ends_at(self) -> dt.datetime:
        return self.slot.ends_at


def agenda_for(registration: Registration, plan: Plan | None = None) -> list[AgendaItem]:
    plan = plan or latest_release(registration.event)
    if plan is None:
        return []
    placements = (
        Placement.objects.filter(
            plan=plan,
            slot__isnull=False,
            meeting__participants=registration,
            meeting__status=Meeting.Status.ACTIVE,
        )
        .select_related("slot__session", "table", "meeting")
        # One query for everyone met, with the event their link needs (not one query a meeting).
        .prefetch_related(
            Prefetch(
                "meeting__participants",
                queryset=Registration.objects.select_related("user__organisation", "event"),
            )
        )
        .order_by("slot__starts_at")
    )
    items = []
    for placement in placements:
        if placement.slot is None or placement.table is None:  # excluded by the query
            continue
        others = tuple(
            other for other in placement.meeting.participants.all() if other.pk != registration.pk
        )
        items.append(
            AgendaItem(
                meeting=placement.meeting, slot=placement.slot, table=placement.table, others=others
            )
        )
    return items


class Moment:
    """Where a meeting stands against the clock: the status shown on the time line."""

    DONE = "done"
    NOW = "now"
    NEXT = "next"
    LATER = "later"

    LABELS = {
        DONE: _lazy("Over"),
        NOW: _lazy("Now"),
        NEXT: _lazy("Next"),
        LATER: _lazy("Coming"),
    }


@dataclass(frozen=True)
class TimelineEntry:
    item: AgendaItem
    moment: str

    @property
    def moment_label(self) -> str:
        return str(Moment.LABELS[self.moment])


def timeline(
    items: list[AgendaItem], *, now: dt.datetime, zone: dt.tzinfo
) -> list[tuple[dt.date, list[TimelineEntry]]]:
    """The agenda per local day in time order; the first meeting still to come is the next."""
    days: dict[dt.date, list[TimelineEntry]] = {}
    next_found = False
    for item in sorted(items, key=lambda entry: entry.starts_at):
        if item.ends_at <= now:
            moment = Moment.DONE
        elif item.starts_at <= now:
            moment = Moment.NOW
        elif not next_found:
            moment = Moment.NEXT
        else:
            moment = Moment.LATER
        next_found = next_found or moment in (Moment.NOW, Moment.NEXT)
        days.setdefault(item.starts_at.astimezone(zone).date(), []).append(
            TimelineEntry(item=item, moment=moment)
        )
    return sorted(days.items())


def agenda_calendar(registration: Registration, items: list[AgendaItem]) -> bytes:
    """One VEVENT a meeting, and one for each of the person's entries from other apps
    (`events.personal`), in the event's own time zone so phones show local Barcelona time."""
    event = registration.event
    zone = event.zone
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Matchfair//Agenda//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"{localised(event, 'name')} — {registration.user.full_name}")
    calendar.add("x-wr-timezone", event.time_zone)
    for item in items:
        names = ", ".join(
            f"{other.user.full_name} ({other.user.organisation})" for other in item.others
        )
        vevent = icalendar.Event()
        vevent.add("uid", f"meeting-{item.meeting.pk}@{event.slug}.matchfair")
        vevent.add("summary", _("B2B meeting with %(names)s") % {"names": names})
        vevent.add("dtstart", item.starts_at.astimezone(zone))
        vevent.add("dtend", item.ends_at.astimezone(zone))
        vevent.add("dtstamp", dt.datetime.now(dt.UTC))
        table = localised(item.table, "name")
        hall = localised(item.table, "location") if item.table.location else event.venue
        vevent.add("location", f"{table}, {hall}")
        vevent.add(
            "description",
            _("%(event)s, %(table)s. Your agenda: %(url)s")
            % {
                "event": localised(event, "name"),
                "table": table,
                "url": absolute_url(reverse("meetings:agenda", kwargs={"event": event.slug})),
            },
        )
        calendar.add_component(vevent)
    # The person's entries from other apps, such as the partnership assembly's sessions.
    for entry in personal.entries_for(registration.user, event):
        vevent = icalendar.Event()
        vevent.add("uid", f"{entry.uid}@{event.slug}.matchfair")
        vevent.add("summary", entry.title)
        vevent.add("dtstart", entry.starts_at.astimezone(zone))
        vevent.add("dtend", entry.ends_at.astimezone(zone))
        vevent.add("dtstamp", dt.datetime.now(dt.UTC))
        vevent.add("location", entry.place)
        vevent.add("categories", [entry.label])
        vevent.add(
            "description", f"{entry.label}: {absolute_url(entry.url)}" if entry.url else entry.label
        )
        calendar.add_component(vevent)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())
