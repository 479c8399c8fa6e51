import datetime as dt

import pytest

from matchfair.community.models import Cluster, Membership
from matchfair.funding.domain.digests import send_weekly_digest
from matchfair.funding.domain.topics import import_topics
from matchfair.funding.models import Subscription
from matchfair.funding.portal import parse_search_results
from matchfair.outbox.models import Message
from tests.factories import OrganisationFactory, UserFactory
from tests.funding.helpers import fixture_results

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    cluster = Cluster.objects.create(
        organisation=OrganisationFactory(name="Cluster", kind="cluster")
    )
    volta = OrganisationFactory(name="Volta", description="Smart charging of electric vehicles")
    Membership.objects.create(cluster=cluster, organisation=volta)
    import_topics(parse_search_results(fixture_results()))
    return UserFactory(organisation=volta, email="volta@example.org", language="en")


def test_weekly_digest_lists_the_followed_calls_once_a_week(person):
    Subscription.objects.create(user=person, programme="Horizon Europe", domain="mobility")
    sent = [
        send_weekly_digest(today=dt.date(2026, 12, 7)),
        send_weekly_digest(today=dt.date(2026, 12, 9)),
        send_weekly_digest(today=dt.date(2026, 12, 14)),
    ]
    first = Message.objects.order_by("pk").first()
    topics = [line.split(":")[0] for line in first.body.splitlines() if line.startswith("- ")]
    assert (sent, first.subject, topics[0], len(topics)) == (
        [1, 0, 1],
        "Funding calls that fit you this week",
        "- HORIZON-CL5-2027-D5-02",
        6,  # the open and forthcoming Horizon Europe mobility topics of the fixture
    )


def test_no_followed_call_no_digest(person):
    Subscription.objects.create(user=person, programme="LIFE", domain="health")
    assert (send_weekly_digest(today=dt.date(2026, 12, 7)), Message.objects.count()) == (0, 0)
