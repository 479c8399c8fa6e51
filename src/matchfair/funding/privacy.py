"""The funding app's section of a person's data export and erasure (see
community.domain.privacy): their subscriptions to funding calls, which go with the account, and the
CORDIS matches they confirmed or rejected, which stay without their name."""

from typing import Any

from matchfair.community.domain import privacy
from matchfair.community.domain.privacy import moment
from matchfair.funding.models import (
    ConsortiumInvitation,
    ConsortiumProposal,
    Participation,
    Subscription,
)


def collect(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "programme": item.programme,
            "domain": item.domain,
            "created": moment(item.created),
        }
        for item in Subscription.objects.filter(user=user).order_by("pk")
    ]


def erase(user: Any) -> None:
    Subscription.objects.filter(user=user).delete()


def collect_decisions(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "project": item.project.acronym or item.project.cordis_id,
            "organisation": item.name,
            "match": item.match,
            "decided": moment(item.decided),
        }
        for item in Participation.objects.filter(decided_by=user).select_related("project")
    ]


def erase_decisions(user: Any) -> None:
    """The decision stays (it is the organisation's); who made it goes."""
    Participation.objects.filter(decided_by=user).update(decided_by=None)


def collect_proposals(user: Any) -> list[dict[str, Any]]:
    return [
        {"topic": item.topic.identifier, "lead": item.lead.name, "created": moment(item.created)}
        for item in ConsortiumProposal.objects.filter(created_by=user).select_related(
            "topic", "lead"
        )
    ]


def erase_proposals(user: Any) -> None:
    """The proposal stays (it is the cluster's); who made it goes."""
    ConsortiumProposal.objects.filter(created_by=user).update(created_by=None)


def collect_invitations(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "topic": item.proposal.topic.identifier,
            "lead": item.proposal.lead.name,
            "organisation": item.organisation.name,
            "status": item.status,
            "sent": moment(item.sent),
            "answered": moment(item.answered),
        }
        for item in ConsortiumInvitation.objects.filter(invitee=user)
        .select_related("proposal__topic", "proposal__lead", "organisation")
        .order_by("pk")
    ]


def erase_invitations(user: Any) -> None:
    """An invitation is addressed to the person; it goes with the account (the consortium's
    page then shows that partner as not invited)."""
    ConsortiumInvitation.objects.filter(invitee=user).delete()


def register_sections() -> None:
    privacy.register("funding_subscriptions", collect=collect, erase=erase, models=[Subscription])
    privacy.register(
        "funding_project_matches",
        collect=collect_decisions,
        erase=erase_decisions,
        models=[Participation],
    )
    privacy.register(
        "funding_consortium_proposals",
        collect=collect_proposals,
        erase=erase_proposals,
        models=[ConsortiumProposal],
    )
    privacy.register(
        "funding_consortium_invitations",
        collect=collect_invitations,
        erase=erase_invitations,
        models=[ConsortiumInvitation],
    )
