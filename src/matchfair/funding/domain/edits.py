"""A proposed consortium changed by cluster staff: a partner added or removed, another
coordinator, the roles a member plays. The independent checker re-runs on every change.

The rule (docs/funding.md, "Editing a proposal"): an edit that breaks a rule of the call is
**saved**, and the checker's findings are listed next to the proposal; such a proposal cannot go
out to its partners, be confirmed or be submitted until an edit mends it. An edit that would
make no consortium at all is **refused**: a member that is no candidate, a second seat, the lead
member removed (the consortium is built for it), the coordinator removed (choose another first).
Only a draft or an invited proposal changes; once confirmed it is what the partners agreed to.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.community.models import User
from matchfair.consortia import Request, check, parse_request, rebuild, request_to_json
from matchfair.funding.domain.matching import countries
from matchfair.funding.domain.proposals import document_of
from matchfair.funding.models import ConsortiumInvitation, ConsortiumProposal

EDITABLE = (ConsortiumProposal.State.DRAFT, ConsortiumProposal.State.INVITED)
# Roles beyond an organisation's type that staff may say a member plays; a call's required and
# wanted roles are offered too.
EXTRA_ROLES = ("end_user", "city", "research", "public_body", "ngo")


def stored_request(stored: ConsortiumProposal) -> Request:
    return parse_request(stored.request, countries())


def members_of(stored: ConsortiumProposal) -> list[str]:
    return [str(seat["id"]) for seat in stored.proposal.get("members", [])]


def role_choices(request: Request) -> list[str]:
    rules = request.rules
    named = [r.role for r in rules.required_roles] + list(rules.wanted_roles)
    return list(dict.fromkeys([*named, *EXTRA_ROLES]))


def _locked(stored: ConsortiumProposal, by: User) -> ConsortiumProposal:
    if not permissions.can_build_consortium(by, stored.lead):
        raise PermissionDenied
    fresh = ConsortiumProposal.objects.select_for_update().select_related("lead").get(pk=stored.pk)
    if fresh.state not in EDITABLE:
        raise ValidationError(
            _("A %(state)s consortium no longer changes.") % {"state": fresh.get_state_display()}
        )
    if not fresh.proposal.get("feasible"):
        raise ValidationError(_("No consortium was found for this call, so there is none to edit."))
    return fresh


def _save(
    stored: ConsortiumProposal,
    request: Request,
    members: Sequence[str],
    coordinator: str,
    *,
    by: User,
    action: str,
    **details: Any,
) -> ConsortiumProposal:
    """Describe the chosen consortium, run the checker, and keep both with the request."""
    proposal = rebuild(request, members, coordinator, countries())
    stored.request = request_to_json(request)
    stored.proposal = document_of(proposal, request, stored.origins)
    stored.problems = check(request, proposal, countries())
    stored.save(update_fields=["request", "proposal", "problems", "changed"])
    record(
        action=f"funding.consortium_{action}",
        actor=by,
        subject=stored,
        problems=len(stored.problems),
        **details,
    )
    return stored


def add_partner(stored: ConsortiumProposal, *, member: str, by: User) -> ConsortiumProposal:
    with transaction.atomic():
        stored = _locked(stored, by)
        request = stored_request(stored)
        members = members_of(stored)
        if member not in request.by_id:
            raise ValidationError({"member": _("This organisation is not a candidate.")})
        if member in members:
            raise ValidationError({"member": _("This organisation has a seat already.")})
        coordinator = str(stored.proposal["coordinator"])
        return _save(
            stored,
            request,
            [*members, member],
            coordinator,
            by=by,
            action="partner_added",
            member=member,
        )


def remove_partner(stored: ConsortiumProposal, *, member: str, by: User) -> ConsortiumProposal:
    with transaction.atomic():
        stored = _locked(stored, by)
        request = stored_request(stored)
        members = members_of(stored)
        coordinator = str(stored.proposal["coordinator"])
        if member not in members:
            raise ValidationError({"member": _("This organisation has no seat.")})
        if member == request.lead:
            raise ValidationError(_("The lead member stays: the consortium is built for it."))
        if member == coordinator:
            raise ValidationError(_("Choose another coordinator before removing this one."))
        ConsortiumInvitation.objects.filter(proposal=stored, member=member).exclude(
            status=ConsortiumInvitation.Status.CANCELLED
        ).update(status=ConsortiumInvitation.Status.CANCELLED, answered=timezone.now())
        rest = [m for m in members if m != member]
        return _save(
            stored, request, rest, coordinator, by=by, action="partner_removed", member=member
        )


def set_coordinator(stored: ConsortiumProposal, *, member: str, by: User) -> ConsortiumProposal:
    """Another member coordinates; the lead member no longer has to (the checker still asks
    that the coordinator may coordinate, from an eligible country)."""
    with transaction.atomic():
        stored = _locked(stored, by)
        request = stored_request(stored)
        members = members_of(stored)
        if member not in members:
            raise ValidationError({"member": _("Only a member of the consortium coordinates.")})
        request = dataclasses.replace(request, lead_coordinates=member == request.lead)
        return _save(
            stored, request, members, member, by=by, action="coordinator_changed", member=member
        )


def set_roles(
    stored: ConsortiumProposal, *, member: str, roles: Sequence[str], by: User
) -> ConsortiumProposal:
    """The roles a member plays beyond its type (an end user, ...), as staff know them."""
    with transaction.atomic():
        stored = _locked(stored, by)
        request = stored_request(stored)
        members = members_of(stored)
        if member not in members:
            raise ValidationError({"member": _("This organisation has no seat.")})
        allowed = role_choices(request)
        unknown = [role for role in roles if role not in allowed]
        if unknown:
            raise ValidationError({"roles": _("Unknown role: %s.") % ", ".join(unknown)})
        chosen = tuple(role for role in allowed if role in roles)
        candidates = tuple(
            dataclasses.replace(c, roles=chosen) if c.id == member else c
            for c in request.candidates
        )
        request = dataclasses.replace(request, candidates=candidates)
        coordinator = str(stored.proposal["coordinator"])
        return _save(
            stored,
            request,
            members,
            coordinator,
            by=by,
            action="roles_changed",
            member=member,
            roles=list(chosen),
        )
