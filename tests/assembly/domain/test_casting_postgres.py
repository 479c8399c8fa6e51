"""Fifty-one casts at once on PostgreSQL, from a member's delegate and two substitutes (and the
holder of its proxy), each in its own thread and connection: the member still votes once."""

import pytest

from matchfair.assembly.domain.casting import cast_ballot
from matchfair.assembly.domain.counting import open_election
from matchfair.assembly.domain.proxies import give_proxy
from matchfair.assembly.models import Attendee, Ballot, RollEntry
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
        {"Receipt": 1, "ValidationError": 50},
        1,
        1,
    )


def test_casts_at_once_by_the_members_delegate_and_its_proxy_holder_make_one_ballot(
    session, board_election, members, lyon_people, aarhus_delegate, secretary
):
    """Lyon's delegate and substitutes, and Aarhus's delegate holding Lyon's proxy, all cast for
    Lyon at the same moment: Lyon still votes once."""
    election, (camille, frederik, rita) = board_election
    give_proxy(
        session,
        cluster=members[1],
        holder=Attendee.objects.get(user=aarhus_delegate),
        by=secretary,
    )
    open_election(election, by=secretary)
    people = [*lyon_people, aarhus_delegate]

    def cast(person, choice):
        def job(barrier):
            barrier.wait()
            return cast_ballot(election, voter=members[1], choices=[choice], by=person)

        return job

    jobs = [cast(people[i % 4], (camille, frederik, rita)[i % 3].pk) for i in range(52)]
    outcomes = at_once(*jobs)
    assert (kinds(outcomes), RollEntry.objects.count(), Ballot.objects.count()) == (
        {"Receipt": 1, "ValidationError": 51},
        1,
        1,
    )
