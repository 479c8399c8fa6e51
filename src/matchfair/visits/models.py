"""The venue (halls, pavilions, stands), the delegation, its wishes and joint visits, and the
itineraries the visit planner wrote for its members.

Positions are in metres on the event's floor plan, all in one frame (x to the right, y down):
a stand's position is on the plan, not relative to its hall.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

PRIORITY_VALIDATORS = [MinValueValidator(1), MaxValueValidator(3)]


class Placed(models.Model):
    """A rectangle on the floor plan, in metres."""

    x = models.FloatField(_("x (m)"), default=0, validators=[MinValueValidator(0)])
    y = models.FloatField(_("y (m)"), default=0, validators=[MinValueValidator(0)])
    width = models.FloatField(_("width (m)"), default=10, validators=[MinValueValidator(0.5)])
    depth = models.FloatField(_("depth (m)"), default=10, validators=[MinValueValidator(0.5)])

    class Meta:
        abstract = True

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x + self.width / 2, self.y + self.depth / 2)

    def inside(self, outer: "Placed") -> bool:
        return (
            self.x >= outer.x - 1e-6
            and self.y >= outer.y - 1e-6
            and self.x + self.width <= outer.x + outer.width + 1e-6
            and self.y + self.depth <= outer.y + outer.depth + 1e-6
        )


def _size_constraints(prefix: str) -> list[models.BaseConstraint]:
    return [
        models.CheckConstraint(
            condition=Q(x__gte=0, y__gte=0, width__gt=0, depth__gt=0), name=f"{prefix}_placed"
        )
    ]


class Hall(Placed):
    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="halls")
    name = models.CharField(
        _("name"),
        max_length=80,
        help_text=_(
            "Meeting tables and side events whose location starts with this name are in this hall."
        ),
    )
    opens = models.TimeField(_("opens"), default=dt.time(9, 30))
    closes = models.TimeField(_("closes"), default=dt.time(18, 30))
    has_entrance = models.BooleanField(
        _("entrance"), default=False, help_text=_("Members start and end their day here.")
    )

    class Meta:
        ordering = ["event", "x", "y", "name"]
        verbose_name = _("hall")
        verbose_name_plural = _("halls")
        constraints = [
            models.UniqueConstraint(fields=["event", "name"], name="hall_unique_name"),
            models.CheckConstraint(condition=Q(closes__gt=F("opens")), name="hall_opens_first"),
            *_size_constraints("hall"),
        ]

    def __str__(self) -> str:
        return self.name


class Pavilion(Placed):
    """A country's or region's shared area inside a hall."""

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="pavilions")
    hall = models.ForeignKey(Hall, on_delete=models.CASCADE, related_name="pavilions")
    name = models.CharField(_("name"), max_length=120)
    country = models.CharField(_("country or region"), max_length=80, blank=True)
    visit_minutes = models.PositiveSmallIntegerField(
        _("minutes for a visit"), default=30, validators=[MinValueValidator(5)]
    )

    class Meta:
        ordering = ["hall", "name"]
        verbose_name = _("pavilion")
        verbose_name_plural = _("pavilions")
        constraints = [
            models.UniqueConstraint(fields=["event", "name"], name="pavilion_unique_name"),
            models.CheckConstraint(
                condition=Q(visit_minutes__gte=5), name="pavilion_visit_minutes"
            ),
            *_size_constraints("pavilion"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("visits:pavilion", kwargs={"event": self.event.slug, "pk": self.pk})

    def clean(self) -> None:
        if self.hall_id and not self.inside(self.hall):
            raise ValidationError(_("The pavilion must lie inside its hall."))

    @property
    def stop_key(self) -> str:
        return f"pavilion-{self.pk}"


class Stand(Placed):
    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="stands")
    hall = models.ForeignKey(Hall, on_delete=models.CASCADE, related_name="stands")
    pavilion = models.ForeignKey(
        Pavilion, null=True, blank=True, on_delete=models.SET_NULL, related_name="stands"
    )
    code = models.CharField(_("stand code"), max_length=20)
    exhibitor = models.CharField(_("exhibitor"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=80, blank=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    opens = models.TimeField(_("opens"), null=True, blank=True, help_text=_("Else the hall's."))
    closes = models.TimeField(_("closes"), null=True, blank=True, help_text=_("Else the hall's."))
    visit_minutes = models.PositiveSmallIntegerField(
        _("minutes for a visit"), default=20, validators=[MinValueValidator(5)]
    )

    class Meta:
        ordering = ["hall", "code"]
        verbose_name = _("stand")
        verbose_name_plural = _("stands")
        constraints = [
            models.UniqueConstraint(fields=["event", "code"], name="stand_unique_code"),
            models.CheckConstraint(
                condition=(
                    Q(opens__isnull=True, closes__isnull=True)
                    | Q(opens__isnull=False, closes__isnull=False, closes__gt=F("opens"))
                ),
                name="stand_hours_in_order",
            ),
            models.CheckConstraint(condition=Q(visit_minutes__gte=5), name="stand_visit_minutes"),
            *_size_constraints("stand"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.exhibitor}"

    def get_absolute_url(self) -> str:
        return reverse("visits:stand", kwargs={"event": self.event.slug, "pk": self.pk})

    def clean(self) -> None:
        if self.hall_id and not self.inside(self.hall):
            raise ValidationError(_("The stand must lie inside its hall."))
        if self.pavilion is not None and self.pavilion.hall_id != self.hall_id:
            raise ValidationError(_("The pavilion must be in the stand's hall."))

    @property
    def stop_key(self) -> str:
        return f"stand-{self.pk}"

    @property
    def hours(self) -> tuple[dt.time, dt.time]:
        if self.opens and self.closes:
            return (self.opens, self.closes)
        return (self.hall.opens, self.hall.closes)


class Delegation(models.Model):
    """The people a cluster takes to the expo, who visit pavilions and stands between meetings."""

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="delegations")
    cluster = models.ForeignKey(
        "community.Cluster", on_delete=models.PROTECT, related_name="delegations"
    )
    name = models.CharField(_("name"), max_length=120)
    first_day = models.DateField(
        _("first day of visits"), null=True, blank=True, help_text=_("Else the event's first day.")
    )
    last_day = models.DateField(
        _("last day of visits"), null=True, blank=True, help_text=_("Else the event's last day.")
    )
    metres_per_minute = models.PositiveSmallIntegerField(
        _("walking speed (m/min)"), default=70, validators=[MinValueValidator(20)]
    )
    planned = models.DateTimeField(_("planned"), null=True, blank=True)
    plan_stats = models.JSONField(default=dict, blank=True)
    plan_error = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["event", "name"]
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        constraints = [
            models.UniqueConstraint(fields=["event", "name"], name="delegation_unique_name"),
            models.CheckConstraint(
                condition=Q(metres_per_minute__gte=20), name="delegation_walking_speed"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("visits:delegation", kwargs={"event": self.event.slug, "pk": self.pk})

    def days(self) -> list[dt.date]:
        first = self.first_day or self.event.starts_on
        last = self.last_day or self.event.ends_on
        return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


class DelegationMember(models.Model):
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="members")
    registration = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="delegation_memberships"
    )

    class Meta:
        ordering = ["delegation", "registration__user__full_name"]
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation members")
        constraints = [
            models.UniqueConstraint(
                fields=["delegation", "registration"], name="delegation_member_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.registration.user.full_name} ({self.delegation})"

    def get_absolute_url(self) -> str:
        return reverse(
            "visits:member_day",
            kwargs={"event": self.delegation.event.slug, "pk": self.pk},
        )


class Invitation(models.Model):
    """Asking a participant that another organiser supports to join a delegation: they join only
    when they accept, and the answer is kept as the record of their consent."""

    class Status(models.TextChoices):
        ASKED = "asked", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="invitations")
    registration = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="delegation_invitations"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ASKED
    )
    asked = models.DateTimeField(_("asked"), auto_now_add=True)
    answered = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["delegation", "registration__user__full_name"]
        verbose_name = _("delegation invitation")
        verbose_name_plural = _("delegation invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["delegation", "registration"], name="delegation_invitation_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.registration.user.full_name} ({self.delegation})"

    def get_absolute_url(self) -> str:
        return reverse(
            "visits:invitation",
            kwargs={"event": self.delegation.event.slug, "pk": self.pk},
        )


def _one_target(prefix: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=(
            Q(stand__isnull=False, pavilion__isnull=True)
            | Q(stand__isnull=True, pavilion__isnull=False)
        ),
        name=f"{prefix}_stand_or_pavilion",
    )


class Target(models.Model):
    """Something to visit: a stand or a pavilion, exactly one of them."""

    stand = models.ForeignKey(
        Stand, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    pavilion = models.ForeignKey(
        Pavilion, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        abstract = True

    @property
    def target(self) -> Stand | Pavilion:
        found = self.stand or self.pavilion
        assert found is not None  # the database constraint holds
        return found

    @property
    def target_name(self) -> str:
        if self.stand is not None:
            return f"{self.stand.exhibitor} ({self.stand.code})"
        return str(self.pavilion)


class Wish(Target):
    member = models.ForeignKey(DelegationMember, on_delete=models.CASCADE, related_name="wishes")
    priority = models.PositiveSmallIntegerField(
        _("priority"), default=1, validators=PRIORITY_VALIDATORS
    )

    class Meta:
        ordering = ["member", "-priority", "id"]
        verbose_name = _("wish")
        verbose_name_plural = _("wishes")
        constraints = [
            _one_target("wish"),
            models.CheckConstraint(
                condition=Q(priority__gte=1, priority__lte=3), name="wish_priority_1_3"
            ),
            models.UniqueConstraint(
                fields=["member", "stand"], condition=Q(stand__isnull=False), name="wish_stand_once"
            ),
            models.UniqueConstraint(
                fields=["member", "pavilion"],
                condition=Q(pavilion__isnull=False),
                name="wish_pavilion_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member}: {self.target_name} ({self.priority})"


class JointVisit(Target):
    """A visit the organiser proposes that several members make together."""

    delegation = models.ForeignKey(
        Delegation, on_delete=models.CASCADE, related_name="joint_visits"
    )
    members = models.ManyToManyField(DelegationMember, related_name="joint_visits")
    minutes = models.PositiveSmallIntegerField(
        _("minutes"), default=30, validators=[MinValueValidator(5)]
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), default=2, validators=PRIORITY_VALIDATORS
    )
    day = models.DateField(_("preferred day"), null=True, blank=True)

    class Meta:
        ordering = ["delegation", "id"]
        verbose_name = _("joint visit")
        verbose_name_plural = _("joint visits")
        constraints = [
            _one_target("joint_visit"),
            models.CheckConstraint(
                condition=Q(priority__gte=1, priority__lte=3), name="joint_visit_priority_1_3"
            ),
            models.CheckConstraint(condition=Q(minutes__gte=5), name="joint_visit_minutes"),
        ]

    def __str__(self) -> str:
        return f"{self.delegation}: {self.target_name}"


class ItineraryStop(Target):
    """One planned visit of a member: when they arrive and leave, and the walk to get there."""

    member = models.ForeignKey(DelegationMember, on_delete=models.CASCADE, related_name="itinerary")
    joint_visit = models.ForeignKey(
        JointVisit, null=True, blank=True, on_delete=models.CASCADE, related_name="stops"
    )
    day = models.DateField(_("day"))
    arrive = models.DateTimeField(_("arrive"))
    leave = models.DateTimeField(_("leave"))
    walk_minutes = models.PositiveSmallIntegerField(_("walk before (min)"), default=0)
    walk_from = models.CharField(_("walk from"), max_length=120, blank=True)

    class Meta:
        ordering = ["member", "arrive"]
        verbose_name = _("itinerary stop")
        verbose_name_plural = _("itinerary stops")
        constraints = [
            _one_target("itinerary_stop"),
            models.CheckConstraint(condition=Q(leave__gt=F("arrive")), name="itinerary_in_order"),
        ]

    def __str__(self) -> str:
        return f"{self.member}: {self.target_name} {self.arrive:%Y-%m-%d %H:%M}"


class SkippedStop(Target):
    """A wish the planner could not fit, with the reason it gives."""

    member = models.ForeignKey(DelegationMember, on_delete=models.CASCADE, related_name="skipped")
    priority = models.PositiveSmallIntegerField(_("priority"), default=1)
    reason = models.CharField(_("reason"), max_length=300)

    class Meta:
        ordering = ["member", "-priority", "id"]
        verbose_name = _("skipped stop")
        verbose_name_plural = _("skipped stops")
        constraints = [_one_target("skipped_stop")]

    def __str__(self) -> str:
        return f"{self.member}: {self.target_name} — {self.reason}"
