"""Solver runs: `meetings.domain.solver_runs`."""

from matchfair.meetings.domain.engine_ids import PARTICIPANTS
from matchfair.meetings.domain.instance import build_instance
from matchfair.meetings.domain.plans import release_plan, write_draft
from matchfair.meetings.domain.solver_runs import execute_run, request_solve
from matchfair.meetings.models import SolverRun
from matchfair.scheduling.checker import check
from tests import factories
from tests.meetings.domain.helpers import meet, plan_result, result_for, slots_of


def test_execute_run_solves_into_a_valid_draft(event, ana, jonas, meeting, lead_staff):
    carla = factories.RegistrationFactory(event=event)
    meet(ana, carla)
    meet(jonas, carla)
    run = SolverRun.objects.create(event=event, requested_by=lead_staff, time_limit=2)
    draft = execute_run(run)
    run.refresh_from_db()
    assert (run.status, run.plan_id) == ("done", draft.pk)
    assert draft.stats["scheduled"] == 3
    assert check(build_instance(event), plan_result(draft)).violations == ()


def test_execute_run_runs_once_only(event, meeting, lead_staff):
    run = SolverRun.objects.create(event=event, requested_by=lead_staff, time_limit=1)
    execute_run(run)
    assert execute_run(run) is None
    assert SolverRun.objects.get().status == "done"


def test_request_solve_returns_the_run_under_way(event, lead_staff):
    running = SolverRun.objects.create(event=event, status="running")
    assert request_solve(event=event, by=lead_staff) == running


def test_execute_run_without_tables_reports_the_meeting_unscheduled(event, meeting, lead_staff):
    event.tables.update(is_active=False)
    run = SolverRun.objects.create(event=event, requested_by=lead_staff, time_limit=1)
    draft = execute_run(run)
    [placement] = draft.placements.all()
    assert (placement.slot_id, placement.reason != "") == (None, True)


def test_execute_run_after_a_release_moves_no_meeting_it_need_not(event, ana, jonas, lead_staff):
    people = [ana, jonas] + [factories.RegistrationFactory(event=event) for _ in range(6)]
    for index, first in enumerate(people):
        for second in people[index + 1 :: 2]:
            if second is not people[5] or first is not people[0]:
                meet(first, second)
    execute_run(SolverRun.objects.create(event=event, requested_by=lead_staff, time_limit=2))
    first_release = release_plan(event=event, by=lead_staff, notify=False)
    # A late request between two people who already have meetings.
    meet(people[0], people[5])
    execute_run(SolverRun.objects.create(event=event, requested_by=lead_staff, time_limit=2))
    second_release = release_plan(event=event, by=lead_staff, notify=False)
    before = {p.meeting_id: (p.slot_id, p.table_id) for p in first_release.placements.all()}
    after = {p.meeting_id: (p.slot_id, p.table_id) for p in second_release.placements.all()}
    assert {meeting: after[meeting] for meeting in before} == before
    assert len(after) == len(before) + 1


def test_a_run_whose_started_meetings_break_the_rules_fails_naming_each_problem(
    event, ana, meeting, lead_staff
):
    """The engine checks the instance the web app builds as it checks a document: a meeting
    held in a session its participant has since left cannot stay there, and the run says so."""
    slot = slots_of(event)[0]
    write_draft(event=event, result=result_for(meeting, slot, event.tables.first()), by=lead_staff)
    release_plan(event=event, by=lead_staff, notify=False)
    ana.unavailable_sessions.add(slot.session)
    run = SolverRun.objects.create(
        event=event, requested_by=lead_staff, time_limit=1, lock_before=slot.starts_at
    )
    assert execute_run(run) is None
    run.refresh_from_db()
    assert (run.status, run.error) == (
        "failed",
        f'meetings[0].locked.slot: participant "{PARTICIPANTS.key(ana.pk)}" is not available in it',
    )
