"""The view helpers every app uses: the event of a URL with the visitor's roles in it, the
decorators that check a page's permission, carrying errors to the next page, and running one
domain call from a POST.

A view built on them reads as a permission, a form and one call::

    @manager_view
    @require_POST
    def cancel(request, event, context, pk):
        meeting = get_object_or_404(Meeting, pk=pk, event=event)
        return run_domain_call(
            request,
            lambda: cancel_meeting(meeting=meeting, by=request.user),
            success=_("Meeting cancelled."),
            then=redirect("meetings:day", event=event.slug),
        )
"""

import functools
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from matchfair import permissions
from matchfair.events.models import Event, Registration


def event_context(request, slug, *, require=None, refusal="") -> tuple[Event, dict[str, Any]]:
    """The event of the URL, and what the navigation needs to know about the visitor's roles in it.

    `require` is an event rule of `matchfair.permissions`, such as `can_manage_event`: a visitor
    it refuses gets a 403 with `refusal` as the reason.
    """
    event = get_object_or_404(Event, slug=slug)
    if require is not None and not require(request.user, event):
        raise PermissionDenied(refusal)
    registration = None
    if request.user.is_authenticated:
        registration = (
            Registration.objects.filter(event=event, user=request.user)
            .select_related("organiser__cluster__organisation")
            .first()
        )
    return event, {
        "event": event,
        "display_zone": event.time_zone,
        "my_registration": registration,
        "can_manage_event": permissions.can_manage_event(request.user, event),
        "is_organiser": permissions.is_organiser(request.user, event),
        # Called by the menu only when a page shows it (a template calls a callable).
        "can_ask_success_story": functools.partial(
            permissions.can_ask_success_story, request.user, event
        ),
    }


def registration_or_404(event, pk, *, user, allowed, related=("user",)) -> Registration:
    """The registration `pk` of `event` if the rule `allowed(user, registration)` lets `user`
    see it. A 404 both when there is none and when it is not the user's to see, so that the
    answer does not tell which ids exist."""
    registration = Registration.objects.select_related(*related).filter(pk=pk, event=event).first()
    if registration is None or not allowed(user, registration):
        raise Http404(_("No such participant."))
    return registration


def event_view(*, require, refusal=""):
    """A page of one event that needs a login and the event rule `require` (else 403).

    The view is called as `view(request, event, context, **url_kwargs)`, with the event and the
    context of `event_context`.
    """

    def decorate(view):
        @login_required
        @functools.wraps(view)
        def wrapper(request, event, **kwargs):
            event, context = event_context(request, event, require=require, refusal=str(refusal))
            return view(request, event, context, **kwargs)

        return wrapper

    return decorate


# Console pages: staff of one of the event's organisers (co-organisers see their own people).
organiser_view = event_view(require=permissions.is_organiser)

# The schedule console, its changes by hand and on the day: the lead organiser's staff only.
manager_view = event_view(
    require=permissions.can_manage_event,
    refusal=gettext_lazy("Only the lead organiser's staff can run the schedule."),
)


def participant_view(view):
    """For pages about the visitor's own registration: it needs a login and a registration.

    The view is called as `view(request, event, context, **url_kwargs)`; a visitor who has not
    registered for the event is sent to the registration page instead.
    """

    @login_required
    @functools.wraps(view)
    def wrapper(request, event, **kwargs):
        event, context = event_context(request, event)
        if context["my_registration"] is None:
            messages.info(request, _("Register for %(event)s first.") % {"event": event.name})
            return redirect("events:register", event=event.slug)
        return view(request, event, context, **kwargs)

    return wrapper


def report_errors(request: HttpRequest, problem: ValidationError | Form) -> None:
    """Carry a domain refusal or a form's errors to the page the user is sent back to; a field's
    errors say which field they are about."""
    if isinstance(problem, ValidationError):
        for text in problem.messages:
            messages.error(request, text)
        return
    for field, errors in problem.errors.items():
        label = problem.fields[field].label if field in problem.fields else None
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else str(error))


def run_domain_call(
    request: HttpRequest,
    call: Callable[[], Any],
    *,
    success: str | Callable[[Any], str],
    then: HttpResponse | Callable[[], HttpResponse],
    form: Form | None = None,
) -> HttpResponse:
    """Run one domain call for a POST and answer with `then`.

    When `form` is given it is validated first and the call runs only if it is valid (the call
    reads `form.cleaned_data`). A refusal of the domain (`ValidationError`) or the form's errors
    become error messages; otherwise `success` (a text, or a function of the call's result) is
    the success message. `then` is the response, or a function that makes it after the call.
    """
    if form is not None and not form.is_valid():
        report_errors(request, form)
    else:
        try:
            result = call()
        except ValidationError as error:
            report_errors(request, error)
        else:
            messages.success(request, success(result) if callable(success) else success)
    return then() if callable(then) else then
