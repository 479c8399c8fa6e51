"""The funding tests' shared scene: a Sofia member in a partnership with a Berlin cluster, and a
confirmed CORDIS project with a Portuguese co-participant."""

import pytest

from matchfair.community.models import Cluster, Membership, Network
from matchfair.funding.domain.topics import import_topics
from matchfair.funding.models import Participation, PastProject
from matchfair.funding.portal import parse_search_results
from tests.factories import OrganisationFactory, UserFactory
from tests.funding.helpers import fixture_results


@pytest.fixture
def scene():
    import_topics(parse_search_results(fixture_results()))
    sofia = Cluster.objects.create(
        organisation=OrganisationFactory(name="Sofia Cluster", kind="cluster")
    )
    berlin = Cluster.objects.create(
        organisation=OrganisationFactory(name="Berlin Cluster", kind="cluster", country="DE")
    )
    partnership = Network.objects.create(name="Green Cities Partnership", kind="partnership")
    sofia.networks.add(partnership)
    berlin.networks.add(partnership)
    lead = OrganisationFactory(
        name="Volta Mobility", description="Smart charging of electric vehicles"
    )
    Membership.objects.create(cluster=sofia, organisation=lead)
    for name, country, kind in [("Ladepunkt", "DE", "company"), ("TU Grid", "DE", "research")]:
        Membership.objects.create(
            cluster=berlin, organisation=OrganisationFactory(name=name, country=country, kind=kind)
        )
    project = PastProject.objects.create(
        cordis_id="101096001",
        acronym="SOFIAMOVE",
        title="Smart charging hubs",
        objective="charging",
    )
    Participation.objects.create(
        project=project,
        cordis_organisation_id="1",
        name="VOLTA",
        organisation=lead,
        match="confirmed",
    )
    Participation.objects.create(
        project=project,
        cordis_organisation_id="3",
        name="CAMARA MUNICIPAL DO PORTO",
        country="PT",
        activity_type="PUB",
    )
    staff = UserFactory(organisation=sofia.organisation)
    return lead, staff
