"""Pages of the outcomes app: how my meetings went, their follow-up, my consent, the members'
knowledge page and the organiser's impact report."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair import permissions
from matchfair.meetings.domain.plans import latest_release
from matchfair.meetings.models import Meeting, Placement
from matchfair.outcomes.domain import campaigns, consents, stories
from matchfair.outcomes.domain.breakdowns import (
    COLUMN_LABELS,
    COLUMNS,
    breakdown_headers,
    breakdown_rows,
    breakdowns_of,
)
from matchfair.outcomes.domain.impact import funnel_of, impact_of, impact_rows
from matchfair.outcomes.domain.knowledge import ask_introduction, knowledge
from matchfair.outcomes.domain.ladder import ladder_of, record_step
from matchfair.outcomes.domain.outcomes import (
    count_no_show_questions,
    no_show_questions,
    record_outcome,
)
from matchfair.outcomes.forms import ConsentForm, OutcomeForm, StepForm
from matchfair.outcomes.models import Audience, Outcome, Scope
from matchfair.outcomes.pdf import impact_pdf
from matchfair.reports.domain.downloads import record_download
from matchfair.reports.domain.exports import XLSX, DataTable, write_xlsx
from matchfair.web import (
    event_context,
    organiser_view,
    participant_view,
    report_errors,
    run_domain_call,
)


@participant_view
def my_outcomes(request, event, context):
    """Every meeting of mine that has begun, with whether I said how it went."""
    mine = context["my_registration"]
    release = latest_release(event)
    placements = []
    if release is not None:
        placements = list(
            Placement.objects.filter(
                plan=release,
                slot__starts_at__lte=timezone.now(),
                meeting__participants=mine,
                meeting__status=Meeting.Status.ACTIVE,
            )
            .select_related("slot", "meeting")
            .prefetch_related("meeting__participants__user__organisation")
            .order_by("slot__starts_at")
        )
    answered = dict(
        Outcome.objects.filter(registration=mine).values_list("meeting_id", "took_place")
    )
    rows = [
        (
            placement,
            [p for p in placement.meeting.participants.all() if p.pk != mine.pk],
            answered.get(placement.meeting_id),
        )
        for placement in placements
    ]
    context.update(rows=rows, zone=event.time_zone)
    return render(request, "outcomes/mine.html", context)


def _my_meeting(event, context, pk):
    """The meeting `pk` of the event if the visitor is in it; 404 otherwise, so ids are not probed."""
    mine = context["my_registration"]
    meeting = Meeting.objects.filter(pk=pk, event=event, participants=mine).first()
    if meeting is None:
        raise Http404(_("No such meeting."))
    return meeting


@participant_view
def meeting_outcome(request, event, context, pk):
    meeting = _my_meeting(event, context, pk)
    mine = context["my_registration"]
    outcome = Outcome.objects.filter(meeting=meeting, registration=mine).first()
    here = redirect("outcomes:meeting", event=event.slug, pk=meeting.pk)
    if request.method == "POST":
        form = OutcomeForm(request.POST)
        return run_domain_call(
            request,
            lambda: record_outcome(
                meeting=meeting,
                took_place=form.cleaned_data["took_place"],
                rating=form.cleaned_data["rating"],
                next_steps=form.cleaned_data["next_steps"],
                note=form.cleaned_data["note"],
                by=request.user,
            ),
            success=_("Thank you: your answer is saved."),
            then=here,
            form=form,
        )
    initial = {}
    if outcome is not None:
        initial = {
            "took_place": "yes" if outcome.took_place else "no",
            "rating": str(outcome.rating or ""),
            "next_steps": outcome.next_steps,
            "note": outcome.note,
        }
    ladder = ladder_of(meeting)
    context.update(
        meeting=meeting,
        others=[p for p in meeting.participants.select_related("user") if p.pk != mine.pk],
        outcome=outcome,
        form=OutcomeForm(initial=initial),
        # From my last step, so saving it unchanged moves nothing back.
        step_form=StepForm(initial={"stage": ladder.stages.get(mine.pk)}),
        steps=meeting.follow_up_steps.filter(registration=mine).order_by("-on", "-id"),
        ladder=ladder,
    )
    return render(request, "outcomes/meeting.html", context)


@participant_view
@require_POST
def follow_up(request, event, context, pk):
    meeting = _my_meeting(event, context, pk)
    form = StepForm(request.POST)
    return run_domain_call(
        request,
        lambda: record_step(meeting=meeting, by=request.user, **form.cleaned_data),
        success=_("The step is recorded."),
        then=redirect("outcomes:meeting", event=event.slug, pk=meeting.pk),
        form=form,
    )


@login_required
def consent(request):
    grants = consents.active_grants(request.user)
    context = {
        "scopes": Scope.choices,
        "audiences": Audience.choices,
        "grid": [
            (
                scope,
                label,
                [
                    (audience, audience_label, grants.get((scope, audience)))
                    for audience, audience_label in Audience.choices
                ],
            )
            for scope, label in Scope.choices
        ],
        "history": consents.history(request.user),
        "notice_version": consents.NOTICE_VERSION,
        "months": permissions.retention_months(permissions.clusters_by_user([request.user.pk]))[
            request.user.pk
        ],
        "story_answers": stories.my_answers(request.user),
    }
    return render(request, "outcomes/consent.html", context)


def _consent_change(request, change, success):
    form = ConsentForm(request.POST)
    return run_domain_call(
        request,
        lambda: change(
            user=request.user,
            scope=form.cleaned_data["scope"],
            audience=form.cleaned_data["audience"],
            by=request.user,
        ),
        success=success,
        then=redirect("outcomes:consent"),
        form=form,
    )


@login_required
@require_POST
def consent_grant(request):
    return _consent_change(request, consents.grant, _("Consent given."))


@login_required
@require_POST
def consent_withdraw(request):
    return _consent_change(request, consents.withdraw, _("Consent withdrawn."))


# The knowledge page lists this many shared meetings a page.
KNOWLEDGE_PAGE = 50


@login_required
@require_POST
def consent_renew(request):
    return _consent_change(request, consents.renew, _("Consent renewed."))


@login_required
def knowledge_page(request, event):
    event, context = event_context(request, event)
    if not permissions.can_see_knowledge(request.user):
        raise Http404
    clusters = list(permissions.clusters_of(request.user).select_related("organisation"))
    found = knowledge(request.user, event)
    page = Paginator(found.shown, KNOWLEDGE_PAGE).get_page(request.GET.get("page"))
    context.update(
        knowledge=found,
        page=page,
        rows=found.rows(list(page.object_list)),
        clusters=clusters,
        retention_clusters=[c for c in clusters if permissions.can_set_retention(request.user, c)],
    )
    return render(request, "outcomes/knowledge.html", context)


@login_required
@require_POST
def introduction(request, event, pk):
    event, _context = event_context(request, event)
    if not permissions.can_see_knowledge(request.user):
        raise Http404
    meeting = get_object_or_404(Meeting, pk=pk, event=event)
    back = redirect("outcomes:knowledge", event=event.slug)
    chosen = request.POST.get("member", "")
    member = (
        meeting.participants.select_related("user").filter(pk=int(chosen)).first()
        if chosen.isdigit()
        else None
    )
    if member is None:
        report_errors(request, ValidationError(_("Choose the member to ask.")))
        return back
    try:
        return run_domain_call(
            request,
            lambda: ask_introduction(meeting=meeting, member=member, by=request.user),
            success=_("Your request is sent; they will reply to you by e-mail."),
            then=back,
        )
    except PermissionDenied as error:
        raise Http404 from error


# The impact page lists this many meetings reported as not held, the oldest first.
QUESTIONS_SHOWN = 50


@organiser_view
def impact(request, event, context):
    scope = permissions.organiser_scope(request.user, event)
    found = funnel_of(event, scope=scope)
    context.update(
        impact=impact_of(event, scope=scope, found=found),
        breakdowns=breakdowns_of(event, scope=scope, found=found),
        column_labels=[COLUMN_LABELS[column] for column in COLUMNS],
        questions=no_show_questions(event, scope=scope, limit=QUESTIONS_SHOWN),
        question_count=count_no_show_questions(event, scope=scope),
        responses=campaigns.responses(event, scope=scope),
        can_run_campaigns=permissions.can_run_campaigns(request.user, event),
    )
    return render(request, "outcomes/impact.html", context)


@organiser_view
def impact_xlsx(request, event, context):
    """The funnel on one sheet, then one sheet per breakdown."""
    scope = permissions.organiser_scope(request.user, event)
    found = funnel_of(event, scope=scope)
    headers, rows = impact_rows(
        impact_of(event, scope=scope, found=found), campaigns.responses(event, scope=scope)
    )
    sheets = [DataTable(title=_("Impact"), headers=headers, rows=rows)] + [
        DataTable(
            title=breakdown.title,
            headers=breakdown_headers(breakdown),
            rows=breakdown_rows(breakdown),
        )
        for breakdown in breakdowns_of(event, scope=scope, found=found)
    ]
    record_download(kind="impact", by=request.user, event=event, organisers=scope, format="xlsx")
    return FileResponse(
        write_xlsx(sheets),
        as_attachment=True,
        filename=f"{event.slug}-impact.xlsx",
        content_type=XLSX,
    )


@organiser_view
def impact_pdf_view(request, event, context):
    """The report as a PDF, built in the request (a few dozen rows once counted)."""
    scope = permissions.organiser_scope(request.user, event)
    note = ""
    if scope is not None:
        note = _("For the participants supported by %(organisers)s.") % {
            "organisers": ", ".join(str(organiser.cluster) for organiser in scope)
        }
    found = funnel_of(event, scope=scope)
    content = impact_pdf(
        event,
        impact_of(event, scope=scope, found=found),
        breakdowns_of(event, scope=scope, found=found),
        campaigns.responses(event, scope=scope),
        scope_note=note,
    )
    record_download(kind="impact", by=request.user, event=event, organisers=scope, format="pdf")
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-impact.pdf"'
    return response
