import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from matchfair.assembly.domain.casting import cast_ballot
from matchfair.assembly.domain.counting import close_election, open_election
from matchfair.assembly.domain.minutes import minutes_pdf, publish_minutes
from matchfair.assembly.domain.motions import (
    cast_motion_vote,
    close_motion_vote,
    open_motion_vote,
    propose_motion,
    second_motion,
)
from matchfair.assembly.domain.proxies import give_proxy
from matchfair.assembly.domain.sessions import add_agenda_item
from matchfair.assembly.models import Attendee
from tests.assembly.conftest import attend

pytestmark = pytest.mark.django_db


@pytest.fixture
def held_session(session, members, secretary, board_election, aarhus_delegate):
    """Lyon and Aarhus present, Porto represented by Aarhus, Sofia absent; a motion adopted
    after an amendment was rejected; the board elected."""
    lea = attend(session, members[1], "Lea Delegate", "delegate", by=secretary)
    pia = attend(session, members[3], "Pia Porto", "delegate", by=secretary, checked_in=False)
    give_proxy(
        session, cluster=members[3], holder=Attendee.objects.get(user=aarhus_delegate), by=pia
    )
    item = add_agenda_item(session, title="Work plan 2027", minutes=20, by=secretary)
    motion = second_motion(
        propose_motion(
            session, agenda_item=item, title="Adopt the work plan", text="Adopted.", by=lea
        ),
        by=aarhus_delegate,
    )
    amendment = second_motion(
        propose_motion(session, title="Postpone", text="Next year.", amends=motion, by=lea),
        by=aarhus_delegate,
    )
    for each, choices in ((amendment, ("no", "no", "abstain")), (motion, ("yes", "yes", "no"))):
        open_motion_vote(each, by=secretary)
        for voter, cluster, choice in zip(
            (lea, aarhus_delegate, aarhus_delegate), members[1:], choices, strict=True
        ):
            cast_motion_vote(each, voter=cluster, choice=choice, by=voter)
        close_motion_vote(each, by=secretary)
    election, (camille, frederik, _rita) = board_election
    open_election(election, by=secretary)
    cast_ballot(election, voter=members[1], choices=[camille.pk, frederik.pk], by=lea)
    cast_ballot(election, voter=members[2], choices=[frederik.pk], by=aarhus_delegate)
    close_election(election, by=secretary)
    election.refresh_from_db()
    return session, election


def test_the_minutes_hold_attendance_quorum_motions_and_elections(held_session):
    session, election = held_session
    pdf = minutes_pdf(session, compress=False)
    assert pdf.startswith(b"%PDF")
    for text in (
        b" Annual assembly 2026",
        b"Sofia Tech Cluster: absent",
        b"Lea Delegate \\(voting delegate\\)",
        b"Porto Smart: represented by proxy",
        b"Anders Delegate \\(Aarhus Digital\\)",
        b"Quorum: 3 of 4 members present or represented \\(1 by proxy\\); 2 needed \\(50%\\)",
        b"Porto Smart to Anders Delegate",
        b"Amendment: Postpone",
        b"Yes 0, no 2, abstain 1; votes cast 2 of 4 members; 2 yes needed: rejected.",
        b"Yes 2, no 1, abstain 0; votes cast 3 of 4 members; 2 yes needed: adopted.",
        b"Roll-call: Lyon Urban Lab: yes, Aarhus Digital: yes, Porto Smart: no \\(by proxy\\)",
        b"Ballots cast: 2. Elected: ",
        b"Round 1 \\(first preferences\\)",
        f"Ballot-board head: {election.board_head}".encode(),
        b"Draft: not yet published.",
    ):
        assert text in pdf, text


def test_the_secretariat_publishes_the_minutes_once(held_session, secretary, members):
    session, _election = held_session
    with pytest.raises(PermissionDenied):
        publish_minutes(session, by=Attendee.objects.filter(cluster=members[1]).get().user)
    publish_minutes(session, by=secretary)
    with pytest.raises(ValidationError, match="already published"):
        publish_minutes(session, by=secretary)
    session.refresh_from_db()
    assert session.minutes_published_at is not None
    assert b"Draft: not yet published." not in minutes_pdf(session, compress=False)
