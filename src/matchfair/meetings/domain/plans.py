"""Plans: the event's one draft, written from a solver run or by hand, and its releases, each an
immutable snapshot whose difference from the previous one tells who must be told."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, Max, OuterRef
from django.utils.translation import gettext as _

from matchfair.audit.domain import record
from matchfair.events.models import Event, Registration
from matchfair.meetings import notifications
from matchfair.meetings.domain.conflicts import plan_conflicts, summary
from matchfair.meetings.domain.differences import agenda_changes
from matchfair.meetings.domain.engine_ids import MEETINGS, SLOTS, TABLES
from matchfair.meetings.domain.versions import agendas_changed
from matchfair.meetings.models import Meeting, Placement, Plan
from matchfair.meetings.signals import plan_released
from matchfair.scheduling.model import Assignment, Result


def released_result(event: Event) -> Result | None:
    """The latest release in the engine's terms, so a new solve moves as few meetings as it can."""
    release = latest_release(event)
    if release is None:
        return None
    placed = release.placements.filter(slot__isnull=False, table__isnull=False).values_list(
        "meeting_id", "slot_id", "table_id"
    )
    return Result(
        assignments=tuple(
            Assignment(meeting=MEETINGS.key(meeting), slot=SLOTS.key(slot), table=TABLES.key(table))
            for meeting, slot, table in placed
        ),
        unscheduled=(),
    )


def write_draft(*, event: Event, result: Result, by: Any) -> Plan:
    """Replace the event's draft with the engine's result: a placement for every meeting, with
    its slot and table or the reason it has none."""
    with transaction.atomic():
        draft, _created = Plan.objects.select_for_update().get_or_create(
            event=event, kind=Plan.Kind.DRAFT
        )
        draft.placements.all().delete()
        draft.stats = dict(result.stats)
        draft.created_by = by if by is not None and by.is_authenticated else None
        draft.save(update_fields=["stats", "created_by"])
        Placement.objects.bulk_create(
            [
                Placement(
                    plan=draft,
                    meeting_id=MEETINGS.pk(a.meeting),
                    slot_id=SLOTS.pk(a.slot),
                    table_id=TABLES.pk(a.table),
                )
                for a in result.assignments
            ]
            + [
                Placement(plan=draft, meeting_id=MEETINGS.pk(u.meeting), reason=u.reason[:300])
                for u in result.unscheduled
            ],
            batch_size=2000,
        )
        record(
            action="plan.draft_written",
            actor=by,
            subject=draft,
            event=event,
            scheduled=len(result.assignments),
            unscheduled=len(result.unscheduled),
        )
    return draft


def latest_release(event: Event) -> Plan | None:
    return event.plans.filter(kind=Plan.Kind.RELEASE).order_by("-version").first()


# A refusal names this many problems; the console lists them all.
NAMED_PROBLEMS = 20


def moved_since_release(draft: Plan) -> int:
    """Meetings of the latest release that the draft holds in another slot or at another table.

    Counted from the placements themselves, so hand moves count as well as the engine's."""
    release = latest_release(draft.event)
    if release is None:
        return 0
    same = Placement.objects.filter(
        plan=release,
        meeting_id=OuterRef("meeting_id"),
        slot_id=OuterRef("slot_id"),
        table_id=OuterRef("table_id"),
    )
    was_placed = Placement.objects.filter(
        plan=release, meeting_id=OuterRef("meeting_id"), slot__isnull=False
    )
    return (
        Placement.objects.filter(plan=draft, slot__isnull=False)
        .filter(Exists(was_placed))
        .exclude(Exists(same))
        .count()
    )


def _check_releasable(draft: Plan, *, confirmed: bool) -> None:
    """Refuse a draft that breaks a rule people rely on; ask for a confirmation of the rest."""
    conflicts = plan_conflicts(draft)
    blocking = [conflict for conflict in conflicts if conflict.blocking]
    if blocking:
        named = [f"{conflict.label}: {conflict.message}" for conflict in blocking]
        if len(named) > NAMED_PROBLEMS:
            named = [
                *named[:NAMED_PROBLEMS],
                _("… and %(count)s more, listed in the console.")
                % {"count": len(named) - NAMED_PROBLEMS},
            ]
        raise ValidationError(
            [_("This draft cannot be released until these problems are fixed:"), *named]
        )
    soft = [conflict for conflict in conflicts if conflict.kind != "cancelled"]
    if soft and not confirmed:
        raise ValidationError(
            _("Confirm that you release the draft with these: %(what)s.") % {"what": summary(soft)},
            code="confirm",
        )


def release_plan(
    *, event: Event, by: Any, name: str = "", notify: bool = True, confirmed: bool = False
) -> Plan:
    """Snapshot the draft as the next release; tell only the people whose agenda changed.

    A draft with a blocking conflict is refused, naming each problem; one with only softer
    conflicts (no slot, a tight walk, …) needs `confirmed=True`. Cancelled meetings need
    nothing: the release leaves them out by itself.
    """
    with transaction.atomic():
        draft = Plan.objects.select_for_update().filter(event=event, kind=Plan.Kind.DRAFT).first()
        if draft is None:
            raise ValidationError(_("There is no draft to release. Run the scheduler first."))
        _check_releasable(draft, confirmed=confirmed)
        previous = latest_release(event)
        version = (event.plans.aggregate(top=Max("version"))["top"] or 0) + 1
        release = Plan.objects.create(
            event=event,
            kind=Plan.Kind.RELEASE,
            version=version,
            name=name or _("Release %(version)s") % {"version": version},
            created_by=by,
            stats=draft.stats,
        )
        Placement.objects.bulk_create(
            [
                Placement(
                    plan=release,
                    meeting_id=placement.meeting_id,
                    slot_id=placement.slot_id if active else None,
                    table_id=placement.table_id if active else None,
                    reason=placement.reason if active else _("Cancelled"),
                )
                for placement in draft.placements.select_related("meeting")
                # A meeting called off after the draft was made leaves the released schedule.
                for active in [placement.meeting.status == Meeting.Status.ACTIVE]
            ],
            batch_size=2000,
        )
        changes = agenda_changes(previous, release)
        agendas_changed(event.pk)
        record(
            action="plan.released",
            actor=by,
            subject=release,
            event=event,
            version=version,
            people_changed=len(changes),
        )
        changed = sorted(changes)
        transaction.on_commit(
            lambda: plan_released.send(sender=Event, event=event, plan=release, changed=changed)
        )
        if notify:
            registrations = Registration.objects.filter(pk__in=changes).select_related(
                "user", "event"
            )
            for registration in registrations:
                notifications.agenda_changed(
                    registration, plan=release, changes=changes[registration.pk]
                )
    return release
