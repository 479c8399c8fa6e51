"""Background work of the outcomes app: tasks hand over to the domain."""

from celery import shared_task

from matchfair.outcomes.domain.campaigns import send_due_campaigns as send_due
from matchfair.outcomes.domain.retention import remind_expiring


@shared_task
def send_due_campaigns() -> int:
    return send_due()


@shared_task
def remind_expiring_consents() -> int:
    return remind_expiring()
