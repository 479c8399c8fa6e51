"""Background work of the funding app: tasks hand over to the domain."""

from celery import shared_task

from matchfair.funding.domain.digests import send_weekly_digest


@shared_task
def send_weekly_digests() -> int:
    return send_weekly_digest()
