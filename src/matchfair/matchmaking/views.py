"""Suggestion pages: "Suggested for you", and an organiser's view of a supported participant's list."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.matchmaking.domain.suggestions import suggestions_for
from matchfair.matchmaking.reasons import translated
from matchfair.meetings.forms import MeetingRequestForm
from matchfair.web import event_context, participant_view, registration_or_404


def opening_message(suggestion) -> str:
    """The prefilled request message: it says why, in the first reason's words; it can be edited."""
    reason = suggestion.shown_reasons[0] if suggestion.shown_reasons else ""
    name = suggestion.suggested.user.full_name
    if reason:
        return _(
            "Hello %(name)s, Matchfair suggested we meet: %(reason)s. "
            "Would you have half an hour at the event?"
        ) % {"name": name, "reason": reason}
    return _("Hello %(name)s, Matchfair suggested we meet. Would you have half an hour?") % {
        "name": name
    }


def listed(registration):
    """The participant's suggestions, each with its reasons in the reader's language."""
    items = list(suggestions_for(registration))
    for suggestion in items:
        suggestion.shown_reasons = [translated(reason) for reason in suggestion.reasons]
    return items


@participant_view
def suggestions(request, event, context):
    mine = context["my_registration"]
    items = listed(mine)
    for suggestion in items:
        suggestion.request_form = MeetingRequestForm(
            initial={"message": opening_message(suggestion)},
            auto_id=f"id_s{suggestion.suggested_id}_%s",
        )
    context.update(suggestions=items, owner=mine, is_own=True, can_request=mine.is_active)
    return render(request, "matchmaking/suggestions.html", context)


@login_required
def participant_suggestions(request, event, pk):
    """An organiser looks at the suggestions of a participant they support."""
    event, context = event_context(request, event)
    registration = registration_or_404(
        event, pk, user=request.user, allowed=permissions.supports, related=("user", "event")
    )
    context.update(
        suggestions=listed(registration),
        owner=registration,
        is_own=False,
        can_request=False,
    )
    return render(request, "matchmaking/suggestions.html", context)
