"""Consent, written once: a person grants a scope to an audience and may withdraw it.

Nothing is shared by default. Each grant keeps the version of the notice the person read and
the date; a withdrawal dates the grant instead of deleting it, so the history stays. Who sees
what is decided by `matchfair.permissions.visible_items` from the active grants.
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.community.models import User
from matchfair.outcomes.models import Audience, Consent, Scope

# The version of the consent notice on the consent page; change it when its text changes.
NOTICE_VERSION = "2026-12"


def _check(by: Any, user: Any, scope: str, audience: str) -> None:
    if not permissions.can_edit_consent(by, user):
        raise PermissionDenied(_("Only the person can change their own consent."))
    if scope not in Scope.values:
        raise ValidationError({"scope": _("Unknown scope.")})
    if audience not in Audience.values:
        raise ValidationError({"audience": _("Unknown audience.")})


def grant(*, user: Any, scope: str, audience: str, by: Any) -> Consent:
    """Grant `scope` to `audience`; granting what is already granted changes nothing."""
    _check(by, user, scope, audience)
    with transaction.atomic():
        # Lock the person's row so two grants at once cannot both be written.
        User.objects.select_for_update().filter(pk=user.pk).first()
        active = Consent.objects.filter(
            user=user, scope=scope, audience=audience, withdrawn__isnull=True
        ).first()
        if active is not None:
            return active
        consent = Consent.objects.create(
            user=user,
            scope=scope,
            audience=audience,
            notice_version=NOTICE_VERSION,
            granted=timezone.now(),
        )
        record(action="consent.granted", actor=by, subject=consent, scope=scope, audience=audience)
    return consent


def withdraw(*, user: Any, scope: str, audience: str, by: Any) -> int:
    """Withdraw a grant; it counts from the next request. Returns how many grants ended."""
    _check(by, user, scope, audience)
    with transaction.atomic():
        ended = Consent.objects.filter(
            user=user, scope=scope, audience=audience, withdrawn__isnull=True
        ).update(withdrawn=timezone.now())
        if ended:
            record(action="consent.withdrawn", actor=by, scope=scope, audience=audience)
    if not ended:
        raise ValidationError(_("There was no such consent to withdraw."))
    return ended


def active_grants(user: Any) -> set[tuple[str, str]]:
    return set(
        Consent.objects.filter(user=user, withdrawn__isnull=True).values_list("scope", "audience")
    )


def history(user: Any) -> QuerySet[Consent]:
    return Consent.objects.filter(user=user).order_by("-granted", "-id")
