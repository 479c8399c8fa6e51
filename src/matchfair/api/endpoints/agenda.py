"""The personal agenda from the latest released plan: the caller's own, or one their organiser sees."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router

from matchfair import permissions
from matchfair.api.auth import SIGNED_IN
from matchfair.api.endpoints.common import (
    EventSlug,
    Id,
    caller,
    event_or_404,
    my_registration,
    participant_brief,
)
from matchfair.api.schemas import AgendaOut, Error
from matchfair.events.models import Registration
from matchfair.meetings.domain.agenda import agenda_for
from matchfair.meetings.domain.plans import latest_release

router = Router(tags=["agenda"], auth=SIGNED_IN)
RESPONSES = {200: AgendaOut, 401: Error, 403: Error, 404: Error}


def agenda_out(registration: Registration) -> dict:
    release = latest_release(registration.event)
    return {
        "release": release.version if release is not None else None,
        "time_zone": registration.event.time_zone,
        "items": [
            {
                "meeting": item.meeting.pk,
                "starts_at": item.starts_at,
                "ends_at": item.ends_at,
                "session": item.slot.session.name,
                "table": {
                    "id": item.table.pk,
                    "name": item.table.name,
                    "location": item.table.location,
                },
                "participants": [participant_brief(other) for other in item.others],
            }
            for item in agenda_for(registration, release)
        ],
    }


@router.get("/events/{slug}/agenda", response=RESPONSES)
def my_agenda(request: HttpRequest, slug: EventSlug):
    """The caller's meetings with their times and tables; empty until a plan is released."""
    return agenda_out(my_registration(request, event_or_404(slug)))


@router.get("/events/{slug}/participants/{pk}/agenda", response=RESPONSES)
def participant_agenda(request: HttpRequest, slug: EventSlug, pk: Id):
    """A participant's agenda, for the participant and the organisers who support them."""
    event = event_or_404(slug)
    registration = get_object_or_404(
        Registration.objects.select_related("user", "event"), pk=pk, event=event
    )
    if not permissions.can_see_agenda(caller(request), registration):
        raise PermissionDenied(_("Only this participant and their organisers can see this agenda."))
    return agenda_out(registration)
