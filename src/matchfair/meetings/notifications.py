"""What participants are told about their requests and plans; mail leaves only after the commit."""

from typing import Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from matchfair.community.tasks import deliver_mail


def _queue(user: Any, template: str, context: dict[str, Any]) -> None:
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {**context, "user": user, "site_url": settings.SITE_URL}
        subject = render_to_string(f"meetings/mail/{template}_subject.txt", context).strip()
        body = render_to_string(f"meetings/mail/{template}.txt", context)
    transaction.on_commit(lambda: deliver_mail.delay(to=[user.email], subject=subject, body=body))


def request_received(meeting_request: Any) -> None:
    url = reverse("meetings:requests", kwargs={"event": meeting_request.event.slug})
    _queue(
        meeting_request.recipient.user,
        "request_received",
        {"request": meeting_request, "url": url},
    )


def request_answered(meeting_request: Any) -> None:
    url = reverse("meetings:requests", kwargs={"event": meeting_request.event.slug})
    _queue(
        meeting_request.sender.user, "request_answered", {"request": meeting_request, "url": url}
    )


def request_cancelled(meeting_request: Any, *, by: Any) -> None:
    other = (
        meeting_request.recipient
        if meeting_request.sender.user_id == by.pk
        else meeting_request.sender
    )
    url = reverse("meetings:requests", kwargs={"event": meeting_request.event.slug})
    _queue(other.user, "request_cancelled", {"request": meeting_request, "by": by, "url": url})


def agenda_changed(registration: Any, *, plan: Any, changes: list[str]) -> None:
    url = reverse("meetings:agenda", kwargs={"event": registration.event.slug})
    _queue(
        registration.user,
        "agenda_changed",
        {"registration": registration, "plan": plan, "changes": changes, "url": url},
    )
