"""A proposed consortium on its way: draft → invited → confirmed → submitted → funded, or
withdrawn, or not funded (rejected). Every move is guarded and audited (docs/funding.md, "The
pipeline").

- **invite** (draft or invited): the checker finds no problem; each partner that is an
  organisation here gets one invitation, mailed through the outbox once (its key names the
  invitation) to the organisation's first admin, else its first person with an address.
  Partners with nobody here (CORDIS organisations) are listed to be asked by hand.
- **answer**: the invitee accepts or declines through the mail's link, without a login: signed
  for this purpose only, expiring after `FUNDING_INVITATION_DAYS`, good for one answer. When
  every partner has accepted and the checker finds no problem, the proposal is confirmed.
- **confirm** (invited): the staff confirm the set as it is, when no partner has declined: for
  partners asked by hand, whose yes came another way.
- **submit** (confirmed), **fund** / **reject** (submitted), **withdraw** (any open state).
- **fund** records "joint EU proposal funded", with the topic's identifier, in the outcomes of
  the expo meetings its members came from (`record_joint_proposal_funded`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.community.models import Organisation, User
from matchfair.funding.domain.edits import members_of
from matchfair.funding.models import ConsortiumInvitation, ConsortiumProposal
from matchfair.meetings.models import Meeting
from matchfair.outbox.domain import queue_message
from matchfair.outcomes.domain.ladder import record_joint_proposal_funded
from matchfair.signed_links import sign, unsign

SALT = "matchfair.funding.consortium-invitation"
State = ConsortiumProposal.State
Status = ConsortiumInvitation.Status
OPEN = (State.DRAFT, State.INVITED, State.CONFIRMED, State.SUBMITTED)
# Staff moves: the state a proposal must be in, and the state it reaches.
MOVES: dict[str, tuple[tuple[str, ...], str]] = {
    "confirm": ((State.INVITED,), State.CONFIRMED),
    "submit": ((State.CONFIRMED,), State.SUBMITTED),
    "fund": ((State.SUBMITTED,), State.FUNDED),
    "reject": ((State.SUBMITTED,), State.REJECTED),
    "withdraw": (OPEN, State.WITHDRAWN),
}


@dataclass(frozen=True)
class Invited:
    sent: list[ConsortiumInvitation]
    by_hand: list[str]  # names of partners nobody here can answer for


def link_for(invitation: ConsortiumInvitation) -> str:
    """The path of the invitation's answer page (mails make it absolute)."""
    return reverse("funding:invitation", args=[sign(invitation.pk, salt=SALT)])


def invitation_from_link(token: str) -> ConsortiumInvitation:
    """The invitation a link names, or a refusal that says why the link does not open."""
    pk = unsign(
        token,
        salt=SALT,
        max_age=dt.timedelta(days=settings.FUNDING_INVITATION_DAYS),
        expired=_("This invitation link has expired. Ask the cluster that sent it for a new one."),
        invalid=_("This link is not valid. Copy the whole link from the mail."),
    )
    invitation = (
        ConsortiumInvitation.objects.select_related("proposal__topic", "proposal__lead", "invitee")
        .filter(pk=pk)
        .first()
    )
    if invitation is None:
        raise ValidationError(_("This link is not valid any more."))
    return invitation


def invitee_of(organisation: Organisation) -> User | None:
    """Who answers for an organisation: its first admin, else its first person, with an address."""
    admin = organisation.admins.filter(is_active=True).exclude(email="").order_by("pk").first()
    if admin is not None:
        return admin
    return organisation.people.filter(is_active=True).exclude(email="").order_by("pk").first()


def _guard(stored: ConsortiumProposal, by: User) -> ConsortiumProposal:
    if not permissions.can_build_consortium(by, stored.lead):
        raise PermissionDenied
    return (
        ConsortiumProposal.objects.select_for_update()
        .select_related("topic", "lead")
        .get(pk=stored.pk)
    )


def _no_problems(stored: ConsortiumProposal) -> None:
    if not stored.proposal.get("feasible") or stored.problems:
        raise ValidationError(
            _("The consortium breaks rules of the call (listed with it); mend it first.")
        )


def invite(stored: ConsortiumProposal, *, by: User) -> Invited:
    """Invite every partner not yet invited (a re-run mails nobody twice)."""
    now = timezone.now()
    with transaction.atomic():
        stored = _guard(stored, by)
        if stored.state not in (State.DRAFT, State.INVITED):
            raise ValidationError(
                _("A %(state)s consortium sends no invitations.")
                % {"state": stored.get_state_display()}
            )
        _no_problems(stored)
        asked = set(
            stored.invitations.exclude(status=Status.CANCELLED).values_list("member", flat=True)
        )
        lead = str(stored.lead_id)
        seats = {str(seat["id"]): seat for seat in stored.proposal["members"]}
        partners = [m for m in seats if m != lead and m not in asked]
        here = Organisation.objects.in_bulk([int(m) for m in partners if m.isdigit()])
        sent, by_hand = [], []
        for member in partners:
            organisation = here.get(int(member)) if member.isdigit() else None
            invitee = invitee_of(organisation) if organisation is not None else None
            if organisation is None or invitee is None:
                by_hand.append(str(seats[member]["name"]))
                continue
            invitation = ConsortiumInvitation.objects.create(
                proposal=stored, member=member, organisation=organisation, invitee=invitee, sent=now
            )
            queue_message(
                key=f"funding-invitation:{invitation.pk}",
                kind="funding.invitation",
                user=invitee,
                template="funding/email/invitation",
                context={
                    "invitation": invitation,
                    "proposal": stored,
                    "topic": stored.topic,
                    "url": link_for(invitation),
                    "expires": settings.FUNDING_INVITATION_DAYS,
                },
            )
            sent.append(invitation)
        previous = stored.state
        stored.state = State.INVITED
        stored.save(update_fields=["state", "changed"])
        record(
            action="funding.consortium_invited",
            actor=by,
            subject=stored,
            before=previous,
            invitations=len(sent),
            by_hand=len(by_hand),
        )
    return Invited(sent=sent, by_hand=by_hand)


def _all_accepted(stored: ConsortiumProposal) -> bool:
    lead = str(stored.lead_id)
    partners = {m for m in members_of(stored) if m != lead}
    accepted = set(
        stored.invitations.filter(status=Status.ACCEPTED).values_list("member", flat=True)
    )
    return partners <= accepted


def answer(token: str, *, accept: bool, now: dt.datetime | None = None) -> ConsortiumInvitation:
    """The invitee's answer through the link. A link that is tampered with, expired, already
    answered or of a consortium no longer asking is refused, and nothing changes."""
    now = now or timezone.now()
    found = invitation_from_link(token)
    with transaction.atomic():
        invitation = (
            ConsortiumInvitation.objects.select_for_update()
            .select_related("proposal__lead", "invitee")
            .get(pk=found.pk)
        )
        stored = ConsortiumProposal.objects.select_for_update().get(pk=invitation.proposal_id)
        if invitation.status == Status.CANCELLED:
            raise ValidationError(_("This invitation was withdrawn: the consortium changed."))
        if invitation.status != Status.PENDING:
            raise ValidationError(
                _("This invitation has been answered already: %(answer)s.")
                % {"answer": invitation.get_status_display()}
            )
        if stored.state != State.INVITED:
            raise ValidationError(
                _("This consortium is %(state)s and no longer waits for answers.")
                % {"state": stored.get_state_display()}
            )
        invitation.status = Status.ACCEPTED if accept else Status.DECLINED
        invitation.answered = now
        invitation.save(update_fields=["status", "answered"])
        record(
            action="funding.invitation_answered",
            actor=invitation.invitee,
            subject=invitation,
            answer=invitation.status,
        )
        if accept and not stored.problems and _all_accepted(stored):
            stored.state = State.CONFIRMED
            stored.save(update_fields=["state", "changed"])
            record(
                action="funding.consortium_confirmed",
                actor=invitation.invitee,
                subject=stored,
                by="every partner accepted",
            )
    return invitation


def move(
    stored: ConsortiumProposal, *, to: str, by: User, on: dt.date | None = None
) -> ConsortiumProposal:
    """A staff move (`MOVES`): confirm, submit, fund, reject or withdraw."""
    if to not in MOVES:
        raise ValidationError(_("Unknown step."))
    sources, target = MOVES[to]
    with transaction.atomic():
        stored = _guard(stored, by)
        if stored.state not in sources:
            raise ValidationError(
                _("A %(state)s consortium cannot be %(target)s.")
                % {
                    "state": stored.get_state_display(),
                    "target": State(target).label,
                }
            )
        if to in ("confirm", "submit"):
            _no_problems(stored)
        if (
            to == "confirm"
            and stored.invitations.filter(
                status=Status.DECLINED, member__in=members_of(stored)
            ).exists()
        ):
            raise ValidationError(
                _("A partner declined: remove it, or invite another, before confirming.")
            )
        recorded = 0
        if to == "fund":
            recorded = _record_agreements(stored, by=by, on=on or timezone.localdate())
        if target == State.WITHDRAWN:
            stored.invitations.filter(status=Status.PENDING).update(
                status=Status.CANCELLED, answered=timezone.now()
            )
        previous = stored.state
        stored.state = target
        stored.save(update_fields=["state", "changed"])
        record(
            action=f"funding.consortium_{target}",
            actor=by,
            subject=stored,
            before=previous,
            agreements=recorded,
        )
    return stored


def _record_agreements(stored: ConsortiumProposal, *, by: User, on: dt.date) -> int:
    """The agreement in the outcomes of each expo meeting a member of the consortium came from."""
    ids = sorted(
        {
            meeting
            for member in members_of(stored)
            for meeting in stored.origins.get(member, {}).get("meetings", [])
        }
    )
    recorded = 0
    for meeting in Meeting.objects.filter(pk__in=ids).select_related("event").order_by("pk"):
        recorded += len(
            record_joint_proposal_funded(
                meeting=meeting,
                call_identifier=stored.topic.identifier,
                on=on,
                by=by,
                evidence=_("Consortium proposal %(pk)s in Matchfair") % {"pk": stored.pk},
            )
        )
    return recorded
