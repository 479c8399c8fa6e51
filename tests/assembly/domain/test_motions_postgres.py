"""Motion votes cast at once on PostgreSQL, each in its own thread and connection: a member's
delegate, its substitutes and the holder of its proxy still give the member one vote."""

import pytest

from matchfair.assembly.domain.motions import (
    cast_motion_vote,
    open_motion_vote,
    propose_motion,
    second_motion,
)
from matchfair.assembly.domain.proxies import give_proxy
from matchfair.assembly.domain.sessions import add_agenda_item
from matchfair.assembly.models import Attendee, Motion, MotionVote
from tests.deploy.test_concurrency import at_once, kinds

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_fifty_two_motion_votes_at_once_for_one_member_make_one_roll_row_and_one_vote(
    session, members, lyon_people, aarhus_delegate, secretary
):
    item = add_agenda_item(session, title="Work plan", minutes=20, by=secretary)
    motion = propose_motion(
        session, agenda_item=item, title="Adopt", text="Adopt it.", by=aarhus_delegate
    )
    second_motion(motion, by=lyon_people[0])
    give_proxy(
        session,
        cluster=members[1],
        holder=Attendee.objects.get(user=aarhus_delegate),
        by=secretary,
    )
    open_motion_vote(motion, by=secretary)
    people = [*lyon_people, aarhus_delegate]

    def vote(person, choice):
        def job(barrier):
            barrier.wait()
            return cast_motion_vote(motion, voter=members[1], choice=choice, by=person)

        return job

    jobs = [vote(people[i % 4], ("yes", "no", "abstain")[i % 3]) for i in range(52)]
    outcomes = at_once(*jobs)
    motion = Motion.objects.get(pk=motion.pk)
    assert (
        kinds(outcomes),
        MotionVote.objects.count(),
        motion.yes + motion.no + motion.abstain,
    ) == (
        {"MotionVote": 1, "ValidationError": 51},
        1,
        1,
    )
