"""A person's registration for an event, with the profile and cooperation opportunities it shows."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Domain(models.Model):
    """One entry of the smart-city taxonomy, such as mobility or energy."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=80)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("domain")
        verbose_name_plural = _("domains")

    def __str__(self) -> str:
        return gettext(self.name)


class Registration(models.Model):
    """A participant at one event: who they are there, who supports them, and when they are free."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for validation")
        VALIDATED = "validated", _("Validated")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registrations"
    )
    organiser = models.ForeignKey(
        "events.Organiser",
        on_delete=models.PROTECT,
        related_name="participants",
        verbose_name=_("supporting organiser"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.VALIDATED
    )
    headline = models.CharField(
        _("headline"), max_length=200, blank=True, help_text=_("What you come to the event for.")
    )
    description = models.TextField(_("about"), blank=True)
    domains = models.ManyToManyField(
        Domain, blank=True, related_name="registrations", verbose_name=_("domains")
    )
    unavailable_sessions = models.ManyToManyField(
        "events.Session", blank=True, related_name="absent_registrations"
    )
    max_meetings = models.PositiveSmallIntegerField(_("meetings at most"), null=True, blank=True)
    # The participant's own limits and preferred days (ISO dates) for the scheduler; empty
    # limits take the event's defaults.
    max_in_a_row = models.PositiveSmallIntegerField(
        _("meetings in a row at most"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    max_per_day = models.PositiveSmallIntegerField(
        _("meetings a day at most"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    preferred_days = models.JSONField(_("preferred days"), default=list, blank=True)
    # Kept by database triggers on meetings and their participants (meetings migration 0004),
    # whatever writes them, so "has free slots" reads a column instead of counting meetings.
    booked_meetings = models.PositiveIntegerField(_("active meetings"), default=0, editable=False)
    # The directory's order, organisation then name, lower-cased; kept by database triggers
    # (migration 0008) so a page reads it from an index instead of sorting every participant.
    directory_key = models.TextField(default="", editable=False)
    share_contact = models.BooleanField(
        _("show my contact details to all participants"),
        default=False,
        help_text=_("Otherwise they are shown only to people you have an accepted meeting with."),
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["user__full_name"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="registration_once_per_event")
        ]
        indexes = [
            models.Index(fields=["event", "status", "directory_key"], name="registration_directory")
        ]

    def __str__(self) -> str:
        return f"{self.user} at {self.event}"

    def get_absolute_url(self) -> str:
        return reverse("events:participant", kwargs={"event": self.event.slug, "pk": self.pk})

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.VALIDATED


class Opportunity(models.Model):
    """An offer or a request for cooperation that a participant brings to the event."""

    class Kind(models.TextChoices):
        OFFER = "offer", _("Offer")
        REQUEST = "request", _("Request")

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="opportunities"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    domains = models.ManyToManyField(
        Domain, blank=True, related_name="opportunities", verbose_name=_("domains")
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "title"]
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"
