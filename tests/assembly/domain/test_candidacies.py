import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from matchfair.assembly.domain.candidacies import accept, nominate
from matchfair.assembly.domain.counting import open_election
from matchfair.assembly.models import Election
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_nomination_waits_for_the_candidate_to_accept(board_election, members, lyon_people):
    election, _ = board_election
    candidate = factories.UserFactory(
        full_name="Sofia Candidate", organisation=members[0].organisation
    )
    candidacy = nominate(
        election,
        nominated_by=members[1],
        cluster=members[0],
        candidate=candidate,
        statement_bg="Ще служа.",
        by=lyon_people[0],
    )
    accepted = accept(candidacy, statement_en="I will serve.", by=candidate)
    assert (
        candidacy.accepted,
        accepted.accepted,
        accepted.statement_en,
        accepted.statement_bg,
    ) == (False, True, "I will serve.", "Ще служа.")


def test_one_candidate_per_member_per_position(board_election, members, secretary):
    election, _ = board_election
    with pytest.raises(
        ValidationError, match="Lyon Urban Lab already has a candidate for the board"
    ):
        nominate(
            election,
            nominated_by=members[0],
            cluster=members[1],
            candidate=factories.UserFactory(),
            by=secretary,
        )


def test_a_member_nominates_only_through_its_own_people(board_election, members, lyon_people):
    election, _ = board_election
    with pytest.raises(PermissionDenied, match="delegate or substitute nominates"):
        nominate(
            election,
            nominated_by=members[2],
            cluster=members[0],
            candidate=factories.UserFactory(),
            by=lyon_people[0],
        )


def test_only_the_candidate_accepts(board_election, secretary):
    _, candidacies = board_election
    with pytest.raises(PermissionDenied, match="Only the candidate"):
        accept(candidacies[0], by=secretary)


def test_nominations_close_when_voting_opens(board_election, members, secretary):
    election, _ = board_election
    open_election(election, by=secretary)
    with pytest.raises(ValidationError, match="Nominations for this election are closed"):
        nominate(
            election,
            nominated_by=members[0],
            cluster=members[0],
            candidate=factories.UserFactory(),
            by=secretary,
        )


def test_the_candidate_is_one_of_the_members_people(board_election, members, secretary):
    election, _ = board_election
    stranger = factories.UserFactory(full_name="Stella Stranger")
    with pytest.raises(ValidationError) as error:
        nominate(
            election,
            nominated_by=members[0],
            cluster=members[0],
            candidate=stranger,
            by=secretary,
        )
    assert error.value.message_dict == {
        "candidate": ["Stella Stranger is not one of the people of Sofia Tech Cluster."]
    }


def test_a_person_stands_once_per_position(session, members, secretary):
    election = Election.objects.create(session=session, position="board", seats=2, method="irv")
    # A person of Lyon's whose organisation is also a member organisation of Sofia.
    person = factories.UserFactory(full_name="Paz Both", organisation=members[1].organisation)
    members[0].members.add(members[1].organisation)
    nominate(election, nominated_by=members[1], cluster=members[1], candidate=person, by=secretary)
    with pytest.raises(ValidationError) as error:
        nominate(
            election, nominated_by=members[0], cluster=members[0], candidate=person, by=secretary
        )
    assert error.value.message_dict == {"candidate": ["Paz Both already stands for the board."]}
