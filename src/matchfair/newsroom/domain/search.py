"""Searching the newsroom in English and Bulgarian, behind the interface the directory search
uses (events.domain.search): a filter on articles, with the backend of the database in use.

- SQLite: an FTS5 index of every translation (migration 0002) with the Porter stemmer, which
  stems English words ("partnerships" finds "partnership") and leaves Cyrillic words as they are.
- PostgreSQL: English translations under the `english` configuration (stemmed), Bulgarian ones
  under `matchfair_search` (`simple` with unaccent), each with a GIN index (migration 0002), and
  pg_trgm word similarity for what full text misses.

Typos: when the words as typed find nothing, the search is run again with each word shortened
to its leading half (SQLite: at least 3 letters, as a prefix) or, on
PostgreSQL, by trigram word similarity, so a slip in the second half of a word still finds it.
"""

from typing import Protocol

from django.db import NotSupportedError, connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from matchfair.events.domain.search import words

FTS_TABLE = "newsroom_translation_fts"


class ArticleSearch(Protocol):
    def articles(self, terms: list[str], *, loose: bool) -> tuple[str, list[str]]: ...

    def matches(self, terms: list[str]) -> tuple[str, list[str]]:
        """SQL counting the translations whose words match every term as typed."""
        ...


def _leading(term: str) -> str:
    return term[: max(3, len(term) // 2)]


def _fts_match(terms: list[str]) -> str:
    return " ".join(f'"{term}"*' for term in terms)


class SQLiteSearch:
    def articles(self, terms: list[str], *, loose: bool) -> tuple[str, list[str]]:
        chosen = [_leading(term) for term in terms] if loose else terms
        return (
            "SELECT article_id FROM newsroom_articletranslation WHERE id IN "
            f"(SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)",
            [_fts_match(chosen)],
        )

    def matches(self, terms: list[str]) -> tuple[str, list[str]]:
        # The FTS5 index alone (a row of it is a translation): 1.5 ms for 10,000 matches,
        # where the same count through the translations' table took 29 ms.
        return f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [_fts_match(terms)]


class PostgresSearch:
    def articles(self, terms: list[str], *, loose: bool) -> tuple[str, list[str]]:
        text = " ".join(terms)
        if loose:
            sql = (
                "SELECT article_id FROM newsroom_articletranslation "
                "WHERE %s <%% (title || ' ' || summary)"
            )
            return sql, [text]
        prefixes = " & ".join(f"{term}:*" for term in terms)
        sql = (
            "SELECT article_id FROM newsroom_articletranslation WHERE "
            "(language = 'en' AND to_tsvector('english'::regconfig, "
            "title || ' ' || summary || ' ' || body) @@ to_tsquery('english'::regconfig, %s)) OR "
            "(language <> 'en' AND to_tsvector('matchfair_search'::regconfig, "
            "title || ' ' || summary || ' ' || body) "
            "@@ to_tsquery('matchfair_search'::regconfig, %s))"
        )
        return sql, [prefixes, prefixes]

    def matches(self, terms: list[str]) -> tuple[str, list[str]]:
        sql, params = self.articles(terms, loose=False)
        return f"SELECT count(*) FROM ({sql}) AS matched", params


def backend() -> ArticleSearch:
    if connection.vendor == "sqlite":
        return SQLiteSearch()
    if connection.vendor == "postgresql":
        return PostgresSearch()
    raise NotSupportedError(f"Matchfair runs on SQLite or PostgreSQL, not {connection.vendor}.")


def articles_matching(text: str) -> Q:
    """A filter on articles whose words in either language match every word of `text`; when
    none do, a looser filter that tolerates a typo (see the module's docstring)."""
    terms = words(text)
    if not terms:
        return Q()
    search = backend()
    # Counted on the translations alone: as EXISTS, or joined to the articles, a search that
    # finds nothing is planned on PostgreSQL as a walk over every row, matching each one's
    # text in turn (7 s at 10,000 articles); a count goes through the full-text index.
    with connection.cursor() as cursor:
        cursor.execute(*search.matches(terms))
        (found,) = cursor.fetchone()
    sql, params = search.articles(terms, loose=not found)
    return Q(pk__in=RawSQL(sql, params))
