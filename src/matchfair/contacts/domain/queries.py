"""Reading contacts: a participant's own book with its filters, the cluster's shared list, and the
contact details a viewer may see."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from matchfair import permissions
from matchfair.contacts.models import Contact
from matchfair.events.models import Event, Registration

WHERE_CHOICES = ("meeting", "stand", "unknown")


def my_contacts(
    owner: Registration, *, follow_up_open: bool = False, where: str = "", text: str = ""
) -> QuerySet[Contact]:
    contacts = Contact.objects.filter(owner=owner).select_related(
        "registration__user__organisation", "meeting", "owner__user"
    )
    if follow_up_open:
        contacts = contacts.filter(follow_up=True, done=False)
    if where == "meeting":
        contacts = contacts.filter(meeting__isnull=False)
    elif where == "stand":
        contacts = contacts.exclude(place="")
    elif where == "unknown":
        contacts = contacts.filter(meeting__isnull=True, place="")
    if text:
        contacts = contacts.filter(
            Q(name__icontains=text) | Q(organisation__icontains=text) | Q(place__icontains=text)
        )
    return contacts.order_by("name", "id")


def contact_of(owner: Registration | None, registration: Registration) -> Contact | None:
    """The owner's contact linked to this participant, if they added them already."""
    if owner is None:
        return None
    return Contact.objects.filter(owner=owner, registration=registration).first()


def shared_contacts(user: Any, event: Event) -> QuerySet[Contact]:
    """Consented contacts of the event recorded by people who share a cluster with `user` (an
    owner whose address is unconfirmed belongs to no cluster, as `permissions.clusters_of`)."""
    clusters = permissions.clusters_of(user)
    if not clusters.exists():
        return Contact.objects.none()
    cluster_ids = list(clusters.values_list("pk", flat=True))
    ids = Contact.objects.filter(
        permissions.in_clusters(cluster_ids, "owner__user"),
        event=event,
        shared_with_cluster=True,
    ).values("pk")
    return (
        Contact.objects.filter(pk__in=ids)
        .select_related("registration__user__organisation", "owner__user", "meeting")
        .order_by("name", "id")
    )


@dataclass(frozen=True)
class Details:
    """The e-mail, phone and website of a contact, as far as the viewer may see them."""

    email: str = ""
    phone: str = ""
    website: str = ""
    hidden: bool = False


def details_for(viewer: Any, contact: Contact) -> Details:
    """A typed card shows what was typed; a scanned badge shows the participant's details only
    as `permissions.can_see_contact` allows."""
    registration = contact.registration
    if registration is None:
        return Details(email=contact.email, phone=contact.phone, website=contact.website)
    if not permissions.can_see_contact(viewer, registration):
        return Details(hidden=True)
    user = registration.user
    organisation = user.organisation
    return Details(
        email=user.email,
        phone=user.phone,
        website=organisation.website if organisation else "",
    )


def with_details(viewer: Any, contacts: Any) -> list[tuple[Contact, Details]]:
    return [(contact, details_for(viewer, contact)) for contact in contacts]


def shown_people(rows: list[tuple[Contact, Details]]) -> list[int]:
    """The people (user ids) whose own contact details `rows` show: scanned badges not hidden;
    a typed card shows only what its owner typed, so it is nobody's details read."""
    return [
        contact.registration.user_id
        for contact, details in rows
        if contact.registration is not None and not details.hidden
    ]
