"""Re-voting: where the statute allows it, the key given at casting replaces that ballot while
voting is open; nothing else changes, and nothing links the ballot to a voter."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from matchfair.assembly.domain.casting import cast_ballot, revote, revote_hash
from matchfair.assembly.domain.counting import close_election, open_election, publish_election
from matchfair.assembly.models import Ballot, RollEntry, Statute
from matchfair.assembly.record import tracker_of
from matchfair.audit.models import AuditEntry
from matchfair.outbox.models import Message
from tests.assembly.conftest import stand

pytestmark = pytest.mark.django_db


@pytest.fixture
def revoting(network, secretary):
    Statute.objects.filter(network=network).update(revoting=True)


@pytest.fixture
def open_board(revoting, board_election, secretary):
    election, candidacies = board_election
    return open_election(election, by=secretary), candidacies


def _box(election):
    return sorted(Ballot.objects.filter(box=election.box).values_list("tracker", "choices"))


def test_casting_gives_a_key_and_the_ballot_keeps_only_its_hash(open_board, members, lyon_people):
    election, (camille, *_) = open_board
    receipt = cast_ballot(election, voter=members[1], choices=[camille.pk], by=lyon_people[0])
    ballot = Ballot.objects.get()
    assert (
        len(receipt.revote_key),
        ballot.revote_hash,
        receipt.revote_key in str(Ballot.objects.values().get()),
    ) == (32, revote_hash(election.box, members[1].pk, receipt.revote_key), False)


def test_a_revote_replaces_the_ballot_with_a_new_tracker(
    open_board, members, lyon_people, aarhus_delegate
):
    election, (camille, frederik, rita) = open_board
    first = cast_ballot(election, voter=members[1], choices=[camille.pk], by=lyon_people[0])
    other = cast_ballot(election, voter=members[2], choices=[rita.pk], by=aarhus_delegate)
    # Another of Lyon's people presents the key: Lyon's ballot changes, Aarhus's stays.
    second = revote(
        election,
        voter=members[1],
        key=first.revote_key.upper(),
        choices=[frederik.pk, camille.pk],
        by=lyon_people[2],
    )
    new = Ballot.objects.get(tracker=second.tracker)
    assert (
        second.tracker != first.tracker,
        second.revote_key,
        Ballot.objects.filter(tracker=first.tracker).exists(),
        _box(election),
        new.tracker == tracker_of(election.box, [frederik.pk, camille.pk], new.nonce),
        list(RollEntry.objects.values_list("cluster", flat=True).order_by("cluster")),
    ) == (
        True,
        first.revote_key,
        False,
        sorted([(other.tracker, [rita.pk]), (second.tracker, [frederik.pk, camille.pk])]),
        True,
        sorted([members[1].pk, members[2].pk]),
    )


def test_the_key_serves_again_until_voting_closes(open_board, members, lyon_people, secretary):
    election, (camille, frederik, rita) = open_board
    receipt = cast_ballot(election, voter=members[1], choices=[camille.pk], by=lyon_people[0])
    for choice in (frederik, rita):
        revote(
            election,
            voter=members[1],
            key=receipt.revote_key,
            choices=[choice.pk],
            by=lyon_people[0],
        )
    assert [choices for _t, choices in _box(election)] == [[rita.pk]]
    closed = close_election(election, by=secretary)
    assert Ballot.objects.filter(revote_hash__isnull=False).count() == 0
    with pytest.raises(ValidationError, match="not open"):
        revote(
            closed,
            voter=members[1],
            key=receipt.revote_key,
            choices=[camille.pk],
            by=lyon_people[0],
        )
    assert closed.result["elected"][0]["name"].startswith("Rita")


def test_a_wrong_key_is_refused_and_nothing_changes(open_board, members, lyon_people):
    election, (camille, frederik, _) = open_board
    receipt = cast_ballot(election, voter=members[1], choices=[camille.pk], by=lyon_people[0])
    before = (_box(election), AuditEntry.objects.count(), Message.objects.count())
    for key, problem in (
        ("0" * 32, "does not open a ballot"),
        (receipt.revote_key[:-1] + "x", "does not open a ballot"),
        ("  ", "Enter the re-vote key"),
    ):
        with pytest.raises(ValidationError, match=problem):
            revote(election, voter=members[1], key=key, choices=[frederik.pk], by=lyon_people[0])
    assert (_box(election), AuditEntry.objects.count(), Message.objects.count()) == before


def test_a_key_of_another_election_opens_nothing(
    open_board, members, lyon_people, session, secretary
):
    election, (camille, *_) = open_board
    chair = session.elections.create(position="chair", method="irv")
    chair_candidacy = stand(chair, members[3], "Paula", by=secretary, nominated_by=members[0])
    open_election(chair, by=secretary)
    cast_ballot(chair, voter=members[1], choices=[chair_candidacy.pk], by=lyon_people[0])
    board_receipt = cast_ballot(election, voter=members[1], choices=[camille.pk], by=lyon_people[0])
    with pytest.raises(ValidationError, match="does not open a ballot"):
        revote(
            chair,
            voter=members[1],
            key=board_receipt.revote_key,
            choices=[chair_candidacy.pk],
            by=lyon_people[0],
        )


def test_no_revoting_where_the_statute_says_no(
    board_election, network, members, lyon_people, aarhus_delegate, secretary
):
    election, (camille, frederik, _) = board_election
    open_election(election, by=secretary)
    receipt = cast_ballot(election, voter=members[1], choices=[camille.pk], by=lyon_people[0])
    assert (receipt.revote_key, Ballot.objects.get().revote_hash) == ("", None)
    # Even a key given while the statute allowed it opens nothing once the statute says no.
    Statute.objects.filter(network=network).update(revoting=True)
    keyed = cast_ballot(election, voter=members[2], choices=[camille.pk], by=aarhus_delegate)
    Statute.objects.filter(network=network).update(revoting=False)
    with pytest.raises(ValidationError, match="do not allow changing a ballot"):
        revote(
            election,
            voter=members[2],
            key=keyed.revote_key,
            choices=[frederik.pk],
            by=aarhus_delegate,
        )
    assert [c for _t, c in _box(election)] == [[camille.pk], [camille.pk]]


def test_only_someone_who_votes_for_the_member_may_present_its_key(
    open_board, members, lyon_people, aarhus_delegate
):
    election, (camille, frederik, _) = open_board
    receipt = cast_ballot(election, voter=members[1], choices=[camille.pk], by=lyon_people[0])
    with pytest.raises(PermissionDenied, match="checked-in delegate or substitute"):
        revote(
            election,
            voter=members[1],
            key=receipt.revote_key,
            choices=[frederik.pk],
            by=aarhus_delegate,
        )
    with pytest.raises(ValidationError, match="has not voted in this election yet"):
        revote(
            election,
            voter=members[2],
            key=receipt.revote_key,
            choices=[frederik.pk],
            by=aarhus_delegate,
        )
    # Aarhus has voted too: Lyon's key still opens Lyon's ballot only.
    cast_ballot(election, voter=members[2], choices=[frederik.pk], by=aarhus_delegate)
    with pytest.raises(ValidationError, match="does not open a ballot"):
        revote(
            election,
            voter=members[2],
            key=receipt.revote_key,
            choices=[camille.pk],
            by=aarhus_delegate,
        )
    assert sorted(c for _t, c in _box(election)) == sorted([[camille.pk], [frederik.pk]])


def test_the_audit_says_a_member_changed_its_ballot_never_what(open_board, members, lyon_people):
    election, (camille, frederik, _) = open_board
    receipt = cast_ballot(election, voter=members[1], choices=[camille.pk], by=lyon_people[0])
    again = revote(
        election, voter=members[1], key=receipt.revote_key, choices=[frederik.pk], by=lyon_people[0]
    )
    entry = AuditEntry.objects.get(action="assembly.ballot_replaced")
    details = str(entry.details)
    assert (entry.details, again.tracker in details, receipt.revote_key in details) == (
        {"member": members[1].pk},
        False,
        False,
    )


def test_the_new_tracker_and_the_key_are_mailed_and_scrubbed_after_the_count(
    open_board, members, lyon_people, secretary
):
    election, (camille, frederik, _) = open_board
    receipt = cast_ballot(election, voter=members[1], choices=[camille.pk], by=lyon_people[0])
    again = revote(
        election, voter=members[1], key=receipt.revote_key, choices=[frederik.pk], by=lyon_people[1]
    )
    mails = list(Message.objects.filter(kind="assembly.tracker").order_by("pk"))
    assert [
        (m.to, receipt.revote_key in m.body, m.key.count(receipt.revote_key)) for m in mails
    ] == [(lyon_people[0].email, True, 0), (lyon_people[1].email, True, 0)]
    assert again.tracker in mails[1].body
    Message.objects.update(status=Message.Status.SENT)
    publish_election(close_election(election, by=secretary), by=secretary)
    assert [
        (receipt.revote_key in m.body, again.tracker in m.body)
        for m in Message.objects.filter(kind="assembly.tracker")
    ] == [(False, False), (False, False)]
