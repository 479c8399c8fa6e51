"""Signed, expiring, single-purpose links that open one thing without a login.

A token is Django's signed value under a salt that names its purpose, so a token made for one
purpose (a follow-up campaign's mail, an invitation to a consortium) never opens another. Reading
it back checks the signature and the age and turns a refusal into a `ValidationError` whose text
tells the person why the link does not open. Whether a valid link may still be used (answered
already, withdrawn) is for its owner to decide; nothing here changes any state.
"""

import datetime as dt
from typing import Any

from django.core import signing
from django.core.exceptions import ValidationError


def sign(value: Any, *, salt: str) -> str:
    """A token carrying `value` (JSON-serialisable) for the purpose `salt` names."""
    return signing.dumps(value, salt=salt)


def unsign(token: str, *, salt: str, max_age: dt.timedelta, expired: str, invalid: str) -> Any:
    """The value a token carries, or a refusal: `expired` when it is older than `max_age`,
    `invalid` when it was changed, cut or made for another purpose."""
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise ValidationError(expired) from error
    except signing.BadSignature as error:
        raise ValidationError(invalid) from error
