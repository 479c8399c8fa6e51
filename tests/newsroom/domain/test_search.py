import datetime as dt
import random

import pytest

from matchfair.newsroom.domain import search
from matchfair.newsroom.domain.archive import published
from matchfair.newsroom.domain.articles import create_article
from matchfair.newsroom.domain.search import articles_matching, newest_matching
from matchfair.newsroom.domain.workflow import publish, submit_for_review
from matchfair.newsroom.models import Article, ArticleTranslation
from matchfair.newsroom.transliteration import slug_of


def _found(text):
    return sorted(Article.objects.filter(articles_matching(text)).values_list("pk", flat=True))


def _published(cluster, editor, words):
    article = create_article(cluster=cluster, kind="news", by=editor, words=words)
    submit_for_review(article=article, reviewer=editor, by=editor)
    return publish(article=article, by=editor)


def test_search_english_with_stemming(cluster, editor):
    article = _published(
        cluster,
        editor,
        {"en": {"title": "New partnerships in Barcelona", "body": "Cities meeting"}},
    )
    assert (_found("partnership"), _found("meetings")) == ([article.pk], [article.pk])


def test_search_bulgarian(cluster, editor):
    article = _published(
        cluster,
        editor,
        {
            "en": {"title": "Expo", "body": "Text"},
            "bg": {"title": "Интелигентен транспорт в София", "body": "Текст"},
        },
    )
    assert (_found("транспорт"), _found("софия")) == ([article.pk], [article.pk])


def test_search_tolerates_a_typo_late_in_a_word(cluster, editor):
    article = _published(cluster, editor, {"en": {"title": "Barcelona delegation", "body": "T"}})
    assert _found("delegatoin") == [article.pk]


def test_search_finds_nothing_for_other_words(cluster, editor):
    _published(cluster, editor, {"en": {"title": "Energy", "body": "Text"}})
    assert _found("water") == []


def test_words_of_a_draft_never_bring_up_an_article(cluster, editor):
    """An unpublished translation of a published article, and a draft article, are not
    searched: their words find nothing, by either path."""
    article = _published(cluster, editor, {"en": {"title": "Energy", "body": "Text"}})
    ArticleTranslation.objects.create(
        article=article, language="bg", state="draft", title="Тайна", body="Тайна сделка"
    )
    create_article(cluster=cluster, kind="news", by=editor, words={"en": {"title": "Secret"}})
    assert [
        _found("тайна"),
        newest_matching("тайна", size=20),
        newest_matching("тайна", size=20, few=0),
        newest_matching("secret", size=20),
    ] == [[], [], [], []]


EN = ["city", "energy", "mobility", "sensors", "data", "water", "partners", "delegation"]
BG = ["град", "енергия", "мобилност", "сензори", "данни", "вода", "партньори", "делегация"]


@pytest.fixture
def many(cluster):
    """150 published articles (moments shared by pairs, so ties are broken by id), with drafts,
    scheduled and archived ones, and published articles whose Bulgarian is a draft."""
    rng = random.Random(11)
    start = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    statuses = ["published"] * 8 + ["draft", "scheduled", "archived"]
    articles = Article.objects.bulk_create(
        Article(
            cluster=cluster,
            kind="news",
            status=rng.choice(statuses),
            published_at=start + dt.timedelta(hours=rng.randrange(0, 2000, 2)),
        )
        for _ in range(190)
    )
    rows = []
    for article in articles:
        for language, vocabulary in (("en", EN), ("bg", BG)):
            title = " ".join(rng.sample(vocabulary, 3))
            state = "draft" if language == "bg" and rng.random() < 0.2 else "published"
            if article.status != "published" and rng.random() < 0.5:
                state = "draft"
            rows.append(
                ArticleTranslation(
                    article=article,
                    language=language,
                    state=state,
                    title=title,
                    slug=slug_of(title),
                    summary=title,
                    body=" ".join(rng.choices(vocabulary, k=12)),
                )
            )
    ArticleTranslation.objects.bulk_create(rows)
    return articles


QUERIES = [
    "partners",  # English, stemmed: "partner" too
    "sensor data",  # two words: both in one translation
    "партньори",  # Bulgarian
    "вода мобилност",
    "city energy water",  # several words, few matches
    "delegatoin",  # a typo late in a word: the typo search
    "мобилнсот",  # a Bulgarian typo
    "nothing",  # no match at all
]


def _before(text, size):
    """The page as the search listed it before `newest_matching`: the filter, then the newest."""
    return list(
        published()
        .filter(articles_matching(text))
        .order_by("-published_at", "-pk")
        .values_list("pk", flat=True)[:size]
    )


@pytest.mark.parametrize("text", QUERIES)
def test_newest_matching_lists_the_same_articles_in_the_same_order_as_before(many, text):
    """Listed and sorted, or found by walking the archive (few=0), at page sizes that end
    inside the first slice of the walk and past it: the page of the filter, newest first."""
    listed = {
        (size, few): [a.pk for a in newest_matching(text, size=size, few=few)]
        for size in (1, 7, 20, 60, 200)
        for few in (0, 10_000)
    }
    expected = {(size, few): _before(text, size) for size, few in listed}
    assert listed == expected


def test_the_pages_hold_only_published_articles_with_a_published_match(many):
    found = newest_matching("data", size=200, few=0)
    assert (
        all(
            article.status == "published"
            and any(
                "data" in t.title + t.body and t.state == "published"
                for t in article.translations.all()
            )
            for article in found
        )
        and len(found) > 20
    )


def test_a_page_is_as_long_as_asked_when_there_are_that_many(many):
    matching = len(_before("energy", 1000))
    assert [len(newest_matching("energy", size=size, few=0)) for size in (20, 1000)] == [
        20,
        matching,
    ]


@pytest.mark.parametrize("cap", [0, 1, 5, 100_000])
def test_counted_stops_at_its_cap(many, cap):
    backend = search.backend()
    everything = search.counted(backend, ["partners"], loose=False, cap=100_000)
    assert search.counted(backend, ["partners"], loose=False, cap=cap) == min(cap, everything)
