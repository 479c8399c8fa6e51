import re

import pytest
from django.urls import reverse

from matchfair.community.models import Cluster, Membership
from matchfair.funding.domain.topics import import_topics
from matchfair.funding.models import Participation, PastProject, Topic
from matchfair.funding.portal import parse_search_results
from tests.factories import OrganisationFactory, UserFactory
from tests.funding.helpers import fixture_results

pytestmark = pytest.mark.django_db


@pytest.fixture
def volta():
    cluster = Cluster.objects.create(
        organisation=OrganisationFactory(name="Cluster", kind="cluster")
    )
    organisation = OrganisationFactory(
        name="Volta Mobility", description="Smart charging of electric vehicles"
    )
    Membership.objects.create(cluster=cluster, organisation=organisation)
    import_topics(parse_search_results(fixture_results()))
    return organisation


def test_calls_for_you_lists_the_best_topic_first_with_reasons(client, volta):
    client.force_login(UserFactory(organisation=volta))
    page = client.get(reverse("funding:calls")).content.decode()
    identifiers = re.findall(r"topic-details/([a-z0-9-]+)", page)
    assert (identifiers[0], "Terms: charging, electric, smart, vehicles" in page) == (
        "horizon-cl5-2027-d5-02",
        True,
    )


def test_staff_see_a_call_with_their_members_ranked(client, volta):
    staff = UserFactory(organisation=Cluster.objects.get().organisation)
    client.force_login(staff)
    topic = Topic.objects.get(identifier="HORIZON-CL5-2027-D5-02")
    response = client.get(reverse("funding:topic", args=[topic.pk]))
    assert [row.organisation for row in response.context["rows"]] == [volta]


def test_a_member_confirms_its_project_on_the_page(client, volta):
    person = UserFactory(organisation=volta)
    project = PastProject.objects.create(cordis_id="1", acronym="SOFIAMOVE", title="Hubs")
    participation = Participation.objects.create(
        project=project,
        cordis_organisation_id="9",
        name="VOLTA",
        organisation=volta,
        match="proposed",
    )
    client.force_login(person)
    response = client.post(reverse("funding:decide", args=[participation.pk]), {"confirm": "1"})
    participation.refresh_from_db()
    assert (response.status_code, participation.match) == (302, "confirmed")


def test_staff_propose_a_consortium_from_the_call_page(client, scene):
    lead, staff = scene
    topic = Topic.objects.get(identifier="HORIZON-CL5-2027-D5-02")
    client.force_login(staff)
    response = client.post(
        reverse("funding:build_consortium", args=[topic.pk]), {"lead": lead.pk}, follow=True
    )
    rows = re.findall(r"<td>([^<]+)<br><span class=\"muted\">", response.content.decode())
    assert (response.redirect_chain[-1][0].startswith("/funding/consortia/"), rows[0]) == (
        True,
        "Volta Mobility",
    )
