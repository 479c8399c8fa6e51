"""The weekly digest newsletter: members subscribe by kind of article and language, and each
ISO week the articles published since the last digest go out once, through the outbox.

`send_weekly_digest` runs hourly under celery beat (`newsroom-digest` in
settings.CELERY_BEAT_SCHEDULE), as the funding digest does. The week's first run records a
`Digest` with the articles it covers (published since the previous digest, or in the last
seven days if that is longer, and in no earlier digest); a later run of the same week reuses that record, and every message's outbox key holds
the week and the person, so a re-run or a retried task sends nothing twice, and no article is
in two digests.

Every digest carries a signed link that unsubscribes without logging in: the signature (the
site's secret key, salted) names the subscription, so no one can unsubscribe someone else. The
same link is in the mail's `List-Unsubscribe` header with `List-Unsubscribe-Post:
List-Unsubscribe=One-Click` (RFC 8058), so a mail program's "Unsubscribe" button posts to it
at once; the page behind the link in the text asks first (`digest_views.digest_unsubscribe`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair.audit.domain import record
from matchfair.newsroom.domain import archive as reading
from matchfair.newsroom.models import LANGUAGES, Article, Digest, DigestSubscription, Kind
from matchfair.outbox.domain import Draft, queue_many, render
from matchfair.outbox.domain.links import absolute_url

SALT = "matchfair.newsroom.digest.unsubscribe"
WINDOW = dt.timedelta(days=7)


def subscribe(*, user: Any, kinds: Iterable[str], language: str) -> DigestSubscription:
    """Follow `kinds` in `language` (replacing what the person followed before)."""
    chosen = [kind for kind in Kind.values if kind in set(kinds)]
    unknown = sorted(set(kinds) - set(Kind.values))
    if unknown:
        raise ValidationError(
            _("No such kind of article: %(kinds)s.") % {"kinds": ", ".join(unknown)}
        )
    if not chosen:
        raise ValidationError(_("Choose at least one kind of article."))
    if language not in LANGUAGES:
        raise ValidationError(_("Choose English or Bulgarian."))
    with transaction.atomic():
        subscription, _created = DigestSubscription.objects.update_or_create(
            user=user, defaults={"kinds": f",{','.join(chosen)},", "language": language}
        )
        record(
            action="newsroom.digest_subscribed",
            actor=user,
            subject=subscription,
            kinds=",".join(chosen),
            language=language,
        )
    return subscription


def unsubscribe(subscription: DigestSubscription, *, by: Any = None) -> None:
    with transaction.atomic():
        record(
            action="newsroom.digest_unsubscribed",
            actor=by,
            subject=subscription,
        )
        subscription.delete()


def unsubscribe_token(subscription: DigestSubscription) -> str:
    return signing.dumps({"s": subscription.pk, "u": subscription.user_id}, salt=SALT)


def subscription_of_token(token: str) -> DigestSubscription | None:
    """The subscription a signed link names; None when the signature is wrong or it is gone."""
    try:
        payload = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict):
        return None
    pk, user = payload.get("s"), payload.get("u")
    if not (isinstance(pk, int) and isinstance(user, int)):
        return None
    return DigestSubscription.objects.filter(pk=pk, user=user).first()


def unsubscribe_headers(unsubscribe_path: str) -> dict[str, str]:
    """The one-click unsubscribe headers of RFC 8058 (and RFC 2369's List-Unsubscribe)."""
    return {
        "List-Unsubscribe": f"<{absolute_url(unsubscribe_path)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _week(now: dt.datetime) -> str:
    year, week, _day = timezone.localtime(now).isocalendar()
    return f"{year}-W{week:02d}"


def digest_of_week(now: dt.datetime) -> Digest:
    """The week's digest, made (with the articles it covers) by the week's first run."""
    week = _week(now)
    found = Digest.objects.filter(week=week).first()
    if found is not None:
        return found
    # Since the last digest (or a week, the first time), whichever is earlier: a week the beat
    # did not run is not lost.
    since = now - WINDOW
    previous = Digest.objects.filter(made__lt=now).order_by("-made").first()
    if previous is not None:
        since = min(since, previous.made)
    covered = (
        reading.published()
        .filter(published_at__gt=since, published_at__lte=now)
        .exclude(digests__isnull=False)
        .values_list("pk", flat=True)
    )
    try:
        with transaction.atomic():
            made = Digest.objects.create(week=week, made=now)
            made.articles.set(list(covered))
    except IntegrityError:  # a concurrent run made it first: its record counts
        return Digest.objects.get(week=week)
    return made


def _items(articles: list[Article], subscription: DigestSubscription) -> list[dict[str, Any]]:
    items = []
    for article in articles:
        if article.kind not in subscription.kind_codes:
            continue
        words = reading.words_for(article, subscription.language)
        if words is None:
            continue
        path = reverse("newsroom:article", kwargs={"pk": article.pk, "slug": words.slug or "a"})
        items.append(
            {
                "article": article,
                "words": words,
                "kind": Kind(article.kind).label,
                "url": path,
                "other_language": words.language != subscription.language,
            }
        )
    return items


def send_weekly_digest(*, now: dt.datetime | None = None) -> int:
    """Queue this week's digests; returns how many messages were new."""
    now = now or timezone.now()
    digest = digest_of_week(now)
    articles = list(
        digest.articles.filter(status="published")
        .order_by("-published_at", "-pk")
        .prefetch_related(*reading.with_words())
    )
    if not articles:
        return 0
    drafts = []
    subscriptions = DigestSubscription.objects.filter(user__is_active=True).select_related("user")
    for subscription in subscriptions.order_by("pk"):
        items = _items(articles, subscription)
        if not items:
            continue
        user = subscription.user
        unsubscribe_path = reverse(
            "newsroom:digest_unsubscribe", kwargs={"token": unsubscribe_token(subscription)}
        )
        subject, body = render(
            template="newsroom/email/digest",
            context={
                "items": items,
                "week": digest.week,
                "unsubscribe_url": unsubscribe_path,
                "settings_url": reverse("newsroom:digest"),
            },
            user=user,
            language=subscription.language,
        )
        drafts.append(
            Draft(
                key=f"newsroom-digest:{digest.week}:{user.pk}",
                to=user.email,
                subject=subject,
                body=body,
                user=user,
                headers=unsubscribe_headers(unsubscribe_path),
            )
        )
    return queue_many(drafts, kind="newsroom.digest")
