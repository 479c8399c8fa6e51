"""What participants are told about their requests and plans.

Every message goes through the outbox (`matchfair.outbox`): it is recorded in the same
transaction as the change it reports, under a key that makes it unique, and sent once after the
commit.
"""

from collections.abc import Sequence
from typing import Any

from django.urls import reverse

from matchfair.outbox.domain import queue_message


def _queue(user: Any, template: str, context: dict[str, Any], *, key: str, event: Any) -> None:
    queue_message(
        key=key,
        kind=template,
        user=user,
        template=f"meetings/mail/{template}",
        context=context,
        event=event,
    )


def request_received(meeting_request: Any) -> None:
    url = reverse("meetings:requests", kwargs={"event": meeting_request.event.slug})
    _queue(
        meeting_request.recipient.user,
        "request_received",
        {"request": meeting_request, "url": url},
        key=f"request:{meeting_request.pk}:received",
        event=meeting_request.event,
    )


def request_answered(meeting_request: Any) -> None:
    url = reverse("meetings:requests", kwargs={"event": meeting_request.event.slug})
    _queue(
        meeting_request.sender.user,
        "request_answered",
        {"request": meeting_request, "url": url},
        key=f"request:{meeting_request.pk}:{meeting_request.status}",
        event=meeting_request.event,
    )


def request_cancelled(meeting_request: Any, *, by: Any) -> None:
    other = (
        meeting_request.recipient
        if meeting_request.sender.user_id == by.pk
        else meeting_request.sender
    )
    url = reverse("meetings:requests", kwargs={"event": meeting_request.event.slug})
    _queue(
        other.user,
        "request_cancelled",
        {"request": meeting_request, "by": by, "url": url},
        key=f"request:{meeting_request.pk}:cancelled",
        event=meeting_request.event,
    )


def meeting_cancelled(
    meeting: Any, registration: Any, *, others: list[Any], where: object = None
) -> None:
    """An organiser called a meeting off on the day; the participant hears it at once, with
    when and where it was (`where`, rendered in their language) if it was released."""
    url = reverse("meetings:agenda", kwargs={"event": registration.event.slug})
    _queue(
        registration.user,
        "meeting_cancelled",
        {
            "meeting": meeting,
            "registration": registration,
            "others": others,
            "where": where,
            "url": url,
        },
        key=f"meeting:{meeting.pk}:cancelled:{registration.pk}",
        event=registration.event,
    )


def agenda_changed(registration: Any, *, plan: Any, changes: Sequence[object]) -> None:
    """`changes` are lines rendered in the reader's language when the mail is written."""
    url = reverse("meetings:agenda", kwargs={"event": registration.event.slug})
    _queue(
        registration.user,
        "agenda_changed",
        {"registration": registration, "plan": plan, "changes": changes, "url": url},
        key=f"plan:{plan.pk}:agenda:{registration.pk}",
        event=registration.event,
    )
