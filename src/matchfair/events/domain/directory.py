"""Finding participants and opportunities of an event by text and filters.

Both searches return a `Listing`: a page is read in two steps, first the ordered ids, then the
details of those ids only, so no page sorts full rows with their joins. Participants are in
`directory_key` order (organisation, then name), which an index on (event, status, key) holds.
"""

from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar, overload

from django.core.cache import cache
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

from matchfair.events.domain.search import opportunities_matching, participants_matching
from matchfair.events.models import Event, Opportunity, Registration, Slot

Row = TypeVar("Row", Registration, Opportunity)


class Listing(Generic[Row]):
    """An ordered search result that a Paginator (or the API's `page_of`) can page through.

    `ids` is the filtered, ordered queryset of primary keys; `details` loads the rows of given
    ids with everything a page shows. Each page costs one count, one id query and the detail
    queries, however long the list.
    """

    def __init__(self, ids: QuerySet[Any], details: Callable[[list[int]], QuerySet[Row]]) -> None:
        self.ids = ids
        self.details: Callable[[list[int]], QuerySet[Row]] = details

    def count(self) -> int:
        return self.ids.count()

    def __len__(self) -> int:
        return self.count()

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> list[Row]: ...

    def __getitem__(self, index: int | slice) -> Row | list[Row]:
        if isinstance(index, int):
            return self[index : index + 1][0]
        chosen = list(self.ids[index])
        rows = {row.pk: row for row in self.details(chosen)}
        return [rows[pk] for pk in chosen if pk in rows]

    def __iter__(self) -> Iterator[Row]:
        return iter(self[:])


# How long the directory's country list may lag behind a new participant's country.
COUNTRIES_SECONDS = 300


def countries_present(event: Event) -> set[str]:
    """The countries of the event's participants' organisations, for the country filter.

    Reading them means a DISTINCT over every registration (23 ms at 25,000 participants on
    PostgreSQL, a third of a directory page), so they are cached, shared by every process when
    the cache is Redis.
    """
    key = f"directory-countries:{event.pk}"
    present: set[str] | None = cache.get(key)
    if present is None:
        # No ordering: the model's default (by name) would turn DISTINCT into one row a person.
        rows = event.registrations.order_by().values_list("user__organisation__country", flat=True)
        present = {country for country in rows.distinct() if country}
        cache.set(key, present, COUNTRIES_SECONDS)
    return present


def _count(queryset: QuerySet[Any]) -> Subquery:
    """A correlated COUNT(*) of `queryset`, as a value."""
    return Subquery(
        queryset.order_by().values(n=Func(F("pk"), function="COUNT")),
        output_field=IntegerField(),
    )


def has_free_slots(event: Event, *, via: str = "") -> Q:
    """A condition on registrations (or, with `via="registration__"`, on rows pointing at one):
    fewer active meetings than the B2B slots the participant is available in, and than the
    most they asked for.

    The active meetings are a column kept by triggers (`booked_meetings`); the event's slot
    total is one uncorrelated subquery, computed once; only a participant who misses sessions
    has those sessions' slots counted.
    """
    b2b = Slot.objects.filter(session__event=event, session__is_b2b=True)
    slots = _count(b2b)
    missed = _count(b2b.filter(session__absent_registrations=OuterRef(f"{via}pk")))
    # Uncorrelated, so PostgreSQL hashes it once rather than probing per participant.
    misses = Registration.unavailable_sessions.through.objects.values("registration_id")
    booked = f"{via}booked_meetings"
    return (
        Q(**{f"{booked}__lt": slots})
        & (
            Q(**{f"{via}max_meetings__isnull": True})
            | Q(**{f"{booked}__lt": F(f"{via}max_meetings")})
        )
        & (~Q(**{f"{via}pk__in": misses}) | Q(**{f"{booked}__lt": slots - missed}))
    )


def participants(event: Event, *, filters: dict[str, Any]) -> Listing[Registration]:
    queryset = Registration.objects.filter(event=event, status=Registration.Status.VALIDATED)
    queryset = queryset.filter(participants_matching(filters.get("q") or ""))
    if filters.get("organiser"):
        queryset = queryset.filter(organiser=filters["organiser"])
    if filters.get("free"):
        queryset = queryset.filter(has_free_slots(event))
    if filters.get("country"):
        queryset = queryset.filter(user__organisation__country=filters["country"])
    if filters.get("kind"):
        queryset = queryset.filter(user__organisation__kind=filters["kind"])
    # Many-valued conditions are semi-joins (`pk__in`), never joins, so no participant is
    # listed twice and the count needs no DISTINCT.
    if filters.get("domain"):
        tagged = Registration.domains.through.objects.filter(domain=filters["domain"])
        offered = Opportunity.objects.filter(domains=filters["domain"])
        queryset = queryset.filter(
            Q(pk__in=tagged.values("registration_id")) | Q(pk__in=offered.values("registration_id"))
        )
    if filters.get("looking"):
        looking = Opportunity.objects.filter(kind=filters["looking"])
        queryset = queryset.filter(pk__in=looking.values("registration_id"))
    ids = queryset.order_by("directory_key", "pk").values_list("pk", flat=True)
    return Listing(ids, _registration_details)


def _registration_details(ids: list[int]) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(pk__in=ids)
        .select_related("user__organisation", "event")
        .prefetch_related(
            "domains",
            Prefetch("opportunities", queryset=Opportunity.objects.order_by("kind", "title")),
        )
    )


def opportunities(event: Event, *, filters: dict[str, Any]) -> Listing[Opportunity]:
    # A semi-join, not a join: joined, SQLite walked every registration of the event and probed
    # the index for each matching opportunity (7 s a page at 25,000 participants), while the
    # semi-join starts from the few matching opportunities (20 ms).
    validated = Registration.objects.filter(event=event, status=Registration.Status.VALIDATED)
    queryset = Opportunity.objects.filter(registration__in=validated.values("pk"))
    queryset = queryset.filter(opportunities_matching(filters.get("q") or ""))
    if filters.get("organiser"):
        queryset = queryset.filter(registration__organiser=filters["organiser"])
    if filters.get("free"):
        queryset = queryset.filter(has_free_slots(event, via="registration__"))
    if filters.get("country"):
        queryset = queryset.filter(registration__user__organisation__country=filters["country"])
    if filters.get("kind"):
        queryset = queryset.filter(registration__user__organisation__kind=filters["kind"])
    if filters.get("domain"):
        tagged = Opportunity.domains.through.objects.filter(domain=filters["domain"])
        queryset = queryset.filter(pk__in=tagged.values("opportunity_id"))
    if filters.get("looking"):
        queryset = queryset.filter(kind=filters["looking"])
    ids = queryset.order_by("title", "pk").values_list("pk", flat=True)
    return Listing(ids, _opportunity_details)


def _opportunity_details(ids: list[int]) -> QuerySet[Opportunity]:
    return (
        Opportunity.objects.filter(pk__in=ids)
        .select_related("registration__user__organisation", "registration__event")
        .prefetch_related("domains")
    )
