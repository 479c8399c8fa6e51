from matchfair.newsroom.domain.articles import create_article
from matchfair.newsroom.domain.search import articles_matching
from matchfair.newsroom.models import Article


def _found(text):
    return sorted(Article.objects.filter(articles_matching(text)).values_list("pk", flat=True))


def test_search_english_with_stemming(cluster, editor):
    article = create_article(
        cluster=cluster,
        kind="news",
        by=editor,
        words={"en": {"title": "New partnerships in Barcelona", "body": "Cities meeting"}},
    )
    assert (_found("partnership"), _found("meetings")) == ([article.pk], [article.pk])


def test_search_bulgarian(cluster, editor):
    article = create_article(
        cluster=cluster,
        kind="news",
        by=editor,
        words={"en": {"title": "Expo"}, "bg": {"title": "Интелигентен транспорт в София"}},
    )
    assert (_found("транспорт"), _found("софия")) == ([article.pk], [article.pk])


def test_search_tolerates_a_typo_late_in_a_word(cluster, editor):
    article = create_article(
        cluster=cluster, kind="news", by=editor, words={"en": {"title": "Barcelona delegation"}}
    )
    assert _found("delegatoin") == [article.pk]


def test_search_finds_nothing_for_other_words(cluster, editor):
    create_article(cluster=cluster, kind="news", by=editor, words={"en": {"title": "Energy"}})
    assert _found("water") == []
