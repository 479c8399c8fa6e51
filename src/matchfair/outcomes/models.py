"""Outcomes of meetings, the follow-up ladder, consent grants and introduction requests."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NextStep(models.TextChoices):
    CALL = "call", _("Call")
    SEND_INFORMATION = "send_information", _("Send information")
    VISIT = "visit", _("Visit")
    QUOTE = "quote", _("Quote")
    JOINT_PROPOSAL = "joint_proposal", _("Joint proposal")


class Outcome(models.Model):
    """One side's answer right after a meeting: did it happen, how good was it, what next.

    The note is private to its author; it is shared only as the author's consent allows.
    """

    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="outcomes"
    )
    registration = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="outcomes"
    )
    took_place = models.BooleanField(_("the meeting took place"))
    rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    next_steps = models.JSONField(_("next steps"), default=list, blank=True)
    note = models.TextField(_("private note"), max_length=4000, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["meeting_id", "registration_id"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "registration"], name="outcome_once_per_side"
            ),
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="outcome_rating_1_5",
            ),
        ]
        # The few answers "it did not take place", which the impact report lists as questions.
        indexes = [
            models.Index(
                fields=["meeting"],
                condition=models.Q(took_place=False),
                name="outcome_not_held",
            )
        ]

    def __str__(self) -> str:
        return f"{self.registration} on {self.meeting}"


class Stage(models.IntegerChoices):
    """The rungs of the follow-up ladder, in order."""

    NO_FURTHER_CONTACT = 0, _("No further contact")
    KNOWLEDGE_GAINED = 1, _("Knowledge gained")
    VALUABLE_CONTACT = 2, _("Valuable contact")
    NEGOTIATION_STARTED = 3, _("Negotiation started")
    AGREEMENT_REACHED = 4, _("Agreement reached")


class AgreementType(models.TextChoices):
    """The Enterprise Europe Network's partnership agreements, and joint EU proposals."""

    COMMERCIAL = "commercial", _("Commercial agreement")
    COMMERCIAL_TECHNICAL = (
        "commercial_technical",
        _("Commercial agreement with technical assistance"),
    )
    INVESTMENT = "investment", _("Investment agreement")
    OUTSOURCING = "outsourcing", _("Outsourcing agreement")
    SUPPLIER = "supplier", _("Supplier agreement")
    RESEARCH = "research", _("Research and development cooperation agreement")
    EU_PROPOSAL_SUBMITTED = "eu_proposal_submitted", _("Joint EU proposal submitted")
    EU_PROPOSAL_FUNDED = "eu_proposal_funded", _("Joint EU proposal funded")

    @classmethod
    def needs_call(cls, value: str) -> bool:
        return value in (cls.EU_PROPOSAL_SUBMITTED, cls.EU_PROPOSAL_FUNDED)


class ValueBand(models.TextChoices):
    UNDER_50K = "under_50k", _("under €50,000")
    TO_250K = "50k_250k", _("€50,000–250,000")
    TO_1M = "250k_1m", _("€250,000–1 million")
    OVER_1M = "over_1m", _("over €1 million")


class FollowUpStep(models.Model):
    """One dated rung of the ladder, as one side of a meeting reported it."""

    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="follow_up_steps"
    )
    registration = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="follow_up_steps"
    )
    stage = models.PositiveSmallIntegerField(_("stage"), choices=Stage.choices)
    on = models.DateField(_("date"))
    agreement_type = models.CharField(
        _("type of agreement"), max_length=30, choices=AgreementType.choices, blank=True
    )
    call_identifier = models.CharField(_("call identifier"), max_length=120, blank=True)
    value_band = models.CharField(_("value"), max_length=20, choices=ValueBand.choices, blank=True)
    evidence = models.CharField(_("evidence"), max_length=500, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting_id", "registration_id", "on", "id"]
        verbose_name = _("follow-up step")
        verbose_name_plural = _("follow-up steps")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(stage=4, agreement_type__gt="")
                | (~models.Q(stage=4) & models.Q(agreement_type="")),
                name="follow_up_agreement_has_type",
            ),
        ]
        indexes = [models.Index(fields=["meeting", "registration", "on"])]

    def __str__(self) -> str:
        return f"{self.registration} on {self.meeting}: {self.get_stage_display()}"


class MeetingSummary(models.Model):
    """What a meeting's outcomes and follow-up steps add up to, kept in step with them: it is
    written in the same transaction as each outcome and step (`domain/summaries.py`), so the
    impact report counts meetings in the database without reading their sides' records."""

    class Agreement(models.TextChoices):
        NONE = "", _("No agreement")
        CLAIMED = "claimed", _("Claimed")
        CONFIRMED = "confirmed", _("Confirmed")

    meeting = models.OneToOneField(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="outcome_summary",
    )
    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="+")
    said_held = models.BooleanField(default=False)  # a side said it took place
    said_not_held = models.BooleanField(default=False)  # a side said it did not
    top_stage = models.PositiveSmallIntegerField(null=True, choices=Stage.choices)
    agreement = models.CharField(max_length=10, choices=Agreement.choices, blank=True)
    first_agreement = models.DateField(null=True)  # the date of its first agreement step

    class Meta:
        verbose_name = _("meeting summary")
        verbose_name_plural = _("meeting summaries")

    def __str__(self) -> str:
        return f"summary of {self.meeting_id}"


class Scope(models.TextChoices):
    CONTACT = "contact", _("My contact details")
    MET = "met", _("That I met someone")
    STAGE = "stage", _("The stage reached in a meeting")
    NOTES = "notes", _("My notes")


class Audience(models.TextChoices):
    CLUSTER_STAFF = "cluster_staff", _("My cluster's staff")
    CLUSTER_MEMBERS = "cluster_members", _("My cluster's members")
    PARTNERSHIP = "partnership", _("The partnership's clusters")
    PUBLIC = "public", _("The public")


class Consent(models.Model):
    """A person's grant of one scope to one audience; withdrawing dates the row, never deletes
    it, so the history stays."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents"
    )
    scope = models.CharField(_("what"), max_length=20, choices=Scope.choices)
    audience = models.CharField(_("to whom"), max_length=20, choices=Audience.choices)
    notice_version = models.CharField(_("notice version"), max_length=20)
    granted = models.DateTimeField(_("granted"))
    # Renewing restarts the retention period (docs/privacy.md, "Retention"); the grant expires
    # the cluster's months after the later of `granted` and `renewed`.
    renewed = models.DateTimeField(_("renewed"), null=True, blank=True)
    # The expiry a reminder was sent for, so each grant is reminded once per expiry.
    reminded_for = models.DateTimeField(null=True, blank=True, editable=False)
    withdrawn = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        ordering = ["-granted", "-id"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "scope", "audience"],
                condition=models.Q(withdrawn__isnull=True),
                name="consent_one_active_grant",
            )
        ]
        indexes = [models.Index(fields=["scope", "withdrawn", "user"])]

    def __str__(self) -> str:
        return f"{self.user}: {self.scope} → {self.audience}"


class IntroductionRequest(models.Model):
    """A member asking the member who met someone for an introduction; it holds no personal
    data of the person met, only the meeting it is about."""

    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="introduction_requests"
    )
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="introductions_asked"
    )
    member = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="introductions_received"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("introduction request")
        verbose_name_plural = _("introduction requests")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "asked_by", "member"], name="introduction_asked_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.asked_by} asks {self.member} about {self.meeting}"


class Campaign(models.Model):
    """A follow-up round: some days after the event's last day, each person with meetings to
    follow up gets one mail with a link of their own, and one reminder if they do not answer."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="follow_up_campaigns"
    )
    days_after = models.PositiveSmallIntegerField(_("days after the event"))
    reminder_days = models.PositiveSmallIntegerField(
        _("reminder after (days)"),
        default=7,
        help_text=_("Those who have not answered get one reminder this many days later."),
    )
    sent = models.DateTimeField(_("sent"), null=True, blank=True)
    reminded = models.DateTimeField(_("reminded"), null=True, blank=True)

    class Meta:
        ordering = ["event_id", "days_after"]
        verbose_name = _("follow-up campaign")
        verbose_name_plural = _("follow-up campaigns")
        constraints = [
            models.UniqueConstraint(fields=["event", "days_after"], name="campaign_day_once"),
            models.CheckConstraint(
                condition=models.Q(days_after__gte=1, days_after__lte=730),
                name="campaign_days_after_1_730",
            ),
            models.CheckConstraint(
                condition=models.Q(reminder_days__gte=1, reminder_days__lte=90),
                name="campaign_reminder_days_1_90",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event}: {self.days_after} days after"


class CampaignMail(models.Model):
    """One person's mail of a campaign. Its signed link opens this person's meetings only; the
    first answer through it is dated, for the campaign's response rate."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="mails")
    registration = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="campaign_mails"
    )
    sent = models.DateTimeField(_("sent"))
    reminded = models.DateTimeField(_("reminded"), null=True, blank=True)
    answered = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["campaign_id", "registration_id"]
        verbose_name = _("campaign mail")
        verbose_name_plural = _("campaign mails")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "registration"], name="campaign_mail_once")
        ]

    def __str__(self) -> str:
        return f"{self.campaign} → {self.registration}"


class Retention(models.Model):
    """How long a cluster's people's consent grants count before they must be renewed; a cluster
    without a row keeps them `settings.OUTCOMES_RETENTION_MONTHS`."""

    cluster = models.OneToOneField(
        "community.Cluster", on_delete=models.CASCADE, related_name="sharing_retention"
    )
    months = models.PositiveSmallIntegerField(
        _("shared items expire after (months)"),
        help_text=_("Between 1 and 120 months; a person renews their consent to share longer."),
    )
    changed = models.DateTimeField(auto_now=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("retention of shared items")
        verbose_name_plural = _("retention of shared items")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(months__gte=1, months__lte=120), name="retention_months_1_120"
            )
        ]

    def __str__(self) -> str:
        return f"{self.cluster}: {self.months} months"


class SuccessStory(models.Model):
    """A confirmed agreement that an organiser or editor asked to tell as a case study in a
    cluster's newsroom. The draft is made only when every person of the meeting agreed."""

    class Status(models.TextChoices):
        ASKED = "asked", _("Asked")
        # Everyone agreed, but the person who asked can no longer write for the cluster's
        # newsroom: another of its organisers or editors makes the draft.
        AGREED = "agreed", _("Agreed, draft to make")
        DRAFTED = "drafted", _("Draft made")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Consent withdrawn")

    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="success_stories"
    )
    cluster = models.ForeignKey(
        "community.Cluster", on_delete=models.CASCADE, related_name="success_stories"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="success_stories_asked",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ASKED
    )
    article = models.OneToOneField(
        "newsroom.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="success_story",
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("success story")
        verbose_name_plural = _("success stories")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "cluster"], name="success_story_once")
        ]

    def __str__(self) -> str:
        return f"success story of {self.meeting} for {self.cluster}"


class StoryConsent(models.Model):
    """One person's answer to a success story: asked, agreed (with an optional quote), declined,
    or withdrawn after agreeing."""

    class Answer(models.TextChoices):
        PENDING = "pending", _("Not answered")
        AGREED = "agreed", _("Agreed")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    story = models.ForeignKey(SuccessStory, on_delete=models.CASCADE, related_name="answers")
    registration = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="story_answers"
    )
    answer = models.CharField(
        _("answer"), max_length=20, choices=Answer.choices, default=Answer.PENDING
    )
    quote = models.TextField(_("quote"), max_length=1000, blank=True)
    answered = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["story_id", "registration_id"]
        verbose_name = _("success story consent")
        verbose_name_plural = _("success story consents")
        constraints = [
            models.UniqueConstraint(fields=["story", "registration"], name="story_answer_once")
        ]

    def __str__(self) -> str:
        return f"{self.registration} on {self.story}: {self.answer}"
