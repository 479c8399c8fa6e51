import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import dateformat, translation

from matchfair.newsroom.domain.articles import create_article, save_article
from matchfair.newsroom.domain.workflow import archive, publish, submit_for_review
from matchfair.newsroom.views import _month_labels
from tests.visits.rows import one_of_each


@pytest.fixture
def published(draft, member, editor):
    submit_for_review(article=draft, reviewer=editor, by=member)
    return publish(article=draft, by=editor)


def test_front_page_shows_the_latest_articles(client, published):
    response = client.get(reverse("home"))
    assert (response.status_code, "Smart lighting in Sofia" in response.content.decode()) == (
        200,
        True,
    )


def test_article_page_in_bulgarian(client, published):
    client.cookies["django_language"] = "bg"
    url = reverse(
        "newsroom:article", kwargs={"pk": published.pk, "slug": "inteligentno-osvetlenie-v-sofia"}
    )
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="bg")
    assert (
        response.status_code,
        "Интелигентно осветление в София" in response.content.decode(),
    ) == (
        200,
        True,
    )


def test_article_old_slug_redirects_to_the_current_one(client, published, editor):
    save_article(article=published, by=editor, words={"en": {"title": "Lighting"}})
    response = client.get(
        reverse("newsroom:article", kwargs={"pk": published.pk, "slug": "smart-lighting-in-sofia"})
    )
    assert (response.status_code, response["Location"]) == (301, f"/news/{published.pk}/lighting/")


def test_draft_is_not_found_by_readers(client, draft):
    response = client.get(reverse("newsroom:article", kwargs={"pk": draft.pk, "slug": "x"}))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("newsroom:feed", {"fmt": "rss"}),
        ("newsroom:feed", {"fmt": "atom"}),
        ("newsroom:feed_language", {"fmt": "rss", "language": "bg"}),
        ("newsroom:feed_kind", {"fmt": "atom", "language": "en", "kind": "news"}),
        ("newsroom:feed_tag", {"fmt": "rss", "language": "en", "tag": "energy"}),
        (
            "newsroom:feed_kind_tag",
            {"fmt": "atom", "language": "bg", "kind": "news", "tag": "energy"},
        ),
    ],
)
def test_feeds_parse_and_keep_guids_by_id(
    client, published, editor, name, kwargs, django_capture_on_commit_callbacks
):
    url = reverse(name, kwargs=kwargs)
    before = feedparser.parse(client.get(url).content)
    with django_capture_on_commit_callbacks(execute=True):
        save_article(
            article=published,
            by=editor,
            words={"en": {"title": "Lighting", "slug": "new"}, "bg": {"slug": "novo"}},
        )
    after = feedparser.parse(client.get(url).content)
    assert (before.bozo, [e.id for e in before.entries]) == (False, [e.id for e in after.entries])
    assert (len(before.entries), after.entries[0].link.endswith(("/new/", "/novo/"))) == (1, True)


def test_feed_is_cached_until_the_newsroom_changes(
    client, published, editor, django_capture_on_commit_callbacks
):
    first = client.get("/news/feed/rss/").content
    save_article(article=published, by=editor, words={"en": {"title": "Unseen yet"}})
    cached = client.get("/news/feed/rss/").content
    with django_capture_on_commit_callbacks(execute=True):
        save_article(article=published, by=editor, words={"en": {"title": "Seen now"}})
    fresh = client.get("/news/feed/rss/").content.decode()
    assert (cached == first, "Seen now" in fresh) == (True, True)


@pytest.mark.parametrize(
    "url",
    [
        "/news/feed/json/",
        "/news/feed/xx/rss/",
        "/news/feed/en/rss/kind/poem/",
        "/news/feed/en/rss/tag/nothing/",
        "/news/feed/en/rss/kind/news/tag/nothing/",
        "/news/feed/en/rss/kind/poem/tag/energy/",
        "/news/feed/en/json/kind/news/tag/energy/",
        "/news/feed/xx/rss/kind/news/tag/energy/",
        "/news/?kind=poem",
        "/news/?year=abc",
        "/news/?after=zzz",
        "/news/?month=13&year=2026",
    ],
)
def test_invalid_parameters_answer_404(client, db, url):
    assert client.get(url).status_code == 404


def test_kind_and_tag_feed_holds_only_articles_of_both(client, published, cluster, editor):
    for kind, tag in (("blog", "Energy"), ("news", "Water")):
        other = create_article(
            cluster=cluster,
            kind=kind,
            by=editor,
            words={"en": {"title": f"{kind} {tag}", "body": "Text"}},
            tags=[tag],
        )
        submit_for_review(article=other, reviewer=editor, by=editor)
        publish(article=other, by=editor)
    url = reverse(
        "newsroom:feed_kind_tag",
        kwargs={"fmt": "rss", "language": "en", "kind": "news", "tag": "energy"},
    )
    parsed = feedparser.parse(client.get(url).content)
    assert (parsed.bozo, [e.title for e in parsed.entries]) == (False, ["Smart lighting in Sofia"])


def test_archive_by_kind_and_tag_announces_the_combined_feed(client, published):
    page = client.get("/news/?kind=news&tag=energy").content.decode()
    assert "/news/feed/en/rss/kind/news/tag/energy/" in page


def test_archive_announces_its_feeds(client, published):
    page = client.get("/news/").content.decode()
    assert page.count('rel="alternate"') == 2


def test_search_page_finds_bulgarian(client, published):
    response = client.get("/news/search/", {"q": "осветление"})
    assert "Smart lighting in Sofia" in response.content.decode()


def test_desk_flow_member_proposes_editor_publishes(client, cluster, member, editor):
    client.force_login(member)
    response = client.post(
        reverse("newsroom:new"),
        {
            "cluster": cluster.pk,
            "kind": "blog",
            "source_language": "en",
            "title_en": "From the floor",
            "body_en": "We met **twelve** cities.",
            "title_bg": "От щанда",
            "body_bg": "Срещнахме 12 града.",
            "tags": "Expo, Barcelona",
        },
    )
    pk = int(response["Location"].rstrip("/").split("/")[-1])
    client.post(
        reverse("newsroom:step", kwargs={"pk": pk, "step": "submit"}), {"reviewer": editor.pk}
    )
    client.force_login(editor)
    client.post(reverse("newsroom:step", kwargs={"pk": pk, "step": "publish"}))
    page = client.get(reverse("newsroom:article", kwargs={"pk": pk, "slug": "from-the-floor"}))
    assert "<strong>twelve</strong>" in page.content.decode()


def test_preview_uses_the_page_renderer(client, draft, member):
    client.force_login(member)
    response = client.post(
        reverse("newsroom:edit", kwargs={"pk": draft.pk}),
        {
            "kind": "news",
            "source_language": "en",
            "title_en": "T",
            "body_en": "<b>x</b> *y*",
            "preview": "1",
        },
    )
    assert "&lt;b&gt;x&lt;/b&gt; <em>y</em>" in response.content.decode()


def test_archive_in_bulgarian_speaks_bulgarian(client, published):
    client.post("/i18n/setlang/", {"language": "bg", "next": "/news/"})
    page = client.get("/news/").content.decode()
    assert (page.count("Търсене в новините"), page.count("Интелигентно осветление в София")) == (
        1,
        1,
    )


def test_start_trip_report_from_the_delegation_page(client, event, ana, jonas, lead_staff):
    delegation = one_of_each(event, ana, jonas)
    client.force_login(lead_staff)
    page = client.get(delegation.get_absolute_url()).content.decode()
    response = client.post(reverse("newsroom:start_trip_report", args=[delegation.pk]))
    article = delegation.articles.get()
    client.force_login(ana.user)
    refused = client.post(reverse("newsroom:start_trip_report", args=[delegation.pk]))
    assert ("Start a trip report" in page, response["Location"]) == (
        True,
        reverse("newsroom:edit", args=[article.pk]),
    )
    assert (refused.status_code, delegation.articles.count()) == (404, 1)


def test_archive_and_search_show_a_publish_an_edit_and_a_withdrawal_at_once(
    client, published, cluster, member, editor, django_capture_on_commit_callbacks
):
    def shown(query=None):
        archive = client.get("/news/").content.decode()
        found = client.get("/news/search/", {"q": query}).content.decode() if query else ""
        return archive, found

    before, _ = shown("sensors")
    words = {
        "en": {"title": "Water sensors in Plovdiv", "summary": "Sensors", "body": "Pipes."},
        "bg": {"title": "Сензори за вода в Пловдив", "summary": "Сензори", "body": "Тръби."},
    }
    with django_capture_on_commit_callbacks(execute=True):
        other = create_article(cluster=cluster, kind="blog", by=member, words=words)
        submit_for_review(article=other, reviewer=editor, by=member)
        publish(article=other, by=editor)
    after_publish, found_after_publish = shown("sensors")
    with django_capture_on_commit_callbacks(execute=True):
        save_article(article=published, by=editor, words={"en": {"title": "Lit streets"}})
    after_edit, _ = shown()
    with django_capture_on_commit_callbacks(execute=True):
        archive(article=other, by=editor)
    after_withdrawal, found_after_withdrawal = shown("sensors")
    assert [
        (
            "Water sensors in Plovdiv" in page,
            "Smart lighting in Sofia" in page,
            "Lit streets" in page,
        )
        for page in (before, after_publish, after_edit, after_withdrawal)
    ] == [(False, True, False), (True, True, False), (True, False, True), (False, False, True)]
    assert (
        "Water sensors in Plovdiv" in found_after_publish,
        "Water sensors in Plovdiv" in found_after_withdrawal,
    ) == (True, False)


def test_the_archive_and_a_search_asked_again_are_served_without_reading_the_articles(
    client, published
):
    for url in ("/news/", "/news/?kind=news", "/news/search/?q=lighting"):
        first = client.get(url)
        with CaptureQueriesContext(connection) as queries:
            again = client.get(url)
        assert (
            [b"Smart lighting in Sofia" in page.content for page in (first, again)],
            [q["sql"] for q in queries.captured_queries if "newsroom_article" in q["sql"]],
        ) == ([True, True], [])


def test_related_articles_on_an_article_page_follow_a_publish_at_once(
    client, published, cluster, member, editor, django_capture_on_commit_callbacks
):
    url = reverse(
        "newsroom:article", kwargs={"pk": published.pk, "slug": "smart-lighting-in-sofia"}
    )
    alone = client.get(url).content.decode()
    words = {
        "en": {"title": "Solar benches", "summary": "Benches", "body": "Seats."},
        "bg": {"title": "Соларни пейки", "summary": "Пейки", "body": "Седалки."},
    }
    with django_capture_on_commit_callbacks(execute=True):
        other = create_article(
            cluster=cluster, kind="blog", by=member, words=words, tags=["Energy"]
        )
        submit_for_review(article=other, reviewer=editor, by=member)
        publish(article=other, by=editor)
    together = client.get(url).content.decode()
    assert [
        ("Related articles" in page, "Solar benches" in page) for page in (alone, together)
    ] == [
        (False, False),
        (True, True),
    ]


def test_the_archive_names_its_months_as_the_date_filter_does(published):
    named = {}
    for language in ("en", "bg"):
        with translation.override(language):
            named[language] = [
                (label, dateformat.format(month, "F Y")) for month, label in _month_labels()
            ]
    assert [len(named["en"]), *[a == b for pairs in named.values() for a, b in pairs]] == [
        1,
        True,
        True,
    ]
