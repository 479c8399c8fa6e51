"""Fifty-one casts at once on PostgreSQL, from a member's delegate and two substitutes, each in
its own thread and connection: the member still votes once."""

import pytest

from matchfair.assembly.domain.casting import cast_ballot
from matchfair.assembly.domain.counting import open_election
from matchfair.assembly.models import Ballot, RollEntry
from tests.deploy.test_concurrency import at_once, kinds

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_fifty_one_casts_at_once_for_one_member_make_one_roll_row_and_one_ballot(
    board_election, members, lyon_people, secretary
):
    election, (camille, frederik, rita) = board_election
    open_election(election, by=secretary)

    def cast(person, choice):
        def job(barrier):
            barrier.wait()
            return cast_ballot(election, voter=members[1], choices=[choice], by=person)

        return job

    jobs = [cast(lyon_people[i % 3], (camille, frederik, rita)[i % 3].pk) for i in range(51)]
    outcomes = at_once(*jobs)
    assert (kinds(outcomes), RollEntry.objects.count(), Ballot.objects.count()) == (
        {"str": 1, "ValidationError": 50},
        1,
        1,
    )
