"""A small expo for the visits tests: two halls 150 m apart, a pavilion, three stands, a cluster
whose members Ana and Jonas attend, and a released plan with one meeting between them."""

import datetime as dt

import pytest

from matchfair.community.models import Membership
from matchfair.events.domain.venue import add_session
from matchfair.meetings.domain.plans import release_plan
from matchfair.meetings.domain.requests import accept_request, send_request
from matchfair.meetings.models import Placement, Plan
from matchfair.visits.domain.delegations import (
    create_delegation,
    propose_joint_visit,
    set_members,
    set_wish,
)
from matchfair.visits.domain.planning import plan_delegation
from matchfair.visits.models import Hall, Pavilion, Stand
from tests import factories


@pytest.fixture
def halls(event):
    one = Hall.objects.create(
        event=event,
        name="Hall 1",
        x=0,
        y=0,
        width=100,
        depth=60,
        has_entrance=True,
        opens=dt.time(9, 0),
        closes=dt.time(18, 0),
    )
    two = Hall.objects.create(
        event=event,
        name="Hall 2",
        x=250,
        y=0,
        width=100,
        depth=60,
        opens=dt.time(9, 0),
        closes=dt.time(18, 0),
    )
    return one, two


@pytest.fixture
def bavaria(event, halls):
    return Pavilion.objects.create(
        event=event,
        hall=halls[0],
        name="Bavaria Pavilion",
        country="Bavaria",
        x=10,
        y=10,
        width=30,
        depth=20,
    )


@pytest.fixture
def stands(event, halls, bavaria):
    one, two = halls
    return [
        Stand.objects.create(
            event=event,
            hall=one,
            code="1A10",
            exhibitor="AMEC Urbis",
            country="ES",
            x=60,
            y=10,
            width=6,
            depth=4,
        ),
        Stand.objects.create(
            event=event,
            hall=two,
            code="2B20",
            exhibitor="Ubiwhere",
            country="PT",
            x=270,
            y=30,
            width=6,
            depth=4,
        ),
        Stand.objects.create(
            event=event,
            hall=one,
            pavilion=bavaria,
            code="1P01",
            exhibitor="Munich Mobility",
            x=12,
            y=12,
            width=4,
            depth=4,
            opens=dt.time(10, 0),
            closes=dt.time(12, 0),
        ),
    ]


@pytest.fixture
def cluster(event, ana, jonas):
    cluster = event.organisers.get(is_lead=True).cluster
    Membership.objects.create(cluster=cluster, organisation=ana.user.organisation)
    Membership.objects.create(cluster=cluster, organisation=jonas.user.organisation)
    return cluster


@pytest.fixture
def released(event, ana, jonas, lead_staff):
    """One released meeting of Ana and Jonas, 9:30 on 10 November at a table in Hall 2."""
    request = send_request(sender=ana, recipient=jonas, message="Hi", by=ana.user)
    meeting = accept_request(request, by=jonas.user)
    draft = Plan.objects.create(event=event, kind=Plan.Kind.DRAFT)
    slot = event.sessions.order_by("starts_at").first().slots.order_by("starts_at")[1]
    Placement.objects.create(plan=draft, meeting=meeting, slot=slot, table=event.tables.first())
    release_plan(event=event, by=lead_staff, notify=False)
    return meeting, slot


@pytest.fixture
def delegation(event, cluster, ana, jonas, lead_staff, stands, bavaria):
    delegation = create_delegation(
        event=event,
        cluster=cluster,
        name="Sofia delegation",
        by=lead_staff,
        first_day=dt.date(2026, 11, 10),
        last_day=dt.date(2026, 11, 11),
    )
    members = set_members(delegation=delegation, registrations=[ana, jonas], by=lead_staff)
    by_name = {m.registration.user.full_name: m for m in members}
    set_wish(member=by_name["Ana Petrova"], stand=stands[0], priority=3, by=ana.user)
    set_wish(member=by_name["Ana Petrova"], stand=stands[1], priority=1, by=ana.user)
    set_wish(member=by_name["Jonas Berg"], stand=stands[2], priority=2, by=jonas.user)
    propose_joint_visit(
        delegation=delegation,
        members=members,
        pavilion=bavaria,
        minutes=30,
        priority=3,
        by=lead_staff,
    )
    return delegation


@pytest.fixture
def planned(delegation, released):
    add_session(
        event=delegation.event,
        name="Hall 1 — partnership meeting",
        starts_at=factories.local(11, 16),
        ends_at=factories.local(11, 17),
        is_b2b=False,
    )
    assert plan_delegation(delegation=delegation, seconds=5) == []
    return delegation
