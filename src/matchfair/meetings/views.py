"""Meeting pages: requests, the personal agenda and its calendar file, and the organiser's console."""

import hashlib
from functools import partial

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair import permissions
from matchfair.events.models import Registration
from matchfair.limits import limited
from matchfair.meetings.domain.agenda import agenda_calendar, agenda_for, timeline
from matchfair.meetings.domain.conflicts import plan_conflicts, summary
from matchfair.meetings.domain.plans import latest_release, moved_since_release, release_plan
from matchfair.meetings.domain.queries import REQUEST_TABS, requests_by_tab
from matchfair.meetings.domain.requests import (
    accept_request,
    cancel_request,
    decline_request,
    send_request,
)
from matchfair.meetings.domain.solver_runs import request_solve
from matchfair.meetings.forms import AnswerForm, MeetingRequestForm, ReleaseForm, ScheduleForm
from matchfair.meetings.models import MeetingRequest, Plan, SolverRun
from matchfair.web import (
    event_context,
    manager_view,
    participant_view,
    registration_or_404,
    report_errors,
    run_domain_call,
)


@participant_view
def requests_view(request, event, context):
    """The participant's requests in four tabs; the tab is a link (?tab=), so no script is needed."""
    tabs = requests_by_tab(context["my_registration"])
    current = request.GET.get("tab", "")
    if current not in tabs:
        # Without a choice, the first tab with something in it: usually what waits for an answer.
        current = next((tab for tab in REQUEST_TABS if tabs[tab]), REQUEST_TABS[0])
    labels = {
        "waiting": _("Waiting for me"),
        "sent": _("Sent"),
        "accepted": _("Accepted"),
        "declined": _("Declined"),
    }
    context.update(
        tabs=[(tab, labels[tab], len(tabs[tab])) for tab in REQUEST_TABS],
        current_tab=current,
        shown=tabs[current],
        answer_form=AnswerForm(),
    )
    return render(request, "meetings/requests.html", context)


@participant_view
@require_POST
@limited("meeting_request")
def send(request, event, context, pk):
    # A recipient the sender may not see answers like one that does not exist.
    recipient = registration_or_404(
        event, pk, user=request.user, allowed=permissions.can_see_participant
    )
    form = MeetingRequestForm(request.POST)
    return run_domain_call(
        request,
        lambda: send_request(
            sender=context["my_registration"],
            recipient=recipient,
            message=form.cleaned_data["message"],
            by=request.user,
        ),
        form=form,
        success=_("Your request was sent to %(name)s.") % {"name": recipient.user.full_name},
        then=redirect(recipient.get_absolute_url()),
    )


def _answer(request, event, pk, action):
    meeting_request = get_object_or_404(
        MeetingRequest.objects.select_related("sender__user", "recipient__user"), pk=pk, event=event
    )
    form = AnswerForm(request.POST)
    reply = form.cleaned_data["reply"] if form.is_valid() else ""
    if action == "accept":
        call = partial(accept_request, meeting_request, by=request.user, reply=reply)
        success = _(
            "Accepted. The meeting will get a time and table when the schedule is released."
        )
    elif action == "decline":
        call = partial(decline_request, meeting_request, by=request.user, reply=reply)
        success = _("Declined.")
    else:
        call = partial(cancel_request, meeting_request, by=request.user)
        success = _("Cancelled.")
    return run_domain_call(
        request, call, success=success, then=redirect("meetings:requests", event=event.slug)
    )


@participant_view
@require_POST
def accept(request, event, _context, pk):
    return _answer(request, event, pk, "accept")


@participant_view
@require_POST
def decline(request, event, _context, pk):
    return _answer(request, event, pk, "decline")


@participant_view
@require_POST
def cancel(request, event, _context, pk):
    return _answer(request, event, pk, "cancel")


def _render_agenda(request, event, context, registration):
    release = latest_release(event)
    now = timezone.now()
    context.update(
        release=release,
        days=timeline(agenda_for(registration, release), now=now, zone=event.zone),
        zone=event.time_zone,
        owner=registration,
        is_own=registration.user_id == request.user.pk,
        now=now,
    )
    return render(request, "meetings/agenda.html", context)


# Seconds a rendered agenda page is reused. A release or a cancellation shows at once (the
# event's agenda_version is in the key); other people's renamed profiles within this time.
AGENDA_CACHE_SECONDS = 60


def _agenda_cache_key(request, event):
    """Per session and CSRF cookie (the page carries a CSRF token and the visitor's menu), per
    language and per agenda version; None when the page must not come from the cache."""
    csrf = request.COOKIES.get(settings.CSRF_COOKIE_NAME)
    if not (csrf and request.session.session_key) or len(messages.get_messages(request)):
        return None
    parts = "|".join([request.session.session_key, csrf, get_language(), request.get_full_path()])
    digest = hashlib.sha256(parts.encode()).hexdigest()
    return f"agenda:{event.pk}:{event.agenda_version}:{digest}"


@participant_view
def agenda(request, event, context):
    """The visitor's own agenda: the page participants reload most, so it is cached."""
    key = _agenda_cache_key(request, event)
    if key is not None:
        page = cache.get(key)
        if page is not None:
            return HttpResponse(page)
    response = _render_agenda(request, event, context, context["my_registration"])
    if key is not None and response.status_code == 200:
        cache.set(key, response.content, AGENDA_CACHE_SECONDS)
    return response


@login_required
def participant_agenda(request, event, pk):
    """An organiser looks at the agenda of a participant they support."""
    event, context = event_context(request, event)
    registration = registration_or_404(
        event, pk, user=request.user, allowed=permissions.can_see_agenda
    )
    return _render_agenda(request, event, context, registration)


@participant_view
def agenda_ics(request, event, context):
    registration = context["my_registration"]
    body = agenda_calendar(registration, agenda_for(registration))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    filename = f"{event.slug}-{slugify(registration.user.full_name)}.ics"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@manager_view
def console(request, event, context):
    draft = event.plans.filter(kind=Plan.Kind.DRAFT).first()
    conflicts = plan_conflicts(draft) if draft else []
    blocking = [conflict for conflict in conflicts if conflict.blocking]
    # Cancelled meetings need no confirmation: the release leaves them out by itself.
    soft = [c for c in conflicts if not c.blocking and c.kind != "cancelled"]
    release = latest_release(event)
    run = event.solver_runs.first()
    # The form starts from the last run's settings, so a second run with another seed or
    # more time changes only what the organiser changes.
    last = {"time_limit": run.time_limit, "seed": run.seed} if run else {}
    context.update(
        draft=draft,
        release=release,
        blocking=blocking,
        moved=moved_since_release(draft) if draft and release else None,
        releases=event.plans.filter(kind=Plan.Kind.RELEASE).order_by("-version")[:10],
        conflicts=conflicts,
        run=run,
        schedule_form=ScheduleForm(
            initial={"time_limit": settings.SCHEDULE_TIME_LIMIT, "seed": 0, **last}
        ),
        release_form=ReleaseForm(initial={"notify": True}, soft=summary(soft)),
        counts={
            "participants": event.registrations.filter(
                status=Registration.Status.VALIDATED
            ).count(),
            "accepted": event.meetings.filter(status="active").count(),
            "asked": event.meeting_requests.filter(status=MeetingRequest.Status.ASKED).count(),
            # Counted from the plan itself: the engine's stats do not say, and hand edits change it.
            "unscheduled": sum(conflict.kind == "unscheduled" for conflict in conflicts),
        },
    )
    return render(request, "meetings/console.html", context)


@manager_view
@require_POST
def schedule(request, event, context):
    form = ScheduleForm(request.POST)
    if not form.is_valid():
        report_errors(request, form)
        return redirect("meetings:console", event=event.slug)
    run = request_solve(
        event=event,
        by=request.user,
        time_limit=form.cleaned_data["time_limit"],
        seed=form.cleaned_data.get("seed") or 0,
    )
    run.refresh_from_db()
    if run.status == SolverRun.Status.DONE:
        messages.success(
            request, _("The draft schedule is ready. Review it below, then release it.")
        )
    elif run.status == SolverRun.Status.FAILED:
        messages.error(request, _("The optimiser failed: %(error)s") % {"error": run.error})
    else:
        messages.info(request, _("The optimiser is running; this page shows its progress."))
    return redirect("meetings:console", event=event.slug)


@manager_view
def run_status(request, event, context, pk):
    context["run"] = get_object_or_404(SolverRun, pk=pk, event=event)
    return render(request, "meetings/_run_status.html", context)


@manager_view
@require_POST
def release(request, event, context):
    form = ReleaseForm(request.POST)
    return run_domain_call(
        request,
        lambda: release_plan(event=event, by=request.user, **form.cleaned_data),
        form=form,
        success=lambda plan: _("Released as version %(version)s.") % {"version": plan.version},
        then=redirect("meetings:console", event=event.slug),
    )
