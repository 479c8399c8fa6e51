"""Calls ranked for a member and members ranked for a call, read from the database and scored by
`matchfair.funding.fit`."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from django.db.models import QuerySet
from django.utils import timezone

from matchfair.assembly.models import Idea
from matchfair.community.models import Organisation
from matchfair.consortia import Countries, load_countries
from matchfair.events.models import Registration
from matchfair.funding.fit import CallText, Fit, MemberText, PastProjectText, fits, ranked
from matchfair.funding.models import Participation, Topic

UPCOMING = (Topic.Status.OPEN, Topic.Status.FORTHCOMING)


@dataclass(frozen=True)
class CallFit:
    topic: Topic
    organisation: Organisation | None  # None: ranked for an idea's words, not an organisation
    fit: Fit


@cache
def countries() -> Countries:
    return load_countries()


def call_text(topic: Topic) -> CallText:
    return CallText(
        key=topic.pk,
        text="\n".join((topic.title, " ".join(topic.keywords), topic.description)),
        keywords=tuple(topic.keywords),
        domains=tuple(topic.domains),
        type_of_action=topic.type_of_action,
        deadline=timezone.localdate(topic.next_deadline) if topic.next_deadline else None,
    )


def member_texts(organisations: Iterable[Organisation]) -> list[MemberText]:
    """Each organisation's words: its description, its people's profiles and opportunities at any
    event, and its confirmed past projects."""
    organisations = list(organisations)
    ids = [organisation.pk for organisation in organisations]
    texts: dict[int | None, list[str]] = defaultdict(list)
    domains: dict[int | None, set[str]] = defaultdict(set)
    registrations = Registration.objects.filter(user__organisation__in=ids).prefetch_related(
        "domains", "opportunities__domains"
    )
    for registration in registrations.select_related("user"):
        owner = registration.user.organisation_id
        texts[owner].append(registration.description)
        domains[owner].update(domain.slug for domain in registration.domains.all())
        for opportunity in registration.opportunities.all():
            texts[owner] += [opportunity.title, opportunity.description]
            domains[owner].update(domain.slug for domain in opportunity.domains.all())
    projects: dict[int | None, list[PastProjectText]] = defaultdict(list)
    confirmed = Participation.objects.filter(
        organisation__in=ids, match=Participation.Match.CONFIRMED
    ).select_related("project")
    for participation in confirmed.order_by("project__cordis_id"):
        project = participation.project
        projects[participation.organisation_id].append(
            PastProjectText(
                acronym=project.acronym or project.cordis_id,
                text="\n".join((project.title, project.topics, project.objective)),
            )
        )
    return [
        MemberText(
            key=organisation.pk,
            text="\n".join([organisation.description, *texts[organisation.pk]]),
            domains=tuple(sorted(domains[organisation.pk])),
            country=str(organisation.country),
            kind=organisation.kind,
            projects=tuple(projects[organisation.pk]),
        )
        for organisation in organisations
    ]


def _joined(
    found: Sequence[Fit], topics: Sequence[Topic], organisations: Sequence[Organisation]
) -> list[CallFit]:
    topic_of = {topic.pk: topic for topic in topics}
    organisation_of = {organisation.pk: organisation for organisation in organisations}
    return [CallFit(topic_of[fit.call], organisation_of[fit.member], fit) for fit in found]


def ranked_calls(
    member: MemberText, *, today: dt.date | None = None, limit: int = 25
) -> list[tuple[Topic, Fit]]:
    """The open and forthcoming topics for one text (a member's, or an idea's), best fit first."""
    topics = list(Topic.objects.filter(status__in=UPCOMING))
    found = fits(
        [call_text(topic) for topic in topics],
        [member],
        countries=countries(),
        today=today or timezone.localdate(),
    )
    topic_of = {topic.pk: topic for topic in topics}
    return [(topic_of[fit.call], fit) for fit in ranked(found, by="call")[:limit]]


def calls_for(
    organisation: Organisation, *, today: dt.date | None = None, limit: int = 25
) -> list[CallFit]:
    """The open and forthcoming topics, best fit first."""
    (member,) = member_texts([organisation])
    return [
        CallFit(topic, organisation, fit)
        for topic, fit in ranked_calls(member, today=today, limit=limit)
    ]


def idea_text(idea: Idea) -> MemberText:
    """An idea of the ideas board as words to match calls against: its title, descriptions and
    the partners it seeks, its domains, and its proposing member's country; it applies as that
    member, a cluster."""
    organisation = idea.cluster.organisation
    return MemberText(
        key=-idea.pk,
        text="\n".join(
            (idea.title, idea.description_en, idea.description_bg, idea.partners_sought)
        ),
        domains=tuple(sorted(idea.domain_codes)),
        country=str(organisation.country) if organisation else "",
        kind="cluster",
    )


def calls_for_idea(idea: Idea, *, today: dt.date | None = None, limit: int = 25) -> list[CallFit]:
    return [
        CallFit(topic, None, fit)
        for topic, fit in ranked_calls(idea_text(idea), today=today, limit=limit)
    ]


def members_for(
    topic: Topic, *, organisations: QuerySet[Organisation], today: dt.date | None = None
) -> list[CallFit]:
    """The given member organisations, best fit first. Scored against all upcoming topics' words,
    so a term common to every call weighs as little here as on a member's page."""
    members = list(organisations.distinct())
    topics = [topic, *Topic.objects.filter(status__in=UPCOMING).exclude(pk=topic.pk)]
    found = fits(
        [call_text(item) for item in topics],
        member_texts(members),
        countries=countries(),
        today=today or timezone.localdate(),
    )
    own = [fit for fit in found if fit.call == topic.pk]
    return _joined(ranked(own, by="member"), topics, members)
