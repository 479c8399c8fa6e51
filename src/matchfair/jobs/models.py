"""The jobs app's one model: one run of a registered job kind, its progress and its file."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.files.storage import Storage, storages
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def result_storage() -> Storage:
    """Where result files go: `STORAGES["jobs"]`, a private directory no URL serves."""
    return storages["jobs"]


def result_path(job: "Job", filename: str) -> str:
    return f"{job.pk}/{filename}"


class Job(models.Model):
    """One run of a job kind for an event, recorded so any web process can show its progress.

    `key` identifies what was asked (the kind, the event and the parameters): while a job is
    queued or running, at most one job has its key, so asking twice gives the same job.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    ACTIVE = (Status.QUEUED, Status.RUNNING)

    kind = models.CharField(_("kind"), max_length=80)
    event = models.ForeignKey(
        "events.Event", null=True, blank=True, on_delete=models.CASCADE, related_name="jobs"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="jobs",
    )
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    key = models.CharField(_("idempotency key"), max_length=64)
    # The language of the request: the job's file is written in it (its headings, its dates).
    language = models.CharField(max_length=10, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    message = models.CharField(max_length=300, blank=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    result = models.FileField(
        storage=result_storage, upload_to=result_path, max_length=300, blank=True
    )
    result_filename = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=120, blank=True)
    result_size = models.PositiveBigIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)
    # Written with each progress report: a running job silent for too long has lost its worker.
    heartbeat = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        constraints = [
            models.UniqueConstraint(
                fields=["key"],
                condition=Q(status__in=["queued", "running"]),
                name="job_one_active_per_key",
            )
        ]
        indexes = [models.Index(fields=["status", "finished"], name="job_status_finished")]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def is_stalled(self) -> bool:
        """Running, but no progress for `JOBS_STALLED_MINUTES`: its worker has died."""
        if self.status != self.Status.RUNNING:
            return False
        last = self.heartbeat or self.started
        limit = dt.timedelta(minutes=settings.JOBS_STALLED_MINUTES)
        return last is not None and timezone.now() - last > limit

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        if not self.progress_total:
            return 0
        return min(100, self.progress_done * 100 // self.progress_total)

    @property
    def seconds(self) -> float | None:
        if self.started is None or self.finished is None:
            return None
        return (self.finished - self.started).total_seconds()


def delete_result_file(sender: Any, instance: Job, **kwargs: Any) -> None:
    """A deleted job (with its event, say) takes its file with it."""
    if instance.result:
        instance.result.delete(save=False)
