"""The outbox (one row per message, keyed so it is recorded and sent once) and the organisers' mailings."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Mailing(models.Model):
    """A message an organiser wrote for a filtered group of participants."""

    class Audience(models.TextChoices):
        ALL = "all", _("All validated participants")
        PENDING = "pending", _("Participants with requests waiting for their answer")
        NO_MEETINGS = "no_meetings", _("Participants without any accepted meeting")
        WITH_MEETINGS = "with_meetings", _("Participants with at least one accepted meeting")

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="mailings")
    organiser = models.ForeignKey(
        "events.Organiser",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mailings",
        help_text=_("Only the participants this organiser supports; empty for everyone."),
    )
    audience = models.CharField(
        _("recipients"), max_length=20, choices=Audience.choices, default=Audience.ALL
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"), max_length=20000)
    # The compose form carries this token, so a double submit finds the mailing it already made.
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mailings_sent",
    )
    created = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("mailing")
        verbose_name_plural = _("mailings")

    def __str__(self) -> str:
        return self.subject


class Message(models.Model):
    """One e-mail to one address; the unique key makes queueing and sending it idempotent."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    event = models.ForeignKey(
        "events.Event", null=True, blank=True, on_delete=models.CASCADE, related_name="messages"
    )
    mailing = models.ForeignKey(
        Mailing, null=True, blank=True, on_delete=models.SET_NULL, related_name="messages"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="messages",
    )
    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    kind = models.CharField(_("kind"), max_length=40)
    key = models.CharField(_("idempotency key"), max_length=200, unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    claimed = models.DateTimeField(null=True, blank=True)
    sent = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [models.Index(fields=["status", "created"], name="message_status_created")]

    def __str__(self) -> str:
        return f"{self.kind} → {self.to} ({self.status})"
