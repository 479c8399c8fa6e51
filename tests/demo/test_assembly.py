"""The demo's assembly, loaded onto a partnership shaped like the demo's: twelve members, each
with its standing delegate, the Sofia cluster's organiser as the secretariat."""

import pytest
from django.contrib.auth.hashers import make_password

from matchfair.assembly.domain.counting import election_record
from matchfair.assembly.domain.sessions import quorum
from matchfair.assembly.models import Ballot, Election, Motion, Proxy, RollEntry, Session
from matchfair.assembly.record import verify
from matchfair.community.models import Cluster, Delegate, Network
from matchfair.demo import scenario
from matchfair.demo.assembly import delete_assembly, load_assembly
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def partnership():
    network = Network.objects.create(name=scenario.PARTNERSHIP_NAME, kind="partnership")
    password = make_password(scenario.PASSWORD)
    for fact in (scenario.LEAD, *scenario.PARTNERSHIP):
        cluster = Cluster.objects.create(
            organisation=factories.OrganisationFactory(
                name=fact.name, kind="cluster", website=f"https://{fact.slug}.demo"
            )
        )
        cluster.networks.add(network)
        user = factories.UserFactory(
            email=f"delegate@{fact.slug}.demo", organisation=cluster.organisation, password=password
        )
        Delegate.objects.create(network=network, cluster=cluster, user=user)
        if fact == scenario.LEAD:
            factories.UserFactory(
                email=f"organiser@{fact.slug}.demo", organisation=cluster.organisation
            )
    return network


def test_last_years_meeting_is_closed_counted_published_and_verifiable(partnership):
    event = factories.EventFactory()
    load_assembly(event)
    load_assembly(event)  # once
    last, _this = Session.objects.order_by("date")
    elections = list(last.elections.order_by("pk"))
    records = [election_record(e) for e in elections]
    motion = last.motions.get()
    assert (
        Session.objects.count(),
        [(e.position, e.method, e.status) for e in elections],
        [RollEntry.objects.filter(election=e).count() for e in elections],
        [Ballot.objects.filter(box=e.box).count() for e in elections],
        [verify(record) for record in records],
        [len(e.result["elected"]) for e in elections],
        (motion.status, motion.adopted, motion.yes, motion.abstain),
        last.minutes_published_at is not None,
        last.attendees.filter(checked_in_at__date=last.date).count(),
        Ballot.objects.filter(
            revote_hash__isnull=False, box__in=[e.box for e in elections]
        ).exists(),
    ) == (
        2,
        [
            ("chair", "irv", "published"),
            ("vice-chair", "irv", "published"),
            ("board", "scottish-stv", "published"),
        ],
        [12, 12, 12],
        [12, 12, 12],
        [[], [], []],
        [1, 1, 5],
        ("closed", True, 11, 1),
        True,
        12,
        False,
    )


def test_this_years_meeting_is_the_day_before_the_expo_and_open(partnership):
    event = factories.EventFactory()
    load_assembly(event)
    session = Session.objects.get(date=scenario.ASSEMBLY_DAY)
    chair, board = session.elections.order_by("pk")
    motion = session.motions.get()
    proxy = Proxy.objects.get()
    present = quorum(session)
    agenda = list(session.agenda.values_list("position", "minutes", "presenter"))
    assert (
        session.event == event,
        len(agenda),
        all(minutes and presenter for _p, minutes, presenter in agenda),
        session.attendees.filter(role="delegate").count(),
        session.attendees.filter(role="substitute").count(),
        (proxy.session, proxy.cluster.organisation.name, proxy.withdrawn_at),
        (present.present, present.members, present.by_proxy, present.reached),
        (chair.method, chair.seats, chair.status, chair.candidacies.filter(accepted=True).count()),
        (board.method, board.seats, board.status, board.candidacies.filter(accepted=True).count()),
        all(c.statement_en and c.statement_bg for c in board.candidacies.all()),
        (motion.title, motion.status, motion.threshold),
        Ballot.objects.filter(box__in=[chair.box, board.box]).count(),
        session.network.statute.revoting,
        session.attendees.get(user__email=scenario.DELEGATE.email).checked_in_at is not None,
    ) == (
        True,
        7,
        True,
        12,
        12,
        (session, "Ebro Smart Territories Cluster", None),
        (11, 12, 1, True),
        ("irv", 1, "open", 3),
        ("scottish-stv", 5, "open", 7),
        True,
        ("Adopt the work plan", Motion.Status.SECONDED, "absolute"),
        0,
        True,
        True,
    )


def test_deleting_the_demo_assembly_leaves_no_ballot_behind(partnership):
    load_assembly(factories.EventFactory())
    delete_assembly()
    partnership.delete()
    assert (Ballot.objects.count(), Election.objects.count(), Session.objects.count()) == (0, 0, 0)
