"""Solving an event's schedule into its draft plan, and releasing the draft as an immutable snapshot."""

import dataclasses
import datetime as dt
import logging
import time
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair.audit.domain import record
from matchfair.events.models import Event, Registration
from matchfair.meetings import notifications
from matchfair.meetings.domain.instance import (
    build_instance,
    key_id,
    meeting_key,
    participant_names,
    slot_key,
    table_key,
)
from matchfair.meetings.domain.versions import agendas_changed
from matchfair.meetings.models import Meeting, Placement, Plan, SolverRun
from matchfair.meetings.signals import plan_released
from matchfair.scheduling.contract import dump_result, parse_instance
from matchfair.scheduling.model import Assignment, Result
from matchfair.scheduling.solver import solve

logger = logging.getLogger(__name__)


def request_solve(
    *,
    event: Event,
    by: Any,
    time_limit: float | None = None,
    seed: int = 0,
    now: dt.datetime | None = None,
) -> SolverRun:
    """Queue a solver run; a second request while one is under way returns the running one.

    With `now` (re-planning on the day), the meetings of the latest release that have started
    by then are locked in their slot and table, and nothing is put into a slot already begun.
    """
    from matchfair.meetings.tasks import run_solver

    with transaction.atomic():
        # The event's row is the lock: two "Schedule" presses at once, on any process, get one run.
        Event.objects.select_for_update().only("pk").get(pk=event.pk)
        active = event.solver_runs.filter(
            status__in=[SolverRun.Status.QUEUED, SolverRun.Status.RUNNING]
        ).first()
        if active is not None and not _stalled(active):
            return active
        if active is not None:  # its worker died mid-run: record that, then queue a new run
            SolverRun.objects.filter(pk=active.pk).update(
                status=SolverRun.Status.FAILED,
                error=_("The worker running this solve stopped before it finished."),
                finished=timezone.now(),
            )
        run = SolverRun.objects.create(
            event=event,
            requested_by=by,
            time_limit=time_limit or settings.SCHEDULE_TIME_LIMIT,
            seed=seed,
            lock_before=now,
        )
        record(
            action="plan.solve_requested",
            actor=by,
            subject=run,
            event=event,
            lock_before=now.isoformat() if now else None,
        )
        transaction.on_commit(lambda: run_solver.delay(run_id=run.pk))
    return run


# A run still "running" this long after its time limit has lost its worker.
STALLED_AFTER_SECONDS = 600


def _stalled(run: SolverRun) -> bool:
    if run.status != SolverRun.Status.RUNNING or run.started is None:
        return False
    limit = dt.timedelta(seconds=run.time_limit + STALLED_AFTER_SECONDS)
    return timezone.now() - run.started > limit


def execute_run(run: SolverRun) -> Plan | None:
    """Solve outside any transaction, then write the draft in one."""
    claimed = SolverRun.objects.filter(pk=run.pk, status=SolverRun.Status.QUEUED).update(
        status=SolverRun.Status.RUNNING, started=timezone.now()
    )
    if not claimed:  # another worker has it, or it ran already: running twice must not happen
        return None
    run.refresh_from_db()
    last_write = 0.0

    def report(progress: Any) -> None:
        nonlocal last_write
        now = time.monotonic()
        if now - last_write < 1.0:
            return
        last_write = now
        is_record = dataclasses.is_dataclass(progress) and not isinstance(progress, type)
        values = dataclasses.asdict(progress) if is_record else {}
        SolverRun.objects.filter(pk=run.pk).update(progress=values)

    try:
        locked = started_placements(latest_release(run.event), run.lock_before)
        instance = parse_instance(
            build_instance(run.event, locked=locked, not_before=run.lock_before)
        )
        solved = solve(
            instance,
            time_limit=run.time_limit,
            seed=run.seed,
            progress=report,
            names=participant_names(run.event),
            previous=released_result(run.event),
        )
        result = dump_result(
            dataclasses.replace(solved, stats={**solved.stats, "locked": len(locked)})
        )
        plan = write_draft(event=run.event, result=result, by=run.requested_by)
    except Exception as error:
        # The run records the failure for the organiser's page; the draft is left as it was.
        logger.exception("solver run %s failed", run.pk)
        SolverRun.objects.filter(pk=run.pk).update(
            status=SolverRun.Status.FAILED, error=str(error), finished=timezone.now()
        )
        return None
    SolverRun.objects.filter(pk=run.pk).update(
        status=SolverRun.Status.DONE, plan=plan, finished=timezone.now(), progress=result["stats"]
    )
    return plan


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
            Assignment(meeting=meeting_key(meeting), slot=slot_key(slot), table=table_key(table))
            for meeting, slot, table in placed
        ),
        unscheduled=(),
    )


def started_placements(
    plan: Plan | None, now: dt.datetime | None
) -> dict[int, tuple[int, int | None]]:
    """Meetings of `plan` held or under way at `now`: meeting id → (slot id, table id)."""
    if plan is None or now is None:
        return {}
    rows = plan.placements.filter(
        slot__starts_at__lte=now, meeting__status=Meeting.Status.ACTIVE
    ).values_list("meeting_id", "slot_id", "table_id")
    return {meeting: (slot, table) for meeting, slot, table in rows}


def write_draft(*, event: Event, result: dict[str, Any], by: Any) -> Plan:
    with transaction.atomic():
        draft, _created = Plan.objects.select_for_update().get_or_create(
            event=event, kind=Plan.Kind.DRAFT
        )
        draft.placements.all().delete()
        draft.stats = result["stats"]
        draft.created_by = by if by is not None and by.is_authenticated else None
        draft.save(update_fields=["stats", "created_by"])
        Placement.objects.bulk_create(
            [
                Placement(
                    plan=draft,
                    meeting_id=key_id(entry["meeting"]),
                    slot_id=key_id(entry["slot"]),
                    table_id=key_id(entry["table"]),
                )
                for entry in result["assignments"]
            ]
            + [
                Placement(
                    plan=draft, meeting_id=key_id(entry["meeting"]), reason=entry["reason"][:300]
                )
                for entry in result["unscheduled"]
            ],
            batch_size=2000,
        )
        record(
            action="plan.draft_written",
            actor=by,
            subject=draft,
            event=event,
            scheduled=len(result["assignments"]),
            unscheduled=len(result["unscheduled"]),
        )
    return draft


def latest_release(event: Event) -> Plan | None:
    return event.plans.filter(kind=Plan.Kind.RELEASE).order_by("-version").first()


def _agenda_lines(plan: Plan | None) -> dict[int, dict[int, str]]:
    """For each registration: meeting id → a line describing when and where it is."""
    lines: dict[int, dict[int, str]] = defaultdict(dict)
    if plan is None:
        return lines
    placements = plan.placements.filter(slot__isnull=False).select_related("slot", "table")
    zone = plan.event.zone
    people = Meeting.participants.through.objects.filter(
        meeting__placements__plan=plan, meeting__placements__slot__isnull=False
    ).values_list("meeting_id", "registration_id")
    members: dict[int, list[int]] = defaultdict(list)
    for meeting_id, registration_id in people:
        members[meeting_id].append(registration_id)
    for placement in placements:
        if placement.slot is None or placement.table is None:
            continue
        when = placement.slot.starts_at.astimezone(zone).strftime("%a %d %b %H:%M")
        line = f"{when}, {placement.table.name}"
        for registration_id in members[placement.meeting_id]:
            lines[registration_id][placement.meeting_id] = line
    return lines


def release_plan(*, event: Event, by: Any, name: str = "", notify: bool = True) -> Plan:
    """Snapshot the draft as the next release; tell only the people whose agenda changed."""
    with transaction.atomic():
        draft = Plan.objects.select_for_update().filter(event=event, kind=Plan.Kind.DRAFT).first()
        if draft is None:
            raise ValidationError(_("There is no draft to release. Run the scheduler first."))
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


def agenda_changes(previous: Plan | None, current: Plan) -> dict[int, list[str]]:
    """What changed for each participant between two plans, as lines a person can read."""
    before, after = _agenda_lines(previous), _agenda_lines(current)
    cancelled = set(
        Meeting.objects.filter(
            pk__in={meeting for lines in before.values() for meeting in lines},
            status=Meeting.Status.CANCELLED,
        ).values_list("pk", flat=True)
    )
    changes: dict[int, list[str]] = {}
    for registration_id in set(before) | set(after):
        old, new = before.get(registration_id, {}), after.get(registration_id, {})
        lines = []
        for meeting_id in sorted(set(old) | set(new)):
            if meeting_id not in old:
                lines.append(_("New meeting: %(when)s") % {"when": new[meeting_id]})
            elif meeting_id not in new and meeting_id in cancelled:
                lines.append(_("Meeting cancelled: was %(when)s") % {"when": old[meeting_id]})
            elif meeting_id not in new:
                lines.append(_("Meeting removed: was %(when)s") % {"when": old[meeting_id]})
            elif old[meeting_id] != new[meeting_id]:
                lines.append(
                    _("Meeting moved: %(old)s → %(new)s")
                    % {"old": old[meeting_id], "new": new[meeting_id]}
                )
        if lines:
            changes[registration_id] = lines
    return changes
