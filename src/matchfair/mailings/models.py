"""The organisers' mailings: a message written for a filtered group of participants."""

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

    @property
    def outbox_batch(self) -> str:
        """The outbox batch of this mailing's messages."""
        return f"mailing:{self.pk}"
