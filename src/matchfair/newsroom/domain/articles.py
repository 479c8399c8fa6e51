"""Writing an article: creating it, saving its words in both languages, and the revision that
every save leaves, with the difference between any two revisions.

    article = create_article(cluster=cluster, kind=Kind.NEWS, by=user, words={"en": {...}})
    save_article(article=article, by=user, words={"bg": {"title": "..."}}, tags=["energy"])
"""

import difflib
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.community.models import Cluster
from matchfair.events.taxonomy import DOMAINS
from matchfair.newsroom import feedcache
from matchfair.newsroom.models import (
    LANGUAGES,
    Article,
    ArticleRevision,
    ArticleTranslation,
    Kind,
    Status,
    Tag,
)
from matchfair.newsroom.transliteration import slug_of

# The words of a translation, in the order a revision shows them.
WORD_FIELDS = ("title", "slug", "summary", "body", "sector", "what_they_did", "lessons")
# The words whose change makes the other language's published translation stale.
SOURCE_FIELDS = ("title", "summary", "body", "sector", "what_they_did", "lessons")
SETTING_FIELDS = (
    "kind",
    "source_language",
    "studied_organisation",
    "sources",
    "event_id",
    "delegation_id",
    "domains",
)
DOMAIN_CODES = {code for code, _label in DOMAINS}


def digest(translation: ArticleTranslation | None) -> str:
    """A fingerprint of a translation's words; a published translation keeps its source's."""
    if translation is None:
        return ""
    words = [getattr(translation, name) for name in SOURCE_FIELDS]
    return hashlib.sha256(json.dumps(words).encode()).hexdigest()


def snapshot(article: Article) -> dict[str, Any]:
    """The article's settings and words as JSON, as a revision keeps them."""
    translations = {item.language: item for item in article.translations.all()}
    return {
        "settings": {name: getattr(article, name) for name in SETTING_FIELDS},
        "tags": sorted(article.tags.values_list("slug", flat=True)),
        "words": {
            language: {name: getattr(translations[language], name) for name in WORD_FIELDS}
            for language in LANGUAGES
            if language in translations
        },
    }


def _revise(article: Article, by: Any) -> ArticleRevision:
    number = (article.revisions.aggregate(last=Max("number"))["last"] or 0) + 1
    return ArticleRevision.objects.create(
        article=article,
        number=number,
        by=by if by.is_authenticated else None,
        snapshot=snapshot(article),
    )


def _check_words(words: Mapping[str, Mapping[str, str]]) -> None:
    for language, fields in words.items():
        if language not in LANGUAGES:
            raise ValidationError(_("Unknown language: %(language)s.") % {"language": language})
        unknown = sorted(set(fields) - set(WORD_FIELDS))
        if unknown:
            raise ValidationError(
                _("Unknown fields in %(language)s: %(fields)s.")
                % {"language": language, "fields": ", ".join(unknown)}
            )


def _tags(slugs: Iterable[str]) -> list[Tag]:
    found = []
    for raw in slugs:
        name = raw.strip()
        if not name:
            continue
        slug = slug_of(name, max_length=60)
        tag = Tag.objects.filter(slug=slug).first()
        if tag is None:
            tag = Tag.objects.create(slug=slug, name_en=name[:60], name_bg=name[:60])
        found.append(tag)
    return found


def _write_words(
    article: Article, words: Mapping[str, Mapping[str, str]], *, live: bool
) -> list[str]:
    """Store the words given per language; the languages whose words changed. An editor's
    change to a published translation stays published (`live`); anyone else's makes it a draft
    again, to be reviewed."""
    changed = []
    for language, fields in words.items():
        translation, _new = ArticleTranslation.objects.get_or_create(
            article=article, language=language
        )
        before = {name: getattr(translation, name) for name in WORD_FIELDS}
        for name, value in fields.items():
            setattr(translation, name, (value or "").strip())
        if "title" in fields and not fields.get("slug"):
            translation.slug = slug_of(translation.title) if translation.title else ""
        else:
            translation.slug = slug_of(translation.slug) if translation.slug else ""
        after = {name: getattr(translation, name) for name in WORD_FIELDS}
        if before == after:
            continue
        changed.append(language)
        if translation.state == ArticleTranslation.State.PUBLISHED and not live:
            translation.state = ArticleTranslation.State.DRAFT
        translation.save()
    return changed


@transaction.atomic
def create_article(
    *,
    cluster: Cluster,
    kind: str,
    by: Any,
    words: Mapping[str, Mapping[str, str]],
    source_language: str = "en",
    tags: Iterable[str] = (),
    **settings: Any,
) -> Article:
    """A new draft article of `cluster`, written by `by`: an editor of the cluster, or the staff
    of one of its members proposing it."""
    if not permissions.can_propose_article(by, cluster):
        raise PermissionDenied(_("Only the cluster's editors and members' staff write articles."))
    if kind not in Kind.values:
        raise ValidationError(_("Unknown kind of article: %(kind)s.") % {"kind": kind})
    if source_language not in LANGUAGES:
        raise ValidationError(_("Unknown language: %(language)s.") % {"language": source_language})
    _check_words(words)
    if not (words.get(source_language) or {}).get("title", "").strip():
        raise ValidationError(_("Give the article a title in the language it is written in."))
    article = Article(
        cluster=cluster,
        kind=kind,
        source_language=source_language,
        author=by,
        organisation=by.organisation,
    )
    _apply_settings(article, settings)
    article.full_clean(exclude=["author", "organisation", "cluster"])
    article.save()
    _write_words(article, words, live=False)
    article.tags.set(_tags(tags))
    revision = _revise(article, by)
    feedcache.changed()
    record(action="article.created", actor=by, subject=article, kind=kind, revision=revision.number)
    return article


def _apply_settings(article: Article, settings: Mapping[str, Any]) -> None:
    unknown = sorted(set(settings) - {*SETTING_FIELDS, "event", "delegation"})
    if unknown:
        raise ValidationError(_("Unknown settings: %(names)s.") % {"names": ", ".join(unknown)})
    settings = dict(settings)
    domains = settings.get("domains")
    if domains is not None:
        if isinstance(domains, str):
            domains = [code for code in domains.split(",") if code]
        wrong = sorted(set(domains) - DOMAIN_CODES)
        if wrong:
            raise ValidationError(_("Unknown domains: %(codes)s.") % {"codes": ", ".join(wrong)})
        ordered = [code for code, _label in DOMAINS if code in set(domains)]
        settings["domains"] = f",{','.join(ordered)}," if ordered else ""
    for name, value in settings.items():
        setattr(article, name, value)
    delegation = article.delegation
    if delegation is not None and article.event_id != delegation.event_id:
        raise ValidationError(_("The delegation went to another event than the one chosen."))


@transaction.atomic
def save_article(
    *,
    article: Article,
    by: Any,
    words: Mapping[str, Mapping[str, str]] | None = None,
    tags: Iterable[str] | None = None,
    **settings: Any,
) -> ArticleRevision | None:
    """Save changes to an article; the revision it made, or None when nothing changed."""
    article = Article.objects.select_for_update().get(pk=article.pk)
    if not permissions.can_edit_article(by, article):
        raise PermissionDenied(_("You cannot change this article now."))
    _check_words(words or {})
    before = snapshot(article)
    _apply_settings(article, settings)
    article.full_clean(exclude=["author", "organisation", "cluster"])
    article.save()
    live = permissions.is_editor(by, article.cluster)
    _write_words(article, words or {}, live=live)
    source = article.translations.filter(language=article.source_language).first()
    if source is None or not source.title:
        raise ValidationError(_("Give the article a title in the language it is written in."))
    if tags is not None:
        article.tags.set(_tags(tags))
    if snapshot(article) == before:
        return None
    revision = _revise(article, by)
    feedcache.changed()
    record(action="article.saved", actor=by, subject=article, revision=revision.number)
    return revision


@dataclass(frozen=True)
class RevisionDiff:
    older: ArticleRevision
    newer: ArticleRevision
    lines: list[str]


def _as_lines(revision: ArticleRevision) -> list[str]:
    shown = revision.snapshot
    lines = [f"{name}: {value}" for name, value in sorted(shown.get("settings", {}).items())]
    lines.append(f"tags: {', '.join(shown.get('tags', []))}")
    for language, fields in sorted(shown.get("words", {}).items()):
        for name in WORD_FIELDS:
            lines.append(f"[{language}] {name}:")
            lines.extend(f"    {line}" for line in (fields.get(name) or "").splitlines())
    return lines


def diff_revisions(article: Article, first: int, second: int) -> RevisionDiff:
    """The unified difference between two revisions of an article, the older one first."""
    older_number, newer_number = sorted((first, second))
    revisions = {r.number: r for r in article.revisions.filter(number__in=(first, second))}
    missing = sorted({first, second} - set(revisions))
    if missing:
        raise ValidationError(
            _("No revision %(numbers)s of this article.")
            % {"numbers": ", ".join(map(str, missing))}
        )
    older, newer = revisions[older_number], revisions[newer_number]
    lines = list(
        difflib.unified_diff(
            _as_lines(older),
            _as_lines(newer),
            fromfile=f"revision {older.number}",
            tofile=f"revision {newer.number}",
            lineterm="",
        )
    )
    return RevisionDiff(older=older, newer=newer, lines=lines)


def is_public(article: Article) -> bool:
    return article.status in (Status.PUBLISHED, Status.ARCHIVED)
