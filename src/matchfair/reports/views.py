"""Report pages and downloads: the statistics dashboard, CSV/XLSX exports and printable PDFs.

Who sees what is decided in `matchfair.permissions`: `organiser_scope` is None for the lead
(everything) and a co-organiser's own roles otherwise, which every query here is scoped by.
The meetings spreadsheet and all agendas in one PDF are background jobs (`reports/jobs.py`): a
POST starts one and leads to its page in `matchfair.jobs`.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair import permissions
from matchfair.jobs.domain import request_job
from matchfair.meetings.domain.plans import latest_release
from matchfair.ordering import natural_key
from matchfair.reports import jobs
from matchfair.reports.domain import exports
from matchfair.reports.domain.badges import badges_pdf, table_signs_pdf
from matchfair.reports.domain.downloads import record_download
from matchfair.reports.domain.participants import scoped_participants
from matchfair.reports.domain.pdf import agendas_pdf, tables_pdf
from matchfair.reports.domain.statistics import event_statistics, summary_rows
from matchfair.reports.figures import figures_for
from matchfair.web import event_context, registration_or_404

CSV = "text/csv; charset=utf-8"
XLSX = exports.XLSX
FORMATS = ("csv", "xlsx")


def _reports_context(request, slug):
    event, context = event_context(
        request,
        slug,
        require=permissions.is_organiser,
        refusal=_("Only the event's organisers can see its reports."),
    )
    return event, context, permissions.organiser_scope(request.user, event)


def _attachment(response, filename: str):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _pdf(body: bytes, filename: str) -> HttpResponse:
    return _attachment(HttpResponse(body, content_type="application/pdf"), filename)


def _start(request, slug, kind):
    """Start the job `kind` for the visitor's scope (or join the same one under way), then
    show its page."""
    event, _context, _organisers = _reports_context(request, slug)
    job = request_job(
        kind=kind, event=event, by=request.user, params=jobs.scope_params(request.user, event)
    )
    return redirect("jobs:detail", pk=job.pk)


@login_required
def dashboard(request, event):
    event, context, organisers = _reports_context(request, event)
    sections = []
    if organisers is None:
        statistics = event_statistics(event, named=True)
        sections.append((_("The whole event"), "all", statistics))
    else:
        sections.append((_("The whole event, in aggregate"), "all", event_statistics(event)))
        sections.append(
            (
                _("Your participants"),
                "own",
                event_statistics(event, organisers=organisers, named=True),
            )
        )
    context.update(
        sections=[
            {
                "title": title,
                "key": key,
                "statistics": statistics,
                "summary": summary_rows(statistics),
                "figures": figures_for(statistics, key),
            }
            for title, key, statistics in sections
        ],
        plan=sections[0][2].plan,
        is_lead=organisers is None,
        tables=sorted(event.tables.all(), key=lambda table: natural_key(table.name))
        if organisers is None
        else [],
    )
    return render(request, "reports/dashboard.html", context)


@login_required
def meetings_export(request, event, fmt):
    """The meetings as CSV, streamed: the first rows leave at once. The XLSX is a job."""
    event, _context, organisers = _reports_context(request, event)
    if fmt != "csv":
        raise Http404
    record_download(
        kind="meetings", by=request.user, event=event, organisers=organisers, format=fmt
    )
    rows = exports.meeting_rows(event, organisers=organisers)
    response = StreamingHttpResponse(
        exports.csv_lines(rows, exports.meeting_headers()), content_type=CSV
    )
    return _attachment(response, f"{event.slug}-meetings.csv")


@login_required
@require_POST
def meetings_xlsx(request, event):
    return _start(request, event, jobs.MEETINGS_XLSX)


@login_required
def statistics_export(request, event, fmt):
    event, _context, organisers = _reports_context(request, event)
    if fmt not in FORMATS:
        raise Http404
    if organisers is None:
        tables = exports.statistics_tables(event_statistics(event, named=True))
    else:
        tables = exports.statistics_tables(
            event_statistics(event), prefix=_("Event") + " – "
        ) + exports.statistics_tables(
            event_statistics(event, organisers=organisers, named=True), prefix=_("Yours") + " – "
        )
    record_download(
        kind="statistics", by=request.user, event=event, organisers=organisers, format=fmt
    )
    filename = f"{event.slug}-statistics.{fmt}"
    if fmt == "csv":
        response = StreamingHttpResponse(exports.tables_csv_lines(tables), content_type=CSV)
        return _attachment(response, filename)
    return FileResponse(
        exports.write_xlsx(tables), as_attachment=True, filename=filename, content_type=XLSX
    )


def _participant(request, slug, pk, allowed):
    event, _context = event_context(request, slug)
    registration = registration_or_404(
        event, pk, user=request.user, allowed=allowed, related=("user__organisation", "event")
    )
    return event, registration


@login_required
def participant_agenda_pdf(request, event, pk):
    event, registration = _participant(request, event, pk, permissions.can_see_agenda)
    if registration.user_id != request.user.pk:
        record_download(
            kind="agenda", by=request.user, event=event, organisers=None, subject=registration
        )
    body = agendas_pdf(event, latest_release(event), [registration])
    return _pdf(body, f"{event.slug}-agenda-{registration.pk}.pdf")


@login_required
def participant_badge_pdf(request, event, pk):
    event, registration = _participant(request, event, pk, permissions.supports)
    record_download(
        kind="badge", by=request.user, event=event, organisers=None, subject=registration
    )
    return _pdf(badges_pdf(event, [registration]), f"{event.slug}-badge-{registration.pk}.pdf")


@login_required
@require_POST
def agendas_all_pdf(request, event):
    return _start(request, event, jobs.AGENDAS_PDF)


@login_required
def badges_all_pdf(request, event):
    event, _context, organisers = _reports_context(request, event)
    registrations = list(scoped_participants(event, organisers))
    record_download(
        kind="badges", by=request.user, event=event, organisers=organisers, count=len(registrations)
    )
    return _pdf(badges_pdf(event, registrations), f"{event.slug}-badges.pdf")


def _tables(request, slug):
    event, _context = event_context(request, slug)
    if not permissions.can_manage_event(request.user, event):
        raise PermissionDenied(_("Only the lead organiser's staff can print table documents."))
    tables = event.tables.filter(is_active=True).select_related("booth_of__user__organisation")
    chosen = request.GET.get("table", "")
    if chosen:
        if not chosen.isdigit():
            raise Http404
        tables = event.tables.filter(pk=int(chosen)).select_related("booth_of__user__organisation")
        if not tables:
            raise Http404
    return event, sorted(tables, key=lambda table: natural_key(table.name))


@login_required
def table_agendas_pdf(request, event):
    event, tables = _tables(request, event)
    body = tables_pdf(event, latest_release(event), tables)
    suffix = f"-{tables[0].pk}" if request.GET.get("table") else ""
    return _pdf(body, f"{event.slug}-table-agendas{suffix}.pdf")


@login_required
def table_signs(request, event):
    event, tables = _tables(request, event)
    suffix = f"-{tables[0].pk}" if request.GET.get("table") else ""
    return _pdf(table_signs_pdf(event, tables), f"{event.slug}-table-signs{suffix}.pdf")
