"""The organiser's schedule jobs: start a solve and follow its runs (the lead organiser's staff only)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Status

from matchfair import permissions
from matchfair.api.auth import SIGNED_IN
from matchfair.api.endpoints.common import EventSlug, Id, PagingQuery, caller, event_or_404, page_of
from matchfair.api.schemas import Error, SolveIn, SolverRunOut, SolverRunPage, ValidationErrors
from matchfair.events.models import Event
from matchfair.meetings.domain.solver_runs import request_solve
from matchfair.meetings.models import SolverRun

router = Router(tags=["schedule"], auth=SIGNED_IN)


def run_out(run: SolverRun) -> dict:
    return {
        "id": run.pk,
        "status": run.status,
        "time_limit": run.time_limit,
        "seed": run.seed,
        "progress": run.progress if isinstance(run.progress, dict) else {},
        "error": run.error,
        "plan": run.plan_id,
        "created": run.created,
        "started": run.started,
        "finished": run.finished,
    }


def managed_event(request: HttpRequest, slug: str) -> Event:
    event = event_or_404(slug)
    if not permissions.can_manage_event(caller(request), event):
        raise PermissionDenied(_("Only the lead organiser's staff can run the schedule."))
    return event


@router.get(
    "/events/{slug}/schedule/runs",
    response={200: SolverRunPage, 401: Error, 403: Error, 404: Error},
)
def list_runs(request: HttpRequest, slug: EventSlug, paging: PagingQuery):
    """The event's solver runs, the latest first."""
    event = managed_event(request, slug)
    count, rows = page_of(SolverRun.objects.filter(event=event).order_by("-created", "-id"), paging)
    return {
        "count": count,
        "page": paging.page,
        "page_size": paging.page_size,
        "items": [run_out(run) for run in rows],
    }


@router.post(
    "/events/{slug}/schedule/runs",
    response={202: SolverRunOut, 401: Error, 403: Error, 404: Error, 422: ValidationErrors},
)
def start_run(request: HttpRequest, slug: EventSlug, payload: SolveIn):
    """Start the optimiser on the event's accepted meetings; a run under way is returned instead."""
    event = managed_event(request, slug)
    run = request_solve(
        event=event, by=caller(request), time_limit=payload.time_limit, seed=payload.seed
    )
    run.refresh_from_db()
    return Status(202, run_out(run))


@router.get(
    "/events/{slug}/schedule/runs/{pk}",
    response={200: SolverRunOut, 401: Error, 403: Error, 404: Error},
)
def get_run(request: HttpRequest, slug: EventSlug, pk: Id):
    """One run: queued, running (with progress), done (with its draft plan) or failed (with why)."""
    event = managed_event(request, slug)
    return run_out(get_object_or_404(SolverRun, pk=pk, event=event))
