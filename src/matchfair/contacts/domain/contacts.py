"""Recording contacts: add one (a scanned badge or a typed business card), change it, delete it."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.contacts.models import Contact
from matchfair.events.models import Registration

# What a business card holds; for a scanned badge these are copied from the public profile.
CARD_FIELDS = ("name", "organisation", "job_title", "email", "phone", "website", "country")
# Where and why: the owner may always change these.
NOTE_FIELDS = (
    "meeting",
    "place",
    "note",
    "follow_up",
    "follow_up_due",
    "done",
    "shared_with_cluster",
)


def public_card(registration: Registration) -> dict[str, Any]:
    """What anyone may see of a participant on their public profile, and nothing more."""
    user = registration.user
    organisation = user.organisation
    return {
        "name": user.full_name,
        "organisation": organisation.name if organisation else "",
        "job_title": user.job_title,
        "country": organisation.country if organisation else "",
    }


def _check_fields(fields: dict[str, Any], allowed: tuple[str, ...]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"not contact fields: {sorted(unknown)}")


def _validate(contact: Contact) -> None:
    """The rules that a form alone cannot know; each error names its field."""
    errors: dict[str, str] = {}
    owner = contact.owner
    meeting = contact.meeting
    if meeting is not None:
        if (
            meeting.event_id != owner.event_id
            or not meeting.participants.filter(pk=owner.pk).exists()
        ):
            errors["meeting"] = _("Choose a meeting you took part in.")
        elif contact.place:
            errors["place"] = _("Give either the meeting or the stand, not both.")
    if contact.follow_up_due and not contact.follow_up:
        errors["follow_up_due"] = _("Set a due date only for a contact to follow up.")
    if contact.done and not contact.follow_up:
        errors["done"] = _("Only a contact to follow up can be marked as followed up.")
    if errors:
        raise ValidationError(errors)
    contact.full_clean(exclude=["event", "owner", "registration", "meeting"])


def add_contact(
    *,
    owner: Registration,
    by: Any,
    registration: Registration | None = None,
    **fields: Any,
) -> Contact:
    """Add a contact to `owner`'s book: linked to `registration` (a scanned badge), whose public
    card is copied, or from the business card in `fields`."""
    _check_fields(fields, CARD_FIELDS + NOTE_FIELDS)
    if not permissions.can_keep_contacts(by, owner):
        raise PermissionDenied(_("You can only add contacts to your own list."))
    if registration is not None:
        if registration.event_id != owner.event_id:
            raise ValidationError(
                _("%(name)s does not take part in this event.") % {"name": registration.user}
            )
        if registration.pk == owner.pk:
            raise ValidationError(_("You cannot add yourself to your contacts."))
        if not registration.is_active and not permissions.supports(by, registration):
            raise ValidationError(_("This participant cannot be added."))
        card = public_card(registration)
    else:
        card = {name: fields.get(name, "") for name in CARD_FIELDS}
        if not str(card["name"]).strip():
            raise ValidationError({"name": _("Give the name on the business card.")})
    notes = {name: fields[name] for name in NOTE_FIELDS if name in fields}
    contact = Contact(event=owner.event, owner=owner, registration=registration, **card, **notes)
    for name in ("name", "organisation", "job_title", "email", "phone", "website", "place"):
        setattr(contact, name, str(getattr(contact, name) or "").strip())
    _validate(contact)
    try:
        with transaction.atomic():
            contact.save()
            record(
                action="contact.added",
                actor=by,
                subject=contact,
                event=owner.event,
                scanned=registration is not None,
            )
    except IntegrityError as error:
        raise ValidationError(
            _("%(name)s is in your contacts already.") % {"name": contact.name}
        ) from error
    return contact


def update_contact(*, contact: Contact, by: Any, **fields: Any) -> Contact:
    """Change a contact; the card of a scanned badge stays as the profile gave it."""
    allowed = NOTE_FIELDS if contact.registration_id else CARD_FIELDS + NOTE_FIELDS
    _check_fields(fields, allowed)
    if not permissions.can_edit_contact(by, contact):
        raise PermissionDenied(_("You can only change your own contacts."))
    with transaction.atomic():
        locked = Contact.objects.select_for_update().get(pk=contact.pk)
        for name, value in fields.items():
            setattr(locked, name, value.strip() if isinstance(value, str) else value)
        if "name" in fields and not locked.name:
            raise ValidationError({"name": _("Give the name on the business card.")})
        _validate(locked)
        locked.save()
        record(
            action="contact.updated",
            actor=by,
            subject=locked,
            event=locked.event,
            fields=sorted(fields),
        )
    contact.refresh_from_db()
    return contact


def delete_contact(*, contact: Contact, by: Any) -> None:
    if not permissions.can_edit_contact(by, contact):
        raise PermissionDenied(_("You can only delete your own contacts."))
    with transaction.atomic():
        record(action="contact.deleted", actor=by, subject=contact, event=contact.event)
        contact.delete()
