"""Background jobs of the meetings app; they take ids and hand over to the domain."""

from celery import shared_task

from matchfair.meetings.domain.solver_runs import execute_run
from matchfair.meetings.models import SolverRun


@shared_task(acks_late=True)
def run_solver(*, run_id: int) -> int | None:
    """Safe to deliver twice: only the delivery that claims the queued run solves it."""
    run = SolverRun.objects.select_related("event", "requested_by").filter(pk=run_id).first()
    if run is None:  # its event was deleted while the task waited in the queue
        return None
    plan = execute_run(run)
    return plan.pk if plan is not None else None
