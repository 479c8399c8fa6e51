"""Everything wrong with a plan, computed in bulk and returned as data for the organiser to review."""

from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext as _

from matchfair.events.models import Registration, Table
from matchfair.meetings.models import Meeting, Placement, Plan


@dataclass(frozen=True)
class Conflict:
    # unscheduled, unavailable, double_booked, no_table, booth, closed_slot, cancelled, not_planned
    kind: str
    meeting_id: int
    message: str


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

    booths = dict(
        Table.objects.filter(event=event, is_active=True, booth_of__isnull=False).values_list(
            "booth_of_id", "id"
        )
    )
    conflicts: list[Conflict] = []
    busy: dict[tuple[int, int], list[int]] = defaultdict(list)
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
