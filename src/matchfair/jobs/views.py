"""A job's page: its progress while it runs (polled with htmx), then its file or its error.

Whoever may start a job of that kind with the same parameters (the kind's `permission`) may
follow it and download its file; anyone else gets a 404, as if there were no such job.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from matchfair.jobs import registry
from matchfair.jobs.domain import retry_job
from matchfair.jobs.models import Job
from matchfair.jobs.registry import JobKind


def _job(request: HttpRequest, pk: int) -> tuple[Job, JobKind]:
    job = get_object_or_404(Job.objects.select_related("event", "requested_by"), pk=pk)
    try:
        kind = registry.get(job.kind)
    except LookupError:
        raise Http404 from None
    if not kind.permission(request.user, job):
        raise Http404
    return job, kind


def _context(job: Job, kind: JobKind) -> dict:
    return {
        "job": job,
        "label": kind.label or job.kind,
        "back": kind.back(job) if kind.back is not None else "",
        "display_zone": getattr(job.event, "time_zone", None) or "UTC",
    }


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    job, kind = _job(request, pk)
    return render(request, "jobs/job.html", _context(job, kind))


@login_required
def status(request: HttpRequest, pk: int) -> HttpResponse:
    job, kind = _job(request, pk)
    return render(request, "jobs/_job_status.html", _context(job, kind))


@login_required
def download(request: HttpRequest, pk: int) -> FileResponse:
    job, kind = _job(request, pk)
    if job.status != Job.Status.DONE or not job.result:
        raise Http404
    try:
        handle = job.result.open("rb")
    except FileNotFoundError:  # deleted from the storage behind the job's back
        raise Http404 from None
    if kind.downloaded is not None:
        kind.downloaded(job, request.user)
    return FileResponse(
        handle,
        as_attachment=True,
        filename=job.result_filename,
        content_type=job.content_type,
    )


@login_required
@require_POST
def retry(request: HttpRequest, pk: int) -> HttpResponse:
    job, _kind = _job(request, pk)
    try:
        job = retry_job(job=job, by=request.user)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    return redirect("jobs:detail", pk=job.pk)
