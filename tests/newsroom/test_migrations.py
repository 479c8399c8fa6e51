"""Storing the search words (0004) on a newsroom that has articles: what was written before is
found after, what is written after is found too, and the step goes back and forth."""

import pytest

from matchfair.newsroom.domain.search import newest_matching
from matchfair.newsroom.models import Article, ArticleTranslation
from tests import factories
from tests.migrations import latest, migrate

BEFORE = [("newsroom", "0003_digest")]


def _write(apps, cluster, title_en, title_bg):
    article = apps.get_model("newsroom", "Article").objects.create(
        cluster_id=cluster.pk, kind="news", status="published", published_at="2026-01-02T10:00:00Z"
    )
    for language, title in (("en", title_en), ("bg", title_bg)):
        apps.get_model("newsroom", "ArticleTranslation").objects.create(
            article=article, language=language, state="published", title=title, body=title
        )
    return article.pk


def _search(*texts):
    return [
        [a.pk for a in newest_matching(text, size=20, few=few)]
        for text in texts
        for few in (0, 400)
    ]


@pytest.mark.django_db(transaction=True)
def test_stored_search_words_on_a_newsroom_with_articles():
    cluster = factories.ClusterFactory()  # the other apps' tables as they are now
    old = migrate(BEFORE)
    first = _write(old, cluster, "Partnerships in Sofia", "Партньорства в София")
    migrate(latest())
    second = Article.objects.create(
        cluster=cluster,
        kind="news",
        status="published",
        published_at="2026-01-03T10:00:00Z",
    )
    ArticleTranslation.objects.create(
        article=second, language="en", state="published", title="Partner water", body="Text"
    )
    found = _search("partnership", "партньорства", "partner")
    migrate(BEFORE)
    migrate(latest())
    translation = ArticleTranslation.objects.get(article=second)
    translation.title = "Energy"
    translation.save()
    assert (found, _search("partner", "energy")) == (
        [[first], [first], [first], [first], [second.pk, first], [second.pk, first]],
        [[first], [first], [second.pk], [second.pk]],
    )
