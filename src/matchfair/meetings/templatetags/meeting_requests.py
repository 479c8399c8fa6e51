"""`{% request_box my_registration participant %}`: the "Meet" part of a participant's page,
the request form or the request already open between the two."""

from django import template

from matchfair.meetings.domain.queries import open_request_between
from matchfair.meetings.forms import MeetingRequestForm

register = template.Library()


@register.inclusion_tag("meetings/_request_box.html", takes_context=True)
def request_box(context, mine, participant):
    return {
        "event": context["event"],
        "participant": participant,
        "open_request": open_request_between(mine, participant),
        "request_form": MeetingRequestForm(),
        "csrf_token": context.get("csrf_token"),
    }
