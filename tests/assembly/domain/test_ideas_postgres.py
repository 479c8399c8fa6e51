"""Thirty supports at once on PostgreSQL, from three people of one member, each in its own
thread and connection: the member supports the idea once."""

import pytest

from matchfair.assembly.domain.ideas import propose_idea, support_idea
from matchfair.assembly.models import IdeaSupport
from tests import factories
from tests.deploy.test_concurrency import at_once, kinds

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_thirty_supports_at_once_for_one_member_make_one_row(network, members, member_people):
    idea = propose_idea(
        network=network,
        cluster=members[1],
        title="Shared mobility data space",
        description_en="x",
        by=member_people[1],
    )
    aarhus = [member_people[2]] + [
        factories.UserFactory(organisation=members[2].organisation) for _ in range(2)
    ]

    def support(person):
        def job(barrier):
            barrier.wait()
            return support_idea(idea, cluster=members[2], by=person)

        return job

    outcomes = at_once(*[support(aarhus[i % 3]) for i in range(30)])
    assert (kinds(outcomes), IdeaSupport.objects.filter(idea=idea).count()) == (
        {"IdeaSupport": 1, "ValidationError": 29},
        1,
    )
