"""The organiser's hand changes to the schedule and the event day: moves, cancellations,
no-shows, late requests, re-planning with what has started locked, and removing tables or
sessions after saying which meetings they take with them."""

import re
from collections import defaultdict
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair.bilingual import localised
from matchfair.events.models import Registration, Session, Table
from matchfair.meetings.domain.changes import (
    accept_late_request,
    cancel_meeting,
    move_meeting,
    record_no_show,
    unschedule_meeting,
)
from matchfair.meetings.domain.conflicts import plan_conflicts
from matchfair.meetings.domain.move_options import MovePlanner
from matchfair.meetings.domain.plans import latest_release
from matchfair.meetings.domain.solver_runs import request_solve
from matchfair.meetings.domain.venue_changes import remove_session, remove_table
from matchfair.meetings.forms import MoveForm, NoShowForm, ReplanForm
from matchfair.meetings.models import Meeting, MeetingRequest, Placement, Plan, SolverRun
from matchfair.ordering import natural_key
from matchfair.web import manager_view, report_errors, run_domain_call


def _working_plan(event):
    """The draft the organiser edits, or the latest release when there is no draft yet."""
    return event.plans.filter(kind=Plan.Kind.DRAFT).first() or latest_release(event)


def _current_session(event, sessions, wanted):
    if wanted:
        for session in sessions:
            if str(session.pk) == wanted:
                return session
    now = timezone.now()
    for session in sessions:
        if session.ends_at > now:
            return session
    return sessions[0] if sessions else None


def _current_slot(slots, wanted):
    """The slot asked for, or the one under way or next; the day page shows one slot at a time."""
    for slot in slots:
        if str(slot.pk) == wanted:
            return slot
    now = timezone.now()
    for slot in slots:
        if slot.ends_at > now:
            return slot
    return slots[0] if slots else None


# Requests waiting for an answer, and meetings without a slot, listed on the day page; a
# search by name finds the others.
ASKED_SHOWN = 100
UNPLACED_SHOWN = 100
# Meetings a board search shows across the session's slots.
MATCHES_SHOWN = 200

_TIME = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?$")


def _slot_at(slots, text, zone):
    """The slot of the session starting at a time typed as "11:00", "11.30" or "11"."""
    found = _TIME.match(text)
    if found is None:
        return None
    hour, minute = int(found.group(1)), int(found.group(2) or 0)
    for slot in slots:
        start = slot.starts_at.astimezone(zone)
        if (start.hour, start.minute) == (hour, minute):
            return slot
    return None


def _slot_counts(plan, session) -> dict[int, int]:
    """Slot id → meetings the plan holds in it, for the session's slot buttons (one query)."""
    if plan is None or session is None:
        return {}
    rows = (
        Placement.objects.filter(
            plan=plan, slot__session=session, meeting__status=Meeting.Status.ACTIVE
        )
        .values("slot_id")
        .annotate(meetings=Count("pk"))
    )
    return {row["slot_id"]: row["meetings"] for row in rows}


def _board(request, event, context, session_pk=None):
    """Everything the day page shows; also the htmx partial after each change. The session comes
    from the page's address (a page per session), else from `?session=`, else the one under way
    or next."""
    plan = _working_plan(event)
    sessions = list(event.sessions.filter(is_b2b=True).order_by("starts_at"))
    if session_pk is not None and all(session.pk != session_pk for session in sessions):
        raise Http404
    session = _current_session(
        event,
        sessions,
        str(session_pk or "") or request.GET.get("session") or request.POST.get("session"),
    )
    slots = list(session.slots.order_by("starts_at")) if session is not None else []
    counts = _slot_counts(plan, session)
    place = sessions.index(session) if session is not None else 0
    slot = _current_slot(slots, request.GET.get("slot") or request.POST.get("slot"))
    # One box finds a time (that slot), a person or a table (their meetings in the session).
    search = (request.GET.get("search") or request.POST.get("search") or "").strip()
    at = _slot_at(slots, search, event.zone) if search else None
    if at is not None:
        slot = at
    people_or_table = search if search and at is None else ""
    rows: dict = defaultdict(list)
    matches_count = 0
    find = (request.GET.get("find") or request.POST.get("find") or "").strip()
    waiting_all = Placement.objects.none()
    if plan is not None:
        placements = (
            Placement.objects.filter(plan=plan, meeting__status=Meeting.Status.ACTIVE)
            .select_related("slot", "table", "meeting")
            .prefetch_related(
                "meeting__participants__user", "meeting__no_shows__registration__user"
            )
        )
        if people_or_table:
            found = (
                placements.filter(slot__session=session)
                .filter(
                    Q(meeting__participants__user__full_name__icontains=people_or_table)
                    | Q(table__name__icontains=people_or_table)
                )
                .distinct()
            )
            shown_placements = list(found.order_by("slot__starts_at", "table_id")[:MATCHES_SHOWN])
            matches_count = (
                found.count() if len(shown_placements) == MATCHES_SHOWN else len(shown_placements)
            )
        else:
            shown_placements = list(placements.filter(slot=slot))
        for placement in sorted(
            shown_placements,
            key=lambda p: (p.slot.starts_at, natural_key(p.table.name if p.table else "")),
        ):
            rows[placement.slot].append(placement)
        waiting_all = placements.filter(slot__isnull=True)
    planned = plan.placements.values("meeting_id") if plan is not None else []
    unplanned_all = (
        Meeting.objects.filter(event=event, status=Meeting.Status.ACTIVE)
        .exclude(pk__in=planned)
        .prefetch_related("participants__user")
    )
    if find:
        named = Meeting.objects.filter(participants__user__full_name__icontains=find)
        waiting_all = waiting_all.filter(meeting__in=named.values("pk"))
        unplanned_all = unplanned_all.filter(pk__in=named.values("pk"))
    waiting = list(waiting_all.order_by("meeting_id")[:UNPLACED_SHOWN])
    unplanned = list(unplanned_all.order_by("pk")[: UNPLACED_SHOWN - len(waiting)])
    unplaced_shown = len(waiting) + len(unplanned)
    query = (request.GET.get("q") or request.POST.get("q") or "").strip()
    asked = event.meeting_requests.filter(status=MeetingRequest.Status.ASKED)
    if query:
        asked = asked.filter(
            Q(sender__user__full_name__icontains=query)
            | Q(recipient__user__full_name__icontains=query)
        )
    shown = list(
        asked.select_related("sender__user", "recipient__user").order_by("created")[:ASKED_SHOWN]
    )
    context.update(
        plan=plan,
        sessions=sessions,
        session=session,
        previous_session=sessions[place - 1] if place > 0 else None,
        next_session=sessions[place + 1] if place + 1 < len(sessions) else None,
        slots=slots,
        slot_buttons=[(each, counts.get(each.pk, 0)) for each in slots],
        slot=slot,
        rows=sorted(rows.items(), key=lambda item: item[0].starts_at),
        search=search,
        searching=bool(people_or_table),
        matches_count=matches_count,
        matches_shown=sum(len(placements) for placements in rows.values()),
        waiting=waiting,
        unplanned=unplanned,
        # Counted only when the list is full, as below.
        unplaced_count=(
            waiting_all.count() + unplanned_all.count()
            if unplaced_shown == UNPLACED_SHOWN
            else unplaced_shown
        ),
        unplaced_shown=unplaced_shown,
        find=find,
        conflicts=plan_conflicts(plan) if plan is not None and plan.kind == Plan.Kind.DRAFT else [],
        asked=shown,
        # Counted only when the list is full: otherwise it is the whole count.
        asked_count=asked.count() if len(shown) == ASKED_SHOWN else len(shown),
        query=query,
        replan_form=ReplanForm(initial={"time_limit": 5}),
        run=event.solver_runs.first(),
        zone=event.zone,
        now=timezone.now(),
    )
    return context


@manager_view
def day(request, event, context, pk=None):
    return render(request, "meetings/day.html", _board(request, event, context, session_pk=pk))


def _after_change(request, event, context):
    if request.POST.get("back") == "console":  # a fix offered on the console's release section
        return redirect(reverse("meetings:console", kwargs={"event": event.slug}) + "#release")
    if request.htmx:
        return render(request, "meetings/_day_board.html", _board(request, event, context))
    target = redirect("meetings:day", event=event.slug)
    keep = {key: request.POST.get(key) for key in ("session", "slot", "q", "find", "search")}
    if keep["session"] and keep["slot"]:
        target["Location"] += "?" + urlencode({key: value for key, value in keep.items() if value})
    return target


def _meeting(event, pk):
    return get_object_or_404(
        Meeting.objects.prefetch_related("participants__user"), pk=pk, event=event
    )


@manager_view
def move(request, event, context, pk):
    """Two steps: the slots where all the meeting's people are free, then a free table there,
    with the walks that would be too tight said before anything is saved."""
    meeting = _meeting(event, pk)
    plan = _working_plan(event)
    planner = MovePlanner(meeting=meeting, plan=plan, now=timezone.now())
    candidates = planner.candidate_slots()
    wanted = request.POST.get("slot") or request.GET.get("slot")
    chosen = next((slot for slot in candidates if str(slot.pk) == wanted), None)
    tables = planner.tables(chosen) if chosen is not None else []
    walks = planner.walks(chosen, tables) if chosen is not None else {}
    form = MoveForm(
        request.POST or None,
        slots=candidates,
        tables=tables,
        zone=event.zone,
        tight=frozenset(walks),
    )
    if request.method == "POST":
        if form.is_valid():
            try:
                placement = move_meeting(meeting=meeting, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                report_errors(request, error)
            else:
                messages.success(
                    request,
                    _("Meeting #%(id)s moved to %(slot)s, %(table)s.")
                    % {
                        "id": meeting.pk,
                        "slot": date_format(
                            placement.slot.starts_at.astimezone(event.zone), "D j M H:i"
                        ),
                        "table": localised(placement.table, "name"),
                    },
                )
                return redirect("meetings:day", event=event.slug)
        else:
            report_errors(request, form)
    if wanted and chosen is None and request.method == "GET":
        messages.error(request, _("Someone of this meeting is not free then."))
    context.update(
        meeting=meeting,
        form=form,
        chosen=chosen,
        tables=tables,
        walks=walks,
        options=planner.slots() if chosen is None else [],
        placement=(
            plan.placements.filter(meeting=meeting).select_related("slot", "table").first()
            if plan
            else None
        ),
    )
    return render(request, "meetings/move.html", context)


@manager_view
@require_POST
def unschedule(request, event, context, pk):
    meeting = _meeting(event, pk)
    return run_domain_call(
        request,
        lambda: unschedule_meeting(meeting=meeting, by=request.user),
        success=_("Meeting #%(id)s has no slot now.") % {"id": meeting.pk},
        then=lambda: _after_change(request, event, context),
    )


@manager_view
@require_POST
def cancel(request, event, context, pk):
    meeting = _meeting(event, pk)
    return run_domain_call(
        request,
        lambda: cancel_meeting(meeting=meeting, by=request.user),
        success=_("Meeting #%(id)s is cancelled; its participants are told.") % {"id": meeting.pk},
        then=lambda: _after_change(request, event, context),
    )


@manager_view
@require_POST
def no_show(request, event, context, pk):
    meeting = _meeting(event, pk)
    form = NoShowForm(request.POST)
    registration = None
    if form.is_valid():
        registration = get_object_or_404(
            Registration.objects.select_related("user"),
            pk=form.cleaned_data["registration"],
            event=event,
        )
    return run_domain_call(
        request,
        lambda: record_no_show(
            meeting=meeting,
            registration=registration,
            by=request.user,
            cancel_later=form.cleaned_data["cancel_later"],
        ),
        form=form,
        success=lambda _result: (
            _("%(name)s did not come to meeting #%(id)s.")
            % {"name": registration.user.full_name, "id": meeting.pk}
        ),
        then=lambda: _after_change(request, event, context),
    )


@manager_view
@require_POST
def accept_late(request, event, context, pk):
    meeting_request = get_object_or_404(
        MeetingRequest.objects.select_related("sender__user", "recipient__user", "event"),
        pk=pk,
        event=event,
    )
    return run_domain_call(
        request,
        lambda: accept_late_request(meeting_request, by=request.user),
        success=lambda meeting: (
            _("Accepted as meeting #%(id)s. Place it by hand or re-plan the day.")
            % {"id": meeting.pk}
        ),
        then=lambda: _after_change(request, event, context),
    )


@manager_view
@require_POST
def replan(request, event, context):
    form = ReplanForm(request.POST)
    if not form.is_valid():
        report_errors(request, form)
        return redirect("meetings:day", event=event.slug)
    run = request_solve(
        event=event,
        by=request.user,
        time_limit=form.cleaned_data["time_limit"],
        now=timezone.now(),
    )
    run.refresh_from_db()
    if run.status == SolverRun.Status.DONE:
        stats = run.progress
        messages.success(
            request,
            _(
                "Re-planned: %(locked)s meetings held or under way stayed, %(moved)s other "
                "meetings moved, %(scheduled)s are scheduled. Review the draft, then release it."
            )
            % {
                "locked": stats.get("locked", 0),
                "moved": stats.get("moved_count", 0),
                "scheduled": stats.get("scheduled", 0),
            },
        )
    elif run.status == SolverRun.Status.FAILED:
        messages.error(request, _("The optimiser failed: %(error)s") % {"error": run.error})
    else:
        messages.info(request, _("The optimiser is running; the console shows its progress."))
    return redirect("meetings:day", event=event.slug)


@manager_view
def venue(request, event, context):
    context.update(
        sessions=event.sessions.order_by("starts_at"),
        tables=sorted(
            event.tables.filter(is_active=True), key=lambda table: natural_key(table.name)
        ),
    )
    return render(request, "meetings/venue.html", context)


def _removal(request, event, context, *, thing, remove, label):
    confirm = request.method == "POST" and request.POST.get("confirm") == "yes"
    try:
        affected = remove(by=request.user, confirm=confirm)
    except ValidationError as error:
        report_errors(request, error)
        return redirect("meetings:venue", event=event.slug)
    if confirm:
        messages.success(
            request,
            _("%(thing)s removed; %(count)s meetings are unscheduled in the draft.")
            % {"thing": label, "count": len(affected)},
        )
        return redirect("meetings:venue", event=event.slug)
    context.update(thing=thing, label=label, affected=affected, zone=event.zone)
    return render(request, "meetings/venue_remove.html", context)


@manager_view
def remove_table_view(request, event, context, pk):
    table = get_object_or_404(Table, pk=pk, event=event, is_active=True)
    return _removal(
        request,
        event,
        context,
        thing=table,
        label=_("Table “%(name)s”") % {"name": table.name},
        remove=lambda **kwargs: remove_table(table=table, **kwargs),
    )


@manager_view
def remove_session_view(request, event, context, pk):
    session = get_object_or_404(Session, pk=pk, event=event)
    return _removal(
        request,
        event,
        context,
        thing=session,
        label=_("Session “%(name)s”") % {"name": session.name},
        remove=lambda **kwargs: remove_session(session=session, **kwargs),
    )
