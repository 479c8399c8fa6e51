"""The demo's ideas board and work plan, loaded onto a partnership shaped like the demo's."""

import datetime as dt

import pytest

from matchfair.assembly.models import Idea, IdeaSupport, Statute, WorkItem
from matchfair.community.models import Cluster, Delegate, Network
from matchfair.demo import scenario
from matchfair.demo.ideas import IDEAS, load_ideas
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def partnership():
    network = Network.objects.create(name=scenario.PARTNERSHIP_NAME, kind="partnership")
    slugs = {scenario.LEAD.slug} | {fact[0] for fact in IDEAS} | {"rhineland-smart", "ebro-smart"}
    slugs |= {slug for fact in IDEAS for slug in fact[6]}
    for slug in sorted(slugs):
        cluster = Cluster.objects.create(
            organisation=factories.OrganisationFactory(
                name=slug, kind="cluster", website=f"https://{slug}{scenario.WEBSITE_SUFFIX}"
            )
        )
        cluster.networks.add(network)
        user = factories.UserFactory(organisation=cluster.organisation)
        Delegate.objects.create(network=network, cluster=cluster, user=user)
        if slug == scenario.LEAD.slug:
            factories.UserFactory(
                email=f"organiser@{slug}{scenario.EMAIL_DOMAIN_SUFFIX}",
                organisation=cluster.organisation,
            )
    return network


def test_load_ideas_fills_the_board_and_the_work_plan_once(partnership):
    load_ideas(today=dt.date(2026, 11, 9))
    load_ideas(today=dt.date(2026, 11, 9))
    statuses = sorted(Idea.objects.values_list("status", flat=True))
    assert (
        statuses.count("new"),
        statuses.count("evaluation"),
        statuses.count("accepted"),
        statuses.count("refused"),
        WorkItem.objects.count(),
        Idea.objects.filter(status="accepted", work_item__isnull=True).count(),
        IdeaSupport.objects.count(),
        Statute.objects.get().secretariat.organisation.name,
    ) == (4, 3, 2, 1, 5, 0, sum(len(fact[6]) for fact in IDEAS), scenario.LEAD.slug)


def test_load_ideas_without_the_partnership_does_nothing():
    load_ideas()
    assert Idea.objects.count() == 0
