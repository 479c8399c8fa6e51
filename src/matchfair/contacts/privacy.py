"""The contacts app's section of a person's data export and erasure (see community.domain.privacy)."""

from typing import Any

from matchfair.community.domain import privacy
from matchfair.contacts.models import Contact, ContactView

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


def collect_views(user: Any) -> dict[str, list[dict[str, Any]]]:
    """Who was shown the person's contact details, and whose the person was shown (names only:
    the others' details are theirs)."""
    views = ContactView.objects.select_related("person", "viewer", "event")

    def row(view: ContactView, other: Any) -> dict[str, Any]:
        return {
            "name": other.full_name,
            "event": view.event.slug,
            "where": view.where,
            "at": view.at.isoformat(),
        }

    return {
        "viewed_by": [row(view, view.viewer) for view in views.filter(person=user)],
        "viewed": [row(view, view.person) for view in views.filter(viewer=user)],
    }


def erase_views(user: Any) -> None:
    """The person's own log goes. What they looked at stays in the others' logs (it is those
    people's record of who saw their details), under the anonymised account's name."""
    ContactView.objects.filter(person=user).delete()


def register_sections() -> None:
    privacy.register("contacts", collect=collect, erase=erase, models=[Contact])
    privacy.register(
        "contact_views", collect=collect_views, erase=erase_views, models=[ContactView]
    )
