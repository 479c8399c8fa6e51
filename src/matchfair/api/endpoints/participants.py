"""The participant directory and opportunities of an event, with contact details only where allowed."""

from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router

from matchfair import permissions
from matchfair.api.auth import ANYONE
from matchfair.api.endpoints.common import (
    EventSlug,
    Id,
    PagingQuery,
    SearchQuery,
    caller,
    event_or_404,
    page_of,
)
from matchfair.api.schemas import (
    Error,
    OpportunityPage,
    ParticipantOut,
    ParticipantPage,
)
from matchfair.contacts.domain.access import Where, record_views
from matchfair.events.domain import directory
from matchfair.events.models import Opportunity, Registration

router = Router(tags=["participants"])


def participant_out(registration: Registration, *, show_contact: bool) -> dict:
    user = registration.user
    organisation = user.organisation
    return {
        "id": registration.pk,
        "name": user.full_name,
        "job_title": user.job_title,
        "organisation": organisation
        and {
            "name": organisation.name,
            "kind": organisation.kind,
            "country": str(organisation.country),
            "city": organisation.city,
            "website": organisation.website,
        },
        "headline": registration.headline,
        "description": registration.description,
        "status": registration.status,
        "domains": [domain.slug for domain in registration.domains.all()],
        "opportunities": [
            {"id": item.pk, "kind": item.kind, "title": item.title}
            for item in registration.opportunities.all()
        ],
        "contact": {"email": user.email, "phone": user.phone} if show_contact else None,
    }


@router.get(
    "/events/{slug}/participants",
    response={200: ParticipantPage, 401: Error, 404: Error},
    auth=ANYONE,
)
def list_participants(
    request: HttpRequest, slug: EventSlug, paging: PagingQuery, q: SearchQuery = ""
):
    """Validated participants, by organisation; `q` searches names, organisations and profiles."""
    event = event_or_404(slug)
    count, rows = page_of(directory.participants(event, filters={"q": q}), paging)
    viewer = caller(request)
    visible = permissions.contact_visible(viewer, event, rows)
    record_views(viewer, event, [row.user_id for row in rows if row.pk in visible], Where.API)
    return {
        "count": count,
        "page": paging.page,
        "page_size": paging.page_size,
        "items": [participant_out(row, show_contact=row.pk in visible) for row in rows],
    }


@router.get(
    "/events/{slug}/participants/{pk}",
    response={200: ParticipantOut, 401: Error, 404: Error},
    auth=ANYONE,
)
def get_participant(request: HttpRequest, slug: EventSlug, pk: Id):
    """One participant; one not (yet) validated is shown only to their organisers."""
    event = event_or_404(slug)
    registration = get_object_or_404(
        Registration.objects.select_related("user__organisation", "event").prefetch_related(
            "domains",
            Prefetch("opportunities", queryset=Opportunity.objects.order_by("kind", "title")),
        ),
        pk=pk,
        event=event,
    )
    user = caller(request)
    if not permissions.can_see_participant(user, registration):
        raise Http404
    show_contact = permissions.can_see_contact(user, registration)
    if show_contact:
        record_views(user, event, [registration.user_id], Where.API)
    return participant_out(registration, show_contact=show_contact)


@router.get(
    "/events/{slug}/opportunities",
    response={200: OpportunityPage, 401: Error, 404: Error},
    auth=ANYONE,
    tags=["opportunities"],
)
def list_opportunities(
    request: HttpRequest, slug: EventSlug, paging: PagingQuery, q: SearchQuery = ""
):
    """Offers and requests for cooperation of validated participants."""
    event = event_or_404(slug)
    count, rows = page_of(directory.opportunities(event, filters={"q": q}), paging)
    return {
        "count": count,
        "page": paging.page,
        "page_size": paging.page_size,
        "items": [
            {
                "id": item.pk,
                "kind": item.kind,
                "title": item.title,
                "description": item.description,
                "domains": [domain.slug for domain in item.domains.all()],
                "participant": {
                    "id": item.registration.pk,
                    "name": item.registration.user.full_name,
                    "organisation": str(item.registration.user.organisation or "") or None,
                },
            }
            for item in rows
        ],
    }
