"""Free-text search over participants and opportunities behind one interface: SQLite FTS5 or
PostgreSQL full text.

`participants_matching(text)` gives a filter on registrations and `opportunities_matching(text)`
one on opportunities; the backend follows the database.
"""

import re
from typing import Protocol

from django.db import NotSupportedError, connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

# More words narrow a search no further in practice, and each costs the database a lookup.
MAX_WORDS = 6

FTS_TABLE = "events_registration_fts"
OPPORTUNITY_FTS_TABLE = "events_opportunity_fts"


def words(text: str) -> list[str]:
    """The words searched for: letters and digits only, so no query syntax reaches the database."""
    return re.findall(r"\w+", text.lower())[:MAX_WORDS]


class SearchBackend(Protocol):
    def participants(self, terms: list[str]) -> Q: ...

    def opportunities(self, terms: list[str]) -> Q: ...


def _fts_match(table: str, terms: list[str]) -> Q:
    """Rows of `table`'s FTS5 index where every word matches some column, as a prefix."""
    match = " ".join(f'"{term}"*' for term in terms)
    return Q(pk__in=RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [match]))


class SQLiteSearch:
    """FTS5: one index row per registration (migration 0003) and one per opportunity (0005)."""

    def participants(self, terms: list[str]) -> Q:
        return _fts_match(FTS_TABLE, terms)

    def opportunities(self, terms: list[str]) -> Q:
        return _fts_match(OPPORTUNITY_FTS_TABLE, terms)


class PostgresSearch:
    """Full text with `matchfair_search`: the `simple` configuration plus unaccent (migration 0003).

    Each registration and each opportunity has one stored `tsvector` document under a GIN index
    (migration 0007), so a search is one index lookup, whatever the number of words.
    """

    config = "matchfair_search"

    def _match(self, table: str, key: str, terms: list[str]) -> Q:
        query = " & ".join(f"{term}:*" for term in terms)
        return Q(
            pk__in=RawSQL(
                f"SELECT {key} FROM {table} WHERE document @@ to_tsquery(%s::regconfig, %s)",
                [self.config, query],
            )
        )

    def participants(self, terms: list[str]) -> Q:
        return self._match("events_registration_document", "registration_id", terms)

    def opportunities(self, terms: list[str]) -> Q:
        return self._match("events_opportunity_document", "opportunity_id", terms)


def backend() -> SearchBackend:
    """The backend of the database in use; the migrations accept no other database."""
    if connection.vendor == "sqlite":
        return SQLiteSearch()
    if connection.vendor == "postgresql":
        return PostgresSearch()
    raise NotSupportedError(f"Matchfair runs on SQLite or PostgreSQL, not {connection.vendor}.")


def participants_matching(text: str) -> Q:
    """A filter on registrations found by `text`; empty text filters nothing."""
    terms = words(text)
    return backend().participants(terms) if terms else Q()


def opportunities_matching(text: str) -> Q:
    """A filter on opportunities found by `text` in their title, description or organisation."""
    terms = words(text)
    return backend().opportunities(terms) if terms else Q()
