"""A proposed consortium edited: each change re-checked, broken rules listed, no-consortium edits refused."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from matchfair.audit.models import AuditEntry
from matchfair.funding.domain import edits
from matchfair.funding.models import ConsortiumProposal
from tests.factories import UserFactory
from tests.funding.helpers import partners

pytestmark = pytest.mark.django_db
State = ConsortiumProposal.State


def test_an_edit_that_breaks_a_rule_is_saved_with_the_problems_listed(proposal, scene):
    _lead, staff = scene
    others = partners(proposal)
    for member in others:
        proposal = edits.remove_partner(proposal, member=member, by=staff)
    proposal.refresh_from_db()
    assert edits.members_of(proposal) == [str(proposal.lead_id)]
    assert "independent legal entities: 1 listed, 3 required" in proposal.problems
    for member in others:
        proposal = edits.add_partner(proposal, member=member, by=staff)
    assert proposal.problems == []
    assert AuditEntry.objects.filter(action="funding.consortium_partner_removed").count() == len(
        others
    )


def test_an_edit_that_makes_no_consortium_is_refused_and_nothing_changes(proposal, scene):
    _lead, staff = scene
    before = dict(proposal.proposal)
    with pytest.raises(ValidationError, match="The lead member stays"):
        edits.remove_partner(proposal, member=str(proposal.lead_id), by=staff)
    with pytest.raises(ValidationError, match="not a candidate"):
        edits.add_partner(proposal, member="999999", by=staff)
    proposal.refresh_from_db()
    assert proposal.proposal == before


def test_another_coordinator_and_roles_are_checked(proposal, scene):
    _lead, staff = scene
    city = next(m for m in partners(proposal) if "expo" in proposal.origins[m]["sources"])
    proposal = edits.set_coordinator(proposal, member=city, by=staff)
    assert (proposal.proposal["coordinator"], proposal.request["lead_coordinates"]) == (city, False)
    assert proposal.problems == []
    proposal = edits.set_roles(proposal, member=city, roles=["end_user"], by=staff)
    seat = next(s for s in proposal.proposal["members"] if s["id"] == city)
    candidate = next(c for c in proposal.request["candidates"] if c["id"] == city)
    assert candidate["roles"] == ["end_user"]
    with pytest.raises(ValidationError, match="Unknown role: astronaut"):
        edits.set_roles(proposal, member=city, roles=["astronaut"], by=staff)
    assert seat["role"] == "coordinator"


def test_only_the_clusters_staff_edit(proposal, scene):
    lead, _staff = scene
    with pytest.raises(PermissionDenied):
        edits.remove_partner(
            proposal, member=partners(proposal)[0], by=UserFactory(organisation=lead)
        )
