"""Benchmark of the newsroom's reading pages at 10,000 published articles.

    python benchmarks/newsroom.py                        # SQLite, 10,000 articles, 30 requests
    python benchmarks/newsroom.py --articles 2000 --requests 20
    python benchmarks/newsroom.py --database-url postgres://postgres@127.0.0.1:5432/postgres

It builds a throwaway test database (SQLite in a temporary directory, or `test_<name>` on the
PostgreSQL server named), fills it with bulk_create (the search triggers see every row), and
times whole requests through Django's test client, templates included: the archive (first
page, a page 400 articles deep by its keyset cursor, by kind, tag and month), an article page,
a search in each language and a typo, and the feeds (site-wide, a language, a kind, a tag, a
kind and a tag). The archive's and the search's cards and the feeds are kept in the cache until
the newsroom changes: each of those is timed made (the cache emptied before every request) and
cached. The baselines, in the same
run: the deep page's query by offset (`Paginator`) against the same page by keyset, the
archive's months by `dates()` against the index skips, and the search's count of matches
through the translations' table against the count the search makes (stopped at a cap), and
each search's page as listed now against the filter on articles sorted by the database, the
archive's page and the related articles as read now against reading tags, cluster and every
column too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

WORKDIR = Path(tempfile.mkdtemp(prefix="matchfair-newsroom-bench-"))
_early = argparse.ArgumentParser(add_help=False)
_early.add_argument("--database-url")
_EXISTING = _early.parse_known_args()[0].database_url
os.environ["DJANGO_SETTINGS_MODULE"] = "matchfair.settings_test"
os.environ["MATCHFAIR_DATA_DIR"] = str(WORKDIR)
os.environ["DATABASE_URL"] = _EXISTING or f"sqlite:///{WORKDIR / 'newsroom.sqlite3'}"

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.paginator import Paginator  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from matchfair.community.models import Cluster, Organisation  # noqa: E402
from matchfair.events.taxonomy import DOMAINS  # noqa: E402
from matchfair.newsroom.domain import archive, search  # noqa: E402
from matchfair.newsroom.models import Article, ArticleTranslation, Tag  # noqa: E402
from matchfair.newsroom.transliteration import slug_of  # noqa: E402

WORDS_EN = [
    "city",
    "energy",
    "mobility",
    "sensors",
    "data",
    "water",
    "lighting",
    "partners",
    "expo",
    "delegation",
]
WORDS_BG = [
    "град",
    "енергия",
    "мобилност",
    "сензори",
    "данни",
    "вода",
    "осветление",
    "партньори",
    "изложение",
]


def build(count: int, rng: random.Random) -> None:
    organisation = Organisation.objects.create(name="Bench Cluster", kind="cluster", country="BG")
    cluster = Cluster.objects.create(organisation=organisation)
    tags = Tag.objects.bulk_create(
        Tag(slug=f"tag-{n}", name_en=f"Tag {n}", name_bg=f"Етикет {n}") for n in range(50)
    )
    start = dt.datetime(2016, 1, 1, tzinfo=dt.UTC)
    codes = [code for code, _label in DOMAINS]
    kinds = ["news", "blog", "trip-report", "case-study", "announcement"]
    articles = Article.objects.bulk_create(
        Article(
            cluster=cluster,
            kind=kinds[n % 5],
            status="published",
            published_at=start + dt.timedelta(hours=8 * n),
            domains=f",{rng.choice(codes)},",
        )
        for n in range(count)
    )
    translations = []
    for article in articles:
        en = " ".join(rng.sample(WORDS_EN, 4)).capitalize() + f" {article.pk}"
        bg = " ".join(rng.sample(WORDS_BG, 4)).capitalize() + f" {article.pk}"
        body_en = " ".join(rng.choices(WORDS_EN, k=150))
        body_bg = " ".join(rng.choices(WORDS_BG, k=150))
        for language, title, body in (("en", en, body_en), ("bg", bg, body_bg)):
            translations.append(
                ArticleTranslation(
                    article=article,
                    language=language,
                    state="published",
                    title=title,
                    slug=slug_of(title),
                    summary=title,
                    body=body,
                )
            )
    ArticleTranslation.objects.bulk_create(translations, batch_size=2000)
    through = Article.tags.through
    through.objects.bulk_create(
        (through(article_id=a.pk, tag_id=rng.choice(tags).pk) for a in articles), batch_size=5000
    )


def old_related(article: Article, limit: int = 4) -> list[Article]:
    """The related articles as they were read before they were grouped by id."""
    others = archive.published().exclude(pk=article.pk)
    tag_ids = [tag.pk for tag in article.tags.all()]
    chosen = list(
        others.filter(tags__in=tag_ids)
        .annotate(shared=Count("tags"))
        .order_by("-shared", "-published_at", "-pk")
        .prefetch_related(*archive.with_words())[:limit]
    )
    if len(chosen) < limit:
        chosen += list(
            others.filter(kind=article.kind)
            .exclude(pk__in=[a.pk for a in chosen])
            .order_by("-published_at", "-pk")
            .prefetch_related(*archive.with_words())[: limit - len(chosen)]
        )
    return chosen


def count(sql: str, params: list[str]) -> int:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return int(cursor.fetchone()[0])


def timed(call: Callable[[], object], repeat: int) -> list[float]:
    call()  # warm
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def row(name: str, samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"| {name} | {statistics.median(ordered):.1f} | {p95:.1f} | {ordered[-1]:.1f} |"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        started = time.perf_counter()
        build(args.articles, random.Random(7))
        with connection.cursor() as cursor:  # statistics, as autovacuum makes after a bulk load
            cursor.execute("ANALYZE")
        built = time.perf_counter() - started
        client = Client()
        article = Article.objects.order_by("pk")[args.articles // 2]
        words = article.translations.get(language="en")
        deep = archive.archive_page(archive.Filters(), size=400).next_cursor
        month = article.published_at
        # (what, call, kept in the cache until the newsroom changes)
        pages: list[tuple[str, Callable[[], object], bool]] = [
            ("archive, first page", lambda: client.get("/news/"), True),
            (
                "archive, 400 articles deep (keyset cursor)",
                lambda: client.get(f"/news/?after={deep}"),
                True,
            ),
            (
                "query only: the deep page by keyset",
                lambda: archive.archive_page(archive.Filters(), after=deep),
                False,
            ),
            (
                "baseline, query only: the same page by offset (Paginator)",
                lambda: list(
                    Paginator(
                        archive.published()
                        .order_by("-published_at", "-pk")
                        .prefetch_related(*archive.with_words()),
                        20,
                    )
                    .page(21)
                    .object_list
                ),
                False,
            ),
            (
                "query only: the archive's months, by index skips",
                archive.find_months,
                False,
            ),
            (
                "baseline, query only: the same months by `dates()`",
                lambda: list(archive.published().dates("published_at", "month", order="DESC")),
                False,
            ),
            ("archive by kind", lambda: client.get("/news/?kind=case-study"), True),
            ("archive by tag", lambda: client.get("/news/?tag=tag-7"), True),
            (
                "archive by month",
                lambda: client.get(f"/news/?year={month.year}&month={month.month}"),
                True,
            ),
            # Its related articles are kept until the newsroom changes; the rest is made each time.
            ("article page", lambda: client.get(f"/news/{article.pk}/{words.slug}/"), True),
            (
                "search, English (stemmed)",
                lambda: client.get("/news/search/?q=partner+sensor"),
                True,
            ),
            (
                "query only: `partner sensor` matches, counted as the search does (to a cap)",
                lambda: search.counted(
                    search.backend(), ["partner", "sensor"], loose=False, cap=search.FEW + 1
                ),
                False,
            ),
            (
                "baseline, query only: the same count through the translations, to the end",
                lambda: count(
                    "SELECT count(*) FROM ({}) AS m".format(
                        search.backend().articles(["partner", "sensor"], loose=False)[0]
                    ),
                    search.backend().articles(["partner", "sensor"], loose=False)[1],
                ),
                False,
            ),
            ("search, Bulgarian", lambda: client.get("/news/search/?q=осветление"), True),
            ("search, a typo", lambda: client.get("/news/search/?q=delegatoin"), True),
        ]
        pages += [
            (
                "query only: the archive's first page, what cards show",
                lambda: archive.archive_page(archive.Filters()),
                False,
            ),
            (
                "baseline, query only: the same page with tags and cluster read too",
                lambda: list(
                    archive.published()
                    .order_by("-published_at", "-pk")
                    .select_related("cluster__organisation")
                    .prefetch_related(*archive.with_words())[:21]
                ),
                False,
            ),
            (
                "query only: related articles, grouped by id",
                lambda: archive.related(article),
                False,
            ),
            (
                "baseline, query only: the same, grouped by every column",
                lambda: old_related(article),
                False,
            ),
        ]
        for label, text in (
            ("English", "partner sensor"),
            ("Bulgarian", "осветление"),
            ("a typo", "delegatoin"),
        ):
            pages.append(
                (
                    f"query only: search page, {label}, as the search lists it",
                    lambda text=text: search.newest_matching(text, size=archive.PAGE_SIZE),
                    False,
                )
            )
            pages.append(
                (
                    "baseline, query only: the same page by the filter, then the newest",
                    lambda text=text: list(
                        archive.published()
                        .filter(search.articles_matching(text))
                        .order_by("-published_at", "-pk")
                        .prefetch_related(*archive.with_words())[: archive.PAGE_SIZE]
                    ),
                    False,
                )
            )
        feeds = [
            "/news/feed/rss/",
            "/news/feed/bg/atom/",
            "/news/feed/en/rss/kind/blog/",
            "/news/feed/en/rss/tag/tag-7/",
            "/news/feed/bg/atom/kind/news/tag/tag-7/",
        ]
        print(
            f"{args.articles:,} published articles in two languages on {connection.vendor}, "
            f"built in {built:.0f} s; {args.requests} requests each; load average "
            f"{' '.join(f'{value:.2f}' for value in os.getloadavg())}.\n"
        )
        print("| what is timed | median ms | p95 ms | max ms |\n|---|---:|---:|---:|")
        for name, call, kept in pages:
            if not kept:
                print(row(name, timed(call, args.requests)), flush=True)
                continue

            def made(call: Callable[[], object] = call) -> object:
                cache.clear()
                return call()

            print(row(f"{name}, made", timed(made, args.requests)), flush=True)
            print(row(f"{name}, cached", timed(call, args.requests)), flush=True)
        for url in feeds:

            def made(url: str = url) -> object:
                cache.clear()
                return client.get(url)

            print(row(f"feed {url}, made", timed(made, args.requests)), flush=True)
            print(row(f"feed {url}, cached", timed(lambda url=url: client.get(url), args.requests)))
        print(f"\nLoad average at the end: {' '.join(f'{v:.2f}' for v in os.getloadavg())}.")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
