"""Who may manage a delegation and see a member's itinerary: the visits rules of
`matchfair.permissions`."""

from matchfair import permissions
from matchfair.visits.domain.delegations import (
    create_delegation,
)
from tests import factories
from tests.visits.helpers import member_of


def test_can_manage_delegation_by_role(delegation, lead_staff, co_staff, ana):
    co_cluster = factories.co_organiser(delegation.event)
    theirs = create_delegation(
        event=delegation.event, cluster=co_cluster.cluster, name="Theirs", by=None
    )
    co_cluster_staff = co_cluster.staff.get()
    assert [
        permissions.can_manage_delegation(user, d)
        for user, d in [
            (lead_staff, delegation),
            (lead_staff, theirs),
            (co_cluster_staff, theirs),
            (co_cluster_staff, delegation),
            (co_staff, delegation),
            (ana.user, delegation),
        ]
    ] == [True, True, True, False, False, False]


def test_can_see_itinerary_by_role(delegation, ana, jonas, lead_staff, co_staff, superuser):
    from django.contrib.auth.models import AnonymousUser

    member = member_of(delegation, ana)
    who = [ana.user, lead_staff, superuser, jonas.user, co_staff, AnonymousUser()]
    assert [permissions.can_see_itinerary(user, member) for user in who] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]
    assert [permissions.can_wish(user, member) for user in who] == [
        True,
        False,
        False,
        False,
        False,
        False,
    ]
