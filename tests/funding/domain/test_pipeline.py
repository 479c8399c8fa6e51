"""A proposed consortium invited, answered, confirmed, submitted and funded."""

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from matchfair.audit.models import AuditEntry
from matchfair.funding.domain import edits, pipeline
from matchfair.funding.models import ConsortiumInvitation, ConsortiumProposal
from matchfair.outbox.models import Message
from matchfair.outcomes.domain.campaigns import SALT as CAMPAIGN_SALT
from matchfair.outcomes.models import AgreementType, FollowUpStep
from matchfair.signed_links import sign
from tests.funding.helpers import partners

pytestmark = pytest.mark.django_db
State = ConsortiumProposal.State


def test_invitations_go_out_once_per_invitee(proposal, scene):
    _lead, staff = scene
    invited = pipeline.invite(proposal, by=staff)
    partners_here = [m for m in partners(proposal) if m.isdigit()]
    assert len(invited.sent) == len(partners_here)
    assert invited.by_hand == [
        s["name"] for s in proposal.proposal["members"] if s["id"].startswith("cordis:")
    ]
    again = pipeline.invite(proposal, by=staff)
    assert again.sent == []
    assert Message.objects.filter(kind="funding.invitation").count() == len(partners_here)
    proposal.refresh_from_db()
    assert proposal.state == State.INVITED


def test_a_consortium_with_problems_is_not_invited(proposal, scene):
    _lead, staff = scene
    edits.remove_partner(proposal, member=partners(proposal)[0], by=staff)
    proposal.refresh_from_db()
    if not proposal.problems:  # the builder chose a spare partner; remove down to the lead
        for member in partners(proposal):
            edits.remove_partner(proposal, member=member, by=staff)
    with pytest.raises(ValidationError, match="breaks rules"):
        pipeline.invite(proposal, by=staff)
    assert not Message.objects.filter(kind="funding.invitation").exists()


def _token(invitation):
    return pipeline.link_for(invitation).rstrip("/").rsplit("/", 1)[-1]


def test_tampered_expired_reused_and_foreign_links_are_refused(proposal, scene):
    _lead, staff = scene
    pipeline.invite(proposal, by=staff)
    invitation = ConsortiumInvitation.objects.filter(proposal=proposal).first()
    token = _token(invitation)
    with pytest.raises(ValidationError, match="not valid"):
        pipeline.answer(token[:-2] + ("AA" if not token.endswith("AA") else "BB"), accept=True)
    with pytest.raises(ValidationError, match="not valid"):
        pipeline.answer(sign(invitation.pk, salt=CAMPAIGN_SALT), accept=True)
    with (
        override_settings(FUNDING_INVITATION_DAYS=-1),
        pytest.raises(ValidationError, match="expired"),
    ):
        pipeline.answer(token, accept=True)
    invitation.refresh_from_db()
    assert (invitation.status, invitation.answered) == ("pending", None)
    pipeline.answer(token, accept=False)
    with pytest.raises(ValidationError, match="answered already"):
        pipeline.answer(token, accept=True)
    invitation.refresh_from_db()
    assert invitation.status == "declined"


def test_all_accepted_confirms_and_funded_is_an_agreement_of_the_meeting(
    proposal, scene, barcelona
):
    _lead, staff = scene
    _city, meeting = barcelona
    pipeline.invite(proposal, by=staff)
    for invitation in ConsortiumInvitation.objects.filter(proposal=proposal):
        pipeline.answer(_token(invitation), accept=True)
    proposal.refresh_from_db()
    if any(m.startswith("cordis:") for m in partners(proposal)):
        # Partners asked by hand: the staff confirm the set.
        assert proposal.state == State.INVITED
        pipeline.move(proposal, to="confirm", by=staff)
    proposal.refresh_from_db()
    assert proposal.state == State.CONFIRMED
    with pytest.raises(ValidationError, match="cannot be"):
        pipeline.move(proposal, to="fund", by=staff)
    pipeline.move(proposal, to="submit", by=staff)
    pipeline.move(proposal, to="fund", by=staff)
    steps = FollowUpStep.objects.filter(
        meeting=meeting, agreement_type=AgreementType.EU_PROPOSAL_FUNDED
    )
    assert sorted(steps.values_list("call_identifier", flat=True)) == [
        "HORIZON-CL5-2027-D5-02",
        "HORIZON-CL5-2027-D5-02",
    ]
    assert list(
        AuditEntry.objects.filter(
            subject_id=str(proposal.pk), action__startswith="funding.consortium_"
        )
        .order_by("pk")
        .values_list("action", flat=True)
    )[-4:] == [
        "funding.consortium_invited",
        "funding.consortium_confirmed",
        "funding.consortium_submitted",
        "funding.consortium_funded",
    ]


def test_a_declined_partner_blocks_confirming(proposal, scene):
    _lead, staff = scene
    pipeline.invite(proposal, by=staff)
    invitation = ConsortiumInvitation.objects.filter(proposal=proposal).first()
    pipeline.answer(_token(invitation), accept=False)
    with pytest.raises(ValidationError, match="declined"):
        pipeline.move(proposal, to="confirm", by=staff)
    proposal.refresh_from_db()
    assert proposal.state == State.INVITED


def test_withdrawing_cancels_waiting_invitations_and_their_links(proposal, scene):
    _lead, staff = scene
    pipeline.invite(proposal, by=staff)
    invitation = ConsortiumInvitation.objects.filter(proposal=proposal).first()
    pipeline.move(proposal, to="withdraw", by=staff)
    with pytest.raises(ValidationError, match="withdrawn"):
        pipeline.answer(_token(invitation), accept=True)
    with pytest.raises(ValidationError, match="no longer changes"):
        edits.add_partner(proposal, member=partners(proposal)[0], by=staff)


def test_accepting_does_not_confirm_a_consortium_that_breaks_a_rule(proposal, scene):
    _lead, staff = scene
    pipeline.invite(proposal, by=staff)
    by_hand = [m for m in partners(proposal) if not m.isdigit()]
    for member in by_hand:  # the partners asked by hand leave; too few countries remain
        edits.remove_partner(proposal, member=member, by=staff)
    proposal.refresh_from_db()
    assert proposal.problems
    for invitation in ConsortiumInvitation.objects.filter(proposal=proposal):
        pipeline.answer(_token(invitation), accept=True)
    proposal.refresh_from_db()
    assert proposal.state == State.INVITED
