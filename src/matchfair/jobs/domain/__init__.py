"""Jobs: asked for once, claimed and run at most once at a time, retried when they fail.

`request_job` records a queued job under its key (the kind, the event and the parameters) and
hands it to a Celery task after the commit; asking again while that job is queued or running
returns it, on any process (a partial unique constraint on the key holds the rule). `run_job`
claims the job with a conditional update (queued → running): only the caller whose update
changed the row runs it, so a task delivered twice runs the work once. The work's file is
stored in `STORAGES["jobs"]`; a failure is recorded with its error, and `retry_job` queues a
failed job again. A job that reports no progress for `JOBS_STALLED_MINUTES` has lost its worker:
asking again fails it and queues a new one. `expire_results` deletes files older than
`JOBS_KEEP_HOURS`.
"""

import datetime as dt
import hashlib
import json
import logging
import time
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from matchfair.audit.domain import record
from matchfair.jobs import registry
from matchfair.jobs.models import Job

logger = logging.getLogger(__name__)

# A job's progress reaches the database at most this often: enough for a page polling once a
# second, and a few hundred writes for the longest job.
PROGRESS_EVERY_SECONDS = 1.0


def job_key(*, kind: str, event: Any, params: dict[str, Any]) -> str:
    """What identifies a request: the same kind, event and parameters give the same key."""
    what = json.dumps(
        [kind, event.pk if event is not None else None, params],
        sort_keys=True,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(what.encode()).hexdigest()


def request_job(
    *, kind: str, by: Any, event: Any = None, params: dict[str, Any] | None = None
) -> Job:
    """Queue a job of `kind`; while the same one is queued or running, return that one instead.

    `by` must be allowed to start it (the kind's `permission`). The job runs after the commit,
    on a worker, or in this process when no broker is configured.
    """
    job_kind = registry.get(kind)
    params = params or {}
    asked = Job(kind=kind, event=event, requested_by=by, params=params)
    if not job_kind.permission(by, asked):
        raise PermissionDenied(_("You may not start this job."))
    expire_results()
    key = job_key(kind=kind, event=event, params=params)
    with transaction.atomic():
        active = Job.objects.filter(key=key, status__in=Job.ACTIVE).first()
        if active is not None and active.status == Job.Status.QUEUED and _waited_long(active):
            # Its task may have been lost with a broker: hand it over again. Only one delivery
            # can claim it, so a task that was only slow costs nothing.
            _run_after_commit(active.pk)
        if active is not None and not active.is_stalled:
            return active
        if active is not None:  # its worker died mid-run: record that, then queue a new job
            _fail_stalled(active)
        try:
            with transaction.atomic():
                job = Job.objects.create(
                    kind=kind,
                    event=event,
                    requested_by=by if by is not None and by.is_authenticated else None,
                    params=params,
                    key=key,
                    language=translation.get_language() or settings.LANGUAGE_CODE,
                )
        except IntegrityError:
            # Another process queued the same job between our look and our insert: follow it.
            return Job.objects.filter(key=key).order_by("-id")[0]
        record(action="job.requested", actor=by, subject=job, event=event, kind=kind)
        _run_after_commit(job.pk)
    return job


def _waited_long(job: Job) -> bool:
    limit = dt.timedelta(minutes=settings.JOBS_STALLED_MINUTES)
    return timezone.now() - job.created > limit


def _fail_stalled(job: Job) -> None:
    Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING).update(
        status=Job.Status.FAILED,
        error=_("The worker running this job stopped before it finished."),
        finished=timezone.now(),
    )


def _run_after_commit(job_id: int) -> None:
    from matchfair.jobs.tasks import run_job as run_job_task  # noqa: PLC0415 (import cycle)

    transaction.on_commit(lambda: run_job_task.delay(job_id=job_id))


class _Reporter:
    """The `progress` a kind's `run` calls: it keeps the latest figures and writes them to the
    job's row at most once every PROGRESS_EVERY_SECONDS, and whenever the message changes."""

    def __init__(self, job_id: int) -> None:
        self.job_id = job_id
        self.done = 0
        self.total = 0
        self.message: str | None = None
        self.written_at: float | None = None

    def __call__(self, done: int, total: int, message: str | None = None) -> None:
        self.done, self.total = max(0, done), max(0, total)
        news = message is not None and message != self.message
        if message is not None:
            self.message = message
        now = time.monotonic()
        recent = self.written_at is not None and now - self.written_at < PROGRESS_EVERY_SECONDS
        if recent and not news:
            return
        self.written_at = now
        Job.objects.filter(pk=self.job_id, status=Job.Status.RUNNING).update(**self.fields())

    def fields(self) -> dict[str, Any]:
        fields: dict[str, Any] = {
            "progress_done": self.done,
            "progress_total": self.total,
            "heartbeat": timezone.now(),
        }
        if self.message is not None:
            fields["message"] = self.message[:300]
        return fields


def claim(job_id: int) -> bool:
    """Take a queued job for running; only one caller ever gets True for one queued row."""
    now = timezone.now()
    return bool(
        Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
            status=Job.Status.RUNNING,
            started=now,
            heartbeat=now,
            finished=None,
            attempts=F("attempts") + 1,
            error="",
            message="",
            progress_done=0,
            progress_total=0,
        )
    )


def run_job(job_id: int) -> Job | None:
    """Claim the job and run it outside any transaction; None when it was not there to claim
    (running or finished already, or deleted). Returns the job as it ended."""
    if not claim(job_id):
        return None
    job = Job.objects.select_related("event", "requested_by").get(pk=job_id)
    progress = _Reporter(job.pk)
    try:
        kind = registry.get(job.kind)
        with translation.override(job.language or settings.LANGUAGE_CODE):
            content, filename, content_type = kind.run(job, progress)
        job.result.save(filename, ContentFile(content), save=False)
    except Exception as error:
        # The job records the failure for its page; the person who asked can retry it.
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        return _finish(job, status=Job.Status.FAILED, error=f"{type(error).__name__}: {error}")
    progress.done = progress.total or progress.done
    finished = _finish(
        job,
        status=Job.Status.DONE,
        result=job.result.name,
        result_filename=filename,
        content_type=content_type,
        result_size=len(content),
        **progress.fields(),
    )
    if finished.status != Job.Status.DONE:  # marked stalled meanwhile: its file is not wanted
        job.result.delete(save=False)
    return finished


def _finish(job: Job, *, status: str, **fields: Any) -> Job:
    with transaction.atomic():
        changed = Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING).update(
            status=status, finished=timezone.now(), **fields
        )
        job.refresh_from_db()
        if changed:
            record(
                action=f"job.{status}",
                actor=job.requested_by,
                subject=job,
                event=job.event,
                kind=job.kind,
                attempt=job.attempts,
                seconds=round(job.seconds or 0.0, 1),
            )
    return job


def retry_job(*, job: Job, by: Any) -> Job:
    """Queue a failed job (or one whose worker died) again; returns the job to follow, which is
    another one when the same job has been asked for again since."""
    if not registry.get(job.kind).permission(by, job):
        raise PermissionDenied(_("You may not start this job."))
    with transaction.atomic():
        locked = Job.objects.select_for_update().get(pk=job.pk)
        if locked.is_stalled:
            _fail_stalled(locked)
            locked.refresh_from_db()
        if locked.status != Job.Status.FAILED:
            raise ValidationError(_("Only a job that failed can be run again."))
        try:
            with transaction.atomic():
                Job.objects.filter(pk=locked.pk).update(
                    status=Job.Status.QUEUED, started=None, finished=None, heartbeat=None
                )
        except IntegrityError:
            return Job.objects.filter(key=locked.key, status__in=Job.ACTIVE).order_by("-id")[0]
        record(
            action="job.retried",
            actor=by,
            subject=locked,
            event=locked.event,
            kind=locked.kind,
            attempts=locked.attempts,
        )
        _run_after_commit(locked.pk)
    locked.refresh_from_db()
    return locked


def expire_results(*, now: dt.datetime | None = None) -> int:
    """Delete the files of jobs finished more than `JOBS_KEEP_HOURS` ago (exports hold personal
    data); the jobs stay, without a file. Returns how many files went."""
    limit = (now or timezone.now()) - dt.timedelta(hours=settings.JOBS_KEEP_HOURS)
    expired = Job.objects.filter(status=Job.Status.DONE, finished__lt=limit).exclude(result="")
    count = 0
    for job in expired.only("pk", "result"):
        job.result.delete(save=False)
        Job.objects.filter(pk=job.pk).update(result="")
        count += 1
    return count


__all__ = [
    "claim",
    "expire_results",
    "job_key",
    "request_job",
    "retry_job",
    "run_job",
]
