"""The newsroom's records: articles, their translations and revisions, tags, images, attachments
and the editors who review what members propose. Logic lives in `domain/`."""

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

LANGUAGES = ("en", "bg")


class Kind(models.TextChoices):
    NEWS = "news", _("News")
    BLOG = "blog", _("Blog post")
    TRIP_REPORT = "trip-report", _("Trip report")
    CASE_STUDY = "case-study", _("Case study")
    ANNOUNCEMENT = "announcement", _("Announcement")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class Editor(models.Model):
    """A person who reviews and publishes the articles of a cluster's newsroom; granted by a
    superuser in the admin (permissions.is_editor)."""

    cluster = models.ForeignKey(
        "community.Cluster", on_delete=models.CASCADE, related_name="newsroom_editors"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="newsroom_editor_roles"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("newsroom editor")
        verbose_name_plural = _("newsroom editors")
        constraints = [
            models.UniqueConstraint(fields=["cluster", "user"], name="newsroom_editor_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.cluster})"


class Tag(models.Model):
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=60)
    name_bg = models.CharField(_("name (Bulgarian)"), max_length=60)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name_en

    def name(self, language: str) -> str:
        return self.name_bg if language == "bg" and self.name_bg else self.name_en


class Article(models.Model):
    cluster = models.ForeignKey(
        "community.Cluster", on_delete=models.CASCADE, related_name="articles"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    source_language = models.CharField(
        _("written first in"), max_length=2, choices=settings.LANGUAGES, default="en"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="newsroom_articles",
        verbose_name=_("author"),
    )
    organisation = models.ForeignKey(
        "community.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="newsroom_articles",
        verbose_name=_("proposed by"),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="newsroom_reviews",
        verbose_name=_("reviewer"),
    )
    publish_at = models.DateTimeField(_("publish at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles", verbose_name=_("tags"))
    # The taxonomy's codes as ",energy,mobility,", so one domain is a `contains` filter anywhere.
    domains = models.CharField(_("domains"), max_length=300, blank=True)
    # A trip report is about one event and the delegation that went.
    event = models.ForeignKey(
        "events.Event",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        verbose_name=_("event"),
    )
    delegation = models.ForeignKey(
        "visits.Delegation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        verbose_name=_("delegation"),
    )
    # A case study is about a market leader; its name is a proper name in both languages.
    studied_organisation = models.CharField(_("organisation studied"), max_length=200, blank=True)
    sources = models.TextField(_("sources"), blank=True, help_text=_("One link a line."))
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"], name="newsroom_archive"),
            models.Index(fields=["status", "kind", "-published_at", "-id"], name="newsroom_kind"),
            models.Index(fields=["status", "publish_at"], name="newsroom_due"),
        ]

    def __str__(self) -> str:
        return f"article #{self.pk}"

    @property
    def domain_codes(self) -> list[str]:
        return [code for code in self.domains.split(",") if code]


class ArticleTranslation(models.Model):
    """One language's words of an article. `state` is what its writers and reviewers set; a
    published translation whose source has changed since is stale (domain.translations)."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT)
    title = models.CharField(_("title"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, blank=True, allow_unicode=False)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("text (Markdown)"), blank=True)
    sector = models.CharField(_("sector"), max_length=120, blank=True)
    what_they_did = models.TextField(_("what they did (Markdown)"), blank=True)
    lessons = models.TextField(_("lessons (Markdown)"), blank=True)
    # The digest of the source language's words when this translation was last published.
    source_digest = models.CharField(max_length=64, blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "language"], name="newsroom_translation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} [{self.language}]"


class ArticleRevision(models.Model):
    """A snapshot of an article's words and settings, written on every save."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="newsroom_revisions",
    )
    created = models.DateTimeField(auto_now_add=True)
    snapshot = models.JSONField(default=dict)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="newsroom_revision_unique")
        ]

    def __str__(self) -> str:
        return f"revision {self.number} of article #{self.article_id}"


class ArticleImage(models.Model):
    """An image of an article, stored only as renditions re-encoded without metadata."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="images")
    alt_en = models.CharField(_("alt text (English)"), max_length=250)
    alt_bg = models.CharField(_("alt text (Bulgarian)"), max_length=250)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    # {"<width>": "storage path"}, the largest first.
    renditions = models.JSONField(default=dict)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.alt_en

    def alt(self, language: str) -> str:
        return self.alt_bg if language == "bg" else self.alt_en

    def _url(self, widest: int) -> str:
        fitting = sorted((int(w) for w in self.renditions if int(w) <= widest), reverse=True)
        chosen = fitting[0] if fitting else min(int(w) for w in self.renditions)
        return default_storage.url(self.renditions[str(chosen)])

    @property
    def small_url(self) -> str:
        return self._url(400)

    @property
    def medium_url(self) -> str:
        return self._url(800)


class ArticleAttachment(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="attachments")
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_bg = models.CharField(_("title (Bulgarian)"), max_length=200)
    file = models.FileField(upload_to="newsroom/attachments/%Y/")
    size = models.PositiveIntegerField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title_en

    def title(self, language: str) -> str:
        return self.title_bg if language == "bg" else self.title_en


class DigestSubscription(models.Model):
    """A person's wish to receive the weekly digest: the kinds of article they follow, in one
    language. Unsubscribing deletes the row (the signed link in every digest, or the page)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="newsroom_digest"
    )
    # The kinds' codes as ",news,blog,", like Article.domains.
    kinds = models.CharField(_("kinds"), max_length=200)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("digest subscription")
        verbose_name_plural = _("digest subscriptions")

    def __str__(self) -> str:
        return f"{self.user} ({self.language})"

    @property
    def kind_codes(self) -> list[str]:
        return [code for code in self.kinds.split(",") if code]


class Digest(models.Model):
    """One week's digest: the articles it covered, so that a re-run of the week sends the same
    articles (and the outbox's keys send nothing twice) and no later week covers them again."""

    week = models.CharField(_("week"), max_length=8, unique=True)  # ISO week, "2026-W49"
    made = models.DateTimeField(_("made"), default=timezone.now)
    articles = models.ManyToManyField(Article, blank=True, related_name="digests")

    class Meta:
        ordering = ["-week"]
        verbose_name = _("digest")
        verbose_name_plural = _("digests")

    def __str__(self) -> str:
        return self.week
