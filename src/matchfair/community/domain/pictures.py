"""A person's photo and an organisation's logo: checked, made square, stored, replaced, removed.

The upload passes `uploads.check_upload` (size, extension and real content), must decode fully
and is re-encoded by `pictures.square` without metadata; only that copy is stored, under a
random name. The new file is written before the row changes and removed if the row cannot be
saved; the old file is removed only after the change is committed: nothing is half-saved.
"""

import uuid
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.community.models import Organisation, User
from matchfair.pictures import square
from matchfair.uploads import check_upload

PICTURE_KINDS = ("jpg", "jpeg", "png", "webp")
MAX_PICTURE_BYTES = 5 * 1024 * 1024
MAX_PICTURE_PIXELS = 40_000_000
PHOTO_FOLDER = "people/photos"
LOGO_FOLDER = "organisations/logos"


def _stored(upload: Any, folder: str, *, pad: bool) -> str:
    """The storage name of the checked, squared copy of `upload`."""
    check_upload(upload, max_bytes=MAX_PICTURE_BYTES, kinds=PICTURE_KINDS)
    upload.seek(0)
    picture = square(upload.read(), max_pixels=MAX_PICTURE_PIXELS, pad=pad)
    return default_storage.save(
        f"{folder}/{uuid.uuid4().hex}.{picture.extension}", ContentFile(picture.content)
    )


def _forget_after_commit(name: str) -> None:
    if name:
        transaction.on_commit(lambda: default_storage.delete(name))


def _replace(row: Any, field: str, name: str, *, action: str, by: Any) -> None:
    """Point `row.field` at `name` (a stored file, or "" to remove) in one transaction."""
    try:
        with transaction.atomic():
            locked = row._meta.model.objects.select_for_update().get(pk=row.pk)
            old = getattr(locked, field)
            setattr(locked, field, name)
            locked.save(update_fields=[field])
            record(action=action, actor=by, subject=locked)
            _forget_after_commit(old)
    except BaseException:
        if name:
            default_storage.delete(name)
        raise
    setattr(row, field, name)


def set_photo(*, user: User, upload: Any, by: Any) -> User:
    if not permissions.can_edit_account(by, user):
        raise PermissionDenied(_("You can only change your own account."))
    _replace(user, "photo", _stored(upload, PHOTO_FOLDER, pad=False), action="photo.set", by=by)
    return user


def remove_photo(*, user: User, by: Any) -> User:
    if not permissions.can_edit_account(by, user):
        raise PermissionDenied(_("You can only change your own account."))
    _replace(user, "photo", "", action="photo.removed", by=by)
    return user


def set_logo(*, organisation: Organisation, upload: Any, by: Any) -> Organisation:
    if not permissions.can_change_logo(by, organisation):
        raise PermissionDenied(_("Only the organisation's admins can change its logo."))
    name = _stored(upload, LOGO_FOLDER, pad=True)
    _replace(organisation, "logo", name, action="logo.set", by=by)
    return organisation


def remove_logo(*, organisation: Organisation, by: Any) -> Organisation:
    if not permissions.can_change_logo(by, organisation):
        raise PermissionDenied(_("Only the organisation's admins can change its logo."))
    _replace(organisation, "logo", "", action="logo.removed", by=by)
    return organisation


def erase_photo(user: User) -> None:
    """For the erasure of an account: the photo goes with the rest, once the erasure commits."""
    _forget_after_commit(user.photo)
    User.objects.filter(pk=user.pk).update(photo="")
    user.photo = ""
