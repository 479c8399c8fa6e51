"""Retention of shared items: a cluster sets after how many months its people's consent grants
stop sharing, unless the person renews them; the person is mailed some days before.

- The months are the cluster's `Retention` row, `settings.OUTCOMES_RETENTION_MONTHS` (24) when it
  has none; a person in several clusters is held to the shortest. The rule that an expired grant
  shares nothing is in `permissions.visible_items` (with `retention_months`, `grant_expires`).
- `remind_expiring`, run hourly by `celery beat`, mails each person whose grants expire within
  `settings.OUTCOMES_RETENTION_REMINDER_DAYS`: one mail listing them, with a link to the consent
  page and its Renew buttons. Each grant is claimed for its expiry with a conditional update of
  `reminded_for`, so two workers never both remind it, and a renewal (a new expiry) is reminded
  again when its time comes. The outbox key holds the grants and their expiry as well.
"""

import datetime as dt
import hashlib
from collections import defaultdict
from typing import Any

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.community.models import Cluster
from matchfair.outbox.domain import queue_message
from matchfair.outcomes.models import Consent, Retention


def months_of(cluster: Cluster) -> int:
    found = Retention.objects.filter(cluster=cluster).values_list("months", flat=True).first()
    return found or settings.OUTCOMES_RETENTION_MONTHS


def set_retention(*, cluster: Cluster, months: int, by: Any) -> Retention:
    """The cluster's staff set how many months its people's grants count (1 to 120)."""
    if not permissions.can_set_retention(by, cluster):
        raise PermissionDenied(_("Only the cluster's staff set how long shared items are kept."))
    if not 1 <= months <= 120:
        raise ValidationError({"months": _("Between 1 and 120 months.")})
    with transaction.atomic():
        retention = Retention.objects.select_for_update().filter(cluster=cluster).first()
        before = retention.months if retention else settings.OUTCOMES_RETENTION_MONTHS
        if retention is None:
            retention = Retention(cluster=cluster)
        retention.months, retention.changed_by = months, by
        retention.save()
        record(
            action="retention.changed",
            actor=by,
            subject=retention,
            cluster=cluster.pk,
            months=months,
            before=before,
        )
    return retention


def expiring(*, now: dt.datetime) -> list[tuple[Consent, dt.datetime]]:
    """Active grants of active people that expire within the reminder days and have not been
    reminded for that expiry, with their expiry."""
    until = now + dt.timedelta(days=settings.OUTCOMES_RETENTION_REMINDER_DAYS)
    # No grant given or renewed after this can expire by `until`: nobody keeps less than the
    # shortest period any cluster set (or the default), so the rest are not read at all.
    shortest = min(
        Retention.objects.aggregate(least=Min("months"))["least"]
        or settings.OUTCOMES_RETENTION_MONTHS,
        settings.OUTCOMES_RETENTION_MONTHS,
    )
    # (Four days more: subtracting calendar months clamps to a month's end, as adding them does.)
    latest = until - relativedelta(months=shortest) + dt.timedelta(days=4)
    grants = list(
        Consent.objects.filter(withdrawn__isnull=True, user__is_active=True)
        .filter(Q(renewed__isnull=True, granted__lte=latest) | Q(renewed__lte=latest))
        .select_related("user")
    )
    if not grants:
        return []
    months = permissions.retention_months(
        permissions.clusters_by_user({grant.user_id for grant in grants})
    )
    found = []
    for grant in grants:
        expires = permissions.grant_expires(grant.renewed or grant.granted, months[grant.user_id])
        if now < expires <= until and grant.reminded_for != expires:
            found.append((grant, expires))
    return found


def remind_expiring(*, now: dt.datetime | None = None) -> int:
    """Mail each person whose grants expire soon, once per grant and expiry; the mails queued."""
    now = now or timezone.now()
    by_user: dict[int, list[tuple[Consent, dt.datetime]]] = defaultdict(list)
    for grant, expires in expiring(now=now):
        claimed = (
            Consent.objects.filter(pk=grant.pk, withdrawn__isnull=True)
            .exclude(reminded_for=expires)
            .update(reminded_for=expires)
        )
        if claimed:
            by_user[grant.user_id].append((grant, expires))
    queued = 0
    for grants in by_user.values():
        grants.sort(key=lambda pair: (pair[1], pair[0].pk))
        user = grants[0][0].user
        fingerprint = ",".join(f"{grant.pk}@{expires.isoformat()}" for grant, expires in grants)
        message = queue_message(
            key=f"consent-expiry:{user.pk}:{hashlib.sha256(fingerprint.encode()).hexdigest()[:24]}",
            kind="outcomes.consent_expiry",
            user=user,
            template="outcomes/mail/consent_expiry",
            context={
                "grants": [
                    (grant.get_scope_display(), grant.get_audience_display(), expires)
                    for grant, expires in grants
                ],
                "url": reverse("outcomes:consent"),
            },
        )
        if message is not None:
            queued += 1
            record(
                action="consent.expiry_reminded",
                actor=None,
                subject=user,
                grants=[grant.pk for grant, _expires in grants],
            )
    return queued
