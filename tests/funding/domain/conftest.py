"""A proposed consortium for the domain tests of editing, exporting and the pipeline."""

import pytest

from matchfair.funding.domain import edits
from matchfair.funding.domain.proposals import propose_consortium
from matchfair.funding.models import Topic
from tests.factories import UserFactory


@pytest.fixture
def proposal(scene, barcelona):
    """A consortium for an innovation action built around Volta Mobility, with a person here
    for each partner that is an organisation here."""
    lead, staff = scene
    topic = Topic.objects.get(identifier="HORIZON-CL5-2027-D5-02")
    stored = propose_consortium(topic=topic, lead=lead, by=staff)
    assert (stored.problems, stored.proposal["feasible"]) == ([], True)
    for member in edits.members_of(stored):
        organisation = (
            stored.lead.__class__.objects.filter(pk=member).first() if member.isdigit() else None
        )
        if organisation is not None and organisation != lead and not organisation.people.exists():
            UserFactory(organisation=organisation, full_name=f"Contact of {organisation.name}")
    return stored
