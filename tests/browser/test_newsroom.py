"""The newsroom in a real browser: an editor writes a bilingual article with an image, a
reviewer publishes it, a reader finds it by a Bulgarian search and in the feed, and the
translation dashboard shows the Bulgarian stale after the English source changes. Then every
XSS payload of tests/newsroom/data is shown on its article page: no dialog opens, and no
console error (the `page` fixture fails the test on one)."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from playwright.sync_api import expect

from matchfair.community.models import Membership
from matchfair.newsroom.domain.articles import create_article
from matchfair.newsroom.domain.media import add_image
from matchfair.newsroom.domain.workflow import publish, submit_for_review
from matchfair.newsroom.models import Article, Editor
from tests import factories
from tests.browser.helpers import log_in

PAYLOADS = [
    line
    for line in (Path(__file__).parents[1] / "newsroom" / "data" / "xss_payloads.txt")
    .read_text()
    .splitlines()
    if line and not line.startswith("# ")
]


@pytest.fixture
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _png(path):
    out = io.BytesIO()
    Image.new("RGB", (900, 600), (20, 120, 200)).save(out, "PNG")
    path.write_bytes(out.getvalue())
    return path


def test_editor_writes_reviewer_publishes_reader_finds(
    page, live_server, transactional_db, _media, tmp_path
):
    cluster = factories.ClusterFactory()
    organisation = factories.OrganisationFactory(name="Iskar Flow")
    Membership.objects.create(cluster=cluster, organisation=organisation)
    writer = factories.UserFactory(full_name="Mila Member", organisation=organisation)
    reviewer = factories.UserFactory(full_name="Elena Editor")
    Editor.objects.create(cluster=cluster, user=reviewer)

    log_in(page, live_server, writer.email)
    page.goto(f"{live_server.url}/news/desk/new/")
    page.get_by_label("Kind").select_option("news")
    page.get_by_label("Title · English", exact=True).fill("Sensors on every bridge")
    page.get_by_label("Text (Markdown) · English").fill("Twelve bridges **measured**.")
    page.get_by_label("Title · Bulgarian", exact=True).fill("Сензори на всеки мост")
    page.get_by_label("Text (Markdown) · Bulgarian").fill("Дванадесет моста са **измерени**.")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("h1")).to_have_text("Edit the article")
    page.get_by_label("Image (JPEG, PNG or WebP)").set_input_files(str(_png(tmp_path / "b.png")))
    page.get_by_label("Alt text · English").fill("A bridge with sensors")
    page.get_by_label("Alt text · Bulgarian").fill("Мост със сензори")
    page.get_by_role("button", name="Add the image").click()
    expect(page.locator(".messages")).to_contain_text("Image added.")
    page.get_by_label("Reviewer").select_option(label="Elena Editor")
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messages")).to_contain_text("Done.")
    page.get_by_role("button", name="Log out").click()

    log_in(page, live_server, reviewer.email)
    article = Article.objects.get()
    page.goto(f"{live_server.url}/news/desk/{article.pk}/")
    page.get_by_role("button", name="Publish now").click()
    expect(page.locator(".messages")).to_contain_text("Done.")

    page.goto(f"{live_server.url}/news/search/?q=мост")
    page.get_by_role("link", name="Sensors on every bridge").click()
    expect(page.get_by_alt_text("A bridge with sensors")).to_be_visible()
    feed = page.request.get(f"{live_server.url}/news/feed/bg/rss/")
    assert "Сензори на всеки мост" in feed.text()

    page.goto(f"{live_server.url}/news/desk/{article.pk}/")
    page.get_by_label("Text (Markdown) · English").fill("Twelve bridges measured every hour.")
    page.get_by_role("button", name="Save").click()
    page.goto(f"{live_server.url}/news/desk/translations/")
    expect(page.locator("tr", has_text="Sensors on every bridge")).to_contain_text("stale")


def test_xss_payloads_open_no_dialog(page, live_server, transactional_db, _media):
    cluster = factories.ClusterFactory()
    editor = factories.UserFactory()
    Editor.objects.create(cluster=cluster, user=editor)
    png = io.BytesIO()
    Image.new("RGB", (8, 8)).save(png, "PNG")
    urls = []
    for number, payload in enumerate(PAYLOADS):
        article = create_article(
            cluster=cluster,
            kind="news",
            by=editor,
            words={"en": {"title": payload[:200], "summary": payload, "body": payload}},
            tags=[payload[:50], f"t{number}"],
        )
        add_image(
            article=article,
            upload=SimpleUploadedFile("a.png", png.getvalue()),
            alt_en=payload,
            alt_bg=payload,
            by=editor,
        )
        submit_for_review(article=article, reviewer=editor, by=editor)
        publish(article=article, by=editor)
        urls.append(f"/news/{article.pk}/")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for url in [*urls, "/", "/news/", "/news/search/?q=alert"]:
        page.goto(f"{live_server.url}{url}")
    assert dialogs == []
