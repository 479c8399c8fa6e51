"""One row of every newsroom model, for pages that list rows of everything (the admin's)."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from matchfair.newsroom.domain.articles import create_article
from matchfair.newsroom.domain.media import add_attachment, add_image
from matchfair.newsroom.domain.newsletter import digest_of_week, subscribe
from matchfair.newsroom.models import Article, Editor

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def newsroom_rows(cluster, editor) -> Article:
    Editor.objects.get_or_create(cluster=cluster, user=editor)
    article = create_article(
        cluster=cluster,
        kind="news",
        by=editor,
        words={"en": {"title": "Expo news", "body": "Text"}, "bg": {"title": "Новини"}},
        tags=["Expo"],
    )
    png = io.BytesIO()
    Image.new("RGB", (8, 8)).save(png, "PNG")
    add_image(
        article=article,
        upload=SimpleUploadedFile("a.png", png.getvalue()),
        alt_en="A",
        alt_bg="Б",
        by=editor,
    )
    add_attachment(
        article=article,
        upload=SimpleUploadedFile("a.pdf", PDF),
        title_en="Report",
        title_bg="Доклад",
        by=editor,
    )
    subscribe(user=editor, kinds=["news"], language="bg")
    digest_of_week(article.created)
    return article
