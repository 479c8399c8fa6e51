"""A consortium proposed for a topic around a lead member, with the consortium builder
(`matchfair.consortia`), from the organisations the cluster knows:

1. met at the expo: organisations whose people had an accepted, not cancelled, meeting with the
   lead's people at any event, as the stage "held" (the outcomes of meetings, and the consent to
   share them, are not recorded yet, so no meeting counts as more than held);
2. the lead's partnership: the member organisations of every cluster in a partnership network
   with a cluster the lead is a member of;
3. CORDIS co-participants: organisations in the lead's confirmed past projects; those that are
   no organisation here take part as `cordis:<organisationID>`.

One organisation found several ways is one candidate with every relationship.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.community.models import Network, Organisation, User
from matchfair.consortia import (
    Candidate,
    Relationship,
    Request,
    Rules,
    build_consortium,
    check,
    proposal_to_json,
)
from matchfair.funding.domain.matching import call_text, countries, member_texts
from matchfair.funding.fit import MemberText, PastProjectText, fits
from matchfair.funding.models import ConsortiumProposal, Participation, Topic
from matchfair.meetings.models import Meeting

KINDS = {
    "company": "sme",
    "startup": "sme",
    "city": "city",
    "research": "research",
    "institution": "public_body",
    "cluster": "ngo",
    "investor": "large_company",
}
CORDIS_KINDS = {"HES": "higher_education", "REC": "research", "PUB": "public_body", "OTH": "ngo"}
TIME_LIMIT = 5.0


@dataclass
class _Found:
    name: str
    country: str
    kind: str
    text: MemberText | None = None
    met: bool = False
    projects: int = 0
    partnership: bool = False
    sources: list[str] = field(default_factory=list)


def type_of_action(topic: Topic) -> str:
    name = topic.type_of_action
    if "Research and Innovation" in name:
        return "RIA"
    if "Innovation Action" in name:
        return "IA"
    if "Coordination and Support" in name:
        return "CSA"
    return "other"


def _cordis_kind(participation: Participation) -> str:
    if participation.activity_type == "PRC":
        return "sme" if participation.sme else "large_company"
    return CORDIS_KINDS.get(participation.activity_type, "ngo")


def gather_candidates(lead: Organisation) -> dict[str, _Found]:
    found: dict[str, _Found] = {}

    def organisation(o: Organisation, source: str) -> _Found:
        entry = found.setdefault(
            str(o.pk), _Found(o.name, str(o.country), KINDS.get(o.kind, "sme"))
        )
        if source not in entry.sources:
            entry.sources.append(source)
        return entry

    met = Meeting.objects.filter(
        status=Meeting.Status.ACTIVE, participants__user__organisation=lead
    ).values("pk")
    others = Organisation.objects.filter(people__registrations__meetings__in=met).exclude(
        pk=lead.pk
    )
    for other in others.distinct():
        organisation(other, "expo").met = True
    networks = Network.objects.filter(kind=Network.Kind.PARTNERSHIP, clusters__members=lead)
    partners = Organisation.objects.filter(clusters__networks__in=networks).exclude(pk=lead.pk)
    for partner in partners.distinct():
        organisation(partner, "partnership").partnership = True
    projects = Participation.objects.filter(organisation=lead, match=Participation.Match.CONFIRMED)
    co = (
        Participation.objects.filter(project__in=projects.values("project"))
        .exclude(organisation=lead)
        .select_related("organisation", "project")
    )
    by_key: dict[str, set[int]] = defaultdict(set)
    for participation in co:
        if participation.organisation is not None and participation.match == "confirmed":
            key = str(participation.organisation_id)
            organisation(participation.organisation, "cordis")
        else:
            key = f"cordis:{participation.cordis_organisation_id}"
            entry = found.setdefault(
                key,
                _Found(participation.name, participation.country, _cordis_kind(participation)),
            )
            if "cordis" not in entry.sources:
                entry.sources.append("cordis")
            text = "\n".join((participation.project.title, participation.project.objective))
            entry.text = MemberText(
                key=-1,
                text=text,
                domains=(),
                country=entry.country,
                kind=entry.kind,
                projects=(PastProjectText(participation.project.acronym, text),),
            )
        by_key[key].add(participation.project_id)
    for key, project_ids in by_key.items():
        found[key].projects = len(project_ids)
    return found


def propose_consortium(*, topic: Topic, lead: Organisation, by: User) -> ConsortiumProposal:
    """Build, check and store a consortium for `topic` led by `lead` (who coordinates)."""
    if not permissions.can_build_consortium(by, lead):
        raise PermissionDenied
    found = gather_candidates(lead)
    if not found:
        raise ValidationError(
            _(
                "No organisation is known to the cluster for this member: no expo meeting, partnership or past project."
            )
        )
    keys = [str(lead.pk), *found]
    organisations = {
        str(o.pk): o for o in Organisation.objects.filter(pk__in=[k for k in keys if k.isdigit()])
    }
    texts = {str(t.key): t for t in member_texts(organisations.values())}
    members = []
    for index, key in enumerate(keys):
        base = texts.get(key) or found[key].text
        if base is None:  # a CORDIS organisation always has its project's text
            base = MemberText(index, "", (), found[key].country, found[key].kind)
        members.append(
            MemberText(index, base.text, base.domains, base.country, base.kind, base.projects)
        )
    scored = {
        keys[f.member]: f.score
        for f in fits(
            [call_text(topic)], members, countries=countries(), today=timezone.localdate()
        )
    }
    lead_candidate = Candidate(
        id=str(lead.pk),
        name=lead.name,
        country=str(lead.country),
        type=KINDS.get(lead.kind, "sme"),
        domains=tuple(texts[str(lead.pk)].domains),
        fit=min(1.0, scored[str(lead.pk)]),
    )
    candidates = [lead_candidate] + [
        Candidate(
            id=key,
            name=entry.name,
            country=entry.country or "BG",
            type=entry.kind,
            domains=tuple(texts[key].domains) if key in texts else (),
            fit=min(1.0, scored[key]),
            relationship=Relationship(
                expo_stage="held" if entry.met else None,
                past_projects=entry.projects,
                same_partnership=entry.partnership,
            ),
        )
        for key, entry in found.items()
    ]
    request = Request(
        rules=Rules(
            call=topic.identifier,
            type_of_action=type_of_action(topic),
            domains=tuple(topic.domains),
        ),
        lead=str(lead.pk),
        lead_coordinates=True,
        candidates=tuple(candidates),
    )
    proposal = build_consortium(request, time_limit=TIME_LIMIT)
    document = proposal_to_json(proposal, request, countries())
    seats: list[dict[str, Any]] = document["members"]  # type: ignore[assignment]
    for seat in seats:
        seat["sources"] = found[seat["id"]].sources if seat["id"] in found else ["lead"]
    with transaction.atomic():
        stored = ConsortiumProposal.objects.create(
            topic=topic,
            lead=lead,
            created_by=by,
            candidates=len(candidates),
            proposal=document,
            problems=check(request, proposal),
        )
        record(
            action="funding.consortium_proposed", actor=by, subject=stored, topic=topic.identifier
        )
    return stored
