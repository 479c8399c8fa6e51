"""Read-only questions about requests and meetings that several pages ask."""

from django.db.models import Q

from matchfair.events.models import Registration
from matchfair.meetings.models import MeetingRequest


def open_request_between(first: Registration, second: Registration) -> MeetingRequest | None:
    return (
        MeetingRequest.objects.filter(
            event_id=first.event_id,
            pair=MeetingRequest.pair_of(first.pk, second.pk),
            status__in=MeetingRequest.OPEN_STATUSES,
        )
        .select_related("sender__user", "recipient__user")
        .first()
    )


def requests_of(registration: Registration):
    return (
        MeetingRequest.objects.filter(Q(sender=registration) | Q(recipient=registration))
        .select_related(
            "sender__user__organisation",
            "recipient__user__organisation",
            "sender__event",
            "recipient__event",
        )
        .order_by("-created", "-id")
    )
