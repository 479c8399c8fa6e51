"""Background work of the jobs app: tasks take ids and hand over to the domain."""

from celery import shared_task

from matchfair.jobs import domain as jobs


@shared_task(acks_late=True)
def run_job(*, job_id: int) -> str | None:
    """Safe to deliver twice: only the delivery that claims the queued job runs it."""
    job = jobs.run_job(job_id)
    return job.status if job is not None else None


@shared_task
def expire_results() -> int:
    return jobs.expire_results()
