"""Each language of an article has a state: missing, draft, in review, published, or stale (its
source changed after it was published). The translation dashboard lists what needs work.

A translation keeps the digest of the source language's words from when it was last published;
when the source's words differ from that digest, the translation is stale. An editor who has
brought it up to date marks it reviewed, which records the source's digest of now.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.newsroom import feedcache
from matchfair.newsroom.domain.articles import digest
from matchfair.newsroom.models import LANGUAGES, Article, ArticleTranslation, Status

MISSING = "missing"
DRAFT = "draft"
REVIEW = "review"
PUBLISHED = "published"
STALE = "stale"
STATE_LABELS = {
    MISSING: gettext_lazy("missing"),
    DRAFT: gettext_lazy("draft"),
    REVIEW: gettext_lazy("in review"),
    PUBLISHED: gettext_lazy("published"),
    STALE: gettext_lazy("stale"),
}
NEEDS_WORK = (MISSING, DRAFT, REVIEW, STALE)


def is_complete(translation: ArticleTranslation | None) -> bool:
    return bool(translation and translation.title.strip() and translation.body.strip())


def state_of(article: Article, language: str) -> str:
    """The state of `article` in `language`; reads the prefetched translations when there are."""
    translations = {item.language: item for item in article.translations.all()}
    translation = translations.get(language)
    if not is_complete(translation):
        return MISSING if translation is None or not translation.title.strip() else DRAFT
    assert translation is not None
    if translation.state != ArticleTranslation.State.PUBLISHED:
        return translation.state
    if language != article.source_language:
        source = translations.get(article.source_language)
        if translation.source_digest != digest(source):
            return STALE
    return PUBLISHED


def states(article: Article) -> dict[str, str]:
    return {language: state_of(article, language) for language in LANGUAGES}


def readable(article: Article, language: str) -> bool:
    """Readers may see the article in `language`: its translation is published, even if stale."""
    return state_of(article, language) in (PUBLISHED, STALE)


@dataclass(frozen=True)
class DashboardRow:
    article: Article
    states: dict[str, str]

    @property
    def labels(self) -> list[tuple[str, str, str]]:
        return [
            (language, state, str(STATE_LABELS[state])) for language, state in self.states.items()
        ]


def dashboard(articles: QuerySet[Article], *, only_needing_work: bool = True) -> list[DashboardRow]:
    """The articles with the state of each language, those with a language needing work only
    unless asked otherwise; archived articles are left out."""
    rows = []
    chosen: Iterable[Article] = (
        articles.exclude(status=Status.ARCHIVED)
        .prefetch_related("translations")
        .order_by("-updated", "-id")
    )
    for article in chosen:
        row = DashboardRow(article=article, states=states(article))
        if only_needing_work and not any(state in NEEDS_WORK for state in row.states.values()):
            continue
        rows.append(row)
    return rows


@transaction.atomic
def mark_reviewed(*, article: Article, language: str, by: Any) -> ArticleTranslation:
    """An editor confirms a translation matches its source as it is now: it is published (if the
    article is) and no longer stale."""
    if not permissions.can_review_article(by, article):
        raise PermissionDenied(_("Only the cluster's editors review translations."))
    translation = (
        ArticleTranslation.objects.select_for_update()
        .filter(article=article, language=language)
        .first()
    )
    if not is_complete(translation):
        raise ValidationError(
            _("The %(language)s translation needs a title and a text first.")
            % {"language": language}
        )
    assert translation is not None
    source = article.translations.filter(language=article.source_language).first()
    translation.source_digest = digest(source)
    if article.status in (Status.PUBLISHED, Status.ARCHIVED):
        translation.state = ArticleTranslation.State.PUBLISHED
    else:
        translation.state = ArticleTranslation.State.REVIEW
    translation.save()
    feedcache.changed()
    record(action="article.translation_reviewed", actor=by, subject=article, language=language)
    return translation


def publish_translations(article: Article) -> list[str]:
    """On publication, every complete translation is published against the source's words of
    now; the languages published."""
    translations = list(article.translations.select_for_update())
    source = next((t for t in translations if t.language == article.source_language), None)
    source_digest = digest(source)
    published = []
    for translation in translations:
        if not is_complete(translation):
            continue
        if translation.state != ArticleTranslation.State.PUBLISHED:
            translation.state = ArticleTranslation.State.PUBLISHED
            translation.source_digest = source_digest
            translation.save(update_fields=["state", "source_digest", "updated"])
        published.append(translation.language)
    return published


def submit_translations(article: Article) -> None:
    """On submission for review, the complete drafts are in review."""
    article.translations.filter(state=ArticleTranslation.State.DRAFT).exclude(title="").exclude(
        body=""
    ).update(state=ArticleTranslation.State.REVIEW)
