"""Background work of the newsroom: publishing scheduled articles on time (every minute under
celery beat, `newsroom-publish-due` in settings) and the weekly digest (hourly,
`newsroom-digest`; only a week's first run sends)."""

import logging

from celery import shared_task

from matchfair.newsroom.domain import newsletter
from matchfair.newsroom.domain.workflow import publish_due as publish_due_articles

log = logging.getLogger(__name__)


@shared_task
def publish_due() -> list[int]:
    published = publish_due_articles()
    if published:
        log.info("published scheduled articles %s", published)
    return published


@shared_task
def send_weekly_digest() -> int:
    return newsletter.send_weekly_digest()
