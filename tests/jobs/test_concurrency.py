"""Two workers (or two presses of a button) at the same moment, on PostgreSQL: a job still runs
once, and one request is one job. Each thread has its own connection; a barrier lines them up."""

import pytest

from matchfair.celery import app
from matchfair.jobs.domain import request_job, run_job
from matchfair.jobs.models import Job
from tests import factories
from tests.deploy.test_concurrency import at_once

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def queued_tasks():
    """Tasks go to Celery's in-memory broker and wait there, as they would for a busy worker."""
    app.conf.task_always_eager = False
    try:
        yield
    finally:
        app.conf.task_always_eager = True


@pytest.fixture
def owner():
    return factories.UserFactory(full_name="Olga Organiser")


def test_four_workers_running_one_job_at_once_run_it_once(echo, owner, runs, queued_tasks):
    job = request_job(kind=echo, by=owner, params={"owner": owner.pk, "text": "hi"})

    def work(barrier):
        barrier.wait()
        return run_job(job.pk)

    outcomes = at_once(work, work, work, work)
    job.refresh_from_db()
    assert (
        sorted(type(outcome).__name__ for outcome in outcomes),
        runs.count,
        job.status,
        job.attempts,
    ) == (["Job", "NoneType", "NoneType", "NoneType"], 1, "done", 1)


def test_four_presses_at_once_make_one_job(echo, owner, queued_tasks):
    def press(barrier):
        barrier.wait()
        return request_job(kind=echo, by=owner, params={"owner": owner.pk, "text": "hi"}).pk

    outcomes = at_once(press, press, press, press)
    assert (len(set(outcomes)), Job.objects.count(), Job.objects.get().status) == (1, 1, "queued")
