"""Who belongs to which cluster: `clusters_of`, its many-people form `clusters_by_user`, the
`in_clusters` filter and the `cluster_users` query agree person by person, and an unconfirmed
address belongs nowhere."""

import pytest
from django.contrib.auth.models import AnonymousUser

from matchfair import permissions
from matchfair.community.models import Membership, User
from tests import factories


@pytest.fixture
def people(db):
    """A member, the cluster's own staff, an organiser's staff, a member of two clusters, a
    member whose address is unconfirmed, and someone of no cluster."""
    sofia, porto = factories.ClusterFactory(), factories.ClusterFactory()
    member = factories.UserFactory(full_name="member")
    Membership.objects.create(cluster=sofia, organisation=member.organisation)
    both = factories.UserFactory(full_name="both")
    Membership.objects.create(cluster=sofia, organisation=both.organisation)
    Membership.objects.create(cluster=porto, organisation=both.organisation)
    own_staff = factories.UserFactory(full_name="own staff", organisation=sofia.organisation)
    organiser_staff = factories.UserFactory(full_name="organiser staff")
    factories.OrganiserFactory(cluster=porto).staff.add(organiser_staff)
    unconfirmed = factories.UserFactory(full_name="unconfirmed", email_verified=False)
    Membership.objects.create(cluster=sofia, organisation=unconfirmed.organisation)
    nobody = factories.UserFactory(full_name="nobody")
    expected = {
        "member": {sofia.pk},
        "both": {sofia.pk, porto.pk},
        "own staff": {sofia.pk},
        "organiser staff": {porto.pk},
        "unconfirmed": set(),
        "nobody": set(),
    }
    users = [member, both, own_staff, organiser_staff, unconfirmed, nobody]
    return {user.full_name: user for user in users}, expected, (sofia, porto)


def test_clusters_of_each_person(people):
    users, expected, _ = people
    assert {
        name: set(permissions.clusters_of(user).values_list("pk", flat=True))
        for name, user in users.items()
    } == expected


def test_clusters_by_user_says_what_clusters_of_says(people):
    users, expected, _ = people
    found = permissions.clusters_by_user(user.pk for user in users.values())
    assert {name: found[user.pk] for name, user in users.items()} == expected


def test_in_clusters_finds_the_members_of_each_cluster(people):
    _users, expected, clusters = people
    for cluster in clusters:
        members = User.objects.filter(permissions.in_clusters([cluster.pk])).distinct()
        assert set(members.values_list("full_name", flat=True)) == {
            name for name, found in expected.items() if cluster.pk in found
        }


def test_cluster_users_finds_whom_in_clusters_finds(people):
    _users, expected, clusters = people
    for chosen in ([clusters[0].pk], [clusters[1].pk], [c.pk for c in clusters], []):
        found = permissions.cluster_users(chosen)
        assert sorted(found.values_list("full_name", flat=True)) == sorted(
            name for name, theirs in expected.items() if theirs & set(chosen)
        )


def test_an_anonymous_visitor_belongs_to_no_cluster(db):
    assert not permissions.clusters_of(AnonymousUser()).exists()
