import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, connection

from matchfair.assembly.domain.casting import cast_ballot
from matchfair.assembly.domain.counting import open_election
from matchfair.assembly.models import Ballot, RollEntry
from matchfair.assembly.record import tracker_of
from matchfair.audit.models import AuditEntry
from matchfair.outbox.models import Message
from tests.assembly.conftest import attend

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_board(board_election, secretary):
    election, candidacies = board_election
    return open_election(election, by=secretary), candidacies


def test_casting_writes_a_roll_row_and_a_ballot_with_its_tracker(open_board, members, lyon_people):
    election, (camille, _frederik, rita) = open_board
    tracker = cast_ballot(
        election, voter=members[1], choices=[rita.pk, camille.pk], by=lyon_people[1]
    ).tracker
    ballot = Ballot.objects.get()
    assert (
        list(RollEntry.objects.values_list("election", "cluster")),
        ballot.box,
        ballot.choices,
        tracker,
        ballot.tracker,
    ) == (
        [(election.pk, members[1].pk)],
        election.box,
        [rita.pk, camille.pk],
        tracker_of(election.box, [rita.pk, camille.pk], ballot.nonce),
        tracker,
    )


def test_the_tracker_is_mailed_to_the_voter(open_board, members, lyon_people):
    election, (camille, *_) = open_board
    tracker = cast_ballot(
        election, voter=members[1], choices=[camille.pk], by=lyon_people[0]
    ).tracker
    message = Message.objects.get(kind="assembly.tracker")
    assert (message.to, tracker in message.body, str(camille.pk) in message.subject) == (
        lyon_people[0].email,
        True,
        False,
    )


def test_the_audit_says_that_a_member_voted_never_what(open_board, members, lyon_people):
    election, (camille, *_) = open_board
    tracker = cast_ballot(
        election, voter=members[1], choices=[camille.pk], by=lyon_people[0]
    ).tracker
    entry = AuditEntry.objects.get(action="assembly.ballot_cast")
    ballot = Ballot.objects.get()
    assert (entry.details, tracker in str(entry.details), ballot.pk in str(entry.details)) == (
        {"member": members[1].pk},
        False,
        False,
    )


def test_a_member_votes_once_whoever_of_its_people_casts(open_board, members, lyon_people):
    election, (camille, frederik, _) = open_board
    cast_ballot(election, voter=members[1], choices=[camille.pk], by=lyon_people[0])
    with pytest.raises(ValidationError, match="Lyon Urban Lab has already voted"):
        cast_ballot(election, voter=members[1], choices=[frederik.pk], by=lyon_people[2])
    assert (RollEntry.objects.count(), Ballot.objects.count()) == (1, 1)


def test_only_a_checked_in_delegate_or_substitute_of_the_member_votes(
    open_board, members, session, secretary, aarhus_delegate
):
    election, (camille, *_) = open_board
    late = attend(session, members[3], "Paulo Late", "delegate", by=secretary, checked_in=False)
    for person, member in ((late, members[3]), (aarhus_delegate, members[1])):
        with pytest.raises(PermissionDenied, match="checked-in delegate or substitute"):
            cast_ballot(election, voter=member, choices=[camille.pk], by=person)
    assert (RollEntry.objects.count(), Ballot.objects.count()) == (0, 0)


def test_the_member_is_given_by_its_id_as_the_ballot_form_names_it(
    open_board, members, lyon_people
):
    election, (camille, *_) = open_board
    receipt = cast_ballot(election, voter=members[1].pk, choices=[camille.pk], by=lyon_people[0])
    assert (
        receipt.member.pk,
        str(receipt.member),
        list(RollEntry.objects.values_list("cluster", flat=True)),
        Message.objects.get().body.splitlines()[2],
    ) == (members[1].pk, "Lyon Urban Lab", [members[1].pk], "A ballot was cast for Lyon Urban Lab.")


def test_an_id_that_names_no_member_is_refused(open_board, lyon_people):
    election, (camille, *_) = open_board
    with pytest.raises(PermissionDenied, match="Only a member's checked-in delegate or substitute"):
        cast_ballot(election, voter=999_999, choices=[camille.pk], by=lyon_people[0])
    assert (RollEntry.objects.count(), Ballot.objects.count()) == (0, 0)


def test_bad_choices_are_refused(open_board, members, lyon_people):
    election, (camille, *_) = open_board
    for choices, problem in (
        ([], "Choose at least one candidate"),
        ([camille.pk, camille.pk], "ranked only once"),
        ([999_999], "999999 is not a candidate"),
    ):
        with pytest.raises(ValidationError, match=problem):
            cast_ballot(election, voter=members[1], choices=choices, by=lyon_people[0])


def test_no_ballot_before_voting_opens(board_election, members, lyon_people):
    election, (camille, *_) = board_election
    with pytest.raises(ValidationError, match="Voting in this election is not open"):
        cast_ballot(election, voter=members[1], choices=[camille.pk], by=lyon_people[0])


def _refuse_ballots():
    """A database trigger that makes every ballot insert fail: the failure comes after the roll
    row is written, inside the same transaction."""
    table = Ballot._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                f"CREATE TRIGGER refuse_ballots BEFORE INSERT ON {table} "
                "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
            )
        else:
            cursor.execute(
                "CREATE FUNCTION refuse_ballots() RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                f"CREATE TRIGGER refuse_ballots BEFORE INSERT ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION refuse_ballots()"
            )


def test_a_failure_between_the_two_writes_leaves_neither(open_board, members, lyon_people):
    election, (camille, *_) = open_board
    _refuse_ballots()
    with pytest.raises(DatabaseError, match="injected failure"):
        cast_ballot(election, voter=members[1], choices=[camille.pk], by=lyon_people[0])
    assert (
        RollEntry.objects.count(),
        Ballot.objects.count(),
        AuditEntry.objects.filter(action="assembly.ballot_cast").count(),
        Message.objects.filter(kind="assembly.tracker").count(),
    ) == (0, 0, 0, 0)


def test_the_ballot_table_has_no_foreign_key_no_time_and_no_sequence():
    fields = {
        column.name: type(column).__name__
        for column in Ballot._meta.get_fields()
        if getattr(column, "concrete", False)
    }
    with connection.cursor() as cursor:
        relations = connection.introspection.get_relations(cursor, Ballot._meta.db_table)
        described = connection.introspection.get_table_description(cursor, Ballot._meta.db_table)
    assert (fields, relations, sorted(column.name for column in described)) == (
        {
            "id": "CharField",
            "box": "CharField",
            "choices": "JSONField",
            "nonce": "CharField",
            "tracker": "CharField",
            "revote_hash": "CharField",
        },
        {},
        ["box", "choices", "id", "nonce", "revote_hash", "tracker"],
    )


def test_ballot_ids_are_random_not_in_casting_order(
    open_board, members, lyon_people, aarhus_delegate
):
    election, (camille, *_) = open_board
    cast_ballot(election, voter=members[1], choices=[camille.pk], by=lyon_people[0])
    cast_ballot(election, voter=members[2], choices=[camille.pk], by=aarhus_delegate)
    ids = list(Ballot.objects.values_list("pk", flat=True))
    assert ([len(pk) for pk in ids], len(set(ids))) == ([32, 32], 2)
