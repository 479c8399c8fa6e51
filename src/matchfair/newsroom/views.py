"""The newsroom's pages: the public archive, an article, search, and the desk where articles are
written, reviewed and published. Each view checks a rule of `permissions`, validates a form and
makes one domain call."""

import datetime as dt
import hashlib
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import dateformat
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from matchfair import permissions
from matchfair.events import views as event_views
from matchfair.events.domain.search import words
from matchfair.events.taxonomy import DOMAINS
from matchfair.newsroom import feedcache, markup
from matchfair.newsroom.domain import archive as reading
from matchfair.newsroom.domain import media, translations, trip_reports, workflow
from matchfair.newsroom.domain.articles import create_article, diff_revisions, save_article
from matchfair.newsroom.domain.search import newest_matching
from matchfair.newsroom.forms import (
    ArticleForm,
    AttachmentForm,
    ImageForm,
    ReviewerForm,
    ScheduleForm,
)
from matchfair.newsroom.models import LANGUAGES, Article, Kind, Status, Tag
from matchfair.outcomes.domain.stories import publication_hold
from matchfair.visits.models import Delegation
from matchfair.web import report_errors, run_domain_call


def _language() -> str:
    language = (get_language() or "en")[:2]
    return language if language in LANGUAGES else "en"


def _int(value: str | None) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(value)
    except ValueError as error:
        raise Http404(_("No such page.")) from error


def _cards(articles: list[Article], language: str) -> list[dict[str, Any]]:
    cards = []
    for article in articles:
        words = reading.words_for(article, language)
        if words is None:
            continue
        images = list(article.images.all())
        cards.append(
            {
                "article": article,
                "words": words,
                "url": article_url(article, words.language, words.slug),
                "image": images[0] if images else None,
                "image_alt": images[0].alt(words.language) if images else "",
                "other_language": words.language != language,
            }
        )
    return cards


def article_url(article: Article, language: str, slug: str) -> str:
    return reverse("newsroom:article", kwargs={"pk": article.pk, "slug": slug or "article"})


def feed_links(language: str, *, kind: str = "", tag: str = "") -> list[dict[str, str]]:
    """The feeds a page announces to readers' feed software (autodiscovery)."""
    links = []
    for fmt, mime in (("rss", "application/rss+xml"), ("atom", "application/atom+xml")):
        links.append(
            {
                "href": reverse(
                    "newsroom:feed_language", kwargs={"language": language, "fmt": fmt}
                ),
                "type": mime,
                "title": _("Newsroom (%(format)s)") % {"format": fmt.upper()},
            }
        )
        if kind:
            links.append(
                {
                    "href": reverse(
                        "newsroom:feed_kind",
                        kwargs={"language": language, "fmt": fmt, "kind": kind},
                    ),
                    "type": mime,
                    "title": _("%(kind)s (%(format)s)")
                    % {"kind": Kind(kind).label, "format": fmt.upper()},
                }
            )
        if tag:
            links.append(
                {
                    "href": reverse(
                        "newsroom:feed_tag", kwargs={"language": language, "fmt": fmt, "tag": tag}
                    ),
                    "type": mime,
                    "title": _("Tag %(tag)s (%(format)s)") % {"tag": tag, "format": fmt.upper()},
                }
            )
        if kind and tag:
            links.append(
                {
                    "href": reverse(
                        "newsroom:feed_kind_tag",
                        kwargs={"language": language, "fmt": fmt, "kind": kind, "tag": tag},
                    ),
                    "type": mime,
                    "title": _("%(kind)s, tag %(tag)s (%(format)s)")
                    % {"kind": Kind(kind).label, "tag": tag, "format": fmt.upper()},
                }
            )
    return links


def front(request: HttpRequest) -> HttpResponse:
    """The site's front page: the latest articles when the newsroom has any, then the events."""
    latest = reading.latest()
    if not latest:
        return event_views.home(request)
    language = _language()
    return render(
        request,
        "newsroom/front.html",
        {
            "cards": _cards(latest, language),
            **event_views.event_cards(request.user),
            "feeds": feed_links(language),
        },
    )


def _remembered_cards(what: str, language: str, make: Any) -> Any:
    """`make()` (the rendered cards, with what else the page needs) for this language, kept
    until the newsroom changes (feedcache): a publish, an edit or a withdrawal shows at once.
    The key holds a digest of what is asked, so any text a reader types makes a short key."""
    digest = hashlib.sha256(what.encode()).hexdigest()[:32]
    return feedcache.remembered(f"cards:{language}:{digest}", make)


def _render_cards(articles: list[Article], language: str) -> str:
    return render_to_string("newsroom/_cards.html", {"cards": _cards(articles, language)})


def _month_labels() -> list[tuple[Any, str]]:
    """Each month with its name and year, as the `date:"F Y"` filter writes them (in the
    reader's language and case), with the twelve names formatted once: the filter's own work
    for each of the archive's 120-odd months took 8 ms."""
    names = {n: dateformat.format(dt.date(2000, n, 1), "F") for n in range(1, 13)}
    return [(month, f"{names[month.month]} {month.year}") for month in reading.months()]


def archive(request: HttpRequest) -> HttpResponse:
    language = _language()
    filters = reading.Filters(
        kind=request.GET.get("kind", ""),
        tag=request.GET.get("tag", ""),
        domain=request.GET.get("domain", ""),
        year=_int(request.GET.get("year")),
        month=_int(request.GET.get("month")),
    )
    after = request.GET.get("after", "")

    def make() -> tuple[str, str]:
        page = reading.archive_page(filters, after=after)
        return _render_cards(page.articles, language), page.next_cursor

    try:
        cards, next_cursor = _remembered_cards(f"archive {filters!r} {after}", language, make)
    except reading.BadFilter as error:
        raise Http404(_("No such page.")) from error
    query = request.GET.copy()
    query.pop("after", None)
    if next_cursor:
        query["after"] = next_cursor
    tag = Tag.objects.filter(slug=filters.tag).first() if filters.tag else None
    return render(
        request,
        "newsroom/archive.html",
        {
            "cards_html": cards,
            "filters": filters,
            "kinds": Kind.choices,
            "domains": [(code, _(label)) for code, label in DOMAINS],
            # A link for every month with articles: rendered once for each state and language.
            "months_html": feedcache.remembered(
                f"months-html:{language}",
                lambda: render_to_string("newsroom/_months.html", {"months": _month_labels()}),
            ),
            "tag": tag,
            "next_query": query.urlencode() if next_cursor else "",
            "feeds": feed_links(language, kind=filters.kind, tag=filters.tag),
        },
    )


def article_by_id(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    words = reading.words_for(article, _language())
    return redirect(article_url(article, _language(), words.slug if words else ""), permanent=True)


def article(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    """An article, in the reader's language when that is published; the id decides, the slug
    follows it (an old slug is sent to the current one)."""
    found = get_object_or_404(
        Article.objects.select_related(
            "cluster__organisation", "event", "delegation"
        ).prefetch_related(*reading.with_words(), "attachments"),
        pk=pk,
    )
    public = found.status in (Status.PUBLISHED, Status.ARCHIVED)
    if not public and not permissions.can_open_article(request.user, found):
        raise Http404(_("No such article."))
    language = _language()
    words = reading.words_for(found, language)
    if words is None:
        if public:
            raise Http404(_("No such article."))
        by_language = {item.language: item for item in found.translations.all()}
        words = by_language.get(language) or by_language.get(found.source_language)
        if words is None:
            raise Http404(_("No such article."))
    if public and slug != (words.slug or "article"):
        return redirect(article_url(found, words.language, words.slug), permanent=True)
    return render(
        request,
        "newsroom/article.html",
        {
            "article": found,
            "words": words,
            "body": markup.render(words.body),
            "what_they_did": markup.render(words.what_they_did),
            "lessons": markup.render(words.lessons),
            "sources": [line.strip() for line in found.sources.splitlines() if line.strip()],
            "images": [(image, image.alt(words.language)) for image in found.images.all()],
            "attachments": [(a, a.title(words.language)) for a in found.attachments.all()],
            "tags": [(tag, tag.name(words.language)) for tag in found.tags.all()],
            "domains": [(code, _(label)) for code, label in DOMAINS if code in found.domain_codes],
            "related_html": _remembered_cards(
                f"related {found.pk}",
                language,
                lambda: (
                    _render_cards(related, language) if (related := reading.related(found)) else ""
                ),
            ),
            "stale": translations.state_of(found, words.language) == translations.STALE,
            "other_language": words.language != language,
            "preview": not public,
            "can_open": permissions.can_open_article(request.user, found),
            "feeds": feed_links(language, kind=found.kind),
        },
    )


def search(request: HttpRequest) -> HttpResponse:
    language = _language()
    text = request.GET.get("q", "")[:200]
    cards = ""
    if text.strip():

        def make() -> str:
            return _render_cards(newest_matching(text, size=reading.PAGE_SIZE), language)

        cards = _remembered_cards(f"search {' '.join(words(text))}", language, make)
    return render(
        request,
        "newsroom/search.html",
        {"q": text, "cards_html": cards, "feeds": feed_links(language)},
    )


# The desk: writing, reviewing and publishing.


def _openable(request: HttpRequest, pk: int) -> Article:
    article = get_object_or_404(Article.objects.select_related("cluster__organisation"), pk=pk)
    if not permissions.can_open_article(request.user, article):
        raise Http404(_("No such article."))
    return article


@login_required
def desk(request: HttpRequest) -> HttpResponse:
    clusters = permissions.newsroom_clusters(request.user)
    editing = permissions.editor_clusters(request.user)
    if not clusters.exists():
        raise PermissionDenied(_("The newsroom's desk is for the members of a cluster."))
    mine = Article.objects.filter(author=request.user.pk)
    reviewing = Article.objects.filter(cluster__in=editing).exclude(status=Status.ARCHIVED)
    return render(
        request,
        "newsroom/desk.html",
        {
            "mine": translations.dashboard(mine, only_needing_work=False),
            "reviewing": translations.dashboard(
                reviewing.exclude(author=request.user.pk), only_needing_work=False
            ),
            "is_editor": editing.exists(),
        },
    )


@login_required
def translation_dashboard(request: HttpRequest) -> HttpResponse:
    clusters = permissions.editor_clusters(request.user)
    if not clusters.exists():
        raise PermissionDenied(_("The translation dashboard is for the newsroom's editors."))
    rows = translations.dashboard(Article.objects.filter(cluster__in=clusters))
    return render(request, "newsroom/translations.html", {"rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def new(request: HttpRequest) -> HttpResponse:
    clusters = permissions.newsroom_clusters(request.user).select_related("organisation")
    if not clusters.exists():
        raise PermissionDenied(_("Articles are proposed by the members of a cluster."))
    form = ArticleForm(
        request.POST or None,
        clusters=clusters,
        initial={"source_language": _language(), "cluster": clusters.first()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            article = create_article(
                cluster=form.cleaned_data["cluster"],
                by=request.user,
                words=form.words(),
                tags=form.tag_names(),
                **form.settings(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("newsroom:edit", pk=article.pk)
    return render(request, "newsroom/edit.html", {"form": form, "article": None})


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    article = _openable(request, pk)
    article = Article.objects.prefetch_related("translations", "tags").get(pk=article.pk)
    data = request.POST if request.method == "POST" else None
    form = ArticleForm(
        data, clusters=None, article=article, initial=ArticleForm.initial_of(article)
    )
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            # The page's own renderer: what the preview shows is what readers will get.
            preview = {
                language: markup.render(form.cleaned_data[f"body_{language}"])
                for language in LANGUAGES
            }
        else:
            try:
                revision = save_article(
                    article=article,
                    by=request.user,
                    words=form.words(),
                    tags=form.tag_names(),
                    **form.settings(),
                )
            except (ValidationError, PermissionDenied) as error:
                form.add_error(None, error if isinstance(error, ValidationError) else str(error))
            else:
                if revision is not None:
                    messages.success(
                        request, _("Saved as revision %(n)s.") % {"n": revision.number}
                    )
                return redirect("newsroom:edit", pk=article.pk)
    return render(
        request,
        "newsroom/edit.html",
        {
            "form": form,
            "article": article,
            "preview": preview,
            "states": translations.states(article),
            "state_labels": translations.STATE_LABELS,
            # A case study from a success story whose consent ended says so to its editors.
            "hold": publication_hold(article),
            "can_edit": permissions.can_edit_article(request.user, article),
            "can_review": permissions.can_review_article(request.user, article),
            "image_form": ImageForm(),
            "attachment_form": AttachmentForm(),
            "reviewer_form": ReviewerForm(article=article),
            "schedule_form": ScheduleForm(),
            "images": article.images.all(),
            "attachments": article.attachments.all(),
        },
    )


STEPS = {
    "submit": lambda request, article: workflow.submit_for_review(
        article=article,
        reviewer=_valid(ReviewerForm(request.POST, article=article))["reviewer"],
        by=request.user,
    ),
    "return": lambda request, article: workflow.return_to_draft(
        article=article, by=request.user, note=request.POST.get("note", "")[:500]
    ),
    "publish": lambda request, article: workflow.publish(article=article, by=request.user),
    "schedule": lambda request, article: workflow.schedule(
        article=article,
        publish_at=_valid(ScheduleForm(request.POST))["publish_at"],
        by=request.user,
    ),
    "archive": lambda request, article: workflow.archive(article=article, by=request.user),
}


def _valid(form: Any) -> dict[str, Any]:
    if not form.is_valid():
        raise ValidationError(
            [
                f"{form.fields[name].label}: {error}"
                for name, errors in form.errors.items()
                for error in errors
            ]
        )
    return form.cleaned_data


@login_required
@require_POST
def step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    if step not in STEPS:
        raise Http404(_("No such step."))
    article = _openable(request, pk)

    def call() -> Any:
        try:
            return STEPS[step](request, article)
        except PermissionDenied as error:
            raise ValidationError(str(error) or _("You cannot do this.")) from error

    return run_domain_call(
        request, call, success=_("Done."), then=redirect("newsroom:edit", pk=article.pk)
    )


@login_required
@require_POST
def add_image(request: HttpRequest, pk: int) -> HttpResponse:
    article = _openable(request, pk)
    form = ImageForm(request.POST, request.FILES)
    return run_domain_call(
        request,
        lambda: media.add_image(
            article=article,
            upload=form.cleaned_data["image"],
            alt_en=form.cleaned_data["alt_en"],
            alt_bg=form.cleaned_data["alt_bg"],
            by=request.user,
        ),
        form=form,
        success=_("Image added."),
        then=redirect("newsroom:edit", pk=article.pk),
    )


@login_required
@require_POST
def add_attachment(request: HttpRequest, pk: int) -> HttpResponse:
    article = _openable(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    return run_domain_call(
        request,
        lambda: media.add_attachment(
            article=article,
            upload=form.cleaned_data["file"],
            title_en=form.cleaned_data["title_en"],
            title_bg=form.cleaned_data["title_bg"],
            by=request.user,
        ),
        form=form,
        success=_("Attachment added."),
        then=redirect("newsroom:edit", pk=article.pk),
    )


@login_required
@require_POST
def mark_reviewed(request: HttpRequest, pk: int, language: str) -> HttpResponse:
    article = _openable(request, pk)
    if language not in LANGUAGES:
        raise Http404(_("No such language."))

    def call() -> Any:
        try:
            return translations.mark_reviewed(article=article, language=language, by=request.user)
        except PermissionDenied as error:
            raise ValidationError(str(error)) from error

    back = request.POST.get("back") == "translations"
    return run_domain_call(
        request,
        call,
        success=_("The translation is marked as reviewed."),
        then=redirect(
            "newsroom:translations" if back else "newsroom:edit", *([] if back else [pk])
        ),
    )


@login_required
def revisions(request: HttpRequest, pk: int) -> HttpResponse:
    article = _openable(request, pk)
    listed = list(article.revisions.select_related("by"))
    diff = None
    first, second = _int(request.GET.get("a")), _int(request.GET.get("b"))
    if first is not None and second is not None:
        try:
            diff = diff_revisions(article, first, second)
        except ValidationError as error:
            report_errors(request, error)
    return render(
        request,
        "newsroom/revisions.html",
        {"article": article, "revisions": listed, "diff": diff},
    )


@login_required
@require_POST
def start_trip_report(request: HttpRequest, delegation: int) -> HttpResponse:
    """A draft trip report from the delegation's data, opened for editing."""
    found = get_object_or_404(Delegation.objects.select_related("event", "cluster"), pk=delegation)
    if not permissions.can_start_trip_report(request.user, found):
        raise Http404(_("No such delegation."))
    article = trip_reports.start_trip_report(delegation=found, by=request.user)
    messages.success(
        request,
        _("A draft trip report was written from the delegation's data: edit it, add photos."),
    )
    return redirect("newsroom:edit", pk=article.pk)
