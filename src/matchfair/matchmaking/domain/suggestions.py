"""Suggested partners: the engine's profiles built from an event's registrations, stored and read back.

Reading filters out anyone requested, declined or met since the last refresh, so a list is always current.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Exists, Min, OuterRef, Q, QuerySet
from django.utils import timezone

from matchfair.audit.domain import record
from matchfair.events.models import Event, Registration
from matchfair.matchmaking.domain.embeddings import cached_embeddings, embedder
from matchfair.matchmaking.models import Suggestion
from matchfair.meetings.models import Meeting, MeetingRequest
from matchfair.recommend import DOMAINS, Engine, Opportunity, Profile, Recommendation

# Partners stored for each participant: more than a page shows, so a list stays full when a
# few of them are requested before the next refresh.
STORED = 30

# The platform's organisation types, in the engine's words (`ORGANISATION_TYPES`).
ENGINE_TYPES = {
    "company": "company",
    "startup": "startup",
    "city": "city",
    "research": "research",
    "institution": "public-body",
    "cluster": "cluster",
    "investor": "investor",
}

# Requests that end a suggestion: asked or accepted (already in touch) and declined (not wanted).
CLOSED_STATUSES = (
    MeetingRequest.Status.ASKED,
    MeetingRequest.Status.ACCEPTED,
    MeetingRequest.Status.DECLINED,
)


def _domains(slugs: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(slug for slug in set(slugs) if slug in DOMAINS))


def _contacts(event: Event) -> dict[int, set[int]]:
    """Who each participant is already in touch with, either way round: requests and meetings."""
    contacts: dict[int, set[int]] = defaultdict(set)
    pairs = MeetingRequest.objects.filter(event=event, status__in=CLOSED_STATUSES).values_list(
        "sender_id", "recipient_id"
    )
    for sender, recipient in pairs:
        contacts[sender].add(recipient)
        contacts[recipient].add(sender)
    members: dict[int, list[int]] = defaultdict(list)
    through = Meeting.participants.through.objects.filter(
        meeting__event=event, meeting__status=Meeting.Status.ACTIVE
    ).values_list("meeting_id", "registration_id")
    for meeting, registration in through:
        members[meeting].append(registration)
    for people in members.values():
        for person in people:
            contacts[person].update(other for other in people if other != person)
    return contacts


def _organisation_of(registration: Registration) -> tuple[str, str, str]:
    """Name, engine type and country code of the participant's organisation."""
    organisation = registration.user.organisation
    if organisation is None:
        # Someone without an organisation is their own, so nobody counts as their colleague;
        # "ZZ" is the user-assigned code for an unknown country.
        return f"#{registration.pk}", "company", "ZZ"
    kind = ENGINE_TYPES.get(organisation.kind, "company")
    return organisation.name, kind, str(organisation.country) or "ZZ"


def profiles_for(event: Event) -> list[Profile]:
    """The engine's profiles of the event's validated participants, ids being registration pks."""
    registrations = (
        Registration.objects.filter(event=event, status=Registration.Status.VALIDATED)
        .select_related("user__organisation")
        .prefetch_related("domains", "opportunities__domains")
        .order_by("pk")
    )
    contacts = _contacts(event)
    profiles = []
    for registration in registrations:
        name, kind, country = _organisation_of(registration)
        profiles.append(
            Profile(
                id=str(registration.pk),
                organisation=name,
                organisation_type=kind,
                country=country,
                domains=_domains(domain.slug for domain in registration.domains.all()),
                description=" ".join(
                    filter(None, [registration.headline, registration.description])
                ),
                opportunities=tuple(
                    Opportunity(
                        kind="offer" if opportunity.kind == "offer" else "request",
                        title=opportunity.title,
                        description=opportunity.description,
                        domains=_domains(domain.slug for domain in opportunity.domains.all()),
                    )
                    for opportunity in registration.opportunities.all()
                ),
                exclude=frozenset(str(pk) for pk in contacts.get(registration.pk, ())),
            )
        )
    return profiles


def last_refreshed(event: Event) -> dt.datetime | None:
    """When the whole event's suggestions were last computed: the oldest stored row says it."""
    return (
        Suggestion.objects.filter(registration__event=event)
        .order_by("computed")
        .values_list("computed", flat=True)
        .first()
    )


def refresh_suggestions(
    *, event: Event, registrations: Iterable[Registration] | None = None
) -> int:
    """Recompute the suggestions of the event, or of the given participants only.

    The engine runs outside the transaction; the stored rows are then replaced in one, which
    holds the event's row lock so two refreshes of one event write one after the other.
    Returns how many suggestions were stored: none when a newer refresh has landed meanwhile.
    """
    computed = timezone.now()  # before reading: whatever committed earlier is in this refresh
    profiles = profiles_for(event)
    model = embedder()
    cache, embedded = cached_embeddings(profiles, model) if model is not None else (None, 0)
    engine = Engine(profiles, embedder=model, cache=cache)
    if registrations is None:
        ranked: dict[str, list[Recommendation]] = engine.all(top=STORED)
        owners = [int(profile.id) for profile in profiles]
    else:
        known = {profile.id for profile in profiles}
        owners = [r.pk for r in registrations if str(r.pk) in known]
        ranked = engine.recommend_for([str(pk) for pk in owners], top=STORED)
    rows = [
        Suggestion(
            registration_id=int(owner),
            suggested_id=int(recommendation.id),
            rank=rank,
            score=recommendation.score,
            reasons=list(recommendation.reasons),
            computed=computed,
        )
        for owner, recommendations in ranked.items()
        for rank, recommendation in enumerate(recommendations, start=1)
    ]
    with transaction.atomic():
        Event.objects.select_for_update().filter(pk=event.pk).first()
        stale = Suggestion.objects.filter(registration__event=event)
        if registrations is not None:
            stale = stale.filter(registration_id__in=owners)
        # Every row newer than this refresh: a later one has landed while the engine ran.
        oldest = stale.aggregate(oldest=Min("computed"))["oldest"]
        if oldest is not None and oldest > computed:
            return 0
        stale.delete()
        Suggestion.objects.bulk_create(rows, batch_size=2000)
        record(
            action="suggestions.refreshed",
            event=event,
            participants=len(owners) if registrations is not None else len(profiles),
            suggestions=len(rows),
            whole_event=registrations is None,
            embedded_texts=embedded,
            semantic=model is not None,
        )
    return len(rows)


def _in_touch_with(registration: Registration) -> Q:
    """Suggested people this participant has since requested, been declined by, or met."""
    requested = MeetingRequest.objects.filter(
        Q(sender_id=registration.pk, recipient_id=OuterRef("suggested_id"))
        | Q(recipient_id=registration.pk, sender_id=OuterRef("suggested_id")),
        status__in=CLOSED_STATUSES,
    )
    met = Meeting.objects.filter(participants=registration.pk, status=Meeting.Status.ACTIVE).filter(
        participants=OuterRef("suggested_id")
    )
    return Q(Exists(requested)) | Q(Exists(met))


def suggestions_for(registration: Registration, limit: int = 20) -> QuerySet[Suggestion]:
    """The participant's suggestions in rank order, without anyone they are now in touch with."""
    return (
        Suggestion.objects.filter(
            registration=registration, suggested__status=Registration.Status.VALIDATED
        )
        .exclude(_in_touch_with(registration))
        .select_related("suggested__user__organisation", "suggested__event")
        .order_by("rank")[:limit]
    )
