"""Creating, using and revoking personal API tokens and the secret URLs of iCal feeds."""

import datetime as dt
import secrets
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.api.models import ApiToken, CalendarFeed, hash_key
from matchfair.audit.domain import record
from matchfair.events.models import Registration

KEY_PREFIX = "mf_"
# Writing last_used on every request would turn each read into a write; once a minute is enough.
LAST_USED_PRECISION = dt.timedelta(minutes=1)


def create_token(*, user: Any, name: str, by: Any) -> tuple[ApiToken, str]:
    """A new token and its plain key, which is never stored and so can be shown only now."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the token a name, such as the tool that uses it.")})
    if not permissions.can_create_api_token(by, user):
        raise PermissionDenied(_("You can create tokens only for yourself."))
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user, name=name[:80], key_hash=hash_key(key), prefix=key[:10]
        )
        record(action="api.token_created", actor=by, subject=token, name=token.name)
    return token, key


def revoke_token(*, token: ApiToken, by: Any) -> ApiToken:
    if not permissions.can_revoke_api_token(by, token):
        raise PermissionDenied(_("You can revoke only your own tokens."))
    with transaction.atomic():
        locked = ApiToken.objects.select_for_update().get(pk=token.pk)
        if locked.revoked is None:
            locked.revoked = timezone.now()
            locked.save(update_fields=["revoked"])
            record(action="api.token_revoked", actor=by, subject=locked, name=locked.name)
    token.refresh_from_db()
    return locked


def user_for_key(key: str) -> Any:
    """The active user a presented key belongs to, or None; notes when the token was used."""
    token = (
        ApiToken.objects.filter(key_hash=hash_key(key), revoked__isnull=True)
        .select_related("user")
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used is None or now - token.last_used >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
    return token.user


def create_feed(*, registration: Registration, by: Any) -> tuple[CalendarFeed, str]:
    """A fresh secret URL for the registration's agenda and its secret, which is never stored
    and so can be shown only now; an earlier URL stops working (rotation)."""
    if not permissions.can_create_calendar_feed(by, registration):
        raise PermissionDenied(_("Only the participant can create their calendar feed."))
    with transaction.atomic():
        now = timezone.now()
        CalendarFeed.objects.filter(registration=registration, revoked__isnull=True).update(
            revoked=now
        )
        secret = secrets.token_urlsafe(32)
        feed = CalendarFeed.objects.create(
            registration=registration, token_hash=hash_key(secret), prefix=secret[:8]
        )
        record(action="api.feed_created", actor=by, subject=feed, event=registration.event)
    return feed, secret


def revoke_feed(*, feed: CalendarFeed, by: Any) -> CalendarFeed:
    if not permissions.can_revoke_calendar_feed(by, feed):
        raise PermissionDenied(_("Only the participant can revoke their calendar feed."))
    with transaction.atomic():
        locked = CalendarFeed.objects.select_for_update().get(pk=feed.pk)
        if locked.revoked is None:
            locked.revoked = timezone.now()
            locked.save(update_fields=["revoked"])
            record(
                action="api.feed_revoked",
                actor=by,
                subject=locked,
                event=feed.registration.event,
            )
    feed.refresh_from_db()
    return locked


def registration_for_feed(secret: str) -> Registration | None:
    """The registration whose live feed has this secret, or None: also when the feed was
    revoked, the account is deactivated, or the registration is no longer validated."""
    feed = (
        CalendarFeed.objects.filter(token_hash=hash_key(secret), revoked__isnull=True)
        .select_related("registration__user", "registration__event")
        .first()
    )
    if feed is None:
        return None
    registration = feed.registration
    if not (registration.user.is_active and registration.is_active):
        return None
    return registration
