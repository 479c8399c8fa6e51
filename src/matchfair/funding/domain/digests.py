"""The weekly digest: to each subscriber, the open and forthcoming calls that fit their
organisation best among the programmes and domains they follow, once per ISO week.

Run hourly by `celery beat` (settings.CELERY_BEAT_SCHEDULE); the message key holds the week, so
only the first run of a week sends, and a second run, or a retried task, sends nothing more.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.utils import timezone

from matchfair.community.models import User
from matchfair.funding.domain.matching import CallFit, calls_for
from matchfair.funding.models import Subscription
from matchfair.outbox.domain import Draft, queue_many, render

DIGEST_SIZE = 10


def _followed(fit: CallFit, subscriptions: list[Subscription]) -> bool:
    topic = fit.topic
    return any(
        (not s.programme or s.programme == topic.programme)
        and (not s.domain or s.domain in topic.domains)
        for s in subscriptions
    )


def send_weekly_digest(*, today: dt.date | None = None) -> int:
    """Queue this week's digests; returns how many were new."""
    today = today or timezone.localdate()
    year, week, _ = today.isocalendar()
    by_user: dict[int, list[Subscription]] = defaultdict(list)
    users: dict[int, User] = {}
    subscriptions = Subscription.objects.filter(
        user__is_active=True, user__organisation__isnull=False
    ).select_related("user__organisation")
    for subscription in subscriptions.order_by("pk"):
        by_user[subscription.user_id].append(subscription)
        users[subscription.user_id] = subscription.user
    ranked_for: dict[int, list[CallFit]] = {}
    drafts = []
    for user_id, followed in by_user.items():
        user = users[user_id]
        organisation = user.organisation
        if organisation is None:  # left since the query: nothing to match
            continue
        if organisation.pk not in ranked_for:
            ranked_for[organisation.pk] = calls_for(organisation, today=today, limit=1000)
        rows = [row for row in ranked_for[organisation.pk] if _followed(row, followed)]
        if not rows:
            continue
        subject, body = render(
            template="funding/email/digest",
            context={"rows": rows[:DIGEST_SIZE], "organisation": organisation},
            user=user,
        )
        drafts.append(
            Draft(
                key=f"funding-digest:{year}-W{week:02d}:{user.pk}",
                to=user.email,
                subject=subject,
                body=body,
                user=user,
            )
        )
    return queue_many(drafts, kind="funding.digest")
