"""A consortium proposed for a topic around a lead member, with the consortium builder
(`matchfair.consortia`), from the organisations the cluster knows:

1. met at the expo: organisations whose people had a meeting with the lead's people, at any
   event, that reached at least "valuable contact" on the follow-up ladder (the highest stage
   either side reported), and only where the people of the meeting let the person building the
   consortium see the stage reached (`permissions.visible_items` with `stage_item`: the one
   consent rule); the relationship is the strongest stage reached, and the meetings are kept so
   that a funded proposal is recorded in their outcomes;
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
    Proposal,
    Relationship,
    Request,
    Rules,
    build_consortium,
    check,
    proposal_to_json,
    request_to_json,
)
from matchfair.funding.domain.matching import call_text, countries, member_texts
from matchfair.funding.fit import MemberText, PastProjectText, fits
from matchfair.funding.models import ConsortiumProposal, Participation, Topic
from matchfair.meetings.models import Meeting
from matchfair.outcomes.domain.ladder import ladder_from
from matchfair.outcomes.models import Stage

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
# The ladder's stages that make an expo contact a candidate, by the builder's names.
EXPO_STAGES = {
    Stage.VALUABLE_CONTACT: "valuable_contact",
    Stage.NEGOTIATION_STARTED: "negotiation_started",
    Stage.AGREEMENT_REACHED: "agreement_reached",
}


@dataclass
class _Found:
    name: str
    country: str
    kind: str
    text: MemberText | None = None
    stage: int | None = None  # the highest ladder stage of a meeting with it that counts
    meetings: list[int] = field(default_factory=list)
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


def expo_contacts(lead: Organisation, viewer: User) -> dict[Organisation, tuple[int, list[int]]]:
    """The organisations the lead's people met at the expo in meetings that reached at least
    "valuable contact" and whose stage the viewer may see: each with the highest stage and the
    meetings."""
    meetings = list(
        Meeting.objects.filter(
            pk__in=Meeting.objects.filter(
                status=Meeting.Status.ACTIVE,
                participants__user__organisation=lead,
                follow_up_steps__stage__gte=Stage.VALUABLE_CONTACT,
            ).values("pk")
        )
        .prefetch_related("participants__user__organisation", "follow_up_steps")
        .order_by("pk")
    )
    reached = []
    for meeting in meetings:
        people = list(meeting.participants.all())
        highest = ladder_from([p.pk for p in people], meeting.follow_up_steps.all()).highest
        if highest is not None and highest >= Stage.VALUABLE_CONTACT:
            reached.append((meeting, people, highest))
    seen = permissions.visible_items(
        viewer, [permissions.stage_item([p.user_id for p in people]) for _m, people, _s in reached]
    )
    found: dict[Organisation, tuple[int, list[int]]] = {}
    for (meeting, people, highest), visible in zip(reached, seen, strict=True):
        if not visible:
            continue
        for person in people:
            other = person.user.organisation
            if other is None or other.pk == lead.pk:
                continue
            stage, ids = found.get(other, (highest, []))
            found[other] = (max(stage, highest), [*ids, meeting.pk])
    return found


def gather_candidates(lead: Organisation, viewer: User) -> dict[str, _Found]:
    """The organisations the cluster knows for `lead`, as `viewer` may know them: the expo
    contacts first, then the partnership, then CORDIS co-participants (the module's docstring)."""
    found: dict[str, _Found] = {}

    def organisation(o: Organisation, source: str) -> _Found:
        entry = found.setdefault(
            str(o.pk), _Found(o.name, str(o.country), KINDS.get(o.kind, "sme"))
        )
        if source not in entry.sources:
            entry.sources.append(source)
        return entry

    for other, (stage, meetings) in expo_contacts(lead, viewer).items():
        entry = organisation(other, "expo")
        entry.stage, entry.meetings = stage, meetings
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


def document_of(proposal: Proposal, request: Request, origins: dict[str, Any]) -> dict[str, Any]:
    """The proposal's JSON as stored, each member with how the cluster found it (`sources`)."""
    document = proposal_to_json(proposal, request, countries())
    seats: list[dict[str, Any]] = document["members"]  # type: ignore[assignment]
    for seat in seats:
        seat["sources"] = origins.get(seat["id"], {}).get("sources", [])
    return document


def propose_consortium(*, topic: Topic, lead: Organisation, by: User) -> ConsortiumProposal:
    """Build, check and store a consortium for `topic` led by `lead` (who coordinates)."""
    if not permissions.can_build_consortium(by, lead):
        raise PermissionDenied
    found = gather_candidates(lead, by)
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
                expo_stage=EXPO_STAGES[Stage(entry.stage)] if entry.stage is not None else None,
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
    origins: dict[str, dict[str, list[Any]]] = {str(lead.pk): {"sources": ["lead"], "meetings": []}}
    origins |= {
        key: {"sources": entry.sources, "meetings": entry.meetings} for key, entry in found.items()
    }
    with transaction.atomic():
        stored = ConsortiumProposal.objects.create(
            topic=topic,
            lead=lead,
            created_by=by,
            candidates=len(candidates),
            request=request_to_json(request),
            origins=origins,
            proposal=document_of(proposal, request, origins),
            problems=check(request, proposal),
        )
        record(
            action="funding.consortium_proposed", actor=by, subject=stored, topic=topic.identifier
        )
    return stored
