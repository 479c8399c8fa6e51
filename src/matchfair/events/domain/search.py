"""Free-text search over participants behind one interface: SQLite FTS5 or PostgreSQL full text.

`participants_matching(text)` gives a filter on registrations; the backend follows the database.
"""

import re
from typing import Protocol

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from matchfair.events.models import Opportunity, Registration

# More words narrow a search no further in practice, and each costs the database a lookup.
MAX_WORDS = 6

FTS_TABLE = "events_registration_fts"


def words(text: str) -> list[str]:
    """The words searched for: letters and digits only, so no query syntax reaches the database."""
    return re.findall(r"\w+", text.lower())[:MAX_WORDS]


class SearchBackend(Protocol):
    def participants(self, terms: list[str]) -> Q: ...


class SQLiteSearch:
    """FTS5: one index row per registration; every word must match some column, as a prefix."""

    def participants(self, terms: list[str]) -> Q:
        match = " ".join(f'"{term}"*' for term in terms)
        return Q(
            pk__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match])
        )


class PostgresSearch:
    """Full text with `matchfair_search`: the `simple` configuration plus unaccent (migration 0003).

    Each source has its own GIN expression index, and each word may be found in any of them:
    a name in one, an opportunity title in another.
    """

    config = "matchfair_search"

    def participants(self, terms: list[str]) -> Q:
        from django.contrib.postgres.search import SearchQuery, SearchVector

        from matchfair.community.models import Organisation, User

        condition = Q()
        for term in terms:
            query = SearchQuery(f"{term}:*", search_type="raw", config=self.config)
            own = Registration.objects.alias(
                found=SearchVector("headline", "description", config=self.config)
            ).filter(found=query)
            offered = Opportunity.objects.alias(
                found=SearchVector("title", "description", config=self.config)
            ).filter(found=query)
            people = User.objects.alias(found=SearchVector("full_name", config=self.config)).filter(
                found=query
            )
            organisations = Organisation.objects.alias(
                found=SearchVector("name", config=self.config)
            ).filter(found=query)
            condition &= (
                Q(pk__in=own.values("pk"))
                | Q(pk__in=offered.values("registration_id"))
                | Q(user__in=people.values("pk"))
                | Q(user__organisation__in=organisations.values("pk"))
            )
        return condition


class SubstringSearch:
    """Any other database: every word is a substring of some field. Correct, but scans."""

    def participants(self, terms: list[str]) -> Q:
        condition = Q()
        for term in terms:
            condition &= Q(
                pk__in=Registration.objects.filter(
                    Q(user__full_name__icontains=term)
                    | Q(user__organisation__name__icontains=term)
                    | Q(headline__icontains=term)
                    | Q(description__icontains=term)
                    | Q(opportunities__title__icontains=term)
                    | Q(opportunities__description__icontains=term)
                ).values("pk")
            )
        return condition


def backend() -> SearchBackend:
    if connection.vendor == "sqlite":
        return SQLiteSearch()
    if connection.vendor == "postgresql":
        return PostgresSearch()
    return SubstringSearch()


def participants_matching(text: str) -> Q:
    """A filter on registrations found by `text`; empty text filters nothing."""
    terms = words(text)
    return backend().participants(terms) if terms else Q()
