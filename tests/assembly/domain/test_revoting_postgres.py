"""Two re-votes with the same key at once on PostgreSQL, each in its own thread and connection:
they run one after the other under the election's lock, and the box keeps one ballot for the
key; the roll keeps its one row for the member."""

import pytest

from matchfair.assembly.domain.casting import cast_ballot, revote, revote_hash
from matchfair.assembly.domain.counting import open_election
from matchfair.assembly.models import Ballot, RollEntry, Statute
from tests.deploy.test_concurrency import at_once, kinds

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("racers", [2, 12])
def test_revotes_racing_with_the_same_key_leave_one_ballot_for_it(
    racers, network, board_election, members, lyon_people, secretary
):
    Statute.objects.filter(network=network).update(revoting=True)
    election, (camille, frederik, rita) = board_election
    open_election(election, by=secretary)
    receipt = cast_ballot(election, voter=members[1], choices=[camille.pk], by=lyon_people[0])

    def job_for(person, choice):
        def job(barrier):
            barrier.wait()
            return revote(
                election, voter=members[1], key=receipt.revote_key, choices=[choice], by=person
            )

        return job

    outcomes = at_once(
        *(job_for(lyon_people[i % 3], (frederik, rita)[i % 2].pk) for i in range(racers))
    )
    last = Ballot.objects.get()
    assert (
        kinds(outcomes),
        Ballot.objects.filter(
            revote_hash=revote_hash(election.box, members[1].pk, receipt.revote_key)
        ).count(),
        RollEntry.objects.count(),
        last.tracker in {o.tracker for o in outcomes},
        last.choices in ([frederik.pk], [rita.pk]),
    ) == ({"Receipt": racers}, 1, 1, True, True)
