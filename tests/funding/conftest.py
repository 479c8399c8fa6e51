"""The funding tests' shared scene: a Sofia member in a partnership with a Berlin cluster, and a
confirmed CORDIS project with a Portuguese co-participant."""

import pytest
from django.utils import timezone

from matchfair.community.models import Cluster, Membership, Network
from matchfair.funding.domain.topics import import_topics
from matchfair.funding.models import Participation, PastProject
from matchfair.funding.portal import parse_search_results
from matchfair.outcomes.domain.consents import grant
from matchfair.outcomes.domain.ladder import record_step
from matchfair.outcomes.models import Stage
from tests import factories
from tests.browser.helpers import release_meeting
from tests.factories import OrganisationFactory, UserFactory
from tests.funding.helpers import fixture_results


@pytest.fixture
def scene():
    return make_scene()


def make_scene():
    """The lead member, Volta Mobility, and a staff member of its cluster (see the module)."""
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


def meet(lead, other_organisation, *, stage, share=True):
    """A person of `lead` met a person of `other_organisation` at an expo; the lead's person
    reported `stage` on the follow-up ladder; with `share`, both granted the stage reached
    (the lead's person to their cluster's staff, the other to the public)."""
    event = factories.b2b_event()
    mine = factories.RegistrationFactory(event=event, user__organisation=lead)
    theirs = factories.RegistrationFactory(event=event, user__organisation=other_organisation)
    meeting = release_meeting(event, mine, theirs)
    record_step(meeting=meeting, stage=stage, on=timezone.localdate(), by=mine.user)
    if share:
        for scope in ("met", "stage"):
            grant(user=mine.user, scope=scope, audience="cluster_staff", by=mine.user)
            grant(user=theirs.user, scope=scope, audience="public", by=theirs.user)
    return meeting


@pytest.fixture
def barcelona(scene):
    return make_barcelona(scene[0])


def make_barcelona(lead):
    """A city the lead met in Barcelona, a valuable contact both people share."""
    city = OrganisationFactory(name="Ajuntament de Barcelona", country="ES", kind="city")
    meeting = meet(lead, city, stage=Stage.VALUABLE_CONTACT)
    return city, meeting
