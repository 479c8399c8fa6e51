import base64
import io
import os

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from matchfair.community.domain import privacy
from matchfair.community.domain.pictures import (
    remove_logo,
    remove_photo,
    set_logo,
    set_photo,
)
from matchfair.community.models import User
from matchfair.pictures import PICTURE_SIZE
from tests import factories


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def stored_files(root):
    return sorted(
        os.path.relpath(os.path.join(folder, name), root)
        for folder, _dirs, names in os.walk(root)
        for name in names
    )


def jpeg_with_gps(width=1200, height=800):
    image = Image.new("RGB", (width, height), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    exif[0x8825] = {1: "N", 2: (42.0, 41.0, 50.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def png(width=300, height=100, mode="RGBA"):
    out = io.BytesIO()
    Image.new(mode, (width, height), (0, 90, 170, 128) if mode == "RGBA" else (0, 90, 170)).save(
        out, "PNG"
    )
    return out.getvalue()


def upload(content, name="me.jpg"):
    return SimpleUploadedFile(name, content)


def test_set_photo_stores_a_square_without_exif(db, tmp_path):
    user = factories.UserFactory()
    set_photo(user=user, upload=upload(jpeg_with_gps()), by=user)
    with default_storage.open(user.photo) as handle, Image.open(handle) as opened:
        shape = (opened.format, opened.size, dict(opened.getexif()))
    assert (user.photo.startswith("people/photos/"), shape) == (
        True,
        ("JPEG", (PICTURE_SIZE, PICTURE_SIZE), {}),
    )
    assert User.objects.get(pk=user.pk).photo == user.photo


def test_set_logo_keeps_transparency_and_pads(db):
    admin = factories.UserFactory()
    admin.organisation.admins.add(admin)
    set_logo(organisation=admin.organisation, upload=upload(png(), "logo.png"), by=admin)
    with default_storage.open(admin.organisation.logo) as handle, Image.open(handle) as opened:
        corner = opened.getpixel((0, 0))
        shape = (opened.format, opened.size, corner[3])
    assert shape == ("PNG", (PICTURE_SIZE, PICTURE_SIZE), 0)


def test_a_new_photo_replaces_the_old_file(db, tmp_path, django_capture_on_commit_callbacks):
    user = factories.UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        set_photo(user=user, upload=upload(jpeg_with_gps()), by=user)
        first = user.photo
        set_photo(user=user, upload=upload(png(mode="RGB"), "me.png"), by=user)
    assert (stored_files(tmp_path), first != user.photo) == ([user.photo], True)


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"GIF89a not a jpeg at all", "me.jpg", "content is not a jpg file"),
        (b"\xff\xd8\xff" + b"\x00" * 200, "me.jpg", "damaged or not an image"),
        (b"%PDF-1.4 ... %%EOF", "me.pdf", "Upload a file of one of these types"),
        (b"\xff\xd8\xff" + b"\x00" * (5 * 1024 * 1024 + 1), "me.jpg", "at most 5"),
    ],
)
def test_a_bad_photo_is_refused_and_nothing_is_written(db, tmp_path, content, name, message):
    user = factories.UserFactory()
    with pytest.raises(ValidationError, match=message):
        set_photo(user=user, upload=upload(content, name), by=user)
    assert (stored_files(tmp_path), User.objects.get(pk=user.pk).photo) == ([], "")


def test_a_photo_with_too_many_pixels_is_refused(db, tmp_path):
    user = factories.UserFactory()
    out = io.BytesIO()
    Image.new("1", (8000, 6000)).save(out, "PNG")
    with pytest.raises(ValidationError, match="at most 40 million pixels"):
        set_photo(user=user, upload=upload(out.getvalue(), "big.png"), by=user)
    assert stored_files(tmp_path) == []


def test_someone_else_cannot_set_a_photo(db, tmp_path):
    user, other = factories.UserFactory(), factories.UserFactory()
    with pytest.raises(PermissionDenied):
        set_photo(user=user, upload=upload(jpeg_with_gps()), by=other)
    assert stored_files(tmp_path) == []


def test_only_the_organisations_admin_sets_its_logo(db, tmp_path):
    member = factories.UserFactory()
    with pytest.raises(PermissionDenied, match="Only the organisation's admins"):
        set_logo(organisation=member.organisation, upload=upload(png(), "l.png"), by=member)
    assert stored_files(tmp_path) == []


def test_remove_photo_and_logo_delete_the_files(db, tmp_path, django_capture_on_commit_callbacks):
    admin = factories.UserFactory()
    admin.organisation.admins.add(admin)
    with django_capture_on_commit_callbacks(execute=True):
        set_photo(user=admin, upload=upload(jpeg_with_gps()), by=admin)
        set_logo(organisation=admin.organisation, upload=upload(png(), "l.png"), by=admin)
        remove_photo(user=admin, by=admin)
        remove_logo(organisation=admin.organisation, by=admin)
    assert (stored_files(tmp_path), admin.photo, admin.organisation.logo) == ([], "", "")


def test_the_personal_data_export_holds_the_photo(db):
    user = factories.UserFactory()
    set_photo(user=user, upload=upload(jpeg_with_gps()), by=user)
    exported = privacy.export_personal_data(user=user)["photo"]
    with default_storage.open(user.photo) as handle:
        stored = handle.read()
    assert (exported["media_type"], base64.b64decode(exported["base64"])) == (
        "image/jpeg",
        stored,
    )


def test_erasure_deletes_the_photo(db, tmp_path, django_capture_on_commit_callbacks):
    user = factories.UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        set_photo(user=user, upload=upload(jpeg_with_gps()), by=user)
        privacy.erase_account(user=user, by=user, password=factories.PASSWORD)
    assert (stored_files(tmp_path), User.objects.get(pk=user.pk).photo) == ([], "")
