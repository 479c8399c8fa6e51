"""Registering for an event, keeping the profile and opportunities, and saying when you are free."""

from collections.abc import Iterable
from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.events.models import Domain, Event, Opportunity, Organiser, Registration, Session
from matchfair.events.signals import profile_changed, registration_withdrawing
from matchfair.outbox.domain import queue_message

PROFILE_FIELDS = ("headline", "description", "share_contact", "max_meetings")


def _profile_changed(event_id: int) -> None:
    profile_changed.send(sender=Registration, event_id=event_id, changed_at=timezone.now())


def register(
    *, event: Event, user: Any, organiser: Organiser | None = None, headline: str = ""
) -> Registration:
    if not event.registration_open:
        raise ValidationError(_("Registration for %(event)s is closed.") % {"event": event})
    if organiser is None:
        organiser = event.organisers.filter(is_lead=True).first()
    if organiser is None or organiser.event_id != event.pk:
        raise ValidationError({"organiser": _("Choose one of this event's organisers.")})
    status = (
        Registration.Status.PENDING if event.requires_validation else Registration.Status.VALIDATED
    )
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                event=event, user=user, organiser=organiser, status=status, headline=headline
            )
            record(action="registration.created", actor=user, subject=registration, event=event)
            transaction.on_commit(partial(_profile_changed, event.pk))
    except IntegrityError as error:
        raise ValidationError(_("You are registered for this event already.")) from error
    return registration


def update_profile(
    *,
    registration: Registration,
    by: Any,
    domains: Iterable[Domain] | None = None,
    **fields: Any,
) -> Registration:
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"not profile fields: {sorted(unknown)}")
    with transaction.atomic():
        for name, value in fields.items():
            setattr(registration, name, value)
        registration.full_clean(exclude=["event", "user", "organiser"])
        registration.save()
        if domains is not None:
            registration.domains.set(domains)
        record(
            action="registration.profile_updated",
            actor=by,
            subject=registration,
            event=registration.event,
            fields=sorted(fields),
        )
        transaction.on_commit(partial(_profile_changed, registration.event_id))
    return registration


def save_opportunity(
    *,
    registration: Registration,
    by: Any,
    kind: str,
    title: str,
    description: str = "",
    domains: Iterable[Domain] = (),
    opportunity: Opportunity | None = None,
) -> Opportunity:
    if opportunity is not None and opportunity.registration_id != registration.pk:
        raise ValidationError(_("This opportunity belongs to someone else."))
    with transaction.atomic():
        opportunity = opportunity or Opportunity(registration=registration)
        opportunity.kind = kind
        opportunity.title = title.strip()
        opportunity.description = description.strip()
        opportunity.full_clean()
        opportunity.save()
        opportunity.domains.set(domains)
        record(
            action="opportunity.saved",
            actor=by,
            subject=opportunity,
            event=registration.event,
            kind=kind,
        )
        transaction.on_commit(partial(_profile_changed, registration.event_id))
    return opportunity


def delete_opportunity(*, opportunity: Opportunity, by: Any) -> None:
    with transaction.atomic():
        record(
            action="opportunity.deleted",
            actor=by,
            subject=opportunity,
            event=opportunity.registration.event,
            title=opportunity.title,
        )
        transaction.on_commit(partial(_profile_changed, opportunity.registration.event_id))
        opportunity.delete()


def set_availability(
    *, registration: Registration, by: Any, unavailable: Iterable[Session]
) -> Registration:
    sessions = list(unavailable)
    foreign = [session for session in sessions if session.event_id != registration.event_id]
    if foreign:
        raise ValidationError({"unavailable": _("These sessions belong to another event.")})
    with transaction.atomic():
        registration.unavailable_sessions.set(sessions)
        record(
            action="registration.availability_set",
            actor=by,
            subject=registration,
            event=registration.event,
            unavailable=[session.pk for session in sessions],
        )
    return registration


def set_limits(
    *,
    registration: Registration,
    by: Any,
    max_in_a_row: int | None,
    max_per_day: int | None,
    preferred_days: Iterable[str],
) -> Registration:
    """The participant's own limits for the scheduler (empty: the event's defaults) and the
    days they prefer to meet on (ISO dates of the event's B2B sessions)."""
    event = registration.event
    days = {
        session.starts_at.astimezone(event.zone).date().isoformat()
        for session in event.sessions.filter(is_b2b=True)
    }
    chosen = sorted(set(preferred_days))
    if any(day not in days for day in chosen):
        raise ValidationError({"preferred_days": _("Choose days on which the event meets.")})
    for field, value in (("max_in_a_row", max_in_a_row), ("max_per_day", max_per_day)):
        if value is not None and value < 1:
            raise ValidationError({field: _("Give at least 1, or leave it empty.")})
    registration.max_in_a_row = max_in_a_row
    registration.max_per_day = max_per_day
    registration.preferred_days = chosen
    registration.save(update_fields=["max_in_a_row", "max_per_day", "preferred_days"])
    record(
        action="registration.limits_set",
        actor=by,
        subject=registration,
        event=event,
        max_in_a_row=max_in_a_row,
        max_per_day=max_per_day,
        preferred_days=chosen,
    )
    return registration


def _mail_participant(registration: Registration, template: str, **extra: Any) -> None:
    """Queue a mail to the participant, in their language, sent once the transaction commits."""
    user = registration.user
    context = {
        "user": user,
        "registration": registration,
        "event": registration.event,
        "url": reverse("events:detail", kwargs={"event": registration.event.slug}),
        **extra,
    }
    # One mail per decision: the key holds the moment the registration was last changed.
    queue_message(
        key=f"registration:{registration.pk}:{template}:{registration.updated.isoformat()}",
        kind=f"registration.{template}",
        user=user,
        template=f"console/mail/{template}",
        context=context,
        event=registration.event,
    )


def _decide(
    *, registration: Registration, by: Any, status: str, allowed_from: tuple[str, ...]
) -> Registration | None:
    if not permissions.supports(by, registration):
        raise PermissionDenied
    locked = Registration.objects.select_for_update().get(pk=registration.pk)
    if locked.status == status:
        return None
    if locked.status not in allowed_from:
        raise ValidationError(
            _("%(name)s is %(status)s; this cannot be changed here.")
            % {"name": registration.user, "status": locked.get_status_display().lower()}
        )
    locked.status = status
    locked.save(update_fields=["status", "updated"])
    registration.status = status
    return locked


def validate_registration(*, registration: Registration, by: Any) -> bool:
    """Let a pending (or rejected) participant take part; False when validated already."""
    with transaction.atomic():
        changed = _decide(
            registration=registration,
            by=by,
            status=Registration.Status.VALIDATED,
            allowed_from=(Registration.Status.PENDING, Registration.Status.REJECTED),
        )
        if changed is None:
            return False
        record(
            action="registration.validated",
            actor=by,
            subject=registration,
            event=registration.event,
        )
        _mail_participant(registration, "registration_validated")
        transaction.on_commit(partial(_profile_changed, registration.event_id))
    return True


def reject_registration(*, registration: Registration, by: Any, reason: str = "") -> bool:
    """Turn a participant away; refused while they have open requests or meetings. False when
    rejected already."""
    with transaction.atomic():
        registration_withdrawing.send(sender=Registration, registration=registration)
        changed = _decide(
            registration=registration,
            by=by,
            status=Registration.Status.REJECTED,
            allowed_from=(Registration.Status.PENDING, Registration.Status.VALIDATED),
        )
        if changed is None:
            return False
        record(
            action="registration.rejected",
            actor=by,
            subject=registration,
            event=registration.event,
            reason=reason.strip(),
        )
        _mail_participant(registration, "registration_rejected", reason=reason.strip())
        transaction.on_commit(partial(_profile_changed, registration.event_id))
    return True
