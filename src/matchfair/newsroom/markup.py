"""Markdown to safe HTML: markdown-it-py renders it (raw HTML in the source is left as text) and
nh3 keeps only what `ALLOWED_TAGS` and `ALLOWED_ATTRIBUTES` name, and images only from the newsroom's uploads. The preview and the published
page call the same `render`, so what an author previews is what readers get.
"""

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "th": {"align"},
    "td": {"align"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# Images in a text come from the newsroom's own uploads: the site's CSP would block any other
# host, and a relative path would only be a broken image.
IMAGE_PREFIX = "/media/newsroom/"


def _keep(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src" and not value.startswith(IMAGE_PREFIX):
        return None
    return value


# "commonmark" with tables and strikethrough; `html=False` turns raw HTML into text.
_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(
    ["table", "strikethrough"]
)


def clean(html: str) -> str:
    """`html` with only the allowed tags, attributes and link schemes; links get rel=noopener."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
        attribute_filter=_keep,
    )


def render(source: str) -> SafeString:
    """The HTML of a Markdown text, safe to put in a page."""
    return mark_safe(clean(_MARKDOWN.render(source or "")))
