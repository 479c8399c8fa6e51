"""The contacts app's section of a person's data export and erasure (see community.domain.privacy)."""

from typing import Any

from matchfair.community.domain import privacy
from matchfair.contacts.models import Contact

ERASED_PARTICIPANT = "Erased participant"


def collect(user: Any) -> list[dict[str, Any]]:
    """The contacts the person recorded, as they stored them; a scanned participant's e-mail and
    phone are not stored in the contact, so they are not exported either."""
    contacts = Contact.objects.filter(owner__user=user).select_related("event")
    return [
        {
            "event": contact.event.slug,
            "scanned_badge": contact.registration_id is not None,
            "name": contact.name,
            "organisation": contact.organisation,
            "job_title": contact.job_title,
            "email": contact.email,
            "phone": contact.phone,
            "website": contact.website,
            "country": str(contact.country),
            "meeting": contact.meeting_id,
            "place": contact.place,
            "note": contact.note,
            "follow_up": contact.follow_up,
            "follow_up_due": contact.follow_up_due.isoformat() if contact.follow_up_due else None,
            "done": contact.done,
            "shared_with_cluster": contact.shared_with_cluster,
            "created": contact.created.isoformat(),
        }
        for contact in contacts.order_by("event__slug", "name", "id")
    ]


def erase(user: Any) -> None:
    """Delete the contacts the person made; in other people's books, a scanned badge of theirs
    loses the link and the card copied from their profile (the other person's note stays)."""
    Contact.objects.filter(owner__user=user).delete()
    Contact.objects.filter(registration__user=user).update(
        registration=None,
        name=ERASED_PARTICIPANT,
        organisation="",
        job_title="",
        country="",
        email="",
        phone="",
        website="",
        shared_with_cluster=False,
    )


def register_sections() -> None:
    privacy.register("contacts", collect=collect, erase=erase, models=[Contact])
