"""One row of every visits model, for admin tests (tests/test_admin.py can call it too)."""

import datetime as dt

from matchfair.visits.models import (
    Delegation,
    DelegationMember,
    Hall,
    Invitation,
    ItineraryStop,
    JointVisit,
    Pavilion,
    SkippedStop,
    Stand,
    Wish,
)
from tests import factories


def one_of_each(event, registration, other):
    """A hall, pavilion, stand, delegation of the lead's cluster with two members, a wish,
    a joint visit, a planned stop and a skipped one, and a second delegation that asks `other`
    to join."""
    hall = Hall.objects.create(event=event, name="Hall 1", width=100, depth=60)
    pavilion = Pavilion.objects.create(event=event, hall=hall, name="Bavaria Pavilion", x=5, y=5)
    stand = Stand.objects.create(
        event=event, hall=hall, code="1A10", exhibitor="AMEC Urbis", website="https://amec.es"
    )
    cluster = event.organisers.get(is_lead=True).cluster
    delegation = Delegation.objects.create(event=event, cluster=cluster, name="Sofia delegation")
    member = DelegationMember.objects.create(delegation=delegation, registration=registration)
    second = DelegationMember.objects.create(delegation=delegation, registration=other)
    Wish.objects.create(member=member, stand=stand, priority=3)
    joint = JointVisit.objects.create(delegation=delegation, pavilion=pavilion)
    joint.members.set([member, second])
    ItineraryStop.objects.create(
        member=member,
        stand=stand,
        day=dt.date(2026, 11, 10),
        arrive=factories.local(10, 11),
        leave=factories.local(10, 11, 20),
    )
    SkippedStop.objects.create(member=member, pavilion=pavilion, reason="closed when you are free")
    evening = Delegation.objects.create(event=event, cluster=cluster, name="Evening delegation")
    Invitation.objects.create(delegation=evening, registration=other)
    return delegation
