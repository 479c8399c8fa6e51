"""Background jobs are idempotent and recorded: a task delivered twice solves once, a run whose
worker died is recorded as failed so the organiser can start again. Any database."""

import datetime as dt

import pytest
from django.utils import timezone

from matchfair.audit.models import AuditEntry
from matchfair.meetings.domain.solver_runs import STALLED_AFTER_SECONDS, request_solve
from matchfair.meetings.models import Meeting, Plan, SolverRun
from matchfair.meetings.tasks import run_solver

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(event, ana, jonas):
    meeting = Meeting.objects.create(event=event)
    meeting.participants.set([ana, jonas])
    return meeting


def test_the_solver_task_delivered_twice_makes_one_plan(event, meeting, lead_staff):
    run = SolverRun.objects.create(event=event, requested_by=lead_staff, time_limit=1)
    first = run_solver(run_id=run.pk)
    second = run_solver(run_id=run.pk)
    assert first is not None and second is None
    run.refresh_from_db()
    assert (run.status, run.plan_id) == (SolverRun.Status.DONE, first)
    assert event.solver_runs.count() == 1
    assert Plan.objects.filter(event=event, kind=Plan.Kind.DRAFT).count() == 1
    assert AuditEntry.objects.filter(action="plan.draft_written").count() == 1
    assert Plan.objects.get(pk=first).placements.count() == 1


def test_the_task_of_a_deleted_run_does_nothing(event, meeting, lead_staff):
    run = SolverRun.objects.create(event=event, requested_by=lead_staff, time_limit=1)
    run_id = run.pk
    run.delete()
    assert run_solver(run_id=run_id) is None
    assert not Plan.objects.filter(event=event).exists()


def test_asking_twice_while_a_run_is_queued_gives_the_same_run(event, lead_staff):
    run = SolverRun.objects.create(event=event, requested_by=lead_staff)
    assert request_solve(event=event, by=lead_staff) == run
    assert event.solver_runs.count() == 1


def test_a_run_whose_worker_died_is_recorded_failed_and_a_new_one_queued(event, lead_staff):
    started = timezone.now() - dt.timedelta(seconds=STALLED_AFTER_SECONDS + 30)
    stuck = SolverRun.objects.create(
        event=event,
        requested_by=lead_staff,
        time_limit=20,
        status=SolverRun.Status.RUNNING,
        started=started,
    )
    fresh = request_solve(event=event, by=lead_staff)
    stuck.refresh_from_db()
    assert fresh != stuck
    assert stuck.status == SolverRun.Status.FAILED
    assert "stopped before it finished" in stuck.error and stuck.finished is not None


def test_a_run_still_within_its_time_is_not_taken_for_dead(event, lead_staff):
    running = SolverRun.objects.create(
        event=event,
        requested_by=lead_staff,
        time_limit=20,
        status=SolverRun.Status.RUNNING,
        started=timezone.now() - dt.timedelta(seconds=60),
    )
    assert request_solve(event=event, by=lead_staff) == running
    running.refresh_from_db()
    assert running.status == SolverRun.Status.RUNNING
