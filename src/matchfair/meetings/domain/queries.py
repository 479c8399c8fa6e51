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


# The requests page's tabs, in the order shown: what waits for an answer from the reader first.
REQUEST_TABS = ("waiting", "sent", "accepted", "declined")


def requests_by_tab(registration: Registration) -> dict[str, list[MeetingRequest]]:
    """The participant's requests sorted into the requests page's tabs, newest first.

    "waiting" are requests asked of them and not answered; "sent" are theirs, not answered;
    "accepted" are agreed meetings either way; "declined" holds the declined and the withdrawn
    or called off ones, so nothing a participant sent or received is ever missing from the page.
    """
    tabs: dict[str, list[MeetingRequest]] = {tab: [] for tab in REQUEST_TABS}
    for item in requests_of(registration):
        if item.status == MeetingRequest.Status.ASKED:
            tabs["waiting" if item.recipient_id == registration.pk else "sent"].append(item)
        elif item.status == MeetingRequest.Status.ACCEPTED:
            tabs["accepted"].append(item)
        else:
            tabs["declined"].append(item)
    return tabs
