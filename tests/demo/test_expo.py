"""The demo's fair ground and delegation, loaded onto a small event shaped like the demo's."""

import pytest

from matchfair.community.models import Membership
from matchfair.demo import scenario
from matchfair.demo.expo import DELEGATION_NAME, load_expo
from matchfair.events.models import Registration
from matchfair.visits.domain.instance import hall_for
from matchfair.visits.models import (
    Delegation,
    Hall,
    ItineraryStop,
    JointVisit,
    Pavilion,
    Stand,
    Wish,
)
from tests import factories


@pytest.fixture
def demo_like(event):
    lead = event.organisers.get(is_lead=True)
    sofia = lead.cluster
    sofia.organisation.name = scenario.LEAD.name
    sofia.organisation.save()
    organiser = factories.UserFactory(
        email=scenario.ORGANISER.email, organisation=sofia.organisation
    )
    lead.staff.add(organiser)
    factories.UserFactory(email=scenario.DELEGATE.email, organisation=sofia.organisation)
    member = factories.RegistrationFactory(event=event, user__email=scenario.MEMBER.email)
    others = [factories.RegistrationFactory(event=event) for _ in range(4)]
    for registration in [member, *others]:
        Membership.objects.create(cluster=sofia, organisation=registration.user.organisation)
    return event


def test_load_expo_builds_the_fair_ground_and_plans_the_delegation(demo_like):
    delegation = load_expo(demo_like, seconds=3)
    assert Hall.objects.filter(event=demo_like).count() == 8
    names = set(Pavilion.objects.filter(event=demo_like).values_list("name", flat=True))
    assert {
        "Bavaria Pavilion",
        "Portugal Pavilion",
        "Scandinavia Pavilion",
        "Catalonia Pavilion",
        "Nordic Pavilion",
    } == names
    exhibitors = set(Stand.objects.filter(event=demo_like).values_list("exhibitor", flat=True))
    assert {
        "AMEC Urbis",
        "Ubiwhere",
        "SCS cluster",
        "Minalogic cluster",
        "Business Finland",
        "City of Tampere",
    } <= exhibitors and len(exhibitors) >= 45
    emails = set(delegation.members.values_list("registration__user__email", flat=True))
    assert {scenario.MEMBER.email, scenario.DELEGATE.email} <= emails and len(emails) == 6
    assert 3 <= JointVisit.objects.filter(delegation=delegation).count() <= 4
    assert delegation.planned is not None and delegation.plan_error == ""
    member = delegation.members.get(registration__user__email=scenario.MEMBER.email)
    joint = ItineraryStop.objects.filter(member=member, joint_visit__isnull=False)
    assert joint.filter(pavilion__name="Bavaria Pavilion").exists()


def test_load_expo_twice_adds_nothing(demo_like):
    first = load_expo(demo_like, seconds=3)
    counts = (
        Hall.objects.count(),
        Stand.objects.count(),
        Wish.objects.count(),
        ItineraryStop.objects.count(),
        Registration.objects.count(),
    )
    second = load_expo(demo_like, seconds=3)
    assert second.pk == first.pk and second.planned == first.planned
    assert Delegation.objects.filter(name=DELEGATION_NAME).count() == 1
    assert counts == (
        Hall.objects.count(),
        Stand.objects.count(),
        Wish.objects.count(),
        ItineraryStop.objects.count(),
        Registration.objects.count(),
    )


def test_demo_table_locations_are_in_halls(demo_like):
    load_expo(demo_like, seconds=3)
    halls = list(Hall.objects.filter(event=demo_like))
    for location, _location_bg, _count in scenario.HALLS:
        assert hall_for(location, halls) is not None
    assert hall_for("Hall 6 — stands", halls).name == "Hall 6"


def test_halls_are_minutes_apart(demo_like):
    load_expo(demo_like, seconds=3)
    halls = {hall.name: hall for hall in Hall.objects.filter(event=demo_like)}
    (ax, ay), (bx, by) = halls["Hall 1"].centre, halls["Hall 8"].centre
    minutes = ((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5 / 70
    assert 8 <= minutes <= 20
