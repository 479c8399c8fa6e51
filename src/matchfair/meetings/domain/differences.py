"""What changed for each participant between two plans: the lines of the mail a release sends.

A line says what happened (new, moved, cancelled, removed), when, where (table and hall) and with
whom. Lines are values, rendered into words only when a mail is written, so each person reads
them in their own language (`str(change)` under `translation.override`).
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import dateformat
from django.utils.translation import gettext as _

from matchfair.bilingual import localised
from matchfair.events.models import Registration, Table
from matchfair.meetings.models import Meeting, Plan


@dataclass(frozen=True)
class Spot:
    """When and where a meeting is, and with whom, as one participant sees it."""

    starts_at: dt.datetime  # in the event's time zone
    table: str
    location: str
    others: tuple[str, ...] = field(default=(), compare=False)
    # The Bulgarian labels; a renamed label alone moves no meeting, so they do not compare.
    table_bg: str = field(default="", compare=False)
    location_bg: str = field(default="", compare=False)

    @classmethod
    def of(cls, starts_at: dt.datetime, table: Table, others: tuple[str, ...] = ()) -> "Spot":
        return cls(
            starts_at=starts_at,
            table=table.name,
            location=table.location,
            others=others,
            table_bg=table.name_bg,
            location_bg=table.location_bg,
        )

    def __str__(self) -> str:
        when = dateformat.format(self.starts_at, "D j M H:i")
        table = localised(self, "table")
        if self.location:
            return _("%(when)s, %(table)s, %(location)s") % {
                "when": when,
                "table": table,
                "location": localised(self, "location"),
            }
        return _("%(when)s, %(table)s") % {"when": when, "table": table}


@dataclass(frozen=True)
class Change:
    """One line of a change mail: a meeting that is new, moved, cancelled or removed."""

    class Kind:
        NEW = "new"
        MOVED = "moved"
        CANCELLED = "cancelled"
        REMOVED = "removed"

    kind: str
    meeting: int
    old: Spot | None = None
    new: Spot | None = None

    @property
    def others(self) -> tuple[str, ...]:
        return next((spot.others for spot in (self.new, self.old) if spot and spot.others), ())

    def __str__(self) -> str:
        values = {
            "who": ", ".join(self.others) or _("(nobody else)"),
            "when": str(self.new or self.old),
            "old": str(self.old),
            "new": str(self.new),
        }
        if self.kind == Change.Kind.NEW:
            return _("New meeting with %(who)s: %(when)s") % values
        if self.kind == Change.Kind.MOVED:
            return _("Meeting with %(who)s moved: %(old)s → %(new)s") % values
        if self.kind == Change.Kind.CANCELLED:
            return _("Meeting with %(who)s cancelled: was %(when)s") % values
        return _("Meeting with %(who)s removed from the schedule: was %(when)s") % values


def agenda_spots(plan: Plan | None) -> dict[int, dict[int, Spot]]:
    """For each registration: meeting id → when and where it is, and with whom."""
    spots: dict[int, dict[int, Spot]] = defaultdict(dict)
    if plan is None:
        return spots
    placements = plan.placements.filter(slot__isnull=False).select_related("slot", "table")
    zone = plan.event.zone
    people = Meeting.participants.through.objects.filter(
        meeting__placements__plan=plan, meeting__placements__slot__isnull=False
    ).values_list("meeting_id", "registration_id")
    members: dict[int, list[int]] = defaultdict(list)
    for meeting_id, registration_id in people:
        members[meeting_id].append(registration_id)
    names = _names({registration for ids in members.values() for registration in ids})
    for placement in placements:
        if placement.slot is None or placement.table is None:
            continue
        group = members[placement.meeting_id]
        for registration_id in group:
            spots[registration_id][placement.meeting_id] = Spot.of(
                placement.slot.starts_at.astimezone(zone),
                placement.table,
                tuple(sorted(names[other] for other in group if other != registration_id)),
            )
    return spots


def spot_in(plan: Plan | None, meeting_id: int) -> Spot | None:
    """When and where `plan` puts a meeting, or None when it does not place it."""
    if plan is None:
        return None
    placement = (
        plan.placements.filter(meeting_id=meeting_id, slot__isnull=False, table__isnull=False)
        .select_related("slot", "table")
        .first()
    )
    if placement is None or placement.slot is None or placement.table is None:
        return None
    return Spot.of(placement.slot.starts_at.astimezone(plan.event.zone), placement.table)


def _names(registrations: set[int]) -> dict[int, str]:
    """Each person as a mail names them: "Ana Petrova (Sofia Tech)"."""
    names = {}
    rows = Registration.objects.filter(pk__in=registrations).values_list(
        "pk", "user__full_name", "user__organisation__name"
    )
    for pk, name, organisation in rows.iterator(chunk_size=2000):
        names[pk] = f"{name} ({organisation})" if organisation else name
    return names


def agenda_changes(previous: Plan | None, current: Plan) -> dict[int, list[Change]]:
    """What changed for each participant between two plans, a line per meeting."""
    before, after = agenda_spots(previous), agenda_spots(current)
    cancelled = set(
        Meeting.objects.filter(
            pk__in={meeting for spots in before.values() for meeting in spots},
            status=Meeting.Status.CANCELLED,
        ).values_list("pk", flat=True)
    )
    changes: dict[int, list[Change]] = {}
    for registration_id in set(before) | set(after):
        old, new = before.get(registration_id, {}), after.get(registration_id, {})
        lines = []
        for meeting_id in sorted(set(old) | set(new), key=lambda m: _when(old, new, m)):
            if meeting_id not in old:
                lines.append(Change(Change.Kind.NEW, meeting_id, new=new[meeting_id]))
            elif meeting_id not in new:
                kind = Change.Kind.CANCELLED if meeting_id in cancelled else Change.Kind.REMOVED
                lines.append(Change(kind, meeting_id, old=old[meeting_id]))
            elif old[meeting_id] != new[meeting_id]:
                lines.append(
                    Change(Change.Kind.MOVED, meeting_id, old=old[meeting_id], new=new[meeting_id])
                )
        if lines:
            changes[registration_id] = lines
    return changes


def _when(old: dict[int, Spot], new: dict[int, Spot], meeting: int) -> tuple[dt.datetime, int]:
    """Lines in the order of the agenda: by the meeting's new time, else its old one."""
    spot = new.get(meeting) or old[meeting]
    return spot.starts_at, meeting
