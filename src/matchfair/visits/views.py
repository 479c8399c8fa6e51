"""Pages of the visits app: the venue and exhibitors, the delegation, and a member's day."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair import permissions
from matchfair.community.models import Cluster
from matchfair.visits import svg
from matchfair.visits.domain import delegations as domain
from matchfair.visits.domain.day import day_calendar, member_days
from matchfair.visits.domain.delegations import eligible_registrations
from matchfair.visits.domain.planning import request_planning
from matchfair.visits.domain.venue import (
    COLUMNS,
    ImportError_,
    exhibitors,
    import_exhibitors,
    read_csv,
)
from matchfair.visits.forms import (
    PRIORITIES,
    DelegationForm,
    ExhibitorImportForm,
    JointVisitForm,
    MembersForm,
    WishForm,
)
from matchfair.visits.models import (
    Delegation,
    DelegationMember,
    Hall,
    Invitation,
    JointVisit,
    Pavilion,
    Stand,
    Wish,
)
from matchfair.visits.pdf import itinerary_pdf
from matchfair.web import event_context, run_domain_call

# The venue and the exhibitor directory: public pages


def venue(request, event):
    event, context = event_context(request, event)
    query = request.GET.get("q", "").strip()[:100]
    page = Paginator(exhibitors(event, query), 50).get_page(request.GET.get("page"))
    context.update(
        query=query,
        page=page,
        halls=Hall.objects.filter(event=event),
        pavilions=Pavilion.objects.filter(event=event).select_related("event", "hall"),
        plan=svg.floor_plan(event),
    )
    return render(request, "visits/venue.html", context)


def stand(request, event, pk):
    event, context = event_context(request, event)
    found = get_object_or_404(Stand.objects.select_related("hall", "pavilion"), event=event, pk=pk)
    context.update(
        stand=found,
        target=f"stand-{found.pk}",
        mine=domain.memberships_of(request.user, event),
        priorities=PRIORITIES,
        hours=found.hours,
        plan=svg.floor_plan(
            event, highlight=found, title=_("Where to find %(name)s") % {"name": found.exhibitor}
        ),
    )
    return render(request, "visits/stand.html", context)


def pavilion(request, event, pk):
    event, context = event_context(request, event)
    found = get_object_or_404(Pavilion.objects.select_related("hall"), event=event, pk=pk)
    context.update(
        pavilion=found,
        target=f"pavilion-{found.pk}",
        mine=domain.memberships_of(request.user, event),
        priorities=PRIORITIES,
        stands=found.stands.select_related("event").order_by("code"),
        plan=svg.floor_plan(
            event, highlight=found, title=_("Where to find %(name)s") % {"name": found.name}
        ),
    )
    return render(request, "visits/pavilion.html", context)


@login_required
def exhibitor_import(request, event):
    event, context = event_context(request, event, require=permissions.can_manage_event)
    form = ExhibitorImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            rows = read_csv(form.cleaned_data["file"].read())
            result = import_exhibitors(event=event, rows=rows, by=request.user)
        except ImportError_ as error:
            errors = [str(row) for row in error.row_errors]
        except ValidationError as error:
            errors = list(error.messages)
        else:
            messages.success(
                request,
                _("%(created)s stands added, %(updated)s updated.")
                % {"created": result.created, "updated": result.updated},
            )
            return redirect("visits:venue", event=event.slug)
    context.update(form=form, errors=errors, columns=COLUMNS)
    return render(request, "visits/import.html", context, status=400 if errors else 200)


# The delegation: formed by the organiser


def _clusters_for(user, event):
    if permissions.can_manage_event(user, event):
        return Cluster.objects.select_related("organisation")
    ids = [role.cluster_id for role in permissions.organiser_roles(user, event)]
    return Cluster.objects.filter(pk__in=ids).select_related("organisation")


@login_required
def delegations(request, event):
    event, context = event_context(request, event)
    clusters = _clusters_for(request.user, event)
    managed = Delegation.objects.filter(event=event, cluster__in=clusters).select_related(
        "cluster__organisation"
    )
    mine = domain.memberships_of(request.user, event)
    form = DelegationForm(request.POST or None, clusters=clusters, event=event)
    if request.method == "POST":
        if not clusters.exists():
            raise PermissionDenied
        if form.is_valid():
            cluster = form.cleaned_data["cluster"]
            if not permissions.can_form_delegation(request.user, event, cluster.pk):
                raise PermissionDenied
            try:
                created = domain.create_delegation(
                    event=event,
                    cluster=cluster,
                    name=form.cleaned_data["name"],
                    first_day=form.cleaned_data["first_day"],
                    last_day=form.cleaned_data["last_day"],
                    by=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Delegation created. Now choose its members."))
                return redirect(created)
    context.update(managed=managed, mine=mine, form=form, can_form=clusters.exists())
    return render(request, "visits/delegations.html", context)


def _managed(request, event, pk):
    event, context = event_context(request, event)
    delegation = get_object_or_404(
        Delegation.objects.select_related("cluster__organisation", "event"), event=event, pk=pk
    )
    if not permissions.can_manage_delegation(request.user, delegation):
        raise Http404
    return event, context, delegation


@login_required
def delegation(request, event, pk):
    event, context = event_context(request, event)
    found = get_object_or_404(Delegation.objects.select_related("event"), event=event, pk=pk)
    if not permissions.can_manage_delegation(request.user, found):
        member = found.members.filter(registration__user=request.user).first()
        if member is None:
            raise Http404
        return redirect("visits:wishes", event=event.slug, pk=member.pk)
    return _delegation_page(request, context, found)


def _delegation_page(request, context, found, members_form=None, joint_form=None, status=200):
    eligible = eligible_registrations(found.event, found.cluster)
    members = found.members.select_related("registration__user__organisation").prefetch_related(
        "wishes__stand", "wishes__pavilion"
    )
    context.update(
        delegation=found,
        members=members,
        members_form=members_form
        or MembersForm(
            eligible=eligible,
            initial={"members": domain.chosen_registrations(found)},
        ),
        joint_form=joint_form or JointVisitForm(delegation=found),
        joint_visits=found.joint_visits.select_related("stand", "pavilion").prefetch_related(
            "members__registration__user"
        ),
        days=found.days(),
        invitations=found.invitations.exclude(status=Invitation.Status.ACCEPTED).select_related(
            "registration__user__organisation"
        ),
        can_start_trip_report=permissions.can_start_trip_report(request.user, found),
    )
    return render(request, "visits/delegation.html", context, status=status)


@login_required
@require_POST
def delegation_members(request, event, pk):
    event, context, found = _managed(request, event, pk)
    form = MembersForm(request.POST, eligible=eligible_registrations(event, found.cluster))
    if form.is_valid():
        domain.set_members(
            delegation=found, registrations=form.cleaned_data["members"], by=request.user
        )
        messages.success(request, _("Members saved."))
        return redirect(found)
    return _delegation_page(request, context, found, members_form=form, status=400)


@login_required
@require_POST
def joint_visit_new(request, event, pk):
    event, context, found = _managed(request, event, pk)
    form = JointVisitForm(request.POST, delegation=found)
    if form.is_valid():
        data = form.cleaned_data
        try:
            domain.propose_joint_visit(
                delegation=found,
                members=data["members"],
                minutes=data["minutes"],
                priority=data["priority"],
                day=data["day"],
                by=request.user,
                **data["target"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Joint visit proposed."))
            return redirect(found)
    return _delegation_page(request, context, found, joint_form=form, status=400)


@login_required
@require_POST
def joint_visit_remove(request, event, pk, joint):
    event, _context, found = _managed(request, event, pk)
    domain.remove_joint_visit(
        joint=get_object_or_404(JointVisit, delegation=found, pk=joint), by=request.user
    )
    messages.success(request, _("Joint visit removed."))
    return redirect(found)


@login_required
@require_POST
def delegation_plan(request, event, pk):
    event, _context, found = _managed(request, event, pk)
    if not found.members.exists():
        messages.error(request, _("Choose the members first."))
        return redirect(found)
    request_planning(delegation=found, by=request.user)
    messages.success(request, _("The visits are being planned; refresh this page in a moment."))
    return redirect(found)


# The member's wishes and day


def _member(request, event, pk, rule):
    event, context = event_context(request, event)
    member = get_object_or_404(
        DelegationMember.objects.select_related(
            "delegation__event", "registration__user", "delegation__cluster"
        ),
        delegation__event=event,
        pk=pk,
    )
    if not rule(request.user, member):
        raise Http404
    return event, context, member


@login_required
def wishes(request, event, pk):
    event, context, member = _member(request, event, pk, permissions.can_wish)
    form = WishForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        domain.set_wish(
            member=member,
            priority=form.cleaned_data["priority"],
            by=request.user,
            **form.cleaned_data["target"],
        )
        messages.success(request, _("Saved to your visits."))
        return redirect("visits:wishes", event=event.slug, pk=member.pk)
    context.update(
        member=member,
        form=form,
        wishes=member.wishes.select_related(
            "stand__hall", "pavilion__hall", "stand__event", "pavilion__event"
        ),
        joint_visits=member.joint_visits.select_related("stand", "pavilion"),
    )
    return render(request, "visits/wishes.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def wish_remove(request, event, pk, wish):
    event, _context, member = _member(request, event, pk, permissions.can_wish)
    domain.remove_wish(wish=get_object_or_404(Wish, member=member, pk=wish), by=request.user)
    messages.success(request, _("Removed from your visits."))
    return redirect("visits:wishes", event=event.slug, pk=member.pk)


@login_required
def my_day(request, event):
    event, context = event_context(request, event)
    mine = list(domain.memberships_of(request.user, event))
    asked = list(domain.invitations_of(request.user, event))
    if len(mine) == 1 and not asked:
        return redirect("visits:member_day", event=event.slug, pk=mine[0].pk)
    context.update(mine=mine, asked=asked)
    return render(request, "visits/my_day.html", context)


@login_required
def invitation(request, event, pk):
    """The person asked to join a delegation reads what joining means and answers."""
    event, context = event_context(request, event)
    found = get_object_or_404(
        Invitation.objects.select_related("delegation__cluster", "registration__user"),
        delegation__event=event,
        pk=pk,
    )
    if not permissions.can_answer_invitation(request.user, found):
        raise Http404
    if request.method == "POST":
        accept = request.POST.get("answer") == "accept"
        return run_domain_call(
            request,
            lambda: domain.answer_invitation(invitation=found, accept=accept, by=request.user),
            success=_("You joined the delegation.") if accept else _("You declined."),
            then=lambda: redirect("visits:my_day", event=event.slug),
        )
    context.update(invitation=found)
    return render(request, "visits/invitation.html", context)


@login_required
def member_day(request, event, pk):
    event, context, member = _member(request, event, pk, permissions.can_see_itinerary)
    context.update(
        member=member,
        days=member_days(member, viewer=request.user),
        skipped=member.skipped.select_related("stand", "pavilion"),
        is_own=member.registration.user_id == request.user.pk,
        zone=event.time_zone,
    )
    return render(request, "visits/day.html", context)


@login_required
def member_route(request, event, pk, day):
    event, context, member = _member(request, event, pk, permissions.can_see_itinerary)
    try:
        date = dt.date.fromisoformat(day)
    except ValueError as error:
        raise Http404 from error
    found = next((d for d in member_days(member, viewer=request.user) if d.date == date), None)
    if found is None:
        raise Http404
    title = _("Route of %(name)s on %(day)s") % {
        "name": member.registration.user.full_name,
        "day": date_format(date, "l j F"),
    }
    context.update(
        member=member,
        day=found,
        plan=svg.floor_plan(event, route=found.route, title=title),
        title=title,
        zone=event.time_zone,
    )
    return render(request, "visits/route.html", context)


@login_required
def member_ics(request, event, pk):
    event, _context, member = _member(request, event, pk, permissions.can_see_itinerary)
    response = HttpResponse(
        day_calendar(member, member_days(member, viewer=request.user)), content_type="text/calendar"
    )
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-day-{member.pk}.ics"'
    return response


@login_required
def member_pdf(request, event, pk):
    event, _context, member = _member(request, event, pk, permissions.can_see_itinerary)
    response = HttpResponse(
        itinerary_pdf(member, member_days(member, viewer=request.user)),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{event.slug}-itinerary-{member.pk}.pdf"'
    )
    return response
