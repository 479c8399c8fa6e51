"""An article's images and PDF attachments.

An image passes `uploads.check_upload` (size, extension and real content), must decode fully
with at most `MAX_PIXELS` pixels, and needs alt text in English and Bulgarian. It is turned
upright by its EXIF orientation and re-encoded into renditions of at most `RENDITION_WIDTHS`
pixels wide; the original is not kept, so no EXIF or GPS data reaches readers. Everything is
checked and encoded in memory before a file is written, and written files are removed when the
database refuses the row: nothing is half-saved.
"""

import io
import uuid
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.newsroom import feedcache
from matchfair.newsroom.models import Article, ArticleAttachment, ArticleImage
from matchfair.pictures import decoded
from matchfair.uploads import check_upload

IMAGE_KINDS = ("jpg", "jpeg", "png", "webp")
MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000  # 8000 × 5000
RENDITION_WIDTHS = (1600, 800, 400)
MAX_PDF_BYTES = 10 * 1024 * 1024
FORMATS = {"JPEG": ("jpg", "JPEG"), "PNG": ("png", "PNG"), "WEBP": ("webp", "WEBP")}


@dataclass(frozen=True)
class Rendition:
    width: int
    height: int
    extension: str
    content: bytes


def _decoded(data: bytes) -> Image.Image:
    return decoded(data, max_pixels=MAX_PIXELS)


def renditions(data: bytes) -> list[Rendition]:
    """The renditions of an image's bytes, the widest first, re-encoded without metadata."""
    image = _decoded(data)
    kind = image.format or "JPEG"
    extension, encoder = FORMATS.get(kind, ("jpg", "JPEG"))
    upright = ImageOps.exif_transpose(image)
    mode = "RGBA" if encoder != "JPEG" and "A" in upright.getbands() else "RGB"
    upright = upright.convert(mode)
    made = []
    widest = min(upright.width, RENDITION_WIDTHS[0])
    widths = sorted({widest} | {w for w in RENDITION_WIDTHS if w < widest}, reverse=True)
    for width in widths:
        height = max(1, round(upright.height * width / upright.width))
        copy = upright.resize((width, height), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        # No `exif=` and no PNG text chunks are passed: the new file carries no metadata.
        options: dict[str, Any] = {"quality": 85} if encoder in ("JPEG", "WEBP") else {}
        copy.save(out, encoder, **options)
        made.append(Rendition(width, height, extension, out.getvalue()))
    return made


def _alt_texts(alt_en: str, alt_bg: str) -> tuple[str, str]:
    missing = [
        label
        for label, text in ((_("English"), alt_en), (_("Bulgarian"), alt_bg))
        if not text.strip()
    ]
    if missing:
        raise ValidationError(
            _("Describe the image for people who cannot see it (alt text) in: %(languages)s.")
            % {"languages": ", ".join(missing)},
            code="alt",
        )
    return alt_en.strip()[:250], alt_bg.strip()[:250]


def add_image(*, article: Article, upload: Any, alt_en: str, alt_bg: str, by: Any) -> ArticleImage:
    """Check, resize and store an image of `article`."""
    if not permissions.can_edit_article(by, article):
        raise PermissionDenied(_("You cannot change this article now."))
    alt_en, alt_bg = _alt_texts(alt_en, alt_bg)
    check_upload(upload, max_bytes=MAX_IMAGE_BYTES, kinds=IMAGE_KINDS)
    upload.seek(0)
    made = renditions(upload.read())
    stem = f"newsroom/images/{article.pk}/{uuid.uuid4().hex}"
    written: list[str] = []
    try:
        paths = {}
        for rendition in made:
            name = default_storage.save(
                f"{stem}-{rendition.width}.{rendition.extension}", ContentFile(rendition.content)
            )
            written.append(name)
            paths[str(rendition.width)] = name
        with transaction.atomic():
            image = ArticleImage.objects.create(
                article=article,
                alt_en=alt_en,
                alt_bg=alt_bg,
                width=made[0].width,
                height=made[0].height,
                renditions=paths,
            )
            feedcache.changed()
            record(action="article.image_added", actor=by, subject=article, image=image.pk)
    except BaseException:
        for name in written:
            default_storage.delete(name)
        raise
    return image


def add_attachment(
    *, article: Article, upload: Any, title_en: str, title_bg: str, by: Any
) -> ArticleAttachment:
    """A PDF attached to `article`: a real PDF, at most `MAX_PDF_BYTES`, titled in both languages."""
    if not permissions.can_edit_article(by, article):
        raise PermissionDenied(_("You cannot change this article now."))
    if not (title_en.strip() and title_bg.strip()):
        raise ValidationError(_("Give the attachment a title in English and in Bulgarian."))
    check_upload(upload, max_bytes=MAX_PDF_BYTES, kinds=("pdf",))
    upload.seek(0)
    content = upload.read()
    with transaction.atomic():
        attachment = ArticleAttachment(
            article=article,
            title_en=title_en.strip()[:200],
            title_bg=title_bg.strip()[:200],
            size=len(content),
        )
        attachment.file.save(f"{uuid.uuid4().hex}.pdf", ContentFile(content), save=False)
        try:
            attachment.save()
            feedcache.changed()
            record(
                action="article.attachment_added",
                actor=by,
                subject=article,
                attachment=attachment.pk,
                size=filesizeformat(len(content)),
            )
        except BaseException:
            attachment.file.delete(save=False)
            raise
    return attachment
