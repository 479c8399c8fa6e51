"""Registering for an event, keeping the profile and opportunities, and saying when you are free."""

from collections.abc import Iterable
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair.audit.domain import record
from matchfair.events.models import Domain, Event, Opportunity, Organiser, Registration, Session
from matchfair.events.signals import profile_changed

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
