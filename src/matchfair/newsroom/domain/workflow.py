"""An article's way to readers: draft → in review (a named reviewer, one of the cluster's
editors) → scheduled (publish at) → published → archived. A reviewer may send it back to draft.

Each step checks its rule in `permissions`, takes the row with `select_for_update`, and writes
the audit log. `publish_due` publishes what is scheduled; the `newsroom.publish_due` task runs
it every minute under celery beat.
"""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.newsroom import feedcache
from matchfair.newsroom.domain.translations import (
    is_complete,
    publish_translations,
    submit_translations,
)
from matchfair.newsroom.models import Article, Status
from matchfair.outcomes.domain.stories import publication_hold

# Which status each step leaves from.
SUBMIT_FROM = (Status.DRAFT,)
RETURN_FROM = (Status.REVIEW, Status.SCHEDULED)
SCHEDULE_FROM = (Status.REVIEW,)
PUBLISH_FROM = (Status.REVIEW, Status.SCHEDULED)
ARCHIVE_FROM = (Status.PUBLISHED,)


def _locked(article: Article, allowed: tuple[str, ...]) -> Article:
    locked = Article.objects.select_for_update().select_related("cluster").get(pk=article.pk)
    if locked.status not in allowed:
        raise ValidationError(
            _("The article is %(status)s; this step is not possible now.")
            % {"status": locked.get_status_display().lower()}
        )
    return locked


def _not_held(article: Article) -> None:
    """A case study made from a success story goes to readers only while everyone in it still
    consents (outcomes.domain.stories)."""
    reason = publication_hold(article)
    if reason:
        raise ValidationError(reason)


def _source_complete(article: Article) -> None:
    source = article.translations.filter(language=article.source_language).first()
    if not is_complete(source):
        raise ValidationError(
            _("The article needs a title and a text in the language it is written in.")
        )


@transaction.atomic
def submit_for_review(*, article: Article, reviewer: Any, by: Any) -> Article:
    """The author (or an editor) asks `reviewer`, an editor of the cluster, to review it."""
    article = _locked(article, SUBMIT_FROM)
    if not permissions.can_edit_article(by, article):
        raise PermissionDenied(_("You cannot submit this article."))
    if not permissions.is_editor(reviewer, article.cluster):
        raise ValidationError(_("The reviewer must be one of the cluster's editors."))
    _not_held(article)
    _source_complete(article)
    submit_translations(article)
    article.status = Status.REVIEW
    article.reviewer = reviewer
    article.save(update_fields=["status", "reviewer", "updated"])
    feedcache.changed()
    record(action="article.submitted", actor=by, subject=article, reviewer=reviewer.pk)
    return article


@transaction.atomic
def return_to_draft(*, article: Article, by: Any, note: str = "") -> Article:
    article = _locked(article, RETURN_FROM)
    if not permissions.can_review_article(by, article):
        raise PermissionDenied(_("Only the cluster's editors review articles."))
    article.status = Status.DRAFT
    article.publish_at = None
    article.save(update_fields=["status", "publish_at", "updated"])
    feedcache.changed()
    record(action="article.returned", actor=by, subject=article, note=note)
    return article


def _publish(article: Article, *, now: dt.datetime) -> list[str]:
    languages = publish_translations(article)
    article.status = Status.PUBLISHED
    article.published_at = article.published_at or now
    article.save(update_fields=["status", "published_at", "updated"])
    return languages


@transaction.atomic
def publish(*, article: Article, by: Any) -> Article:
    """An editor publishes the article now; its complete translations are published with it."""
    article = _locked(article, PUBLISH_FROM)
    if not permissions.can_review_article(by, article):
        raise PermissionDenied(_("Only the cluster's editors publish articles."))
    _not_held(article)
    _source_complete(article)
    languages = _publish(article, now=timezone.now())
    feedcache.changed()
    record(action="article.published", actor=by, subject=article, languages=languages)
    return article


@transaction.atomic
def schedule(*, article: Article, publish_at: dt.datetime, by: Any) -> Article:
    """An editor sets the moment the article appears; a moment already past publishes it now."""
    article = _locked(article, SCHEDULE_FROM)
    if not permissions.can_review_article(by, article):
        raise PermissionDenied(_("Only the cluster's editors schedule articles."))
    _not_held(article)
    _source_complete(article)
    now = timezone.now()
    if publish_at <= now:
        languages = _publish(article, now=now)
        feedcache.changed()
        record(action="article.published", actor=by, subject=article, languages=languages)
        return article
    article.status = Status.SCHEDULED
    article.publish_at = publish_at
    article.save(update_fields=["status", "publish_at", "updated"])
    feedcache.changed()
    record(action="article.scheduled", actor=by, subject=article, publish_at=publish_at.isoformat())
    return article


@transaction.atomic
def archive(*, article: Article, by: Any) -> Article:
    """Out of the archive's lists and the feeds; its page stays, marked archived."""
    article = _locked(article, ARCHIVE_FROM)
    if not permissions.can_review_article(by, article):
        raise PermissionDenied(_("Only the cluster's editors archive articles."))
    article.status = Status.ARCHIVED
    article.save(update_fields=["status", "updated"])
    feedcache.changed()
    record(action="article.archived", actor=by, subject=article)
    return article


def publish_due(*, now: dt.datetime | None = None) -> list[int]:
    """Publish every scheduled article whose moment has come; their ids. Each article in its own
    transaction, so one that fails does not hold back the others."""
    moment = now or timezone.now()
    published = []
    due = Article.objects.filter(status=Status.SCHEDULED, publish_at__lte=moment)
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            article = Article.objects.select_for_update().get(pk=pk)
            if article.status != Status.SCHEDULED or article.publish_at is None:
                continue
            if article.publish_at > moment:
                continue
            try:
                _not_held(article)
            except ValidationError:
                continue
            languages = _publish(article, now=article.publish_at)
            feedcache.changed()
            record(action="article.published", subject=article, languages=languages, scheduled=True)
            published.append(pk)
    return published
