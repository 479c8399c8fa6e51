"""Registrations imported for accounts that exist already: asked, then confirmed or declined by
the owner of the account, never by the organiser who imported them.

Until the owner confirms there is no `Registration` at all, so nothing of the person reaches the
directory, the organiser's console, exports or the API; confirming makes the validated
registration the import would have made.
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.console.models import ImportBatch, PendingRegistration
from matchfair.events.models import Registration
from matchfair.outbox.domain import queue_message
from matchfair.outbox.domain.links import absolute_url


def ask(*, batch: ImportBatch, user: Any, row: int, values: dict[str, Any]) -> PendingRegistration:
    """Hold an imported row for an existing account and mail its owner; inside the import's
    transaction, so the mail goes only if the import commits."""
    pending = PendingRegistration.objects.create(
        batch=batch,
        event=batch.event,
        organiser=batch.organiser,
        user=user,
        row=row,
        headline=values["headline"],
        description=values["description"],
        domain_ids=sorted(values["domain_ids"]),
    )
    queue_message(
        key=f"confirm-registration:{pending.pk}",
        kind="console.confirm_registration",
        user=user,
        template="console/mail/confirm_registration",
        context={
            "event": batch.event,
            "organiser": batch.organiser,
            "url": absolute_url(pending.get_absolute_url()),
        },
        event=batch.event,
    )
    return pending


def answer(*, pending: PendingRegistration, accept: bool, by: Any) -> Registration | None:
    """The owner of the account confirms (the registration is made, validated, under the
    importing organiser) or declines; an answered one cannot be answered again."""
    if not permissions.can_confirm_registration(by, pending):
        raise PermissionDenied
    with transaction.atomic():
        locked = PendingRegistration.objects.select_for_update().get(pk=pending.pk)
        if locked.status != PendingRegistration.Status.ASKED:
            raise ValidationError(_("This registration was answered already."))
        registration = None
        if accept:
            if Registration.objects.filter(event=locked.event, user=locked.user).exists():
                raise ValidationError(_("You are registered for this event already."))
            registration = Registration.objects.create(
                event=locked.event,
                user=locked.user,
                organiser=locked.organiser,
                status=Registration.Status.VALIDATED,
                headline=locked.headline,
                description=locked.description,
            )
            if locked.domain_ids:
                registration.domains.set(locked.domain_ids)
        locked.status = (
            PendingRegistration.Status.CONFIRMED if accept else PendingRegistration.Status.DECLINED
        )
        locked.answered = timezone.now()
        locked.save(update_fields=["status", "answered"])
        record(
            action="registration.confirmed" if accept else "registration.declined",
            actor=by,
            subject=registration or locked,
            event=locked.event,
            batch=locked.batch_id,
            row=locked.row,
        )
    pending.refresh_from_db()
    return registration
