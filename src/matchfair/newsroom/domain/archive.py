"""What readers see: published articles, filtered by kind, tag, domain, year and month, in pages
that cost the same at any depth (keyset pagination on the indexed published moment and id), and
the articles related to one.

    page = archive_page(Filters(kind="news", year=2026), after=cursor, size=20)
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import NotSupportedError, connection
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from matchfair.events.taxonomy import DOMAINS
from matchfair.newsroom import feedcache
from matchfair.newsroom.domain.translations import readable
from matchfair.newsroom.models import (
    LANGUAGES,
    Article,
    ArticleImage,
    ArticleTranslation,
    Kind,
    Status,
    Tag,
)

PAGE_SIZE = 20
DOMAIN_CODES = {code for code, _label in DOMAINS}


class BadFilter(ValueError):
    """A filter or cursor that names nothing: the page answers 404."""


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    tag: str = ""
    domain: str = ""
    year: int | None = None
    month: int | None = None
    language: str = ""  # only the articles readable in this language

    def check(self) -> "Filters":
        if self.kind and self.kind not in Kind.values:
            raise BadFilter(f"no kind {self.kind!r}")
        if self.domain and self.domain not in DOMAIN_CODES:
            raise BadFilter(f"no domain {self.domain!r}")
        if self.language and self.language not in LANGUAGES:
            raise BadFilter(f"no language {self.language!r}")
        if self.month is not None and (self.year is None or not 1 <= self.month <= 12):
            raise BadFilter("a month needs a year, and is 1 to 12")
        if self.year is not None and not 1900 <= self.year <= 9999:
            raise BadFilter("no such year")
        if self.tag and not Tag.objects.filter(slug=self.tag).exists():
            raise BadFilter(f"no tag {self.tag!r}")
        return self


def with_words() -> list[Any]:
    return [
        Prefetch("translations", queryset=ArticleTranslation.objects.all()),
        "tags",
        Prefetch("images", queryset=ArticleImage.objects.order_by("id")),
    ]


def card_words() -> list[Any]:
    """What a card shows (its words and first image): `with_words` without the tags."""
    return [
        Prefetch("translations", queryset=ArticleTranslation.objects.all()),
        Prefetch("images", queryset=ArticleImage.objects.order_by("id")),
    ]


def published() -> QuerySet[Article]:
    return Article.objects.filter(status=Status.PUBLISHED, published_at__isnull=False)


def filtered(filters: Filters) -> QuerySet[Article]:
    articles = published()
    if filters.kind:
        articles = articles.filter(kind=filters.kind)
    if filters.tag:
        articles = articles.filter(tags__slug=filters.tag)
    if filters.domain:
        articles = articles.filter(domains__contains=f",{filters.domain},")
    if filters.language:
        articles = articles.filter(
            translations__language=filters.language,
            translations__state=ArticleTranslation.State.PUBLISHED,
        )
    if filters.year is not None:
        # A range on the indexed moment rather than a function of it, so the index is used.
        start = dt.datetime(filters.year, filters.month or 1, 1, tzinfo=dt.UTC)
        if filters.month is None:
            end = start.replace(year=filters.year + 1)
        elif filters.month == 12:
            end = start.replace(year=filters.year + 1, month=1)
        else:
            end = start.replace(month=filters.month + 1)
        articles = articles.filter(published_at__gte=start, published_at__lt=end)
    return articles


def cursor_of(article: Article) -> str:
    assert article.published_at is not None
    return f"{article.published_at.strftime('%Y%m%d%H%M%S%f')}-{article.pk}"


def _parse_cursor(cursor: str) -> tuple[dt.datetime, int]:
    try:
        moment, pk = cursor.split("-")
        when = dt.datetime.strptime(moment, "%Y%m%d%H%M%S%f").replace(tzinfo=dt.UTC)
        return when, int(pk)
    except ValueError as error:
        raise BadFilter(f"no such page {cursor!r}") from error


@dataclass
class Page:
    articles: list[Article]
    next_cursor: str = ""
    filters: Filters = field(default_factory=Filters)


def archive_page(filters: Filters, *, after: str = "", size: int = PAGE_SIZE) -> Page:
    """A page of the archive, newest first, starting after the article `after` names."""
    articles = filtered(filters.check())
    if after:
        when, pk = _parse_cursor(after)
        # The first condition bounds the index range; the second breaks ties by id.
        articles = articles.filter(published_at__lte=when).filter(
            Q(published_at__lt=when) | Q(published_at=when, pk__lt=pk)
        )
    rows = list(
        articles.order_by("-published_at", "-pk").prefetch_related(*card_words())[: size + 1]
    )
    more = len(rows) > size
    rows = rows[:size]
    return Page(articles=rows, next_cursor=cursor_of(rows[-1]) if more else "", filters=filters)


# The months with published articles, found by skipping from each month's newest article to
# the newest one before that month (one step of the archive index a month, in one query), so
# the cost grows with the months, not with the articles. Months in UTC, as `Filters` reads them.
_MONTHS_SQL = {
    "sqlite": """
        WITH RECURSIVE months(moment) AS (
            SELECT (SELECT published_at FROM newsroom_article WHERE status = %s
                    AND published_at IS NOT NULL ORDER BY published_at DESC LIMIT 1)
            UNION ALL
            SELECT (SELECT published_at FROM newsroom_article WHERE status = %s
                    AND published_at < substr(months.moment, 1, 7) || '-01 00:00:00'
                    ORDER BY published_at DESC LIMIT 1)
            FROM months WHERE months.moment IS NOT NULL
        )
        SELECT substr(moment, 1, 7) FROM months WHERE moment IS NOT NULL""",
    "postgresql": """
        WITH RECURSIVE months(moment) AS (
            SELECT (SELECT published_at FROM newsroom_article WHERE status = %s
                    AND published_at IS NOT NULL ORDER BY published_at DESC LIMIT 1)
            UNION ALL
            SELECT (SELECT published_at FROM newsroom_article WHERE status = %s
                    AND published_at < date_trunc('month', months.moment AT TIME ZONE 'UTC')
                        AT TIME ZONE 'UTC'
                    ORDER BY published_at DESC LIMIT 1)
            FROM months WHERE months.moment IS NOT NULL
        )
        SELECT to_char(moment AT TIME ZONE 'UTC', 'YYYY-MM') FROM months
        WHERE moment IS NOT NULL""",
}


def find_months() -> list[dt.date]:
    """The months with published articles, newest first, as the database has them now."""
    sql = _MONTHS_SQL.get(connection.vendor)
    if sql is None:
        raise NotSupportedError(f"Matchfair runs on SQLite or PostgreSQL, not {connection.vendor}.")
    with connection.cursor() as cursor:
        cursor.execute(sql, [Status.PUBLISHED, Status.PUBLISHED])
        return [dt.date(int(ym[:4]), int(ym[5:7]), 1) for (ym,) in cursor.fetchall()]


def months() -> list[dt.date]:
    """The months that have published articles, newest first, for the archive's side list;
    remembered until the newsroom changes. Its cost grows with the months, not the articles
    (on SQLite, `dates()` truncated every article's date in Python: 127 ms at 10,000)."""
    return feedcache.remembered("months", find_months)


def related(article: Article, *, limit: int = 4) -> list[Article]:
    """Published articles that share the most tags with `article`, then those of its kind."""
    others = published().exclude(pk=article.pk)
    tag_ids = [tag.pk for tag in article.tags.all()]
    chosen: list[int] = []
    if tag_ids:
        # Grouped by the id alone (grouping whole rows sorted every column of every candidate).
        chosen = list(
            others.filter(tags__in=tag_ids)
            .values("pk")
            .annotate(shared=Count("tags"))
            .order_by("-shared", "-published_at", "-pk")
            .values_list("pk", flat=True)[:limit]
        )
    if len(chosen) < limit:
        chosen += list(
            others.filter(kind=article.kind)
            .exclude(pk__in=chosen)
            .order_by("-published_at", "-pk")
            .values_list("pk", flat=True)[: limit - len(chosen)]
        )
    rows = {
        row.pk: row for row in Article.objects.filter(pk__in=chosen).prefetch_related(*card_words())
    }
    return [rows[pk] for pk in chosen]


def words_for(article: Article, language: str) -> ArticleTranslation | None:
    """The translation a reader of `language` is shown: theirs if published, else the other
    published one; None when neither is."""
    translations = {item.language: item for item in article.translations.all()}
    for candidate in (language, *[code for code in LANGUAGES if code != language]):
        if readable(article, candidate):
            return translations[candidate]
    return None


def latest(limit: int = 6) -> list[Article]:
    return list(
        published()
        .filter(published_at__lte=timezone.now())
        .order_by("-published_at", "-pk")
        .prefetch_related(*card_words())[:limit]
    )
