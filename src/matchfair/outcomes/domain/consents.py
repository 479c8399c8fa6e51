"""Consent, written once: a person grants a scope to an audience and may withdraw it.

Nothing is shared by default. Each grant keeps the version of the notice the person read and
the date; a withdrawal dates the grant instead of deleting it, so the history stays. Who sees
what is decided by `matchfair.permissions.visible_items` from the active grants.

A grant expires after the retention months of its person's clusters (`outcomes.domain.retention`)
unless renewed; renewing dates it again under the notice of now, and granting what has expired
renews it.
"""

import datetime as dt
from dataclasses import dataclass
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
            if expires_of(user, [active])[active.pk] <= timezone.now():
                return _renew(active, by)
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


def _renew(consent: Consent, by: Any) -> Consent:
    before = consent.notice_version
    consent.renewed = timezone.now()
    consent.notice_version = NOTICE_VERSION
    consent.save(update_fields=["renewed", "notice_version"])
    record(
        action="consent.renewed",
        actor=by,
        subject=consent,
        scope=consent.scope,
        audience=consent.audience,
        notice_before=before,
    )
    return consent


def renew(*, user: Any, scope: str, audience: str, by: Any) -> Consent:
    """Start the grant's retention period again (an expired grant shares again from now)."""
    _check(by, user, scope, audience)
    with transaction.atomic():
        consent = (
            Consent.objects.select_for_update()
            .filter(user=user, scope=scope, audience=audience, withdrawn__isnull=True)
            .first()
        )
        if consent is None:
            raise ValidationError(_("There is no such consent to renew; share it instead."))
        return _renew(consent, by)


def expires_of(user: Any, grants: list[Consent]) -> dict[int, dt.datetime]:
    """When each of the person's grants stops counting, under their clusters' retention."""
    months = permissions.retention_months(permissions.clusters_by_user([user.pk]))[user.pk]
    return {
        grant.pk: permissions.grant_expires(grant.renewed or grant.granted, months)
        for grant in grants
    }


@dataclass(frozen=True)
class ActiveGrant:
    consent: Consent
    expires: dt.datetime

    @property
    def expired(self) -> bool:
        return self.expires <= timezone.now()


def active_grants(user: Any) -> dict[tuple[str, str], ActiveGrant]:
    """The person's grants not withdrawn, expired or not, by (scope, audience)."""
    grants = list(Consent.objects.filter(user=user, withdrawn__isnull=True))
    expires = expires_of(user, grants)
    return {
        (grant.scope, grant.audience): ActiveGrant(consent=grant, expires=expires[grant.pk])
        for grant in grants
    }


def history(user: Any) -> QuerySet[Consent]:
    return Consent.objects.filter(user=user).order_by("-granted", "-id")
