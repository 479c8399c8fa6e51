"""Solver runs: queueing the optimiser for an event, running it once, and writing its schedule
into the draft (see `plans`)."""

import dataclasses
import datetime as dt
import logging
import time
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair.audit.domain import record
from matchfair.events.models import Event
from matchfair.meetings.domain.instance import (
    build_instance,
    participant_names,
)
from matchfair.meetings.domain.plans import latest_release, released_result, write_draft
from matchfair.meetings.models import Meeting, Plan, SolverRun
from matchfair.scheduling.solver import solve
from matchfair.scheduling.validation import validate

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
    from matchfair.meetings.tasks import run_solver  # noqa: PLC0415 (import cycle)

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
        instance = build_instance(run.event, locked=locked, not_before=run.lock_before)
        validate(instance)
        solved = solve(
            instance,
            time_limit=run.time_limit,
            seed=run.seed,
            progress=report,
            names=participant_names(run.event),
            previous=released_result(run.event),
        )
        result = dataclasses.replace(solved, stats={**solved.stats, "locked": len(locked)})
        plan = write_draft(event=run.event, result=result, by=run.requested_by)
    except Exception as error:
        # The run records the failure for the organiser's page; the draft is left as it was.
        logger.exception("solver run %s failed", run.pk)
        SolverRun.objects.filter(pk=run.pk).update(
            status=SolverRun.Status.FAILED, error=str(error), finished=timezone.now()
        )
        return None
    SolverRun.objects.filter(pk=run.pk).update(
        status=SolverRun.Status.DONE,
        plan=plan,
        finished=timezone.now(),
        progress=dict(result.stats),
    )
    return plan


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
