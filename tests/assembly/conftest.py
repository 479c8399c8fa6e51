"""A partnership of four member clusters (the first is the secretariat), its statute, a session,
a checked-in delegate and two substitutes for the first voting member, and a board election."""

import datetime as dt

import pytest

from matchfair.assembly.domain.candidacies import accept, nominate
from matchfair.assembly.domain.motions import propose_motion
from matchfair.assembly.domain.sessions import add_agenda_item, check_in, register_attendee
from matchfair.assembly.models import Election, Session, Statute
from matchfair.community.models import Network
from tests import factories


@pytest.fixture
def network():
    return Network.objects.create(name="Smart City Tech Partnership", kind="partnership")


@pytest.fixture
def members(network):
    clusters = [
        factories.ClusterFactory(organisation__name=name)
        for name in ("Sofia Tech Cluster", "Lyon Urban Lab", "Aarhus Digital", "Porto Smart")
    ]
    for cluster in clusters:
        cluster.networks.add(network)
    return clusters


@pytest.fixture
def secretary(members, network):
    Statute.objects.create(network=network, secretariat=members[0], quorum_percent=50)
    return factories.UserFactory(full_name="Sasha Secretary", organisation=members[0].organisation)


@pytest.fixture
def session(network, secretary):
    return Session.objects.create(
        network=network, title="Annual assembly 2026", date=dt.date(2026, 3, 16), place="Lyon"
    )


def attend(session, cluster, name, role, *, by, checked_in=True):
    user = factories.UserFactory(full_name=name, organisation=cluster.organisation)
    attendee = register_attendee(session, cluster=cluster, user=user, role=role, by=by)
    if checked_in:
        check_in(attendee, by=by)
    return user


@pytest.fixture
def lyon_people(session, members, secretary):
    """Lyon's delegate and its two substitutes, all checked in."""
    lyon = members[1]
    return [
        attend(session, lyon, "Léa Delegate", "delegate", by=secretary),
        attend(session, lyon, "Hugo Substitute", "substitute", by=secretary),
        attend(session, lyon, "Inès Substitute", "substitute", by=secretary),
    ]


@pytest.fixture
def aarhus_delegate(session, members, secretary):
    return attend(session, members[2], "Anders Delegate", "delegate", by=secretary)


def stand(election, cluster, name, *, by, nominated_by):
    candidate = factories.UserFactory(full_name=name, organisation=cluster.organisation)
    candidacy = nominate(
        election, nominated_by=nominated_by, cluster=cluster, candidate=candidate, by=by
    )
    return accept(candidacy, statement_en=f"{name} will serve.", by=candidate)


@pytest.fixture
def board_election(session, members, secretary):
    """A two-seat board by Scottish STV with three accepted candidates, nominations still open."""
    election = Election.objects.create(
        session=session, position="board", seats=2, method="scottish-stv"
    )
    candidacies = [
        stand(election, cluster, name, by=secretary, nominated_by=members[0])
        for cluster, name in zip(members[1:], ("Camille", "Frederik", "Rita"), strict=True)
    ]
    return election, candidacies


@pytest.fixture
def member_people(members):
    """One person of each member cluster's own organisation: Sofia (the secretariat), Lyon,
    Aarhus, Porto."""
    return [
        factories.UserFactory(full_name=name, organisation=cluster.organisation)
        for cluster, name in zip(
            members, ("Sofia Staff", "Lyon Staff", "Aarhus Staff", "Porto Staff"), strict=True
        )
    ]


@pytest.fixture
def work_plan_motion(session, secretary):
    """The secretariat's motion to adopt the work plan, on its own agenda item."""
    item = add_agenda_item(session, title="Work plan 2027", minutes=30, by=secretary)
    return propose_motion(
        session, agenda_item=item, title="Adopt the work plan 2027", text="Adopted.", by=secretary
    )
