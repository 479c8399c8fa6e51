"""Events, their sessions and slots, and who the caller is: public reads, like the event pages."""

from django.db.models import Prefetch
from django.http import HttpRequest
from ninja import Router

from matchfair.api.auth import ANYONE, SIGNED_IN
from matchfair.api.endpoints.common import EventSlug, PagingQuery, caller, event_or_404, page_of
from matchfair.api.schemas import Error, EventOut, EventPage, Me, SessionOut
from matchfair.events.models import Event, Session, Slot

router = Router(tags=["events"])


def event_out(event: Event) -> dict:
    return {
        "id": event.pk,
        "slug": event.slug,
        "name": event.name,
        "description": event.description,
        "venue": event.venue,
        "city": event.city,
        "time_zone": event.time_zone,
        "starts_on": event.starts_on,
        "ends_on": event.ends_on,
        "registration_open": event.registration_open,
        "booking_open": event.booking_is_open(),
    }


@router.get("/me", response={200: Me, 401: Error}, auth=SIGNED_IN, tags=["account"])
def me(request: HttpRequest):
    """The account the token or session belongs to, and its registrations."""
    user = caller(request)
    registrations = user.registrations.select_related("event").order_by("-event__starts_on")
    return {
        "id": user.pk,
        "email": user.email,
        "full_name": user.full_name,
        "registrations": [
            {"id": row.pk, "event": row.event.slug, "status": row.status} for row in registrations
        ],
    }


@router.get("/events", response={200: EventPage, 401: Error}, auth=ANYONE)
def list_events(request: HttpRequest, paging: PagingQuery):
    """All events, the latest first."""
    count, rows = page_of(Event.objects.order_by("-starts_on", "pk"), paging)
    return {
        "count": count,
        "page": paging.page,
        "page_size": paging.page_size,
        "items": [event_out(event) for event in rows],
    }


@router.get("/events/{slug}", response={200: EventOut, 401: Error, 404: Error}, auth=ANYONE)
def get_event(request: HttpRequest, slug: EventSlug):
    return event_out(event_or_404(slug))


@router.get(
    "/events/{slug}/sessions",
    response={200: list[SessionOut], 401: Error, 404: Error},
    auth=ANYONE,
    tags=["sessions"],
)
def list_sessions(request: HttpRequest, slug: EventSlug):
    """The event's sessions in time order, each with its slots."""
    event = event_or_404(slug)
    sessions = Session.objects.filter(event=event).prefetch_related(
        Prefetch("slots", queryset=Slot.objects.order_by("starts_at"))
    )
    return [
        {
            "id": session.pk,
            "name": session.name,
            "starts_at": session.starts_at,
            "ends_at": session.ends_at,
            "slot_minutes": session.slot_minutes,
            "is_b2b": session.is_b2b,
            "slots": [
                {"id": slot.pk, "starts_at": slot.starts_at, "ends_at": slot.ends_at}
                for slot in session.slots.all()
            ],
        }
        for session in sessions
    ]
