"""The event, and the clusters that organise it: one lead organiser and its co-organisers."""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(value)s is not a known time zone."), params={"value": value})


class Event(models.Model):
    slug = models.SlugField(_("short name"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_bg = models.CharField(
        _("name in Bulgarian"), max_length=200, blank=True, help_text=_("Empty: the English name.")
    )
    description = models.TextField(_("description"), blank=True)
    description_bg = models.TextField(
        _("description in Bulgarian"), blank=True, help_text=_("Empty: the English description.")
    )
    venue = models.CharField(_("venue"), max_length=200)
    city = models.CharField(_("city"), max_length=100)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Madrid", validators=[validate_time_zone]
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    registration_open = models.BooleanField(_("registration open"), default=True)
    requires_validation = models.BooleanField(
        _("organisers validate participants"),
        default=False,
        help_text=_("New registrations wait until their organiser validates them."),
    )
    booking_opens_at = models.DateTimeField(_("meeting requests open"), null=True, blank=True)
    booking_closes_at = models.DateTimeField(_("meeting requests close"), null=True, blank=True)
    default_max_meetings = models.PositiveSmallIntegerField(
        _("meetings per participant at most"), null=True, blank=True
    )
    # Humane days (docs/scheduling.md): the defaults a participant can change on their
    # availability page, and a lunch break in which nobody is scheduled.
    default_max_in_a_row = models.PositiveSmallIntegerField(
        _("meetings in a row at most"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("After that many meetings in a row a participant gets a free slot."),
    )
    default_max_per_day = models.PositiveSmallIntegerField(
        _("meetings a day at most"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    lunch_starts = models.TimeField(_("lunch break from"), null=True, blank=True)
    lunch_ends = models.TimeField(
        _("lunch break until"),
        null=True,
        blank=True,
        help_text=_("No meeting is scheduled in a slot that overlaps the lunch break."),
    )
    # Goes up whenever an agenda of this event may change without a new release (a meeting
    # cancelled on the day) and with every release: cached agenda pages are keyed by it.
    agenda_version = models.PositiveIntegerField(default=0, editable=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="event_days_in_order"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"event": self.slug})

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def is_over(self) -> bool:
        """Its last day has passed in its own time zone."""
        return self.ends_on < timezone.now().astimezone(self.zone).date()

    def booking_is_open(self, at=None) -> bool:
        at = at or timezone.now()
        if self.booking_opens_at and at < self.booking_opens_at:
            return False
        return not (self.booking_closes_at and at >= self.booking_closes_at)


class Organiser(models.Model):
    """A cluster that organises an event; its staff validate and support their own participants."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="organisers")
    cluster = models.ForeignKey(
        "community.Cluster", on_delete=models.PROTECT, related_name="organised_events"
    )
    is_lead = models.BooleanField(_("lead organiser"), default=False)
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="organiser_roles"
    )

    class Meta:
        ordering = ["-is_lead", "cluster__organisation__name"]
        verbose_name = _("organiser")
        verbose_name_plural = _("organisers")
        constraints = [
            models.UniqueConstraint(fields=["event", "cluster"], name="organiser_unique"),
            models.UniqueConstraint(
                fields=["event"], condition=models.Q(is_lead=True), name="organiser_one_lead"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cluster} ({'lead' if self.is_lead else 'co-organiser'})"
