"""The work plan and the ideas board of a partnership (docs/assembly.md): work plan items with
their milestones, and ideas with their comments and supports. Registered with the assembly app
through `assembly/models.py`."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkItem(models.Model):
    """One item of a network's work plan: what a member cluster does by a deadline."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        IN_PROGRESS = "in-progress", _("in progress")
        DONE = "done", _("done")
        DROPPED = "dropped", _("dropped")

    network = models.ForeignKey(
        "community.Network", on_delete=models.CASCADE, related_name="work_items"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(
        "community.Cluster",
        on_delete=models.PROTECT,
        related_name="work_items",
        verbose_name=_("owner member"),
    )
    person = models.ForeignKey(
        "community.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="work_items",
        verbose_name=_("person responsible"),
    )
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    adopted_by = models.ForeignKey(
        "Motion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="work_items",
        verbose_name=_("adopted by (motion)"),
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("work plan item")
        verbose_name_plural = _("work plan items")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="work_item_progress_percent"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Milestone(models.Model):
    item = models.ForeignKey(WorkItem, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    due = models.DateField(_("due"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        # Dated milestones first, by date, on every database; then those without a date.
        ordering = ["item", models.F("due").asc(nulls_last=True), "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title


class Idea(models.Model):
    """An idea for a joint initiative or project, proposed by a member of the network."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        EVALUATION = "evaluation", _("under evaluation")
        ACCEPTED = "accepted", _("accepted")
        REFUSED = "refused", _("refused")

    network = models.ForeignKey("community.Network", on_delete=models.CASCADE, related_name="ideas")
    cluster = models.ForeignKey(
        "community.Cluster",
        on_delete=models.CASCADE,
        related_name="ideas",
        verbose_name=_("proposing member"),
    )
    author = models.ForeignKey(
        "community.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assembly_ideas",
        verbose_name=_("author"),
    )
    title = models.CharField(_("title"), max_length=200)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_bg = models.TextField(_("description (Bulgarian)"), blank=True)
    # The taxonomy's codes as ",energy,mobility,", as the newsroom's articles keep them.
    domains = models.CharField(_("domains"), max_length=300, blank=True)
    partners_sought = models.TextField(_("partners sought"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default="new")
    refusal_reason = models.TextField(_("reason for refusal"), blank=True)
    work_item = models.ForeignKey(
        WorkItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ideas",
        verbose_name=_("work plan item"),
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        indexes = [models.Index(fields=["network", "status"], name="idea_board")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="refused") | ~models.Q(refusal_reason=""),
                name="idea_refused_with_a_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def domain_codes(self) -> list[str]:
        return [code for code in self.domains.split(",") if code]


class IdeaComment(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        "community.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="idea_comments",
    )
    body = models.TextField(_("comment"))
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["idea", "created", "pk"]
        verbose_name = _("comment on an idea")
        verbose_name_plural = _("comments on ideas")

    def __str__(self) -> str:
        return f"{self.author} on {self.idea}"


class IdeaSupport(models.Model):
    """A member cluster supports an idea: once per member, whoever of its people clicks."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    cluster = models.ForeignKey(
        "community.Cluster", on_delete=models.CASCADE, related_name="idea_supports"
    )
    user = models.ForeignKey(
        "community.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="idea_supports",
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["idea", "created", "pk"]
        verbose_name = _("support for an idea")
        verbose_name_plural = _("supports for ideas")
        constraints = [
            models.UniqueConstraint(fields=["idea", "cluster"], name="idea_one_support_per_member")
        ]

    def __str__(self) -> str:
        return f"{self.cluster} supports {self.idea}"
