"""Searching the newsroom in English and Bulgarian, behind the interface the directory search
uses (events.domain.search): a filter on articles, with the backend of the database in use.

- SQLite: an FTS5 index of every translation (migration 0002) with the Porter stemmer, which
  stems English words ("partnerships" finds "partnership") and leaves Cyrillic words as they are.
- PostgreSQL: each translation's words as a stored `tsvector` (`search_words`, migration 0004:
  English translations under the `english` configuration, stemmed, others under
  `matchfair_search`, `simple` with unaccent) with a GIN index, and pg_trgm word similarity for
  what full text misses.

Typos: when the words as typed find nothing, the search is run again with each word shortened
to its leading half (SQLite: at least 3 letters, as a prefix) or, on
PostgreSQL, by trigram word similarity, so a slip in the second half of a word still finds it.

Only published translations are searched, so words of a draft never bring up an article.
`newest_matching` lists one page, newest first, choosing how by the number of matches: a few
are listed and sorted; many are found by walking the archive, newest first, asking for each
slice of it which of its translations match (`AMONG`), until the page is full.
"""

from typing import Any, Protocol

from django.db import NotSupportedError, connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from matchfair.events.domain.search import words
from matchfair.newsroom.domain.archive import card_words, published
from matchfair.newsroom.models import Article, ArticleTranslation, Status

FTS_TABLE = "newsroom_translation_fts"
# Up to this many matching translations, the matching articles are listed and sorted; past it,
# the archive is walked (a common word fills a page within its first few dozen articles).
FEW = 400
_FIRST_SLICE = 50
_PUBLISHED = ArticleTranslation.State.PUBLISHED


class ArticleSearch(Protocol):
    def articles(self, terms: list[str], *, loose: bool) -> tuple[str, list[Any]]:
        """SQL listing the ids of articles with a published translation matching `terms`."""
        ...

    def matching(self, terms: list[str], *, loose: bool) -> tuple[str, list[Any]]:
        """SQL listing the translations (of any state) whose words match every term, by the
        search index alone: counting these is cheap."""
        ...

    def among(self, terms: list[str], *, loose: bool, ids: list[int]) -> tuple[str, list[Any]]:
        """SQL listing which of the translations `ids` match (a superset is allowed)."""
        ...


def _leading(term: str) -> str:
    return term[: max(3, len(term) // 2)]


def _fts_match(terms: list[str]) -> str:
    return " ".join(f'"{term}"*' for term in terms)


class SQLiteSearch:
    def _match(self, terms: list[str], loose: bool) -> str:
        return _fts_match([_leading(term) for term in terms] if loose else terms)

    def articles(self, terms: list[str], *, loose: bool) -> tuple[str, list[Any]]:
        return (
            "SELECT article_id FROM newsroom_articletranslation WHERE state = %s AND id IN "
            f"(SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)",
            [_PUBLISHED, self._match(terms, loose)],
        )

    def matching(self, terms: list[str], *, loose: bool) -> tuple[str, list[Any]]:
        # The FTS5 index alone (a row of it is a translation): 1.5 ms to count 10,000 matches,
        # where the same count through the translations' table took 29 ms.
        return (
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
            [self._match(terms, loose)],
        )

    def among(self, terms: list[str], *, loose: bool, ids: list[int]) -> tuple[str, list[Any]]:
        # A range of rowids: FTS5 seeks to it (0.8 ms for a common prefix), where a list of
        # rowids or a check row by row evaluates the whole match again for each (0.7 ms each).
        return (
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s AND rowid BETWEEN %s AND %s",
            [self._match(terms, loose), min(ids), max(ids)],
        )


# The stored words of a translation (migration 0004) against the question in the same
# configuration; PostgreSQL folds the two into one index condition when the words are the same.
_TSQUERY = (
    "((language = 'en' AND search_words @@ to_tsquery('english'::regconfig, %s)) OR "
    "(language <> 'en' AND search_words @@ to_tsquery('matchfair_search'::regconfig, %s)))"
)
_TRIGRAM = "%s <%% (title || ' ' || summary)"


class PostgresSearch:
    def _condition(self, terms: list[str], loose: bool) -> tuple[str, list[Any]]:
        if loose:
            return _TRIGRAM, [" ".join(terms)]
        prefixes = " & ".join(f"{term}:*" for term in terms)
        return _TSQUERY, [prefixes, prefixes]

    def articles(self, terms: list[str], *, loose: bool) -> tuple[str, list[Any]]:
        condition, params = self._condition(terms, loose)
        return (
            f"SELECT article_id FROM newsroom_articletranslation WHERE state = %s AND {condition}",
            [_PUBLISHED, *params],
        )

    def matching(self, terms: list[str], *, loose: bool) -> tuple[str, list[Any]]:
        condition, params = self._condition(terms, loose)
        return (
            f"SELECT id FROM newsroom_articletranslation WHERE {condition}",
            params,
        )

    def among(self, terms: list[str], *, loose: bool, ids: list[int]) -> tuple[str, list[Any]]:
        condition, params = self._condition(terms, loose)
        # OFFSET 0 keeps the rows named first: the planner misjudges how many rows a prefix
        # matches and would otherwise read every match through the GIN index.
        return (
            "SELECT id FROM (SELECT id, language, title, summary, search_words "
            f"FROM newsroom_articletranslation WHERE id = ANY(%s) OFFSET 0) AS named "
            f"WHERE {condition}",
            [ids, *params],
        )


def backend() -> ArticleSearch:
    if connection.vendor == "sqlite":
        return SQLiteSearch()
    if connection.vendor == "postgresql":
        return PostgresSearch()
    raise NotSupportedError(f"Matchfair runs on SQLite or PostgreSQL, not {connection.vendor}.")


def _rows(sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def counted(search: ArticleSearch, terms: list[str], *, loose: bool, cap: int) -> int:
    """How many translations match, counting no further than `cap` (a common word is not
    counted to the end)."""
    sql, params = search.matching(terms, loose=loose)
    return int(_rows(f"SELECT count(*) FROM ({sql} LIMIT %s) AS m", [*params, cap])[0][0])


def articles_matching(text: str) -> Q:
    """A filter on articles with a published translation matching every word of `text`; when
    none do, a looser filter that tolerates a typo (see the module's docstring)."""
    terms = words(text)
    if not terms:
        return Q()
    search = backend()
    # Counted on the translations alone: as EXISTS, or joined to the articles, a search that
    # finds nothing is planned on PostgreSQL as a walk over every row.
    found = counted(search, terms, loose=False, cap=1)
    sql, params = search.articles(terms, loose=not found)
    return Q(pk__in=RawSQL(sql, params))


def _walk(search: ArticleSearch, terms: list[str], *, loose: bool, size: int) -> list[int]:
    """The newest `size` published articles with a matching published translation, found by
    reading the archive newest first in growing slices."""
    chosen: list[int] = []
    archive = (
        ArticleTranslation.objects.filter(
            state=_PUBLISHED, article__status=Status.PUBLISHED, article__published_at__isnull=False
        )
        .order_by("-article__published_at", "-article_id")
        .values_list("article_id", "id")
    )
    start, step = 0, _FIRST_SLICE
    while len(chosen) < size:
        # Two translations an article at most, so a slice of 2 × step rows holds `step` articles.
        rows = list(archive[start : start + 2 * step])
        if not rows:
            break
        matched = {
            row[0] for row in _rows(*search.among(terms, loose=loose, ids=[r[1] for r in rows]))
        }
        for article_id, translation_id in rows:
            if translation_id in matched and article_id not in chosen:
                chosen.append(article_id)
        start, step = start + len(rows), step * 4
    return chosen[:size]


def newest_matching(text: str, *, size: int, few: int = FEW) -> list[Article]:
    """The newest `size` published articles matching `text` (the typo search when the words as
    typed find nothing), newest first, with their words, tags and images read. Past `few`
    matching translations the archive is walked; either way gives the same articles."""
    terms = words(text)
    if not terms:
        return []
    search = backend()
    loose = False
    found = counted(search, terms, loose=False, cap=few + 1)
    # PostgreSQL's typo search is listed through its trigram index whatever the count: the
    # walk computes the similarity slice by slice, slower than the old plan (88 ms against 72).
    # So it is not counted first either: the list itself says when nothing matches.
    listed_whatever = connection.vendor == "postgresql"
    if not found:
        loose = True
        if not listed_whatever:
            found = counted(search, terms, loose=True, cap=few + 1)
            if not found:
                return []
    if found > few and not (loose and listed_whatever):
        ids = _walk(search, terms, loose=loose, size=size)
        rows = {a.pk: a for a in Article.objects.filter(pk__in=ids).prefetch_related(*card_words())}
        return [rows[pk] for pk in ids if pk in rows]
    sql, params = search.articles(terms, loose=loose)
    return list(
        published()
        .filter(pk__in=RawSQL(sql, params))
        .order_by("-published_at", "-pk")
        .prefetch_related(*card_words())[:size]
    )
