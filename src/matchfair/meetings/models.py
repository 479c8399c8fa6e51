"""Meeting requests, the meetings they become, and the plans that put meetings into slots and tables."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingRequest(models.Model):
    class Status(models.TextChoices):
        ASKED = "asked", _("Asked")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    OPEN_STATUSES = (Status.ASKED, Status.ACCEPTED)

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="meeting_requests"
    )
    sender = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="sent_requests"
    )
    recipient = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="received_requests"
    )
    # The unordered pair "low:high" lets the database refuse a second open request either way round.
    pair = models.CharField(max_length=41, editable=False)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ASKED
    )
    message = models.TextField(_("message"), max_length=2000)
    reply = models.TextField(_("reply"), max_length=2000, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    answered = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "pair"],
                condition=models.Q(status__in=["asked", "accepted"]),
                name="request_one_open_per_pair",
            ),
            models.CheckConstraint(
                condition=~models.Q(sender=models.F("recipient")), name="request_not_to_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sender} → {self.recipient} ({self.status})"

    @staticmethod
    def pair_of(first_id: int, second_id: int) -> str:
        low, high = sorted((first_id, second_id))
        return f"{low}:{high}"


class Meeting(models.Model):
    """An accepted meeting between two or more participants, waiting for a slot and a table."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="meetings")
    request = models.OneToOneField(
        MeetingRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="meeting"
    )
    participants = models.ManyToManyField("events.Registration", related_name="meetings")
    priority = models.PositiveSmallIntegerField(_("priority"), default=1)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ACTIVE
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(priority__gte=1, priority__lte=3), name="meeting_priority_1_3"
            )
        ]

    def __str__(self) -> str:
        return f"Meeting {self.pk}"


class NoShow(models.Model):
    """A participant who did not come to a meeting, as the organiser recorded it on the day."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="no_shows")
    registration = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="no_shows"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("no-show")
        verbose_name_plural = _("no-shows")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "registration"], name="no_show_once")
        ]

    def __str__(self) -> str:
        return f"{self.registration} missed {self.meeting}"


class Plan(models.Model):
    """A schedule: the optimiser writes the draft; a release is an immutable snapshot of it."""

    class Kind(models.TextChoices):
        DRAFT = "draft", _("Draft")
        RELEASE = "release", _("Release")

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="plans")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    version = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("Release number; empty for the draft.")
    )
    name = models.CharField(_("name"), max_length=120, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plans_created",
    )
    stats = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["event", "-version"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        constraints = [
            models.UniqueConstraint(
                fields=["event"], condition=models.Q(kind="draft"), name="plan_one_draft"
            ),
            models.UniqueConstraint(fields=["event", "version"], name="plan_unique_version"),
            models.CheckConstraint(
                condition=(
                    models.Q(kind="draft", version__isnull=True)
                    | models.Q(kind="release", version__isnull=False)
                ),
                name="plan_release_has_version",
            ),
        ]

    def __str__(self) -> str:
        if self.kind == self.Kind.DRAFT:
            return f"{self.event} draft"
        return f"{self.event} release {self.version}"


class Placement(models.Model):
    """Where a plan puts one meeting: a slot and a table, or nowhere with a reason."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="placements")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="placements")
    slot = models.ForeignKey(
        "events.Slot", null=True, blank=True, on_delete=models.PROTECT, related_name="placements"
    )
    table = models.ForeignKey(
        "events.Table", null=True, blank=True, on_delete=models.PROTECT, related_name="placements"
    )
    reason = models.CharField(_("why not scheduled"), max_length=300, blank=True)

    class Meta:
        ordering = ["slot__starts_at", "table_id"]
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        constraints = [
            models.UniqueConstraint(fields=["plan", "meeting"], name="placement_once_per_plan"),
            models.UniqueConstraint(
                fields=["plan", "slot", "table"],
                condition=models.Q(slot__isnull=False, table__isnull=False),
                name="placement_table_once_per_slot",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} @ {self.slot} / {self.table}"


class SolverRun(models.Model):
    """One run of the optimiser for an event, recorded so any web process can show its progress."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="solver_runs")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="solver_runs",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    time_limit = models.FloatField(default=20.0)
    seed = models.PositiveIntegerField(default=0)
    # Re-planning on the day: meetings of the latest release whose slot starts before this
    # moment stay where they are, and no meeting is put into a slot that started before it.
    lock_before = models.DateTimeField(null=True, blank=True)
    progress = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    plan = models.ForeignKey(
        Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="solver_runs"
    )
    created = models.DateTimeField(auto_now_add=True)
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("solver run")
        verbose_name_plural = _("solver runs")

    def __str__(self) -> str:
        return f"{self.event} run {self.pk} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)
