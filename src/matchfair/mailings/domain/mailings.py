"""Mailings: an organiser writes to a filtered group of participants, previews, then sends once."""

import re
import uuid
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.events.models import Event, Organiser, Registration
from matchfair.mailings.models import Mailing
from matchfair.meetings.models import Meeting, MeetingRequest
from matchfair.outbox.domain import Draft, absolute_url, queue_many, render

PLACEHOLDERS = ("{name}", "{organisation}", "{event}", "{agenda_url}", "{requests_url}")

# The words a letter opens with, in the languages the site speaks.
GREETING = re.compile(
    r"(dear|hello|hi|hey|good (morning|afternoon|evening|day)|greetings)\b"
    r"|здравей|уважаем|скъп|добър ден|драг",  # Bulgarian stems: "Уважаеми", "Уважаема"
    re.IGNORECASE,
)


def audience(
    *, event: Event, audience: str, organiser: Organiser | None = None
) -> QuerySet[Registration]:
    """The validated participants a mailing goes to, in a stable order."""
    people = Registration.objects.filter(event=event, status=Registration.Status.VALIDATED)
    if organiser is not None:
        people = people.filter(organiser=organiser)
    if audience == Mailing.Audience.PENDING:
        people = people.filter(
            pk__in=MeetingRequest.objects.filter(
                event=event, status=MeetingRequest.Status.ASKED
            ).values("recipient_id")
        )
    elif audience == Mailing.Audience.NO_MEETINGS:
        people = people.exclude(
            pk__in=Meeting.participants.through.objects.filter(
                meeting__event=event, meeting__status=Meeting.Status.ACTIVE
            ).values("registration_id")
        )
    elif audience == Mailing.Audience.WITH_MEETINGS:
        people = people.filter(
            pk__in=Meeting.participants.through.objects.filter(
                meeting__event=event, meeting__status=Meeting.Status.ACTIVE
            ).values("registration_id")
        )
    elif audience != Mailing.Audience.ALL:
        raise ValidationError({"audience": _("Choose who receives this mailing.")})
    return people.select_related("user__organisation").order_by("pk")


def allowed_organiser(*, event: Event, by: Any, organiser: Organiser | None) -> Organiser | None:
    """The organiser whose participants `by` may mail, refusing anyone else's."""
    if not permissions.is_organiser(by, event):
        raise PermissionDenied(_("Only the event's organisers can send mailings."))
    if organiser is not None and organiser.event_id != event.pk:
        raise ValidationError({"organiser": _("This organiser does not organise the event.")})
    own = permissions.organiser_scope(by, event)
    if own is None:
        return organiser
    if organiser is None and len(own) == 1:
        return own[0]
    if organiser is None or organiser.pk not in {role.pk for role in own}:
        raise PermissionDenied(_("A co-organiser can only write to its own participants."))
    return organiser


def _fill(text: str, registration: Registration) -> str:
    event = registration.event
    values = {
        "{name}": registration.user.full_name,
        "{organisation}": str(registration.user.organisation or ""),
        "{event}": event.name,
        "{agenda_url}": absolute_url(reverse("meetings:agenda", kwargs={"event": event.slug})),
        "{requests_url}": absolute_url(reverse("meetings:requests", kwargs={"event": event.slug})),
    }
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text


def opens_with_greeting(text: str) -> bool:
    """Whether the organiser's text greets the reader itself ("Dear {name},", "Hello all,")."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return bool(GREETING.match(first)) or (first.endswith(",") and len(first.split()) <= 5)


def personal(*, subject: str, body: str, registration: Registration) -> tuple[str, str]:
    """The mailing as this participant receives it, framed in their own language.

    The frame greets the reader only when the organiser's text does not: one greeting a mail."""
    return render(
        template="mailings/mail/mailing",
        context={
            "subject": _fill(subject, registration),
            "text": _fill(body, registration),
            "greet": not opens_with_greeting(body),
            "registration": registration,
            "event": registration.event,
        },
        user=registration.user,
    )


@dataclass(frozen=True)
class Preview:
    sample: Registration | None
    subject: str
    body: str
    count: int


def preview(
    *,
    event: Event,
    by: Any,
    subject: str,
    body: str,
    audience_name: str,
    organiser: Organiser | None = None,
) -> Preview:
    """The mailing rendered for its first recipient, with how many people it would reach."""
    organiser = allowed_organiser(event=event, by=by, organiser=organiser)
    people = audience(event=event, audience=audience_name, organiser=organiser)
    sample = people.first()
    if sample is None:
        return Preview(None, subject, body, 0)
    rendered_subject, rendered_body = personal(subject=subject, body=body, registration=sample)
    return Preview(sample, rendered_subject, rendered_body, people.count())


def send_mailing(
    *,
    event: Event,
    by: Any,
    subject: str,
    body: str,
    audience_name: str,
    organiser: Organiser | None = None,
    token: uuid.UUID | None = None,
) -> Mailing:
    """Record the mailing and send it in the background; a second submit of one form sends once."""
    organiser = allowed_organiser(event=event, by=by, organiser=organiser)
    if not subject.strip():
        raise ValidationError({"subject": _("Write a subject.")})
    if not body.strip():
        raise ValidationError({"body": _("Write the text of the mailing.")})
    with transaction.atomic():
        if token is not None:
            existing = Mailing.objects.filter(token=token, event=event).first()
            if existing is not None:
                return existing
        people = audience(event=event, audience=audience_name, organiser=organiser)
        mailing = Mailing.objects.create(
            event=event,
            organiser=organiser,
            audience=audience_name,
            subject=subject.strip(),
            body=body.strip(),
            created_by=by,
            recipients=people.count(),
            **({"token": token} if token is not None else {}),
        )
        record(
            action="mailing.sent",
            actor=by,
            subject=mailing,
            event=event,
            audience=audience_name,
            organiser=organiser.pk if organiser else None,
            recipients=mailing.recipients,
        )
        transaction.on_commit(lambda: _fan_out_later(mailing.pk))
    return mailing


def _fan_out_later(mailing_id: int) -> None:
    from matchfair.mailings.tasks import fan_out_mailing  # noqa: PLC0415 (import cycle)

    fan_out_mailing.delay(mailing_id=mailing_id)


def fan_out(mailing_id: int) -> int:
    """One message per recipient, keyed `mailing:<id>:<user id>`; running twice adds none."""
    mailing = Mailing.objects.select_related("event", "organiser").get(pk=mailing_id)
    people = audience(event=mailing.event, audience=mailing.audience, organiser=mailing.organiser)
    with transaction.atomic():
        drafts = []
        for registration in people.iterator(chunk_size=1000):
            registration.event = mailing.event
            subject, body = personal(
                subject=mailing.subject, body=mailing.body, registration=registration
            )
            drafts.append(
                Draft(
                    key=f"mailing:{mailing.pk}:{registration.user_id}",
                    to=registration.user.email,
                    subject=subject,
                    body=body,
                    user=registration.user,
                )
            )
        return queue_many(drafts, kind="mailing", event=mailing.event, batch=mailing.outbox_batch)


def mailings_visible_to(*, event: Event, user: Any) -> QuerySet[Mailing]:
    mailings = Mailing.objects.filter(event=event).select_related("organiser", "created_by")
    own = permissions.organiser_scope(user, event)
    if own is not None:
        mailings = mailings.filter(organiser__in=own)
    return mailings
