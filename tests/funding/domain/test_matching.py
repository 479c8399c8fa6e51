import datetime as dt

import pytest

from matchfair.community.models import Cluster, Membership, Organisation
from matchfair.funding.domain.matching import calls_for, members_for
from matchfair.funding.domain.topics import import_topics
from matchfair.funding.models import Participation, PastProject, Topic
from matchfair.funding.portal import parse_search_results
from tests.factories import OrganisationFactory
from tests.funding.helpers import fixture_results

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 7)


@pytest.fixture
def catalogue():
    import_topics(parse_search_results(fixture_results()))


@pytest.fixture
def members():
    cluster = Cluster.objects.create(
        organisation=OrganisationFactory(name="Cluster", kind="cluster")
    )
    found = {}
    for name, description in [
        ("Volta Mobility", "Smart charging of electric vehicles and charging infrastructure"),
        ("AquaSense", "Sensors for floods, drought and water networks; nature-based solutions"),
        ("Heatwise", "Heat pumps and district heating for renovated buildings"),
    ]:
        organisation = OrganisationFactory(name=name, description=description)
        Membership.objects.create(cluster=cluster, organisation=organisation)
        found[name] = organisation
    return found


def test_calls_for_a_member_are_upcoming_and_best_first(catalogue, members):
    found = calls_for(members["Volta Mobility"], today=TODAY, limit=3)
    assert (
        found[0].topic.identifier,
        {fit.topic.status for fit in calls_for(members["Volta Mobility"], today=TODAY, limit=100)},
    ) == ("HORIZON-CL5-2027-D5-02", {"open", "forthcoming"})


def test_members_for_a_call_ranks_the_member_working_on_it_first(catalogue, members):
    topic = Topic.objects.get(identifier="HORIZON-MISS-2027-ADAPT-01-01")  # urban floods
    organisations = Organisation.objects.filter(pk__in=[m.pk for m in members.values()])
    found = members_for(topic, organisations=organisations, today=TODAY)
    assert (len(found), found[0].organisation.name, found[0].fit.domains) == (
        3,
        "AquaSense",
        (),
    )


def test_a_confirmed_past_project_is_a_reason(catalogue, members):
    heatwise = members["Heatwise"]
    project = PastProject.objects.create(
        cordis_id="101096002",
        acronym="HEATSHIFT",
        title="Low-temperature district heating with heat pumps",
    )
    Participation.objects.create(
        project=project,
        cordis_organisation_id="5",
        name="HEATWISE",
        organisation=heatwise,
        match="confirmed",
    )
    found = {fit.topic.identifier: fit.fit for fit in calls_for(heatwise, today=TODAY, limit=100)}
    assert found["HORIZON-CL5-2027-D4-02"].projects == ("HEATSHIFT",)
