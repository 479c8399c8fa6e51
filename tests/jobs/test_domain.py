import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from matchfair.audit.models import AuditEntry
from matchfair.jobs import registry
from matchfair.jobs.domain import expire_results, request_job, retry_job, run_job
from matchfair.jobs.models import Job
from matchfair.jobs.registry import Output
from tests import factories
from tests.jobs.conftest import allowed

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return factories.UserFactory(full_name="Olga Organiser")


@pytest.fixture
def kind_of():
    """Register a kind whose `run` is given; unregistered after the test."""
    made = []

    def register(run):
        made.append(f"tests.kind{len(made)}")
        registry.register(made[-1], run=run, permission=allowed)
        return made[-1]

    yield register
    for name in made:
        registry.unregister(name)


def content(job):
    with job.result.open("rb") as handle:
        return handle.read()


def ask(kind, owner, **params):
    return request_job(kind=kind, by=owner, params={"owner": owner.pk, **params})


# Asking


def test_asking_twice_while_queued_gives_the_same_job(echo, owner):
    first, second = ask(echo, owner, text="hi"), ask(echo, owner, text="hi")
    assert (second.pk, Job.objects.count()) == (first.pk, 1)


def test_asking_with_other_parameters_gives_another_job(echo, owner):
    first, second = ask(echo, owner, text="hi"), ask(echo, owner, text="ho")
    assert (first.pk != second.pk, first.key != second.key) == (True, True)


def test_asking_again_after_the_job_is_done_starts_a_new_one(echo, owner):
    first = ask(echo, owner, text="hi")
    run_job(first.pk)
    second = ask(echo, owner, text="hi")
    assert (second.pk != first.pk, second.status) == (True, "queued")


def test_the_database_keeps_one_queued_or_running_job_a_key(echo, owner):
    job = ask(echo, owner, text="hi")
    with pytest.raises(IntegrityError), transaction.atomic():
        Job.objects.create(kind=job.kind, key=job.key, params=job.params, status="running")


def test_the_job_runs_after_the_commit(echo, owner, runs, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = ask(echo, owner, text="hi")
        assert runs.count == 0
    job.refresh_from_db()
    assert (runs.count, job.status, content(job)) == (1, "done", b"hi Meetings")


def test_someone_the_kind_refuses_may_not_ask(echo, owner):
    stranger = factories.UserFactory()
    with pytest.raises(PermissionDenied):
        request_job(kind=echo, by=stranger, params={"owner": owner.pk})
    assert Job.objects.count() == 0


def test_an_unregistered_kind_cannot_be_asked_for(owner):
    with pytest.raises(LookupError, match=r"no job kind 'tests\.nothing'"):
        request_job(kind="tests.nothing", by=owner, params={})


def test_asking_is_written_to_the_audit_log(echo, owner):
    job = ask(echo, owner, text="hi")
    assert list(AuditEntry.objects.values_list("action", "actor", "subject_id", "details")) == [
        ("job.requested", owner.pk, str(job.pk), {"kind": "tests.echo"})
    ]


# Running


def test_a_job_runs_once_when_run_twice(echo, owner, runs):
    job = ask(echo, owner, text="hi")
    first, second = run_job(job.pk), run_job(job.pk)
    job.refresh_from_db()
    assert (first.status, second, runs.count, job.attempts) == ("done", None, 1, 1)


def test_a_done_job_keeps_its_file_name_type_and_size(echo, owner):
    job = run_job(ask(echo, owner, text="hi").pk)
    assert (
        content(job),
        job.result_filename,
        job.content_type,
        job.result_size,
        job.result.name.startswith(f"{job.pk}/"),
    ) == (b"hi Meetings", "echo.txt", "text/plain; charset=utf-8", 11, True)


def test_the_file_is_written_in_the_language_of_the_request(echo, owner):
    with translation.override("bg"):
        job = ask(echo, owner, text="здравей")
    assert (job.language, content(run_job(job.pk)).decode()) == ("bg", "здравей Срещи")


def test_a_failure_records_the_error(flaky, owner):
    job = run_job(ask(flaky, owner).pk)
    assert (job.status, job.error, job.attempts, bool(job.result), job.finished is not None) == (
        "failed",
        "RuntimeError: the printer is on fire",
        1,
        False,
        True,
    )


def test_a_failed_job_is_retried_and_its_attempts_counted(
    flaky, owner, runs, django_capture_on_commit_callbacks
):
    job = run_job(ask(flaky, owner).pk)
    with django_capture_on_commit_callbacks(execute=True):
        retried = retry_job(job=job, by=owner)
    retried.refresh_from_db()
    assert (retried.pk, retried.status, retried.error, retried.attempts, runs.count) == (
        job.pk,
        "done",
        "",
        2,
        2,
    )
    assert content(retried) == b"fine"


def test_only_a_failed_job_can_be_retried(echo, owner):
    job = run_job(ask(echo, owner).pk)
    with pytest.raises(ValidationError, match="Only a job that failed can be run again"):
        retry_job(job=job, by=owner)


def test_someone_the_kind_refuses_may_not_retry(flaky, owner):
    job = run_job(ask(flaky, owner).pk)
    with pytest.raises(PermissionDenied):
        retry_job(job=job, by=factories.UserFactory())
    job.refresh_from_db()
    assert job.status == "failed"


def test_retrying_when_the_same_job_was_asked_again_gives_that_one(flaky, owner):
    failed = run_job(ask(flaky, owner).pk)
    again = ask(flaky, owner)
    assert retry_job(job=failed, by=owner).pk == again.pk


def test_running_and_retrying_are_written_to_the_audit_log(flaky, owner):
    job = run_job(ask(flaky, owner).pk)
    retry_job(job=job, by=owner)
    run_job(job.pk)
    entries = AuditEntry.objects.order_by("pk").values_list("action", "details__attempt")
    assert [action for action, _attempt in entries] == [
        "job.requested",
        "job.failed",
        "job.retried",
        "job.done",
    ]


def test_a_kind_that_is_no_longer_registered_fails_the_job(kind_of, owner):
    kind = kind_of(lambda job, progress: Output(b"", "x", "text/plain"))
    job = ask(kind, owner)
    registry.unregister(kind)
    assert run_job(job.pk).error == f"LookupError: no job kind '{kind}' is registered"


# Progress


def test_progress_is_written_to_the_jobs_row_as_it_runs(kind_of, owner):
    seen = []

    def run(job, progress):
        progress(3, 10, "Drawing")
        seen.append(Job.objects.values_list("progress_done", "progress_total", "message").get())
        return Output(b"x", "x.txt", "text/plain")

    done = run_job(ask(kind_of(run), owner).pk)
    assert (seen, done.progress_done, done.progress_total, done.percent) == (
        [(3, 10, "Drawing")],
        10,
        10,
        100,
    )


def test_progress_reaches_the_database_at_most_once_a_second(kind_of, owner):
    writes = []

    def run(job, progress):
        with CaptureQueriesContext(connection) as queries:
            for done in range(1000):
                progress(done, 1000)
        writes.extend(q["sql"] for q in queries if q["sql"].startswith('UPDATE "jobs_job"'))
        return Output(b"x", "x.txt", "text/plain")

    run_job(ask(kind_of(run), owner).pk)
    assert len(writes) == 1


def test_a_new_message_is_written_at_once(kind_of, owner):
    seen = []

    def run(job, progress):
        progress(1, 2)
        progress(2, 2, "Writing the file.")
        seen.append(Job.objects.values_list("progress_done", "message").get())
        return Output(b"x", "x.txt", "text/plain")

    run_job(ask(kind_of(run), owner).pk)
    assert seen == [(2, "Writing the file.")]


# Lost workers and old files


def test_a_running_job_without_progress_for_long_is_failed_and_asked_again(echo, owner):
    job = ask(echo, owner, text="hi")
    long_ago = timezone.now() - dt.timedelta(minutes=11)
    Job.objects.filter(pk=job.pk).update(status="running", started=long_ago, heartbeat=long_ago)
    again = ask(echo, owner, text="hi")
    job.refresh_from_db()
    assert (again.pk != job.pk, job.status, job.error) == (
        True,
        "failed",
        "The worker running this job stopped before it finished.",
    )


def test_a_job_queued_long_ago_is_handed_to_the_workers_again_when_asked_again(
    echo, owner, runs, django_capture_on_commit_callbacks
):
    job = ask(echo, owner, text="hi")
    Job.objects.filter(pk=job.pk).update(created=timezone.now() - dt.timedelta(minutes=11))
    with django_capture_on_commit_callbacks(execute=True):
        again = ask(echo, owner, text="hi")
    job.refresh_from_db()
    assert (again.pk, job.status, runs.count) == (job.pk, "done", 1)


def test_a_stalled_job_can_be_retried(echo, owner):
    job = ask(echo, owner, text="hi")
    long_ago = timezone.now() - dt.timedelta(minutes=11)
    Job.objects.filter(pk=job.pk).update(status="running", started=long_ago, heartbeat=long_ago)
    job.refresh_from_db()
    assert (job.is_stalled, retry_job(job=job, by=owner).status) == (True, "queued")


def test_files_older_than_the_keeping_time_are_deleted(echo, owner):
    # the default keeps files for a week (settings.JOBS_KEEP_HOURS)
    assert settings.JOBS_KEEP_HOURS == 168
    old, new = run_job(ask(echo, owner, text="old").pk), run_job(ask(echo, owner, text="new").pk)
    Job.objects.filter(pk=old.pk).update(finished=timezone.now() - dt.timedelta(hours=169))
    storage, name = old.result.storage, old.result.name
    assert (expire_results(), storage.exists(name), new.result.storage.exists(new.result.name)) == (
        1,
        False,
        True,
    )
    old.refresh_from_db()
    assert (old.status, bool(old.result)) == ("done", False)


def test_deleting_a_job_deletes_its_file(echo, owner):
    job = run_job(ask(echo, owner, text="hi").pk)
    storage, name = job.result.storage, job.result.name
    job.delete()
    assert storage.exists(name) is False


def test_files_are_kept_outside_the_media_directory_readable_by_the_owner_only(echo, owner):
    path = Path(run_job(ask(echo, owner, text="hi").pk).result.path)
    assert (
        path.is_relative_to(settings.JOBS_DIR),
        path.is_relative_to(settings.MEDIA_ROOT),
        oct(path.stat().st_mode & 0o777),
        oct(path.parent.stat().st_mode & 0o777),
    ) == (True, False, "0o600", "0o700")
