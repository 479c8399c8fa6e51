"""Signed links that open one thing for one person without a login: a follow-up campaign's
answer page, a success story's consent page.

A link is the row's id signed with Django's timestamped signer under a salt of its own purpose,
so a link made for one purpose never opens another; it expires after `days`. `unsign` refuses
with a message that says which: expired, or not valid (tampered, cut, or of another purpose).
"""

import datetime as dt

from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def sign(pk: int, *, salt: str) -> str:
    return signing.dumps(pk, salt=salt)


def unsign(token: str, *, salt: str, days: int, expired: str) -> int:
    """The id a link names, or a ValidationError: `expired` when it is too old."""
    try:
        pk = signing.loads(token, salt=salt, max_age=dt.timedelta(days=days))
    except signing.SignatureExpired as error:
        raise ValidationError(expired) from error
    except signing.BadSignature as error:
        raise ValidationError(
            _("This link is not valid. Copy the whole link from the mail.")
        ) from error
    if not isinstance(pk, int):
        raise ValidationError(_("This link is not valid. Copy the whole link from the mail."))
    return pk
