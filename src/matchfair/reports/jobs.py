"""The reports' long downloads as background jobs (`matchfair.jobs`): the meetings spreadsheet
and every agenda in one PDF. At 25,000 participants they take minutes (docs/benchmarks.md), too
long for a request; the smaller downloads stay in the request (views.py).

A job's parameters are the organiser scope it covers (`permissions.organiser_scope`, as ids), so
a co-organiser's job lists only its own people, and only someone with the same scope may start
it, follow it and download its file.
"""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from matchfair import permissions
from matchfair.events.models import Event, Organiser
from matchfair.jobs import registry as jobs
from matchfair.jobs.registry import Output, Progress
from matchfair.meetings.domain.plans import latest_release
from matchfair.reports.domain import exports
from matchfair.reports.domain.downloads import record_download
from matchfair.reports.domain.participants import scoped_participants
from matchfair.reports.domain.pdf import agendas_pdf

MEETINGS_XLSX = "reports.meetings_xlsx"
AGENDAS_PDF = "reports.agendas_pdf"


def scope_params(user: Any, event: Event) -> dict[str, Any]:
    """The parameters of a job `user` starts: whose participants it covers (None: everyone's)."""
    organisers = permissions.organiser_scope(user, event)
    return {"organisers": None if organisers is None else sorted(o.pk for o in organisers)}


def may_start(user: Any, job: Any) -> bool:
    """An organiser of the job's event whose scope is the job's: the people it could export
    anyway, through the same job."""
    event = job.event
    if event is None or not permissions.is_organiser(user, event):
        return False
    return job.params == scope_params(user, event)


def _organisers(job: Any) -> list[Organiser] | None:
    ids = job.params.get("organisers")
    return None if ids is None else list(Organiser.objects.filter(event=job.event, pk__in=ids))


def _dashboard(job: Any) -> str:
    return reverse("reports:dashboard", kwargs={"event": job.event.slug})


def run_meetings_xlsx(job: Any, progress: Progress) -> Output:
    event, organisers = job.event, _organisers(job)
    rows = jobs.counted(
        exports.meeting_rows(event, organisers=organisers),
        total=exports.meeting_count(event, organisers=organisers),
        progress=progress,
        finishing=_("Writing the file."),
    )
    table = exports.DataTable(_("Meetings"), exports.meeting_headers(), rows)
    with exports.write_xlsx([table]) as handle:
        content = handle.read()
    return Output(content, f"{event.slug}-meetings.xlsx", exports.XLSX)


def run_agendas_pdf(job: Any, progress: Progress) -> Output:
    event = job.event
    registrations = list(scoped_participants(event, _organisers(job)))
    progress(0, len(registrations))
    content = agendas_pdf(event, latest_release(event), registrations, progress=progress)
    return Output(content, f"{event.slug}-agendas.pdf", "application/pdf")


def meetings_downloaded(job: Any, user: Any) -> None:
    record_download(
        kind="meetings",
        by=user,
        event=job.event,
        organisers=_organisers(job),
        format="xlsx",
        job=job.pk,
    )


def agendas_downloaded(job: Any, user: Any) -> None:
    record_download(
        kind="agendas",
        by=user,
        event=job.event,
        organisers=_organisers(job),
        count=job.progress_total,
        job=job.pk,
    )


def register_kinds() -> None:
    jobs.register(
        MEETINGS_XLSX,
        run=run_meetings_xlsx,
        permission=may_start,
        label=gettext_lazy("Meetings of the latest release (XLSX)"),
        downloaded=meetings_downloaded,
        back=_dashboard,
    )
    jobs.register(
        AGENDAS_PDF,
        run=run_agendas_pdf,
        permission=may_start,
        label=gettext_lazy("Agendas, one PDF to print"),
        downloaded=agendas_downloaded,
        back=_dashboard,
    )
