"""A partnership's assembly: its statute, sessions, agenda, attendance, and elections whose
ballots nothing in the database links to a voter (docs/assembly.md)."""

import datetime as dt
import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

# The work plan and the ideas board have their own module; they are models of this app, and
# every caller imports them from here.
from matchfair.assembly.plan_models import (
    Idea as Idea,
)
from matchfair.assembly.plan_models import (
    IdeaComment as IdeaComment,
)
from matchfair.assembly.plan_models import (
    IdeaSupport as IdeaSupport,
)
from matchfair.assembly.plan_models import (
    Milestone as Milestone,
)
from matchfair.assembly.plan_models import (
    WorkItem as WorkItem,
)
from matchfair.voting import METHODS


def random_key() -> str:
    """A ballot's id or an election's box id: random, so it says nothing of when or by whom."""
    return secrets.token_hex(16)


class Statute(models.Model):
    """What a network's statutes settle for its assemblies: who runs them and the quorum."""

    network = models.OneToOneField(
        "community.Network", on_delete=models.CASCADE, related_name="statute"
    )
    secretariat = models.ForeignKey(
        "community.Cluster",
        on_delete=models.PROTECT,
        related_name="secretariat_of",
        verbose_name=_("secretariat (lead cluster)"),
    )
    quorum_percent = models.PositiveSmallIntegerField(
        _("quorum (percent of the members present or represented)"), default=50
    )
    proxies_per_holder = models.PositiveSmallIntegerField(
        _("proxies a delegate may hold (0: no proxies)"), default=1
    )
    secret_motions = models.BooleanField(
        _("motions are voted by secret vote unless the motion says otherwise"), default=False
    )
    revoting = models.BooleanField(
        _("a member may change its ballot while voting is open (re-voting)"), default=False
    )

    class Meta:
        verbose_name = _("statute")
        verbose_name_plural = _("statutes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quorum_percent__gte=1, quorum_percent__lte=100),
                name="statute_quorum_percent",
            )
        ]

    def __str__(self) -> str:
        return str(self.network)


class Session(models.Model):
    """One meeting of the assembly: a day, a place or a link, and an agenda."""

    network = models.ForeignKey(
        "community.Network", on_delete=models.CASCADE, related_name="assembly_sessions"
    )
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("starts at"), default=dt.time(9, 0))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    event = models.ForeignKey(
        "events.Event",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assembly_sessions",
        verbose_name=_("expo event"),
    )
    minutes_published_at = models.DateTimeField(_("minutes published at"), null=True, blank=True)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("assembly session")
        verbose_name_plural = _("assembly sessions")

    def __str__(self) -> str:
        return self.title

    @property
    def length_minutes(self) -> int:
        """The agenda's time boxes added up; an hour while the agenda is empty."""
        return sum(item.minutes for item in self.agenda.all()) or 60


class SessionDocument(models.Model):
    """A document of a session for its members: an uploaded PDF (served only to them, never
    under /media/) or a link to one kept elsewhere. Exactly one of the two."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("PDF"), upload_to="assembly/documents/%Y/", blank=True)
    url = models.URLField(_("link"), blank=True)
    size = models.PositiveIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["session", "pk"]
        verbose_name = _("session document")
        verbose_name_plural = _("session documents")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(file="") & ~models.Q(url=""))
                | (~models.Q(file="") & models.Q(url="")),
                name="session_document_file_or_link",
            )
        ]

    def __str__(self) -> str:
        return self.title


class AgendaItem(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="agenda")
    position = models.PositiveSmallIntegerField(_("position"))
    title = models.CharField(_("title"), max_length=200)
    minutes = models.PositiveSmallIntegerField(_("time box (minutes)"))
    presenter = models.CharField(_("presenter"), max_length=150, blank=True)

    class Meta:
        ordering = ["session", "position"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(fields=["session", "position"], name="agenda_item_position")
        ]

    def __str__(self) -> str:
        return self.title


class Attendee(models.Model):
    """A person registered to speak and vote for a member cluster at a session: its voting
    delegate (one per member) or a substitute, checked in by staff when they arrive."""

    class Role(models.TextChoices):
        DELEGATE = "delegate", _("voting delegate")
        SUBSTITUTE = "substitute", _("substitute")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendees")
    cluster = models.ForeignKey(
        "community.Cluster", on_delete=models.CASCADE, related_name="assembly_attendees"
    )
    user = models.ForeignKey(
        "community.User", on_delete=models.CASCADE, related_name="assembly_attendances"
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)

    class Meta:
        ordering = ["session", "cluster", "role", "pk"]
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="attendee_once_per_session"),
            models.UniqueConstraint(
                fields=["session", "cluster"],
                condition=models.Q(role="delegate"),
                name="attendee_one_delegate_per_member",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}, {self.cluster})"


class Election(models.Model):
    """An election to a position, counted by a method of the voting engine."""

    class Position(models.TextChoices):
        CHAIR = "chair", _("chair")
        VICE_CHAIR = "vice-chair", _("vice-chair")
        BOARD = "board", _("board")

    class Status(models.TextChoices):
        DRAFT = "draft", _("nominations")
        OPEN = "open", _("voting open")
        CLOSED = "closed", _("closed and counted")
        PUBLISHED = "published", _("result published")

    BALLOT_METHODS = tuple(m for m in METHODS if m != "approval")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="elections")
    position = models.CharField(_("position"), max_length=12, choices=Position.choices)
    seats = models.PositiveSmallIntegerField(_("seats"), default=1)
    method = models.CharField(_("method"), max_length=16, choices=[(m, m) for m in BALLOT_METHODS])
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # The ballots point to their box by this random id, not by a foreign key (docs/assembly.md).
    box = models.CharField(max_length=32, unique=True, default=random_key, editable=False)
    seed = models.BigIntegerField(_("seed for drawing lots"), default=0)
    result = models.JSONField(_("result (matchfair-tally/1)"), null=True, blank=True)
    board_head = models.CharField(_("ballot board head"), max_length=64, blank=True)

    class Meta:
        ordering = ["session", "pk"]
        verbose_name = _("election")
        verbose_name_plural = _("elections")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "position"], name="election_one_per_position"
            ),
            models.CheckConstraint(condition=models.Q(seats__gte=1), name="election_seats"),
        ]

    def __str__(self) -> str:
        return f"{self.get_position_display()} — {self.session}"

    @property
    def ranked(self) -> bool:
        return self.method != "plurality"


class Candidacy(models.Model):
    """A person standing for a position for their member cluster: nominated by a member, then
    accepted by the candidate."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="candidacies")
    cluster = models.ForeignKey(
        "community.Cluster", on_delete=models.CASCADE, related_name="candidacies"
    )
    candidate = models.ForeignKey(
        "community.User", on_delete=models.CASCADE, related_name="candidacies"
    )
    nominated_by = models.ForeignKey(
        "community.Cluster", on_delete=models.CASCADE, related_name="nominations"
    )
    statement_en = models.TextField(_("statement (English)"), blank=True)
    statement_bg = models.TextField(_("statement (Bulgarian)"), blank=True)
    accepted = models.BooleanField(_("accepted by the candidate"), default=False)

    class Meta:
        ordering = ["election", "pk"]
        verbose_name = _("candidacy")
        verbose_name_plural = _("candidacies")
        constraints = [
            models.UniqueConstraint(
                fields=["election", "cluster"], name="candidacy_one_per_member_per_position"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.candidate} ({self.cluster})"


class RollEntry(models.Model):
    """The voter roll: that a member cluster has voted in an election. Never what it voted."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="roll")
    cluster = models.ForeignKey(
        "community.Cluster", on_delete=models.CASCADE, related_name="roll_entries"
    )

    class Meta:
        verbose_name = _("voter roll entry")
        verbose_name_plural = _("voter roll")
        constraints = [
            models.UniqueConstraint(fields=["election", "cluster"], name="roll_one_vote_per_member")
        ]

    def __str__(self) -> str:
        return f"{self.cluster} voted"


class Ballot(models.Model):
    """What was voted, in the ballot box. No foreign key, no time, no sequence: a random id,
    the box's random id, the choices and the tracker's nonce (docs/assembly.md).

    Where the statute allows re-voting, `revote_hash` is the hash of the secret key the voter
    was given at casting: presenting the key replaces this ballot. It names no one, and closing
    the election clears it."""

    id = models.CharField(primary_key=True, max_length=32, default=random_key, editable=False)
    box = models.CharField(max_length=32, db_index=True)
    # Candidacy ids, most preferred first (one for plurality).
    choices = models.JSONField()
    nonce = models.CharField(max_length=32)
    tracker = models.CharField(max_length=64, unique=True)
    revote_hash = models.CharField(max_length=64, null=True, blank=True, unique=True)

    class Meta:
        ordering = ["tracker"]
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            models.CheckConstraint(condition=~models.Q(box=""), name="ballot_in_a_box"),
        ]

    def __str__(self) -> str:
        return self.tracker


class Proxy(models.Model):
    """A member's vote handed to another member's voting delegate for a session. Withdrawn
    proxies stay, with the time of withdrawal, as the record of every hand-over."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="proxies")
    cluster = models.ForeignKey(
        "community.Cluster",
        on_delete=models.CASCADE,
        related_name="proxies_given",
        verbose_name=_("represented member"),
    )
    holder = models.ForeignKey(
        Attendee,
        on_delete=models.CASCADE,
        related_name="proxies_held",
        verbose_name=_("holder (another member's voting delegate)"),
    )
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)
    given_by = models.ForeignKey(
        "community.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        ordering = ["session", "given_at", "pk"]
        verbose_name = _("proxy")
        verbose_name_plural = _("proxies")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "cluster"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="proxy_one_active_per_member",
            )
        ]

    def __str__(self) -> str:
        return f"{self.cluster} → {self.holder.user}"


class Motion(models.Model):
    """A motion on an agenda item; an amendment is a motion on a motion, voted first.

    The tally (yes, no, abstain) is kept on the motion, the roll (`MotionVote`) says which member
    voted; in an open vote the roll also says how, in a secret one it does not."""

    class Threshold(models.TextChoices):
        SIMPLE = "simple", _("simple majority of the votes cast")
        ABSOLUTE = "absolute", _("absolute majority of the members")
        TWO_THIRDS = "two-thirds", _("two thirds of the votes cast")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        SECONDED = "seconded", _("seconded")
        OPEN = "open", _("voting open")
        CLOSED = "closed", _("voted")
        WITHDRAWN = "withdrawn", _("withdrawn")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="motions")
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.PROTECT, related_name="motions", verbose_name=_("agenda item")
    )
    amends = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="amendments",
        verbose_name=_("amends"),
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    original_text = models.TextField(_("text as proposed"), blank=True)
    proposed_by = models.ForeignKey(
        "community.User", null=True, on_delete=models.SET_NULL, related_name="motions_proposed"
    )
    # The member that moved it; the secretariat's cluster when the secretariat did.
    mover = models.ForeignKey(
        "community.Cluster", on_delete=models.CASCADE, related_name="motions_moved"
    )
    seconded_by = models.ForeignKey(
        "community.Cluster",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="motions_seconded",
    )
    threshold = models.CharField(
        _("threshold"), max_length=10, choices=Threshold.choices, default=Threshold.SIMPLE
    )
    secret = models.BooleanField(_("secret vote"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    yes = models.PositiveIntegerField(_("yes"), default=0)
    no = models.PositiveIntegerField(_("no"), default=0)
    abstain = models.PositiveIntegerField(_("abstain"), default=0)
    members = models.PositiveIntegerField(_("members when the vote closed"), default=0)
    adopted = models.BooleanField(_("adopted"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        ordering = ["session", "agenda_item__position", "pk"]
        verbose_name = _("motion")
        verbose_name_plural = _("motions")

    def __str__(self) -> str:
        return self.title


class MotionVote(models.Model):
    """The roll of a motion's vote: that a member voted (once: unique), and in an open vote how.
    In a secret vote `choice` stays empty and only the motion's tally knows."""

    class Choice(models.TextChoices):
        YES = "yes", _("yes")
        NO = "no", _("no")
        ABSTAIN = "abstain", _("abstain")

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="votes")
    cluster = models.ForeignKey(
        "community.Cluster", on_delete=models.CASCADE, related_name="motion_votes"
    )
    choice = models.CharField(_("vote"), max_length=8, choices=Choice.choices, blank=True)
    by_proxy = models.BooleanField(_("cast by a proxy holder"), default=False)

    class Meta:
        ordering = ["motion", "pk"]
        verbose_name = _("motion vote")
        verbose_name_plural = _("motion votes")
        constraints = [
            models.UniqueConstraint(fields=["motion", "cluster"], name="motion_one_vote_per_member")
        ]

    def __str__(self) -> str:
        return f"{self.cluster}: {self.choice or '—'}"
