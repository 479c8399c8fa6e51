"""Event pages: the event, registering, the profile and availability, and the directory."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from matchfair import permissions
from matchfair.contacts.domain.access import Where, record_views
from matchfair.events.domain import directory
from matchfair.events.domain.registrations import (
    delete_opportunity,
    register,
    save_opportunity,
    set_availability,
    set_limits,
    update_profile,
)
from matchfair.events.forms import (
    AvailabilityForm,
    DirectoryFilterForm,
    OpportunityForm,
    ProfileForm,
    RegisterForm,
)
from matchfair.events.models import Event, Opportunity, Registration
from matchfair.web import event_context, participant_view

PAGE_SIZE = 24


def event_cards(user) -> dict:
    """The front page's events: those still to come or running, soonest first, then the past
    ones, latest first; and which of them the visitor is registered for."""
    events = list(Event.objects.order_by("starts_on"))
    mine = set()
    if user.is_authenticated:
        mine = set(user.registrations.values_list("event_id", flat=True))
    return {
        "events": [event for event in events if not event.is_over],
        "past_events": [event for event in reversed(events) if event.is_over],
        "mine": mine,
    }


def home(request):
    return render(request, "events/home.html", event_cards(request.user))


def detail(request, event):
    event, context = event_context(request, event)
    context["sessions"] = event.sessions.all()
    context["organisers"] = event.organisers.select_related("cluster__organisation")
    context["participant_count"] = event.registrations.filter(
        status=Registration.Status.VALIDATED
    ).count()
    return render(request, "events/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def register_view(request, event):
    event, context = event_context(request, event)
    if context["my_registration"] is not None:
        return redirect("events:profile", event=event.slug)
    form = RegisterForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            register(event=event, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("You are registered. Now tell others what you offer and look for.")
            )
            return redirect("events:profile", event=event.slug)
    context["form"] = form
    return render(request, "events/register.html", context)


@participant_view
@require_http_methods(["GET", "POST"])
def profile(request, event, context):
    registration = context["my_registration"]
    form = ProfileForm(request.POST or None, instance=registration)
    if request.method == "POST" and form.is_valid():
        fields = {
            name: form.cleaned_data[name]
            for name in ("headline", "description", "share_contact", "max_meetings")
        }
        try:
            update_profile(
                registration=registration,
                by=request.user,
                domains=form.cleaned_data["domains"],
                **fields,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your profile is saved."))
            return redirect("events:profile", event=event.slug)
    context.update(
        form=form,
        opportunity_form=OpportunityForm(),
        opportunities=registration.opportunities.prefetch_related("domains"),
    )
    return render(request, "events/profile.html", context)


@participant_view
@require_http_methods(["GET", "POST"])
def opportunity_edit(request, event, context, pk=None):
    registration = context["my_registration"]
    opportunity = None
    if pk is not None:
        opportunity = get_object_or_404(Opportunity, pk=pk, registration=registration)
    form = OpportunityForm(request.POST or None, instance=opportunity)
    if request.method == "POST" and form.is_valid():
        try:
            save_opportunity(
                registration=registration,
                by=request.user,
                opportunity=opportunity,
                **form.cleaned_data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The opportunity is saved."))
            return redirect("events:profile", event=event.slug)
    context.update(form=form, opportunity=opportunity)
    return render(request, "events/opportunity_form.html", context)


@participant_view
@require_POST
def opportunity_delete(request, event, context, pk):
    opportunity = get_object_or_404(Opportunity, pk=pk, registration=context["my_registration"])
    delete_opportunity(opportunity=opportunity, by=request.user)
    messages.success(request, _("The opportunity is removed."))
    return redirect("events:profile", event=event.slug)


@participant_view
@require_http_methods(["GET", "POST"])
def availability(request, event, context):
    registration = context["my_registration"]
    b2b_sessions = event.sessions.filter(is_b2b=True)
    absent = set(registration.unavailable_sessions.values_list("pk", flat=True))
    form = AvailabilityForm(
        request.POST or None,
        event=event,
        initial={
            "available": [s.pk for s in b2b_sessions if s.pk not in absent],
            "max_in_a_row": registration.max_in_a_row,
            "max_per_day": registration.max_per_day,
            "preferred_days": registration.preferred_days,
        },
    )
    if request.method == "POST" and form.is_valid():
        chosen = {session.pk for session in form.cleaned_data["available"]}
        with transaction.atomic():
            set_availability(
                registration=registration,
                by=request.user,
                unavailable=[session for session in b2b_sessions if session.pk not in chosen],
            )
            set_limits(
                registration=registration,
                by=request.user,
                max_in_a_row=form.cleaned_data["max_in_a_row"],
                max_per_day=form.cleaned_data["max_per_day"],
                preferred_days=form.cleaned_data["preferred_days"],
            )
        messages.success(request, _("Your availability is saved."))
        return redirect("events:availability", event=event.slug)
    context["form"] = form
    return render(request, "events/availability.html", context)


def _filtered_page(request, event, search):
    form = DirectoryFilterForm(request.GET or None, event=event)
    filters: dict = {}
    if form.is_bound:
        # A field with a bad value drops out of cleaned_data; the valid filters still apply.
        form.is_valid()
        filters = form.cleaned_data
    paginator = Paginator(search(event, filters=filters), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return form, page, query.urlencode()


def directory_view(request, event):
    event, context = event_context(request, event)
    form, page, query = _filtered_page(request, event, directory.participants)
    context.update(form=form, page=page, query=query)
    template = "events/_participant_list.html" if request.htmx else "events/directory.html"
    return render(request, template, context)


def opportunities_view(request, event):
    event, context = event_context(request, event)
    form, page, query = _filtered_page(request, event, directory.opportunities)
    context.update(form=form, page=page, query=query)
    template = "events/_opportunity_list.html" if request.htmx else "events/opportunities.html"
    return render(request, template, context)


def participant(request, event, pk):
    event, context = event_context(request, event)
    registration = get_object_or_404(
        Registration.objects.select_related(
            "user__organisation", "organiser__cluster__organisation"
        ).prefetch_related("domains", "opportunities__domains"),
        pk=pk,
        event=event,
    )
    if not permissions.can_see_participant(request.user, registration):
        raise Http404
    mine = context["my_registration"]
    show_contact = permissions.can_see_contact(request.user, registration)
    if show_contact:
        record_views(request.user, event, [registration.user_id], Where.PROFILE)
    context.update(
        participant=registration,
        show_contact=show_contact,
        supports=permissions.supports(request.user, registration),
        is_me=mine is not None and mine.pk == registration.pk,
    )
    return render(request, "events/participant.html", context)
