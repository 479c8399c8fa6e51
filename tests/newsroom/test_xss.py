"""Every payload of data/xss_payloads.txt, written into an article's title, summary, body, image
alt text and tags, renders as text: the pages and feeds carry no element, attribute or URL that
could run script."""

import io
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from matchfair.newsroom.domain.articles import create_article
from matchfair.newsroom.domain.media import add_image
from matchfair.newsroom.domain.workflow import publish, submit_for_review

PAYLOADS = [
    line
    for line in (Path(__file__).parent / "data" / "xss_payloads.txt").read_text().splitlines()
    if line and not line.startswith("# ")
]
FORBIDDEN_TAGS = {
    "iframe", "object", "embed", "svg", "math", "style", "base", "frameset", "frame", "applet",
    "portal", "template", "video", "audio", "marquee", "details", "dialog", "xml", "layer",
    "bgsound", "isindex", "keygen", "noscript", "textarea", "body", "x", "picture",
}  # fmt: skip
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "background",
    "data",
    "srcset",
    "xlink:href",
}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")


class Scripts(HTMLParser):
    """What in a page could run script."""

    def __init__(self):
        super().__init__()
        self.found = []
        self.bodies = 0

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.bodies += 1
            if self.bodies == 1:
                return
        if tag in FORBIDDEN_TAGS:
            self.found.append(f"<{tag}>")
        if tag == "script" and not (dict(attrs).get("src") or "").startswith("/static/"):
            self.found.append("<script> of its own")
        if tag == "meta" and (dict(attrs).get("http-equiv") or "").lower() == "refresh":
            self.found.append("<meta refresh>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            cleaned = "".join((value or "").split()).lower()
            if name in URL_ATTRIBUTES and cleaned.startswith(BAD_SCHEMES):
                self.found.append(f"<{tag} {name}={value}>")


def scripts_in(html: str) -> list[str]:
    parser = Scripts()
    parser.feed(html)
    return parser.found


def _png():
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, "PNG")
    return out.getvalue()


def test_the_list_has_at_least_150_payloads():
    assert len(set(PAYLOADS)) >= 150


def test_the_checker_finds_a_script():
    assert scripts_in('<p><img src=x onerror=alert(1)><a href=" javascript:x">') == [
        "<img onerror>",
        "<a href= javascript:x>",
    ]


@pytest.fixture
def xss_articles(cluster, editor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    made = []
    for number, payload in enumerate(PAYLOADS):
        article = create_article(
            cluster=cluster,
            kind="news",
            by=editor,
            words={
                "en": {"title": payload[:200], "summary": payload, "body": payload},
                "bg": {"title": payload[:200], "summary": payload, "body": payload},
            },
            tags=[payload[:50], f"t{number}"],
        )
        add_image(
            article=article,
            upload=SimpleUploadedFile("a.png", _png()),
            alt_en=payload,
            alt_bg=payload,
            by=editor,
        )
        submit_for_review(article=article, reviewer=editor, by=editor)
        made.append(publish(article=article, by=editor))
    return made


def test_payloads_render_as_text(client, xss_articles):
    found = {}
    for article in xss_articles:
        translation = article.translations.get(language="en")
        url = reverse("newsroom:article", kwargs={"pk": article.pk, "slug": translation.slug})
        response = client.get(url)
        assert response.status_code == 200
        if scripts := scripts_in(response.content.decode()):
            found[translation.title] = scripts
    for page in ("/", "/news/", "/news/?kind=news", "/news/search/?q=script+alert"):
        if scripts := scripts_in(client.get(page).content.decode()):
            found[page] = scripts
    assert found == {}


def test_payloads_stay_text_in_the_feeds(client, xss_articles):
    for url in ("/news/feed/rss/", "/news/feed/atom/"):
        content = client.get(url).content.decode()
        assert ("<script" in content, "<img src=x" in content) == (False, False)
