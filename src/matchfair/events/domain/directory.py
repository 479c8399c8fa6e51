"""Finding participants and opportunities of an event by text and filters."""

from typing import Any

from django.db.models import (
    F,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)

from matchfair.events.domain.search import participants_matching
from matchfair.events.models import Event, Opportunity, Registration, Slot


def _count(queryset: QuerySet[Any]) -> Subquery:
    """A correlated COUNT(*) of `queryset`, as a value."""
    return Subquery(
        queryset.order_by().values(n=Func(F("pk"), function="COUNT")),
        output_field=IntegerField(),
    )


def with_free_slots(queryset: QuerySet[Registration], event: Event) -> QuerySet[Registration]:
    """Participants with fewer active meetings than the B2B slots they are available in.

    The event's slot total is one uncorrelated subquery, computed once; per participant only
    the slots of the sessions they miss and their meetings are counted, both through indexes.
    """
    b2b = Slot.objects.filter(session__event=event, session__is_b2b=True)
    missed = b2b.filter(session__absent_registrations=OuterRef("pk"))
    # The through table of Meeting.participants, reached without importing the meetings app.
    booked = Registration.meetings.through.objects.filter(
        registration_id=OuterRef("pk"), meeting__status="active"
    )
    return queryset.alias(slots=_count(b2b), missed=_count(missed), booked=_count(booked)).filter(
        booked__lt=F("slots") - F("missed")
    )


def participants(event: Event, *, filters: dict[str, Any]) -> QuerySet[Registration]:
    queryset = Registration.objects.filter(event=event, status=Registration.Status.VALIDATED)
    queryset = queryset.filter(participants_matching(filters.get("q") or ""))
    if filters.get("organiser"):
        queryset = queryset.filter(organiser=filters["organiser"])
    if filters.get("free"):
        queryset = with_free_slots(queryset, event)
    if filters.get("country"):
        queryset = queryset.filter(user__organisation__country=filters["country"])
    if filters.get("kind"):
        queryset = queryset.filter(user__organisation__kind=filters["kind"])
    if filters.get("domain"):
        queryset = queryset.filter(
            Q(domains=filters["domain"]) | Q(opportunities__domains=filters["domain"])
        )
    if filters.get("looking"):
        queryset = queryset.filter(opportunities__kind=filters["looking"])
    # Joins through opportunities can repeat a participant; filter on ids to stay cheap to count.
    return (
        Registration.objects.filter(pk__in=queryset.values("pk"))
        .select_related("user__organisation", "event")
        .prefetch_related(
            "domains",
            Prefetch("opportunities", queryset=Opportunity.objects.order_by("kind", "title")),
        )
        .order_by("user__organisation__name", "user__full_name")
    )


def opportunities(event: Event, *, filters: dict[str, Any]) -> QuerySet[Opportunity]:
    queryset = Opportunity.objects.filter(
        registration__event=event, registration__status=Registration.Status.VALIDATED
    )
    text = (filters.get("q") or "").strip()
    for word in text.split()[:6]:
        queryset = queryset.filter(
            Q(title__icontains=word)
            | Q(description__icontains=word)
            | Q(registration__user__organisation__name__icontains=word)
        )
    if filters.get("organiser"):
        queryset = queryset.filter(registration__organiser=filters["organiser"])
    if filters.get("free"):
        queryset = queryset.filter(
            registration__in=with_free_slots(
                Registration.objects.filter(event=event), event
            ).values("pk")
        )
    if filters.get("country"):
        queryset = queryset.filter(registration__user__organisation__country=filters["country"])
    if filters.get("kind"):
        queryset = queryset.filter(registration__user__organisation__kind=filters["kind"])
    if filters.get("domain"):
        queryset = queryset.filter(domains=filters["domain"])
    if filters.get("looking"):
        queryset = queryset.filter(kind=filters["looking"])
    return (
        Opportunity.objects.filter(pk__in=queryset.values("pk"))
        .select_related("registration__user__organisation", "registration__event")
        .prefetch_related("domains")
        .order_by("title", "pk")
    )
