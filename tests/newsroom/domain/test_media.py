import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from matchfair.newsroom.domain.media import add_attachment, add_image
from matchfair.newsroom.models import ArticleAttachment, ArticleImage
from tests.newsroom.rows import PDF


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def jpeg_with_gps(width=2000, height=1000):
    image = Image.new("RGB", (width, height), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x8825] = {1: "N", 2: (42.0, 41.0, 50.0)}  # GPS: latitude
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def upload(content, name="photo.jpg"):
    return SimpleUploadedFile(name, content)


def test_add_image_makes_renditions_without_exif(draft, member):
    image = add_image(
        article=draft, upload=upload(jpeg_with_gps()), alt_en="A", alt_bg="Б", by=member
    )
    sizes = {}
    exif = {}
    for width, name in image.renditions.items():
        with default_storage.open(name) as handle, Image.open(handle) as opened:
            sizes[width] = opened.size
            exif[width] = dict(opened.getexif())
    assert (sizes, exif) == (
        {"1600": (1600, 800), "800": (800, 400), "400": (400, 200)},
        {"1600": {}, "800": {}, "400": {}},
    )


def test_add_image_without_bulgarian_alt_text_is_refused(draft, member):
    with pytest.raises(ValidationError, match="alt text"):
        add_image(article=draft, upload=upload(jpeg_with_gps()), alt_en="A", alt_bg=" ", by=member)


def test_add_image_broken_is_refused_and_nothing_saved(draft, member, tmp_path):
    broken = jpeg_with_gps()[:600]
    with pytest.raises(ValidationError, match="damaged"):
        add_image(article=draft, upload=upload(broken), alt_en="A", alt_bg="Б", by=member)
    assert (ArticleImage.objects.count(), list(tmp_path.rglob("*.jpg"))) == (0, [])


def test_add_image_disguised_is_refused(draft, member):
    with pytest.raises(ValidationError, match="content is not a jpg"):
        add_image(
            article=draft,
            upload=upload(b"<svg onload=alert(1)>"),
            alt_en="A",
            alt_bg="Б",
            by=member,
        )


def test_add_image_with_too_many_pixels_is_refused(draft, member):
    out = io.BytesIO()
    Image.new("1", (9000, 5000)).save(out, "PNG")
    with pytest.raises(ValidationError, match="9000 × 5000 pixels"):
        add_image(
            article=draft,
            upload=upload(out.getvalue(), "big.png"),
            alt_en="A",
            alt_bg="Б",
            by=member,
        )


def test_add_attachment_stores_a_pdf(draft, member):
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    attachment = add_attachment(
        article=draft, upload=upload(pdf, "report.pdf"), title_en="R", title_bg="Д", by=member
    )
    assert (attachment.size, attachment.title("bg")) == (len(pdf), "Д")


def test_add_attachment_not_a_pdf_is_refused(draft, member):
    with pytest.raises(ValidationError, match="content is not a pdf"):
        add_attachment(
            article=draft,
            upload=upload(b"MZ\x90\x00", "x.pdf"),
            title_en="R",
            title_bg="Д",
            by=member,
        )
    assert ArticleAttachment.objects.count() == 0


def test_files_of_a_draft_have_unguessable_names(client, draft, member):
    """Media are served without a permission check, so a draft's files must not be found by
    guessing: each is named by 128 random bits, and no directory is listed."""
    first = add_image(
        article=draft, upload=upload(jpeg_with_gps(40, 20)), alt_en="A", alt_bg="Б", by=member
    )
    second = add_image(
        article=draft, upload=upload(jpeg_with_gps(40, 20)), alt_en="A", alt_bg="Б", by=member
    )
    attachment = add_attachment(
        article=draft, upload=upload(PDF, "plan.pdf"), title_en="P", title_bg="П", by=member
    )
    names = [*first.renditions.values(), *second.renditions.values(), attachment.file.name]
    stems = {re.sub(r"-\d+\.\w+$|\.pdf$", "", name.rsplit("/", 1)[-1]) for name in names}
    served = client.get(first.small_url)
    served.close()
    listing = client.get(f"/media/newsroom/images/{draft.pk}/")
    neighbour = client.get(first.small_url.replace(first.small_url.rsplit("/", 1)[-1][:8], "0" * 8))
    assert (
        len(stems),
        all(re.fullmatch(r"[0-9a-f]{32}", stem) for stem in stems),
        "plan" in attachment.file.name,
    ) == (3, True, False)
    assert (served.status_code, listing.status_code, neighbour.status_code) == (200, 404, 404)
