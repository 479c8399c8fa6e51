"""Where a meeting can go by hand: the slots where all its people are free, the tables free in
each, and the walks that would be too tight, so the Move page offers only what works.

It reads the plan the organiser edits and uses the rules of `conflicts.py` (`tight_walk`),
so what it offers never shows up there as a conflict, except a walk it warns about.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext as _

from matchfair.events.models import Registration, Slot, Table
from matchfair.meetings.domain.conflicts import tight_walk
from matchfair.meetings.domain.instance import travel_minutes
from matchfair.meetings.models import Meeting, Placement, Plan
from matchfair.ordering import natural_key


@dataclass
class SlotOption:
    slot: Slot
    free_tables: int
    # Location of the tables → sentences on the walks that would be too tight from there.
    walks: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class MovePlanner:
    """What the Move page needs for one meeting, read once; `slots()` and `tables(slot)` answer."""

    meeting: Meeting
    plan: Plan | None
    now: dt.datetime
    members: list[Registration] = field(init=False)
    offered: list[Table] = field(init=False)
    travel: dict[str, dict[str, int]] = field(init=False)
    absent: set[int] = field(init=False)  # sessions someone of the meeting cannot come to
    busy: set[int] = field(init=False)  # slots where someone of the meeting meets someone else
    # Each member's other placed meetings, as (slot, table), for the walks.
    agenda: dict[int, list[tuple[Slot, Table]]] = field(init=False)

    def __post_init__(self) -> None:
        event = self.meeting.event
        self.members = list(
            self.meeting.participants.select_related("user").prefetch_related(
                "unavailable_sessions"
            )
        )
        ids = {member.pk for member in self.members}
        tables = Table.objects.filter(event=event, is_active=True)
        # A private stand is offered only to its owner's meetings, and to those first.
        self.offered = sorted(
            (table for table in tables if table.booth_of_id is None or table.booth_of_id in ids),
            key=lambda table: (table.booth_of_id is None, natural_key(table.name)),
        )
        self.travel = travel_minutes(
            event, sorted({table.location for table in self.offered if table.location})
        )
        self.absent = {
            session.pk for member in self.members for session in member.unavailable_sessions.all()
        }
        self.busy, self.agenda = set(), defaultdict(list)
        if self.plan is not None:
            placements = {
                placement.meeting_id: placement
                for placement in Placement.objects.filter(
                    plan=self.plan,
                    slot__isnull=False,
                    meeting__status=Meeting.Status.ACTIVE,
                    meeting__participants__in=ids,
                )
                .exclude(meeting=self.meeting)
                .select_related("slot", "table")
            }
            for meeting_id, registration_id in Meeting.participants.through.objects.filter(
                meeting_id__in=placements, registration_id__in=ids
            ).values_list("meeting_id", "registration_id"):
                placement = placements[meeting_id]
                if placement.slot is None:
                    continue
                self.busy.add(placement.slot.pk)
                if placement.table is not None:
                    self.agenda[registration_id].append((placement.slot, placement.table))

    def _free(self, slot: Slot) -> bool:
        return slot.session_id not in self.absent and slot.pk not in self.busy

    def _walks(self, slot: Slot, table: Table) -> list[str]:
        """Too-tight walks between this slot at this table and each member's nearest meetings."""
        warnings = []
        for member in self.members:
            day = [
                (other_slot, other_table)
                for other_slot, other_table in self.agenda[member.pk]
                if other_slot.starts_at.date() == slot.starts_at.date()
            ]
            before = [entry for entry in day if entry[0].starts_at < slot.starts_at]
            after = [entry for entry in day if entry[0].starts_at > slot.starts_at]
            nearest = []
            if before:
                nearest.append(max(before, key=lambda entry: entry[0].starts_at))
            if after:
                nearest.append(min(after, key=lambda entry: entry[0].starts_at))
            for other_slot, other_table in nearest:
                tight = tight_walk(self.travel, (slot, table), (other_slot, other_table))
                if tight is None:
                    continue
                warnings.append(
                    _(
                        "%(person)s has a meeting at %(table)s (%(location)s) at %(time)s: "
                        "%(needed)s min to walk, %(free)s free"
                    )
                    % {
                        "person": member.user.full_name,
                        "table": other_table.name,
                        "location": other_table.location,
                        "time": f"{other_slot.starts_at.astimezone(self.meeting.event.zone):%H:%M}",
                        "needed": tight[0],
                        "free": tight[1],
                    }
                )
        return warnings

    def _by_location(self, slot: Slot, tables: list[Table]) -> dict[str, list[str]]:
        walks: dict[str, list[str]] = {}
        for table in tables:
            if table.location and table.location not in walks:
                walks[table.location] = self._walks(slot, table)
        return {location: lines for location, lines in walks.items() if lines}

    def candidate_slots(self) -> list[Slot]:
        """B2B slots still to come where every person of the meeting is available and free."""
        slots = (
            Slot.objects.filter(
                session__event=self.meeting.event, session__is_b2b=True, starts_at__gt=self.now
            )
            .select_related("session")
            .order_by("starts_at")
        )
        return [slot for slot in slots if self._free(slot)]

    def slots(self) -> list[SlotOption]:
        """Each free slot with a free table, with its count of free tables and its tight walks."""
        candidates = self.candidate_slots()
        taken: dict[int, int] = {}
        if self.plan is not None:
            taken = dict(
                Placement.objects.filter(
                    plan=self.plan,
                    slot__in=candidates,
                    table__in=[table.pk for table in self.offered],
                )
                .exclude(meeting=self.meeting)
                .values_list("slot_id")
                .annotate(count=Count("id"))
                .values_list("slot_id", "count")
            )
        # The walks depend on the hall only: one table per location stands for it.
        by_location = list({table.location: table for table in self.offered}.values())
        options = []
        for slot in candidates:
            free = len(self.offered) - taken.get(slot.pk, 0)
            if free > 0:
                options.append(SlotOption(slot, free, self._by_location(slot, by_location)))
        return options

    def tables(self, slot: Slot) -> list[Table]:
        """The offered tables free in this slot, the owner's stand first, then in natural order."""
        taken = set()
        if self.plan is not None:
            taken = set(
                Placement.objects.filter(plan=self.plan, slot=slot, table__isnull=False)
                .exclude(meeting=self.meeting)
                .values_list("table_id", flat=True)
            )
        return [table for table in self.offered if table.pk not in taken]

    def walks(self, slot: Slot, tables: list[Table]) -> dict[str, list[str]]:
        return self._by_location(slot, tables)
