"""The contact rules of matchfair.permissions, role by role: the owner, another participant, a
member of the owner's cluster, a member of another cluster, and the organiser."""

import pytest
from django.contrib.auth.models import AnonymousUser

from matchfair import permissions
from matchfair.community.models import User
from matchfair.contacts.domain.contacts import add_contact
from tests import factories

ROLES = ("anonymous", "owner", "participant", "cluster_member", "other_cluster", "organiser")


@pytest.fixture
def people(ana_in_sofia, jonas, mia, otto, lead_staff):
    return {
        "anonymous": AnonymousUser(),
        "owner": ana_in_sofia.user,
        "participant": jonas.user,
        "cluster_member": mia,
        "other_cluster": otto,
        "organiser": lead_staff,
    }


def by_role(people, rule, *args):
    fresh = {
        name: user if not user.is_authenticated else User.objects.get(pk=user.pk)
        for name, user in people.items()
    }
    return {name: rule(fresh[name], *args) for name in ROLES}


def card(owner, **fields):
    return add_contact(owner=owner, by=owner.user, name="Laia Puig", **fields)


def test_can_keep_contacts_by_role(people, ana_in_sofia):
    assert by_role(people, permissions.can_keep_contacts, ana_in_sofia) == {
        "anonymous": False,
        "owner": True,
        "participant": False,
        "cluster_member": False,
        "other_cluster": False,
        "organiser": False,
    }


def test_can_edit_contact_by_role(people, ana_in_sofia):
    contact = card(ana_in_sofia, shared_with_cluster=True)
    assert by_role(people, permissions.can_edit_contact, contact) == {
        "anonymous": False,
        "owner": True,
        "participant": False,
        "cluster_member": False,
        "other_cluster": False,
        "organiser": False,
    }


def test_can_see_shared_contacts_by_role(people):
    # Jonas's organisation is in no cluster; the lead organiser's staff are its cluster's people.
    assert by_role(people, permissions.can_see_shared_contacts) == {
        "anonymous": False,
        "owner": True,
        "participant": False,
        "cluster_member": True,
        "other_cluster": True,
        "organiser": True,
    }


def test_can_see_a_consented_contact_by_role(people, ana_in_sofia):
    contact = card(ana_in_sofia, shared_with_cluster=True)
    assert by_role(people, permissions.can_see_shared_contact, contact) == {
        "anonymous": False,
        "owner": True,
        "participant": False,
        "cluster_member": True,
        "other_cluster": False,
        "organiser": True,
    }


def test_nobody_sees_a_contact_without_consent(people, ana_in_sofia):
    contact = card(ana_in_sofia)
    assert set(by_role(people, permissions.can_see_shared_contact, contact).values()) == {False}


def test_clusters_of_counts_members_the_cluster_itself_and_organiser_staff(people, sofia, otto):
    cluster_people = factories.UserFactory(organisation=sofia.organisation)
    assert (
        list(permissions.clusters_of(people["cluster_member"])),
        list(permissions.clusters_of(people["organiser"])),
        list(permissions.clusters_of(cluster_people)),
        list(permissions.clusters_of(people["participant"])),
        permissions.clusters_of(otto).count(),
    ) == ([sofia], [sofia], [sofia], [], 1)


def test_only_the_person_may_erase_their_account(people):
    account = people["owner"]
    assert by_role(people, permissions.can_erase_account, account) == {
        "anonymous": False,
        "owner": True,
        "participant": False,
        "cluster_member": False,
        "other_cluster": False,
        "organiser": False,
    }
