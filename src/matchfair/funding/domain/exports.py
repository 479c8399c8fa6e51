"""A proposed consortium exported: a partner-search post in the style the ECCP and the
Enterprise Europe Network publish (Markdown text), and the invitation list (CSV).

The post names the organisations of the consortium, never a person. The invitation list names
each partner's invitee, and the invitee's address only where that person's consent lets the one
downloading see it (`permissions.contact_item`, the one consent rule).
"""

from __future__ import annotations

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from matchfair import permissions
from matchfair.community.models import User
from matchfair.consortia import Request
from matchfair.funding.domain.edits import stored_request
from matchfair.funding.models import ConsortiumInvitation, ConsortiumProposal
from matchfair.funding.wording import domain_names, role_name
from matchfair.spreadsheets import safe_cell

TYPE_NAMES = {
    "research": gettext_lazy("research organisation"),
    "higher_education": gettext_lazy("university"),
    "sme": gettext_lazy("SME"),
    "large_company": gettext_lazy("large company"),
    "public_body": gettext_lazy("public body"),
    "city": gettext_lazy("city"),
    "ngo": gettext_lazy("NGO"),
}


def _sought(request: Request, members: list[str]) -> list[str]:
    """What the consortium still looks for: required roles short of their count, wanted roles
    nobody plays, the call's domains nobody covers."""
    chosen = [request.by_id[m] for m in members if m in request.by_id]
    lines = []
    for rule in request.rules.required_roles:
        playing = sum(c.plays(rule.role) for c in chosen)
        if playing < rule.at_least:
            lines.append(
                _("%(count)s more in the role %(role)s (required)")
                % {"count": rule.at_least - playing, "role": role_name(rule.role)}
            )
    for role in request.rules.wanted_roles:
        if not any(c.plays(role) for c in chosen):
            lines.append(_("a partner in the role %(role)s") % {"role": role_name(role)})
    covered = {d for c in chosen for d in c.domains}
    for domain in request.domains:
        if domain not in covered:
            lines.append(_("expertise in %(domain)s") % {"domain": domain_names([domain])})
    return lines


def partner_search_post(stored: ConsortiumProposal) -> str:
    """The consortium as a partner-search post, in Markdown."""
    label = {
        "partner_search": _("Partner search"),
        "call": pgettext("funding call", "Call"),
        "programme": _("Programme"),
        "type_of_action": _("Type of action"),
        "deadline": _("Deadline"),
        "budget_of_the_topic": _("Budget of the topic"),
        "topic_page": _("Topic page"),
        "the_consortium_so_far": _("The consortium so far"),
        "partners_sought": _("Partners sought"),
        "further_partners_that_fit_the_call": _("Further partners that fit the call."),
        "about_the_call": _("About the call"),
        "contact": _("Contact"),
    }
    topic = stored.topic
    request = stored_request(stored)
    members = [str(seat["id"]) for seat in stored.proposal.get("members", [])]
    deadline = (
        timezone.localtime(topic.next_deadline).strftime("%Y-%m-%d") if topic.next_deadline else "—"
    )
    lines = [
        f"# {label['partner_search']}: {topic.title}",
        "",
        f"- **{label['call']}:** {topic.identifier}"
        + (f" ({topic.call_identifier})" if topic.call_identifier else ""),
        f"- **{label['programme']}:** {topic.programme or '—'}",
        f"- **{label['type_of_action']}:** {topic.type_of_action or '—'}",
        f"- **{label['deadline']}:** {deadline}",
    ]
    if topic.budget:
        lines.append(
            f"- **{label['budget_of_the_topic']}:** EUR {topic.budget:,}".replace(",", " ")
        )
    if topic.url:
        lines.append(f"- **{label['topic_page']}:** {topic.url}")
    lines += ["", f"## {label['the_consortium_so_far']}", ""]
    for seat in stored.proposal.get("members", []):
        kind = str(TYPE_NAMES.get(str(seat["type"]), seat["type"]))
        role = _("coordinator") if seat["role"] == "coordinator" else _("partner")
        domains = domain_names(seat["why"]["domains"])
        lines.append(
            f"- **{seat['name']}** ({seat['country']}, {kind}): {role}"
            + (f"; {domains}" if domains else "")
        )
    sought = _sought(request, members)
    lines += ["", f"## {label['partners_sought']}", ""]
    lines += [f"- {line}" for line in sought] or [
        f"- {label['further_partners_that_fit_the_call']}"
    ]
    description = topic.description.strip()
    if description:
        lines += ["", f"## {label['about_the_call']}", "", description[:1500]]
    lines += [
        "",
        f"## {label['contact']}",
        "",
        _("Write to %(lead)s through the cluster that published this post.")
        % {"lead": stored.lead.name},
        "",
    ]
    return "\n".join(lines)


COLUMNS = (
    "organisation",
    "country",
    "type",
    "role",
    "found_through",
    "invitee",
    "email",
    "status",
    "answered",
)


def invitation_list(stored: ConsortiumProposal, *, viewer: User) -> str:
    """Each member of the consortium with its invitation, as CSV (one row a member)."""
    invitations = {
        invitation.member: invitation
        for invitation in stored.invitations.exclude(
            status=ConsortiumInvitation.Status.CANCELLED
        ).select_related("invitee")
    }
    invitees = [invitation.invitee for invitation in invitations.values()]
    shown = permissions.visible_items(
        viewer, [permissions.contact_item(person.pk) for person in invitees]
    )
    addresses = {
        person.pk: person.email for person, visible in zip(invitees, shown, strict=True) if visible
    }
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for seat in stored.proposal.get("members", []):
        invitation = invitations.get(str(seat["id"]))
        if seat["id"] == str(stored.lead_id):
            status = "lead"
        elif invitation is None:
            status = "not invited"
        else:
            status = invitation.status
        writer.writerow(
            [
                safe_cell(value)
                for value in (
                    seat["name"],
                    seat["country"],
                    seat["type"],
                    seat["role"],
                    " ".join(seat.get("sources", [])),
                    invitation.invitee.full_name if invitation else "",
                    addresses.get(invitation.invitee_id, "") if invitation else "",
                    status,
                    invitation.answered.isoformat() if invitation and invitation.answered else "",
                )
            ]
        )
    return out.getvalue()
