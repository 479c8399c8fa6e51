"""Meeting requests of the caller: list, send, accept, decline and cancel, through the domain."""

from django.db.models import Q
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Status
from ninja.errors import Throttled

from matchfair import permissions
from matchfair.api.auth import SIGNED_IN
from matchfair.api.endpoints.common import (
    EventSlug,
    Id,
    PagingQuery,
    caller,
    event_or_404,
    my_registration,
    page_of,
    participant_brief,
)
from matchfair.api.errors import errors_on
from matchfair.api.schemas import (
    AnswerIn,
    Error,
    RequestIn,
    RequestOut,
    RequestPage,
    ValidationErrors,
)
from matchfair.events.models import Registration
from matchfair.limits import over_limit, retry_after
from matchfair.meetings.domain.queries import requests_of
from matchfair.meetings.domain.requests import (
    accept_request,
    cancel_request,
    decline_request,
    send_request,
)
from matchfair.meetings.models import MeetingRequest
from matchfair.web import registration_or_404

router = Router(tags=["requests"], auth=SIGNED_IN)

ANSWER_RESPONSES = {200: RequestOut, 401: Error, 403: Error, 404: Error, 422: ValidationErrors}


def request_out(meeting_request: MeetingRequest, *, mine: Registration) -> dict:
    meeting = getattr(meeting_request, "meeting", None)
    return {
        "id": meeting_request.pk,
        "status": meeting_request.status,
        "direction": "outgoing" if meeting_request.sender_id == mine.pk else "incoming",
        "sender": participant_brief(meeting_request.sender),
        "recipient": participant_brief(meeting_request.recipient),
        "message": meeting_request.message,
        "reply": meeting_request.reply,
        "created": meeting_request.created,
        "answered": meeting_request.answered,
        "meeting": meeting.pk if meeting is not None else None,
    }


def _mine_or_404(mine: Registration, pk: int) -> MeetingRequest:
    """A request the caller sent or received; anybody else's does not exist for them."""
    return get_object_or_404(
        MeetingRequest.objects.select_related(
            "sender__user__organisation", "recipient__user__organisation", "meeting"
        ),
        Q(sender=mine) | Q(recipient=mine),
        pk=pk,
        event_id=mine.event_id,
    )


@router.get(
    "/events/{slug}/requests", response={200: RequestPage, 401: Error, 403: Error, 404: Error}
)
def list_requests(request: HttpRequest, slug: EventSlug, paging: PagingQuery):
    """The requests the caller sent and received at this event, the newest first."""
    mine = my_registration(request, event_or_404(slug))
    count, rows = page_of(requests_of(mine).select_related("meeting"), paging)
    return {
        "count": count,
        "page": paging.page,
        "page_size": paging.page_size,
        "items": [request_out(row, mine=mine) for row in rows],
    }


@router.post(
    "/events/{slug}/requests",
    response={
        201: RequestOut,
        401: Error,
        403: Error,
        404: Error,
        422: ValidationErrors,
        429: Error,
    },
)
def create_request(request: HttpRequest, slug: EventSlug, payload: RequestIn):
    """Ask another participant of the event for a meeting (each one mails the recipient, so it
    counts against the meeting-request limit of the pages, not only the API's)."""
    if over_limit(request, "meeting_request", user=caller(request)):
        raise Throttled(retry_after("meeting_request"))
    event = event_or_404(slug)
    mine = my_registration(request, event)
    # A recipient the caller may not see answers like one that does not exist.
    recipient = registration_or_404(
        event,
        payload.recipient,
        user=caller(request),
        allowed=permissions.can_see_participant,
        related=("user__organisation",),
    )
    with errors_on("recipient"):
        created = send_request(
            sender=mine, recipient=recipient, message=payload.message, by=caller(request)
        )
    return Status(201, request_out(created, mine=mine))


@router.post("/events/{slug}/requests/{pk}/accept", response=ANSWER_RESPONSES)
def accept(request: HttpRequest, slug: EventSlug, pk: Id, payload: AnswerIn):
    """The recipient accepts: a meeting is born, to be scheduled at the next release."""
    mine = my_registration(request, event_or_404(slug))
    meeting_request = _mine_or_404(mine, pk)
    accept_request(meeting_request, by=caller(request), reply=payload.reply)
    return request_out(_mine_or_404(mine, pk), mine=mine)


@router.post("/events/{slug}/requests/{pk}/decline", response=ANSWER_RESPONSES)
def decline(request: HttpRequest, slug: EventSlug, pk: Id, payload: AnswerIn):
    """The recipient declines."""
    mine = my_registration(request, event_or_404(slug))
    meeting_request = _mine_or_404(mine, pk)
    decline_request(meeting_request, by=caller(request), reply=payload.reply)
    return request_out(_mine_or_404(mine, pk), mine=mine)


@router.post("/events/{slug}/requests/{pk}/cancel", response=ANSWER_RESPONSES)
def cancel(request: HttpRequest, slug: EventSlug, pk: Id):
    """The sender withdraws an asked request, or either side calls off an accepted meeting."""
    mine = my_registration(request, event_or_404(slug))
    meeting_request = _mine_or_404(mine, pk)
    cancel_request(meeting_request, by=caller(request))
    return request_out(_mine_or_404(mine, pk), mine=mine)
