"""An uploaded participant list waiting between the steps of an import (upload, map, review),
and the registrations it made for existing accounts, held until their owners confirm them."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ImportBatch(models.Model):
    """The parsed rows of one uploaded file, kept in the database so that every web process sees
    them between the steps; the file itself is not stored."""

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Uploaded, to be mapped")
        IMPORTED = "imported", _("Imported")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="imports")
    organiser = models.ForeignKey(
        "events.Organiser",
        on_delete=models.CASCADE,
        related_name="imports",
        verbose_name=_("supporting organiser"),
        help_text=_("The imported participants are supported by this organiser."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="participant_imports",
    )
    file_name = models.CharField(_("file"), max_length=255)
    kind = models.CharField(_("type"), max_length=10)
    headers = models.JSONField(_("columns"), default=list)
    rows = models.JSONField(_("rows"), default=list)
    mapping = models.JSONField(_("column mapping"), default=dict, blank=True)
    defaults = models.JSONField(
        _("values for missing columns"),
        default=dict,
        blank=True,
        help_text=_("Field key to the value used where the file gives none."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.UPLOADED
    )
    report = models.JSONField(_("result"), default=dict, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("participant import")
        verbose_name_plural = _("participant imports")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"


class PendingRegistration(models.Model):
    """A registration an organiser imported for an account that exists already: it is held here,
    so nobody sees it or the person's details, until the owner of the account confirms it."""

    class Status(models.TextChoices):
        ASKED = "asked", _("Waiting for the person to confirm")
        CONFIRMED = "confirmed", _("Confirmed")
        DECLINED = "declined", _("Declined")

    batch = models.ForeignKey(
        ImportBatch, on_delete=models.CASCADE, related_name="pending_registrations"
    )
    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="pending_registrations"
    )
    organiser = models.ForeignKey(
        "events.Organiser", on_delete=models.CASCADE, related_name="pending_registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pending_registrations"
    )
    row = models.PositiveIntegerField(_("row"))
    headline = models.CharField(_("headline"), max_length=200, blank=True)
    description = models.TextField(_("about"), blank=True)
    domain_ids = models.JSONField(default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ASKED
    )
    created = models.DateTimeField(auto_now_add=True)
    answered = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("registration to confirm")
        verbose_name_plural = _("registrations to confirm")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=models.Q(status="asked"),
                name="pending_registration_once_asked",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} at {self.event} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse(
            "console:confirm_registration", kwargs={"event": self.event.slug, "pk": self.pk}
        )
