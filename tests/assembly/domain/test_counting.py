import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from matchfair.assembly.domain.casting import cast_ballot
from matchfair.assembly.domain.counting import (
    TRACKER_MAIL_REMOVED,
    board,
    board_head,
    close_election,
    open_election,
    publish_election,
)
from matchfair.assembly.models import Ballot, Election
from matchfair.assembly.record import BOARD_FORMAT, canonical_ballot
from matchfair.outbox.models import Message
from tests.assembly.conftest import attend

pytestmark = pytest.mark.django_db


@pytest.fixture
def voted(board_election, session, members, secretary, lyon_people, aarhus_delegate):
    """Four members vote on the two-seat board: Camille, Frederik and Rita."""
    election, (camille, frederik, rita) = board_election
    open_election(election, by=secretary)
    porto = attend(session, members[3], "Paulo", "delegate", by=secretary)
    sofia = attend(session, members[0], "Sofia", "delegate", by=secretary)
    trackers = [
        cast_ballot(election, voter=members[1], choices=[camille.pk, rita.pk], by=lyon_people[0]),
        cast_ballot(election, voter=members[2], choices=[frederik.pk], by=aarhus_delegate),
        cast_ballot(election, voter=members[3], choices=[camille.pk, frederik.pk], by=porto),
        cast_ballot(election, voter=members[0], choices=[frederik.pk, rita.pk], by=sofia),
    ]
    trackers = [receipt.tracker for receipt in trackers]
    return election, trackers


def test_opening_needs_as_many_accepted_candidates_as_seats(session, secretary):
    election = Election.objects.create(session=session, position="chair", method="irv")
    with pytest.raises(ValidationError, match="1 seats need at least as many accepted"):
        open_election(election, by=secretary)


def test_only_the_secretariat_opens_closes_and_publishes(board_election, lyon_people):
    election, _ = board_election
    for action in (open_election, close_election, publish_election):
        with pytest.raises(PermissionDenied, match="secretariat"):
            action(election, by=lyon_people[0])


def test_closing_counts_the_box_with_the_voting_engine(voted, secretary):
    election, _ = voted
    closed = close_election(election, by=secretary)
    result = closed.result
    assert (
        closed.status,
        result["format"],
        result["method"],
        result["valid_ballots"],
        sorted(e["name"] for e in result["elected"]),
        len(result["rounds"]) >= 1,
        result["seed"],
    ) == (
        "closed",
        "matchfair-tally/1",
        "scottish-stv",
        4,
        ["Camille (Lyon Urban Lab)", "Frederik (Aarhus Digital)"],
        True,
        closed.seed,
    )


def test_no_ballot_lands_after_the_count(voted, secretary, members, lyon_people):
    election, _ = voted
    close_election(election, by=secretary)
    camille = election.candidacies.first()
    with pytest.raises(ValidationError, match="not open"):
        cast_ballot(election, voter=members[1], choices=[camille.pk], by=lyon_people[1])


def test_the_board_lists_every_tracker_in_a_hash_chain(voted, secretary):
    election, trackers = voted
    closed = close_election(election, by=secretary)
    entries = board(closed)
    link = hashlib.sha256(f"{BOARD_FORMAT}|{closed.box}".encode()).hexdigest()
    for entry in entries:
        line = f"{link}|{entry.tracker}|{canonical_ballot(closed.box, entry.choices)}|{entry.nonce}"
        link = hashlib.sha256(line.encode()).hexdigest()
        assert entry.link == link
    assert ([e.tracker for e in entries], closed.board_head) == (sorted(trackers), link)


def test_changing_one_ballot_changes_the_board_head(voted, secretary):
    election, _ = voted
    closed = close_election(election, by=secretary)
    ballot = Ballot.objects.order_by("tracker").first()
    ballot.choices = [*list(reversed(ballot.choices)), 0]
    ballot.save()
    assert board_head(closed) != closed.board_head


def test_closing_removes_the_tracker_from_delivered_mails(voted, secretary):
    election, _trackers = voted
    Message.objects.filter(kind="assembly.tracker").update(status=Message.Status.SENT)
    close_election(election, by=secretary)
    assert set(Message.objects.filter(kind="assembly.tracker").values_list("body", flat=True)) == {
        TRACKER_MAIL_REMOVED
    }


def test_publishing_follows_the_count(voted, secretary):
    election, _ = voted
    with pytest.raises(ValidationError, match="Only a counted election"):
        publish_election(election, by=secretary)
    close_election(election, by=secretary)
    assert publish_election(election, by=secretary).status == "published"
