"""Finding participants and opportunities of an event by text and filters."""

from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from matchfair.events.models import Event, Opportunity, Registration


def participants(event: Event, *, filters: dict[str, Any]) -> QuerySet[Registration]:
    queryset = Registration.objects.filter(event=event, status=Registration.Status.VALIDATED)
    text = (filters.get("q") or "").strip()
    if text:
        for word in text.split()[:6]:
            queryset = queryset.filter(
                Q(user__full_name__icontains=word)
                | Q(user__organisation__name__icontains=word)
                | Q(headline__icontains=word)
                | Q(description__icontains=word)
                | Q(opportunities__title__icontains=word)
                | Q(opportunities__description__icontains=word)
            )
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
