"""Reading contacts: the own book and its filters, the cluster's shared list, the details a
viewer may see (`contacts.domain.queries`)."""

from django.contrib.auth.models import AnonymousUser

from matchfair import permissions
from matchfair.contacts.domain.contacts import add_contact
from matchfair.contacts.domain.queries import (
    Details,
    contact_of,
    details_for,
    my_contacts,
    shared_contacts,
    with_details,
)
from matchfair.meetings.domain.requests import accept_request, send_request
from tests import factories


def meet(first, second):
    return accept_request(
        send_request(sender=first, recipient=second, message="Hi", by=first.user), by=second.user
    )


def card(owner, name, **fields):
    return add_contact(owner=owner, by=owner.user, name=name, **fields)


def names(contacts):
    return [contact.name for contact in contacts]


def test_my_contacts_are_mine_only_by_name(ana, jonas):
    card(ana, "Zoe Zeta")
    card(ana, "Anton Alpha")
    card(jonas, "Kari Virtanen")
    assert names(my_contacts(ana)) == ["Anton Alpha", "Zoe Zeta"]


def test_my_contacts_filter_by_where_we_met(ana, jonas):
    met = card(ana, "Jonas at the meeting", meeting=meet(ana, jonas))
    card(ana, "Laia at the stand", place="Catalonia pavilion")
    card(ana, "Someone somewhere")
    assert (
        names(my_contacts(ana, where="meeting")),
        names(my_contacts(ana, where="stand")),
        names(my_contacts(ana, where="unknown")),
    ) == ([met.name], ["Laia at the stand"], ["Someone somewhere"])


def test_my_contacts_filter_by_open_follow_up(ana):
    card(ana, "To call", follow_up=True)
    card(ana, "Called", follow_up=True, done=True)
    card(ana, "Just met")
    assert names(my_contacts(ana, follow_up_open=True)) == ["To call"]


def test_my_contacts_search_name_organisation_and_place(ana):
    card(ana, "Laia Puig", organisation="Barcelona Activa")
    card(ana, "Kari Virtanen", place="Nordic pavilion")
    card(ana, "Otto Other")
    assert (
        names(my_contacts(ana, text="barcelona")),
        names(my_contacts(ana, text="NORDIC")),
        names(my_contacts(ana, text="laia")),
    ) == (["Laia Puig"], ["Kari Virtanen"], ["Laia Puig"])


def test_contact_of_finds_the_owners_contact_of_a_participant(ana, jonas):
    contact = add_contact(owner=ana, by=ana.user, registration=jonas)
    assert (contact_of(ana, jonas), contact_of(jonas, ana), contact_of(None, jonas)) == (
        contact,
        None,
        None,
    )


def test_shared_contacts_are_the_consented_ones_of_my_clusters_members(
    event, ana_in_sofia, mia, otto
):
    card(ana_in_sofia, "Shared with Sofia", shared_with_cluster=True)
    card(ana_in_sofia, "Kept private")
    assert (
        names(shared_contacts(mia, event)),
        names(shared_contacts(ana_in_sofia.user, event)),
        names(shared_contacts(otto, event)),
    ) == (["Shared with Sofia"], ["Shared with Sofia"], [])


def test_shared_contacts_of_another_event_are_not_listed(event, ana_in_sofia, mia):
    card(ana_in_sofia, "Shared with Sofia", shared_with_cluster=True)
    assert list(shared_contacts(mia, factories.b2b_event())) == []


def test_shared_contacts_of_someone_outside_clusters_are_none(event, ana_in_sofia, jonas):
    card(ana_in_sofia, "Shared with Sofia", shared_with_cluster=True)
    assert (
        list(shared_contacts(jonas.user, event)),
        list(shared_contacts(AnonymousUser(), event)),
    ) == (
        [],
        [],
    )


def test_details_for_a_typed_card_are_what_was_typed(ana, jonas):
    contact = card(
        ana,
        "Laia Puig",
        email="laia@barcelonactiva.example",
        phone="+34 600 000 000",
        website="https://barcelonactiva.example",
    )
    assert details_for(jonas.user, contact) == Details(
        email="laia@barcelonactiva.example",
        phone="+34 600 000 000",
        website="https://barcelonactiva.example",
    )


def test_details_for_a_scanned_badge_are_hidden_until_a_meeting(ana, jonas):
    jonas.user.phone = "+358 40 123"
    jonas.user.save()
    jonas.user.organisation.website = "https://tampere.example"
    jonas.user.organisation.save()
    contact = add_contact(owner=ana, by=ana.user, registration=jonas)
    before = details_for(ana.user, contact)
    meet(ana, jonas)
    assert (before, details_for(ana.user, contact)) == (
        Details(hidden=True),
        Details(email=jonas.user.email, phone="+358 40 123", website="https://tampere.example"),
    )


def test_with_details_pairs_each_contact_with_its_details(ana, jonas):
    typed = card(ana, "Laia Puig", email="laia@barcelonactiva.example")
    scanned = add_contact(owner=ana, by=ana.user, registration=jonas)
    assert with_details(ana.user, my_contacts(ana)) == [
        (scanned, Details(hidden=True)),
        (typed, Details(email="laia@barcelonactiva.example")),
    ]


def test_shared_contacts_of_an_owner_with_an_unconfirmed_address_are_none(event, ana_in_sofia, mia):
    """Found by the leak test: an unconfirmed address belongs to no cluster, so what it shares
    reaches nobody, as `permissions.can_see_shared_contact` says for one contact."""
    contact = card(ana_in_sofia, "Shared with Sofia", shared_with_cluster=True)
    ana_in_sofia.user.email_verified = False
    ana_in_sofia.user.save()
    assert (
        names(shared_contacts(mia, event)),
        permissions.can_see_shared_contact(mia, contact),
    ) == ([], False)
