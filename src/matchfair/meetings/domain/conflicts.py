"""Everything wrong with a plan, computed in bulk and returned as data for the organiser to review.

Some kinds break a rule people rely on and stop a release (`BLOCKING`); the others are released
only once the organiser has confirmed them (`release_plan(confirmed=True)`).
"""

from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from matchfair.events.models import Registration, Slot, Table
from matchfair.meetings.domain.instance import travel_minutes
from matchfair.meetings.models import Meeting, Placement, Plan

# What each kind is called on a page: the codes never reach a person.
LABELS: dict[str, Promise] = {
    "double_booked": gettext_lazy("Booked twice"),
    "unavailable": gettext_lazy("Not available then"),
    "foreign_booth": gettext_lazy("At someone else's stand"),
    "no_table": gettext_lazy("Table not in use"),
    "closed_slot": gettext_lazy("Session without meetings"),
    "unscheduled": gettext_lazy("No slot"),
    "walk": gettext_lazy("Walk too tight"),
    "booth": gettext_lazy("Away from own stand"),
    "not_planned": gettext_lazy("Not in the plan yet"),
    "cancelled": gettext_lazy("Cancelled, still placed"),
}

# Kinds a release refuses: someone would be expected in two places, at a time they said they
# cannot come, at a stand that is not theirs, or at a table or session that no longer exists.
# (Two meetings at one table in one slot cannot even be stored: a database constraint.)
BLOCKING = frozenset({"double_booked", "unavailable", "foreign_booth", "no_table", "closed_slot"})


@dataclass(frozen=True)
class Conflict:
    kind: str  # a key of LABELS
    meeting_id: int
    message: str

    @property
    def label(self) -> str:
        return str(LABELS[self.kind])

    @property
    def blocking(self) -> bool:
        return self.kind in BLOCKING


def walk_minutes(travel: dict[str, dict[str, int]], a: str, b: str) -> int:
    """Minutes to walk between two table locations; a pair given one way holds both ways."""
    if not a or not b or a == b:
        return 0
    return travel.get(a, {}).get(b, travel.get(b, {}).get(a, 0))


def tight_walk(
    travel: dict[str, dict[str, int]], first: tuple[Slot, Table], second: tuple[Slot, Table]
) -> tuple[int, int] | None:
    """(minutes needed, minutes free) when the walk from one meeting to the next, the same day,
    does not fit between them; None when it does (the engine's rule, `scheduling.checker`)."""
    (slot_a, table_a), (slot_b, table_b) = sorted([first, second], key=lambda p: p[0].starts_at)
    if slot_a.starts_at.date() != slot_b.starts_at.date():
        return None
    needed = walk_minutes(travel, table_a.location, table_b.location)
    free = int((slot_b.starts_at - slot_a.ends_at).total_seconds() // 60)
    return (needed, free) if needed > 0 and free < needed else None


def summary(conflicts: list[Conflict]) -> str:
    """ "3 × No slot, 1 × Walk too tight": what a confirmation names."""
    counts: dict[str, int] = defaultdict(int)
    for conflict in conflicts:
        counts[conflict.kind] += 1
    return ", ".join(f"{count} × {LABELS[kind]}" for kind, count in counts.items())


def plan_conflicts(plan: Plan) -> list[Conflict]:
    event = plan.event
    placements = list(
        Placement.objects.filter(plan=plan).select_related("slot__session", "meeting", "table")
    )
    members: dict[int, list[int]] = defaultdict(list)
    for meeting_id, registration_id in Meeting.participants.through.objects.filter(
        meeting__event=event
    ).values_list("meeting_id", "registration_id"):
        members[meeting_id].append(registration_id)
    registrations = {
        registration.pk: registration
        for registration in Registration.objects.filter(event=event)
        .select_related("user")
        .prefetch_related("unavailable_sessions")
    }
    absent = {
        pk: {session.pk for session in registration.unavailable_sessions.all()}
        for pk, registration in registrations.items()
    }

    def names(meeting_id: int) -> str:
        # Alphabetical, so a conflict names its people the same way on every database and
        # whatever order they were added in (a many-to-many add has no order of its own).
        return " & ".join(
            sorted(
                registrations[pk].user.full_name
                for pk in members[meeting_id]
                if pk in registrations
            )
        )

    travel = travel_minutes(
        event,
        sorted({p.table.location for p in placements if p.table is not None and p.table.location}),
    )
    booths = dict(
        Table.objects.filter(event=event, is_active=True, booth_of__isnull=False).values_list(
            "booth_of_id", "id"
        )
    )
    conflicts: list[Conflict] = []
    busy: dict[tuple[int, int], list[int]] = defaultdict(list)
    agenda: dict[int, list[Placement]] = defaultdict(list)
    planned = set()
    for placement in placements:
        planned.add(placement.meeting_id)
        if placement.meeting.status != Meeting.Status.ACTIVE:
            if placement.slot_id:
                conflicts.append(
                    Conflict(
                        "cancelled",
                        placement.meeting_id,
                        _("%(names)s: cancelled, but still in the plan")
                        % {"names": names(placement.meeting_id)},
                    )
                )
            continue
        slot = placement.slot
        if slot is None:
            conflicts.append(
                Conflict(
                    "unscheduled",
                    placement.meeting_id,
                    f"{names(placement.meeting_id)}: {placement.reason}",
                )
            )
            continue
        if placement.table is None or not placement.table.is_active:
            conflicts.append(
                Conflict(
                    "no_table",
                    placement.meeting_id,
                    _("%(names)s: no table in use") % {"names": names(placement.meeting_id)},
                )
            )
        if not slot.session.is_b2b:
            conflicts.append(
                Conflict(
                    "closed_slot",
                    placement.meeting_id,
                    _("%(names)s: the session %(session)s no longer holds meetings")
                    % {"names": names(placement.meeting_id), "session": slot.session.name},
                )
            )
        table = placement.table
        owner_id = table.booth_of_id if table is not None else None
        if (
            table is not None
            and owner_id is not None
            and owner_id not in members[placement.meeting_id]
        ):
            owner = registrations.get(owner_id)
            conflicts.append(
                Conflict(
                    "foreign_booth",
                    placement.meeting_id,
                    _("%(names)s: %(table)s is the private stand of %(owner)s")
                    % {
                        "names": names(placement.meeting_id),
                        "table": table.name,
                        "owner": owner.user.full_name if owner else "—",
                    },
                )
            )
        for registration_id in members[placement.meeting_id]:
            booth = booths.get(registration_id)
            if booth is not None and booth != placement.table_id:
                conflicts.append(
                    Conflict(
                        "booth",
                        placement.meeting_id,
                        _("%(person)s hosts meetings at their booth, not at %(table)s")
                        % {
                            "person": registrations[registration_id].user.full_name,
                            "table": placement.table.name if placement.table else "—",
                        },
                    )
                )
            busy[(registration_id, slot.pk)].append(placement.meeting_id)
            if placement.table is not None:
                agenda[registration_id].append(placement)
            if slot.session_id in absent.get(registration_id, set()):
                conflicts.append(
                    Conflict(
                        "unavailable",
                        placement.meeting_id,
                        _("%(person)s is not available in %(session)s")
                        % {
                            "person": registrations[registration_id].user.full_name,
                            "session": slot.session.name,
                        },
                    )
                )
    for (registration_id, _slot_id), meeting_ids in busy.items():
        if len(meeting_ids) > 1:
            conflicts.append(
                Conflict(
                    "double_booked",
                    meeting_ids[0],
                    _("%(person)s has %(count)s meetings in one slot")
                    % {
                        "person": registrations[registration_id].user.full_name,
                        "count": len(meeting_ids),
                    },
                )
            )
    conflicts.extend(_walks(agenda, travel, registrations))
    for meeting_id in (
        Meeting.objects.filter(event=event, status=Meeting.Status.ACTIVE)
        .exclude(pk__in=planned)
        .values_list("pk", flat=True)
    ):
        conflicts.append(
            Conflict(
                "not_planned",
                meeting_id,
                _("%(names)s: accepted after this plan was made") % {"names": names(meeting_id)},
            )
        )
    return conflicts


def _walks(
    agenda: dict[int, list[Placement]],
    travel: dict[str, dict[str, int]],
    registrations: dict[int, Registration],
) -> list[Conflict]:
    """Each person's consecutive meetings of a day in two halls too far apart for the time between."""
    if not travel:
        return []
    conflicts = []
    for registration_id, placed in agenda.items():
        ordered = sorted(placed, key=lambda p: p.slot.starts_at if p.slot else 0)
        for before, after in pairwise(ordered):
            if before.slot is None or after.slot is None or before.table is None:
                continue
            if after.table is None or before.slot_id == after.slot_id:
                continue
            tight = tight_walk(travel, (before.slot, before.table), (after.slot, after.table))
            if tight is None:
                continue
            conflicts.append(
                Conflict(
                    "walk",
                    after.meeting_id,
                    _(
                        "%(person)s needs %(needed)s min to walk from %(table_from)s "
                        "(%(from)s) to %(table_to)s (%(to)s) and has %(free)s"
                    )
                    % {
                        "person": registrations[registration_id].user.full_name,
                        "needed": tight[0],
                        "free": tight[1],
                        "table_from": before.table.name,
                        "from": before.table.location,
                        "table_to": after.table.name,
                        "to": after.table.location,
                    },
                )
            )
    return conflicts
