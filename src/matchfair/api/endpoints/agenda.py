"""The personal agenda from the latest released plan: the caller's own, or one their organiser sees."""

from django.http import HttpRequest
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
from matchfair.web import registration_or_404

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
    registration = registration_or_404(
        event,
        pk,
        user=caller(request),
        allowed=permissions.can_see_agenda,
        related=("user", "event"),
    )
    return agenda_out(registration)
