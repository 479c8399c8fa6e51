import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from matchfair.newsroom.domain.articles import create_article
from matchfair.newsroom.domain.newsletter import send_weekly_digest, subscribe
from matchfair.newsroom.domain.workflow import publish, submit_for_review
from matchfair.newsroom.models import Article, Digest, DigestSubscription
from matchfair.outbox.models import Message
from tests import factories
from tests.newsroom.conftest import WORDS

MONDAY = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC)


def _published(cluster, editor, *, kind, title, at):
    words = {"en": {**WORDS["en"], "title": title}, "bg": {**WORDS["bg"], "title": f"{title} БГ"}}
    article = create_article(cluster=cluster, kind=kind, by=editor, words=words)
    submit_for_review(article=article, reviewer=editor, by=editor)
    publish(article=article, by=editor)
    Article.objects.filter(pk=article.pk).update(published_at=at)
    return article


def _titles(message):
    return [line[2:].split(" (")[0] for line in message.body.splitlines() if line.startswith("- ")]


def test_digest_goes_out_once_a_week_and_never_repeats_an_article(cluster, editor):
    reader = factories.UserFactory(email="reader@example.org")
    blogger = factories.UserFactory(email="blogger@example.org")
    subscribe(user=reader, kinds=["news", "case-study"], language="bg")
    subscribe(user=blogger, kinds=["blog"], language="en")
    _published(cluster, editor, kind="news", title="Old", at=MONDAY - dt.timedelta(days=20))
    _published(cluster, editor, kind="news", title="Lights", at=MONDAY - dt.timedelta(days=2))
    sent = [send_weekly_digest(now=MONDAY), send_weekly_digest(now=MONDAY + dt.timedelta(hours=5))]
    # Published after the week's digest was made: it waits for the next week's.
    _published(cluster, editor, kind="news", title="Water", at=MONDAY + dt.timedelta(hours=1))
    sent.append(send_weekly_digest(now=MONDAY + dt.timedelta(days=1)))
    sent.append(send_weekly_digest(now=MONDAY + dt.timedelta(days=7)))
    bodies = [_titles(m) for m in Message.objects.filter(kind="newsroom.digest").order_by("pk")]
    assert (sent, bodies, Digest.objects.count()) == (
        [1, 0, 0, 1],
        [["Lights БГ"], ["Water БГ"]],
        2,
    )
    assert set(Message.objects.values_list("to", flat=True)) == {"reader@example.org"}


def test_digest_is_in_the_subscribers_language(cluster, editor):
    reader = factories.UserFactory(language="bg")
    subscribe(user=reader, kinds=["news"], language="en")
    _published(cluster, editor, kind="news", title="Lights", at=MONDAY - dt.timedelta(days=1))
    send_weekly_digest(now=MONDAY)
    message = Message.objects.get()
    assert (message.subject, _titles(message)) == ("The newsroom this week", ["Lights"])


def test_nothing_new_sends_nothing(cluster, editor):
    subscribe(user=factories.UserFactory(), kinds=["news"], language="en")
    assert (send_weekly_digest(now=MONDAY), Message.objects.count()) == (0, 0)


def test_unsubscribe_link_works_without_logging_in(cluster, editor):
    reader = factories.UserFactory()
    subscribe(user=reader, kinds=["news"], language="en")
    _published(cluster, editor, kind="news", title="Lights", at=MONDAY - dt.timedelta(days=1))
    send_weekly_digest(now=MONDAY)
    link = next(
        word for word in Message.objects.get().body.split() if "/news/digest/unsubscribe/" in word
    )
    path = link[link.index("/news/") :]
    browser = Client(enforce_csrf_checks=True)
    asked = browser.get(path)
    still = DigestSubscription.objects.filter(user=reader).exists()
    done = browser.post(path)
    again = browser.post(path)
    assert (asked.status_code, still, done.status_code, again.status_code) == (200, True, 200, 404)
    assert DigestSubscription.objects.filter(user=reader).exists() is False


def test_a_forged_or_altered_link_unsubscribes_no_one(client, cluster, editor):
    first = subscribe(user=factories.UserFactory(), kinds=["news"], language="en")
    other = subscribe(user=factories.UserFactory(), kinds=["news"], language="en")
    forged = client.post(f"/news/digest/unsubscribe/{other.pk}/")
    altered = client.post("/news/digest/unsubscribe/eyJzIjoxfQ:1abc:xyz/")
    assert (forged.status_code, altered.status_code, DigestSubscription.objects.count()) == (
        404,
        404,
        2,
    )
    assert first.pk != other.pk


@pytest.mark.parametrize(
    ("kinds", "language", "message"),
    [
        ([], "en", "Choose at least one kind of article."),
        (["poem"], "en", "No such kind of article: poem."),
        (["news"], "de", "Choose English or Bulgarian."),
    ],
)
def test_subscribing_needs_a_kind_and_a_language(db, kinds, language, message):
    with pytest.raises(ValidationError) as refused:
        subscribe(user=factories.UserFactory(), kinds=kinds, language=language)
    assert (refused.value.messages, DigestSubscription.objects.count()) == ([message], 0)


def test_subscribing_again_replaces_the_choice(db):
    person = factories.UserFactory()
    subscribe(user=person, kinds=["news"], language="en")
    subscribe(user=person, kinds=["blog", "news"], language="bg")
    row = DigestSubscription.objects.get()
    assert (row.kind_codes, row.language) == (["news", "blog"], "bg")


def test_a_week_without_a_digest_is_not_lost(cluster, editor):
    subscribe(user=factories.UserFactory(), kinds=["news"], language="en")
    _published(cluster, editor, kind="news", title="First", at=MONDAY - dt.timedelta(days=1))
    send_weekly_digest(now=MONDAY)
    # The beat was down the next week; the week after, the digest covers both weeks.
    late = _published(cluster, editor, kind="news", title="Late", at=MONDAY + dt.timedelta(days=2))
    sent = send_weekly_digest(now=MONDAY + dt.timedelta(days=14))
    last = Message.objects.filter(kind="newsroom.digest").order_by("pk").last()
    assert (sent, _titles(last), list(Digest.objects.get(week="2026-W52").articles.all())) == (
        1,
        ["Late"],
        [late],
    )


def test_the_digest_carries_one_click_unsubscribe_headers_that_work_without_a_session(
    cluster, editor, settings
):
    settings.SITE_URL = "https://news.example.org"
    reader = factories.UserFactory()
    subscribe(user=reader, kinds=["news"], language="en")
    _published(cluster, editor, kind="news", title="Lights", at=MONDAY - dt.timedelta(days=1))
    send_weekly_digest(now=MONDAY)
    message = Message.objects.get()
    header = message.headers["List-Unsubscribe"]
    in_text = next(word for word in message.body.split() if "/news/digest/unsubscribe/" in word)
    assert (
        message.headers["List-Unsubscribe-Post"],
        header.startswith("<https://news.example.org/news/digest/unsubscribe/"),
        header[1:-1] == in_text,
    ) == ("List-Unsubscribe=One-Click", True, True)
    # What a mail program does (RFC 8058): a POST with that body, no cookie, no CSRF token.
    mail_program = Client(enforce_csrf_checks=True)
    path = header[len("<https://news.example.org") : -1]
    done = mail_program.post(
        path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert (done.status_code, DigestSubscription.objects.filter(user=reader).exists()) == (
        200,
        False,
    )


def test_other_posts_still_need_the_csrf_token(cluster, editor):
    reader = factories.UserFactory()
    subscribe(user=reader, kinds=["news"], language="en")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(reader)
    refused = browser.post("/news/digest/stop/")
    assert (refused.status_code, DigestSubscription.objects.filter(user=reader).exists()) == (
        403,
        True,
    )
