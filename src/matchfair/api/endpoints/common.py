"""What every endpoint needs: the caller, the event of the path, the caller's registration, paging."""

from typing import Annotated, Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Path, Query, Schema
from pydantic import Field

from matchfair.events.domain.directory import Listing
from matchfair.events.models import Event, Registration

# Ids are 64-bit; a bigger number must be a 422, not a database overflow.
MAX_ID = 2**63 - 1
MAX_PAGE = 100_000
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"

EventSlug = Annotated[str, Path(pattern=SLUG_PATTERN, max_length=50)]
Id = Annotated[int, Path(ge=1, le=MAX_ID)]
# NUL cannot be stored or searched in PostgreSQL text; refuse it at the door.
SearchQuery = Annotated[str, Query(max_length=200, pattern=r"^[^\x00]*$")]


class Paging(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE)
    page_size: int = Field(20, ge=1, le=100)


PagingQuery = Annotated[Paging, Query()]


def caller(request: HttpRequest) -> Any:
    """The user the request acts as (an AnonymousUser on public reads)."""
    return request.auth  # type: ignore[attr-defined]


def event_or_404(slug: str) -> Event:
    return get_object_or_404(Event, slug=slug)


def my_registration(request: HttpRequest, event: Event) -> Registration:
    """The caller's own registration for the event; without one there is nothing of theirs to show."""
    registration = (
        Registration.objects.filter(event=event, user=caller(request))
        .select_related("user", "event")
        .first()
    )
    if registration is None:
        raise PermissionDenied(_("Register for %(event)s first.") % {"event": event.name})
    return registration


def page_of(queryset: QuerySet | Listing, paging: Paging) -> tuple[int, list]:
    """The total and one page of rows; the queryset or directory listing brings its own
    select/prefetch_related."""
    start = (paging.page - 1) * paging.page_size
    return queryset.count(), list(queryset[start : start + paging.page_size])


def participant_brief(registration: Registration) -> dict:
    organisation = registration.user.organisation
    return {
        "id": registration.pk,
        "name": registration.user.full_name,
        "organisation": organisation.name if organisation is not None else None,
    }
