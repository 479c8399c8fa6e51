"""The outcomes rules of permissions.py, role by role: who reports, who changes consent, which
audiences of a person a viewer is in, and who may ask for an introduction."""

from django.contrib.auth.models import AnonymousUser

from matchfair import permissions
from matchfair.community.models import Membership, Network
from matchfair.outcomes.domain.consents import grant, withdraw
from tests import factories


def test_can_report_outcome_is_for_the_people_of_the_meeting_only(
    met, ana_in_sofia, tia, jonas, lead_staff, superuser
):
    people = [ana_in_sofia.user, tia.user, jonas.user, lead_staff, superuser, AnonymousUser()]
    assert [permissions.can_report_outcome(user, met) for user in people] == [
        True,
        True,
        False,
        False,
        False,
        False,
    ]


def test_can_edit_consent_is_for_the_person_only(ana, superuser):
    assert [permissions.can_edit_consent(user, ana.user) for user in (ana.user, superuser)] == [
        True,
        False,
    ]


def test_audiences_for_follow_clusters_staff_and_partnerships(sofia, ana_in_sofia, mia):
    porto = factories.ClusterFactory()
    partnership = Network.objects.create(name="Partners", kind="partnership")
    sofia.networks.add(partnership)
    porto.networks.add(partnership)
    porto_member = factories.UserFactory()
    Membership.objects.create(cluster=porto, organisation=porto_member.organisation)
    sofia_staff = factories.UserFactory(organisation=sofia.organisation)
    ana = ana_in_sofia.user.pk
    seen = {
        name: permissions.audiences_for(viewer, [ana])[ana]
        for name, viewer in {
            "mia": mia,
            "staff": sofia_staff,
            "porto": porto_member,
            "stranger": factories.UserFactory(),
            "anonymous": AnonymousUser(),
        }.items()
    }
    assert seen == {
        "mia": {"public", "partnership", "cluster_members"},
        "staff": {"public", "partnership", "cluster_members", "cluster_staff"},
        "porto": {"public", "partnership"},
        "stranger": {"public"},
        "anonymous": {"public"},
    }


def test_a_meeting_is_seen_only_when_both_granted_and_until_withdrawn(met, ana_in_sofia, tia):
    stranger = factories.UserFactory()
    item = permissions.met_item([ana_in_sofia.user.pk, tia.user.pk])
    grant(user=ana_in_sofia.user, scope="met", audience="public", by=ana_in_sofia.user)
    one_side = permissions.can_see_item(stranger, item)
    grant(user=tia.user, scope="met", audience="public", by=tia.user)
    both = permissions.can_see_item(stranger, item)
    withdraw(user=tia.user, scope="met", audience="public", by=tia.user)
    assert (one_side, both, permissions.can_see_item(stranger, item)) == (False, True, False)


def test_a_note_is_shared_by_its_author_alone(met, ana_in_sofia, tia):
    people = [ana_in_sofia.user.pk, tia.user.pk]
    grant(user=ana_in_sofia.user, scope="notes", audience="public", by=ana_in_sofia.user)
    assert [
        permissions.can_see_item(tia.user, permissions.note_item(people, ana_in_sofia.user.pk)),
        permissions.can_see_item(ana_in_sofia.user, permissions.note_item(people, tia.user.pk)),
    ] == [True, False]


def test_an_erased_persons_grants_share_nothing(met, ana_in_sofia):
    grant(user=ana_in_sofia.user, scope="contact", audience="public", by=ana_in_sofia.user)
    ana_in_sofia.user.is_active = False
    ana_in_sofia.user.save()
    item = permissions.contact_item(ana_in_sofia.user.pk)
    assert permissions.can_see_item(factories.UserFactory(), item) is False


def test_can_ask_introduction_only_of_ones_own_cluster_about_a_shared_meeting(
    met, ana_in_sofia, tia, mia
):
    people = [ana_in_sofia.user.pk, tia.user.pk]
    before = permissions.can_ask_introduction(mia, people, ana_in_sofia)
    for person in (ana_in_sofia.user, tia.user):
        grant(user=person, scope="met", audience="public", by=person)
    assert [
        before,
        permissions.can_ask_introduction(mia, people, ana_in_sofia),
        permissions.can_ask_introduction(mia, people, tia),
        permissions.can_ask_introduction(factories.UserFactory(), people, ana_in_sofia),
        permissions.can_ask_introduction(ana_in_sofia.user, people, ana_in_sofia),
    ] == [False, True, False, False, False]
