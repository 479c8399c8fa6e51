"""RSS 2.0 and Atom feeds of the newsroom with Django's syndication framework: site-wide, per
language, per kind, per tag and per kind and tag together. An item's GUID is built from the article's id and language, so
it stays the same when a slug is edited. A parameter that names nothing answers 404.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import feedgenerator, translation
from django.utils.translation import gettext as _

from matchfair.newsroom import feedcache, markup
from matchfair.newsroom.domain import archive as reading
from matchfair.newsroom.models import LANGUAGES, Article, ArticleTranslation, Kind, Tag

ITEMS = 30


@dataclass(frozen=True)
class Scope:
    fmt: str
    language: str = ""  # "" is the site-wide feed: every article, in English when it can
    kind: str = ""
    tag: Tag | None = None
    path: str = ""

    @property
    def words_language(self) -> str:
        return self.language or "en"


class ArticleFeed(Feed):
    fmt = "rss"

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        language = kwargs.get("language") or "en"
        with translation.override(language if language in LANGUAGES else "en"):
            return super().__call__(request, *args, **kwargs)

    def get_object(  # type: ignore[override]
        self, request: HttpRequest, language: str = "", kind: str = "", tag: str = ""
    ) -> Scope:
        if language and language not in LANGUAGES:
            raise Http404(_("No such feed."))
        if kind and kind not in Kind.values:
            raise Http404(_("No such feed."))
        found = None
        if tag:
            found = Tag.objects.filter(slug=tag).first()
            if found is None:
                raise Http404(_("No such feed."))
        return Scope(fmt=self.fmt, language=language, kind=kind, tag=found, path=request.path)

    def title(self, scope: Scope) -> str:
        parts = [_("Newsroom")]
        if scope.kind:
            parts.append(str(Kind(scope.kind).label))
        if scope.tag is not None:
            parts.append(scope.tag.name(scope.words_language))
        return " · ".join(parts)

    def link(self, scope: Scope) -> str:
        return reverse("newsroom:archive")

    def description(self, scope: Scope) -> str:
        return _("News, blog posts, trip reports and case studies of the cluster.")

    def feed_url(self, scope: Scope) -> str:
        return scope.path

    def items(self, scope: Scope) -> list[tuple[Article, ArticleTranslation]]:
        filters = reading.Filters(
            kind=scope.kind, tag=scope.tag.slug if scope.tag else "", language=scope.language
        )
        articles = (
            reading.filtered(filters)
            .order_by("-published_at", "-pk")
            .prefetch_related(*reading.with_words())[:ITEMS]
        )
        chosen = []
        for article in articles:
            words = reading.words_for(article, scope.words_language)
            if words is None or (scope.language and words.language != scope.language):
                continue
            chosen.append((article, words))
        return chosen

    def item_title(self, item: tuple[Article, ArticleTranslation]) -> str:
        return item[1].title

    def item_description(self, item: tuple[Article, ArticleTranslation]) -> str:
        _article, words = item
        return str(markup.render(words.summary or words.body))

    def item_link(self, item: tuple[Article, ArticleTranslation]) -> str:
        article, words = item
        return reverse(
            "newsroom:article", kwargs={"pk": article.pk, "slug": words.slug or "article"}
        )

    def item_guid(self, item: tuple[Article, ArticleTranslation]) -> str:
        article, words = item
        return f"urn:matchfair:newsroom:article:{article.pk}:{words.language}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: tuple[Article, ArticleTranslation]) -> Any:
        return item[0].published_at

    def item_updateddate(self, item: tuple[Article, ArticleTranslation]) -> Any:
        return max(item[0].published_at or item[1].updated, item[1].updated)

    def item_categories(self, item: tuple[Article, ArticleTranslation]) -> list[str]:
        article, words = item
        return [tag.name(words.language) for tag in article.tags.all()]


class RssFeed(ArticleFeed):
    feed_type = feedgenerator.Rss201rev2Feed
    fmt = "rss"


class AtomFeed(ArticleFeed):
    feed_type = feedgenerator.Atom1Feed
    fmt = "atom"


FEEDS = {"rss": RssFeed(), "atom": AtomFeed()}


def feed(request: HttpRequest, fmt: str, **kwargs: str) -> Any:
    """The feed in `fmt` ("rss" or "atom"); 404 for any other. Kept in the cache until the
    newsroom changes (feedcache)."""
    if fmt not in FEEDS:
        raise Http404(_("No such feed."))
    cached_key = feedcache.key(request.get_full_path())
    cached = cache.get(cached_key)
    if cached is not None:
        content_type, content = cached
        return HttpResponse(content, content_type=content_type)
    response = FEEDS[fmt](request, **kwargs)
    cache.set(
        cached_key, (response["Content-Type"], response.content), timeout=feedcache.KEEP_SECONDS
    )
    return response
