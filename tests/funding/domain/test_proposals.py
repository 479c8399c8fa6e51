import pytest
from django.core.exceptions import PermissionDenied

from matchfair.funding.domain.proposals import propose_consortium
from matchfair.funding.models import Topic
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_staff_propose_a_consortium_that_passes_the_checker(scene):
    lead, staff = scene
    topic = Topic.objects.get(identifier="HORIZON-CL5-2027-D5-02")
    stored = propose_consortium(topic=topic, lead=lead, by=staff)
    members = stored.proposal["members"]
    assert (
        stored.problems,
        stored.proposal["feasible"],
        stored.proposal["coordinator"],
        {m["name"] for m in members} >= {"Volta Mobility", "CAMARA MUNICIPAL DO PORTO"},
        [m["sources"] for m in members if m["id"] == str(lead.pk)],
    ) == ([], True, str(lead.pk), True, [["lead"]])


def test_the_members_own_people_do_not_propose(scene):
    lead, _ = scene
    topic = Topic.objects.get(identifier="HORIZON-CL5-2027-D5-02")
    with pytest.raises(PermissionDenied):
        propose_consortium(topic=topic, lead=lead, by=UserFactory(organisation=lead))
