import datetime as dt

import pytest

from matchfair.newsroom.domain.archive import (
    BadFilter,
    Filters,
    archive_page,
    months,
    related,
    words_for,
)
from matchfair.newsroom.domain.articles import create_article
from matchfair.newsroom.domain.workflow import publish, submit_for_review
from matchfair.newsroom.models import Article


def _article(cluster, editor, n, *, kind="news", tags=(), domains=(), bg=True):
    words = {"en": {"title": f"Story {n}", "body": "Text"}}
    if bg:
        words["bg"] = {"title": f"История {n}", "body": "Текст"}
    article = create_article(
        cluster=cluster, kind=kind, by=editor, words=words, tags=tags, domains=list(domains)
    )
    submit_for_review(article=article, reviewer=editor, by=editor)
    publish(article=article, by=editor)
    Article.objects.filter(pk=article.pk).update(
        published_at=dt.datetime(2026, 1 + n % 12, 1, tzinfo=dt.UTC)
    )
    return Article.objects.get(pk=article.pk)


def test_archive_page_walks_every_article_once(cluster, editor):
    made = [_article(cluster, editor, n) for n in range(5)]
    seen, cursor = [], ""
    while True:
        page = archive_page(Filters(), after=cursor, size=2)
        seen += [a.pk for a in page.articles]
        cursor = page.next_cursor
        if not cursor:
            break
    assert sorted(seen) == sorted(a.pk for a in made) and len(seen) == 5


def test_archive_page_filters_by_kind_tag_domain_and_month(cluster, editor):
    _article(cluster, editor, 1)
    blog = _article(cluster, editor, 2, kind="blog", tags=["Energy"], domains=["energy"])
    assert [
        [a.pk for a in archive_page(filters).articles]
        for filters in (
            Filters(kind="blog"),
            Filters(tag="energy"),
            Filters(domain="energy"),
            Filters(year=2026, month=3),
        )
    ] == [[blog.pk]] * 4


def test_archive_page_with_an_unknown_filter_is_refused(db):
    with pytest.raises(BadFilter, match="no kind"):
        archive_page(Filters(kind="poem"))


def test_archive_page_with_a_forged_cursor_is_refused(db):
    with pytest.raises(BadFilter, match="no such page"):
        archive_page(Filters(), after="yesterday")


def test_related_prefers_shared_tags(cluster, editor):
    article = _article(cluster, editor, 1, tags=["Energy", "Sofia"])
    both = _article(cluster, editor, 2, tags=["Energy", "Sofia"], kind="blog")
    one = _article(cluster, editor, 3, tags=["Energy"], kind="blog")
    _article(cluster, editor, 4, kind="blog")
    assert [a.pk for a in related(article)] == [both.pk, one.pk]


def test_words_for_falls_back_to_the_published_language(cluster, editor):
    article = _article(cluster, editor, 1, bg=False)
    assert words_for(Article.objects.get(pk=article.pk), "bg").language == "en"


def test_months_lists_each_month_with_published_articles_newest_first(cluster, editor):
    for n in (0, 2, 2, 13):  # January and March 2026 (twice), February 2026 (n=13)
        _article(cluster, editor, n)
    last_moment = _article(cluster, editor, 5)  # June 2026, moved to the month's last instant
    Article.objects.filter(pk=last_moment.pk).update(
        published_at=dt.datetime(2025, 11, 30, 23, 59, 59, 999999, tzinfo=dt.UTC)
    )
    draft = create_article(cluster=cluster, kind="news", by=editor, words={"en": {"title": "D"}})
    Article.objects.filter(pk=draft.pk).update(published_at=dt.datetime(2024, 5, 5, tzinfo=dt.UTC))
    assert months() == [
        dt.date(2026, 3, 1),
        dt.date(2026, 2, 1),
        dt.date(2026, 1, 1),
        dt.date(2025, 11, 1),
    ]
