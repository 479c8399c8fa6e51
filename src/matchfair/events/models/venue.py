"""Sessions, the slots they are cut into, and the tables and booths where meetings happen."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Session(models.Model):
    """A block of consecutive slots, such as a morning of B2B meetings."""

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="sessions")
    name = models.CharField(_("name"), max_length=120)
    name_bg = models.CharField(
        _("name in Bulgarian"), max_length=120, blank=True, help_text=_("Empty: the English name.")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    slot_minutes = models.PositiveSmallIntegerField(_("minutes per meeting"), default=30)
    is_b2b = models.BooleanField(
        _("B2B meetings"), default=True, help_text=_("Off for side events without meetings.")
    )

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="session_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Slot(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"))

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("slot")
        verbose_name_plural = _("slots")
        constraints = [
            models.UniqueConstraint(fields=["session", "starts_at"], name="slot_unique_start")
        ]

    def __str__(self) -> str:
        return f"{self.session} {self.starts_at:%H:%M}"

    @property
    def minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


class Table(models.Model):
    """A meeting table; a booth is a stand that hosts the meetings of its own participant."""

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="tables")
    name = models.CharField(_("name"), max_length=60)
    name_bg = models.CharField(
        _("name in Bulgarian"), max_length=60, blank=True, help_text=_("Empty: the English name.")
    )
    location = models.CharField(
        _("location"), max_length=120, blank=True, help_text=_("Hall or area, for walking times.")
    )
    location_bg = models.CharField(
        _("location in Bulgarian"),
        max_length=120,
        blank=True,
        help_text=_("Shown to Bulgarian readers; walking times use the English location."),
    )
    booth_of = models.OneToOneField(
        "events.Registration",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="booth",
        verbose_name=_("booth of"),
    )
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["event", "id"]
        verbose_name = _("table")
        verbose_name_plural = _("tables")
        constraints = [models.UniqueConstraint(fields=["event", "name"], name="table_unique_name")]

    def __str__(self) -> str:
        return self.name
