"""The call catalogue: topics as the Funding & Tenders Portal publishes them, the changes a
re-import found, and members' subscriptions by programme and domain."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Topic(models.Model):
    """One topic of a call for proposals, normalised from the portal's search results."""

    class Status(models.TextChoices):
        FORTHCOMING = "forthcoming", _("forthcoming")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    identifier = models.CharField(_("identifier"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=500)
    call_identifier = models.CharField(_("call"), max_length=120, blank=True)
    call_title = models.CharField(_("call title"), max_length=500, blank=True)
    programme = models.CharField(_("programme"), max_length=120, blank=True)
    type_of_action = models.CharField(_("type of action"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    opening_date = models.DateField(_("opening date"), null=True, blank=True)
    # ISO 8601 moments, first stage first; two for a two-stage topic.
    deadlines = models.JSONField(_("deadlines"), default=list, blank=True)
    next_deadline = models.DateTimeField(_("deadline"), null=True, blank=True, db_index=True)
    deadline_model = models.CharField(_("deadline model"), max_length=40, blank=True)
    budget = models.BigIntegerField(_("budget (EUR)"), null=True, blank=True)
    min_contribution = models.BigIntegerField(
        _("minimum contribution (EUR)"), null=True, blank=True
    )
    max_contribution = models.BigIntegerField(
        _("maximum contribution (EUR)"), null=True, blank=True
    )
    expected_grants = models.PositiveIntegerField(_("expected grants"), null=True, blank=True)
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    # Slugs of `matchfair.recommend.DOMAINS` the title, keywords and tags name.
    domains = models.JSONField(_("domains"), default=list, blank=True)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("URL"), max_length=500, blank=True)
    imported = models.DateTimeField(_("first imported"), auto_now_add=True)
    changed = models.DateTimeField(_("last changed"), auto_now_add=True)

    class Meta:
        ordering = ["next_deadline", "identifier"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return f"{self.identifier} — {self.title}"


class TopicChange(models.Model):
    """What a re-import changed in a topic: a deadline moved, the budget, the status, ..."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="changes")
    field = models.CharField(_("field"), max_length=40)
    old = models.JSONField(_("before"), null=True)
    new = models.JSONField(_("after"), null=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "pk"]
        verbose_name = _("topic change")
        verbose_name_plural = _("topic changes")

    def __str__(self) -> str:
        return f"{self.topic.identifier}: {self.field}"


class Subscription(models.Model):
    """A person who wants to hear of new and changed topics of a programme and/or a domain;
    blank means any."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="funding_subscriptions"
    )
    programme = models.CharField(_("programme"), max_length=120, blank=True)
    domain = models.CharField(_("domain"), max_length=40, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "programme", "domain"], name="funding_subscription_unique"
            )
        ]
        verbose_name = _("funding subscription")
        verbose_name_plural = _("funding subscriptions")

    def __str__(self) -> str:
        return f"{self.user}: {self.programme or '*'} / {self.domain or '*'}"


class OrganisationIdentifiers(models.Model):
    """An organisation's identifiers in the EU's registers, to find it in CORDIS."""

    organisation = models.OneToOneField(
        "community.Organisation", on_delete=models.CASCADE, related_name="funding_identifiers"
    )
    # Upper case, letters and digits only, with the country prefix: "BG123456789".
    vat_number = models.CharField(_("VAT number"), max_length=30, blank=True, db_index=True)

    class Meta:
        verbose_name = _("organisation identifiers")
        verbose_name_plural = _("organisation identifiers")

    def __str__(self) -> str:
        return f"{self.organisation}: {self.vat_number}"


class PastProject(models.Model):
    """An EU-funded project as CORDIS publishes it (`project.csv`)."""

    cordis_id = models.CharField(_("CORDIS id"), max_length=20, unique=True)
    acronym = models.CharField(_("acronym"), max_length=100, blank=True)
    status = models.CharField(_("status"), max_length=20, blank=True)
    title = models.CharField(_("title"), max_length=600)
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    topics = models.CharField(_("topics"), max_length=300, blank=True)
    programme = models.CharField(_("programme"), max_length=60, blank=True)
    funding_scheme = models.CharField(_("funding scheme"), max_length=60, blank=True)
    objective = models.TextField(_("objective"), blank=True)

    class Meta:
        ordering = ["-start_date", "acronym"]
        verbose_name = _("past project")
        verbose_name_plural = _("past projects")

    def __str__(self) -> str:
        return self.acronym or self.title


class Participation(models.Model):
    """One organisation in a past project (`organization.csv`), and the member it may be."""

    class Match(models.TextChoices):
        NONE = "", _("no member")
        PROPOSED = "proposed", _("proposed")
        CONFIRMED = "confirmed", _("confirmed")
        REJECTED = "rejected", _("rejected")

    project = models.ForeignKey(
        PastProject, on_delete=models.CASCADE, related_name="participations"
    )
    cordis_organisation_id = models.CharField(_("CORDIS organisation id"), max_length=20)
    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    vat_number = models.CharField(_("VAT number"), max_length=30, blank=True, db_index=True)
    sme = models.BooleanField(_("SME"), null=True)
    activity_type = models.CharField(_("activity type"), max_length=10, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    role = models.CharField(_("role"), max_length=30, blank=True)
    organisation = models.ForeignKey(
        "community.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cordis_participations",
    )
    match = models.CharField(_("match"), max_length=20, choices=Match.choices, blank=True)
    match_method = models.CharField(_("matched by"), max_length=20, blank=True)
    match_score = models.FloatField(_("match score"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["project", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "cordis_organisation_id"], name="funding_participation_unique"
            )
        ]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")

    def __str__(self) -> str:
        return f"{self.name} in {self.project}"


class ConsortiumProposal(models.Model):
    """A consortium the builder proposed for a topic, around a lead member, as JSON
    (`matchfair-consortium-proposal/1`), with the checker's findings, the request it was built
    from (to re-check every edit), and where it stands in the pipeline (docs/funding.md)."""

    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        INVITED = "invited", _("invited")
        CONFIRMED = "confirmed", _("confirmed")
        SUBMITTED = "submitted", _("submitted")
        FUNDED = "funded", _("funded")
        REJECTED = "rejected", _("not funded")
        WITHDRAWN = "withdrawn", _("withdrawn")

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="proposals")
    lead = models.ForeignKey(
        "community.Organisation", on_delete=models.CASCADE, related_name="consortium_proposals"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    changed = models.DateTimeField(_("last changed"), auto_now=True)
    candidates = models.PositiveIntegerField(_("candidates"), default=0)
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.DRAFT, db_index=True
    )
    # `matchfair-consortium-request/1`: the candidates and rules the proposal was built from.
    request = models.JSONField(_("request"), default=dict, blank=True)
    # For each candidate id: how the cluster knows it ("sources") and the expo meetings it came
    # from ("meetings"), where a funded proposal is recorded as an agreement.
    origins = models.JSONField(_("how the candidates were found"), default=dict, blank=True)
    proposal = models.JSONField(_("proposal"))
    problems = models.JSONField(_("checker findings"), default=list)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("consortium proposal")
        verbose_name_plural = _("consortium proposals")

    def __str__(self) -> str:
        return f"{self.topic.identifier}: {self.lead}"


class ConsortiumInvitation(models.Model):
    """A partner of a proposed consortium asked to join it, by a mail with a signed link; the
    answer is the invitee's, given once."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for an answer")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")
        CANCELLED = "cancelled", _("cancelled")

    proposal = models.ForeignKey(
        ConsortiumProposal, on_delete=models.CASCADE, related_name="invitations"
    )
    member = models.CharField(_("candidate id"), max_length=40)
    organisation = models.ForeignKey(
        "community.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    invitee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consortium_invitations",
        verbose_name=_("invitee"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    sent = models.DateTimeField(_("sent"))
    answered = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["proposal_id", "pk"]
        verbose_name = _("consortium invitation")
        verbose_name_plural = _("consortium invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "member"],
                condition=~models.Q(status="cancelled"),
                name="funding_invitation_once_per_member",
            )
        ]

    def __str__(self) -> str:
        return f"{self.invitee} to {self.proposal}"
