"""Retention of shared items: grants expire after the cluster's months unless renewed, the one
visibility rule stops sharing them from the next request, and the person is reminded once per
grant and expiry, through the outbox, with a link to renew."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from matchfair import permissions
from matchfair.audit.models import AuditEntry
from matchfair.community.models import Membership
from matchfair.outbox.models import Message
from matchfair.outcomes.domain.consents import active_grants, grant, renew, withdraw
from matchfair.outcomes.domain.retention import expiring, remind_expiring, set_retention
from matchfair.outcomes.models import Consent, Retention
from tests import factories


def age(consent, *, months=0, days=0):
    """Date the grant back, as if given that long ago."""
    when = timezone.now() - relativedelta(months=months, days=days)
    Consent.objects.filter(pk=consent.pk).update(granted=when, renewed=None)
    consent.refresh_from_db()
    return consent


def months_for(user):
    return permissions.retention_months(permissions.clusters_by_user([user.pk]))[user.pk]


def test_the_default_is_the_setting_for_someone_in_no_cluster(db):
    assert months_for(factories.UserFactory(organisation=None)) == 24


def test_the_strictest_cluster_wins(db):
    user = factories.UserFactory()
    long, short, unset = (factories.ClusterFactory() for _ in range(3))
    Retention.objects.create(cluster=long, months=36)
    Retention.objects.create(cluster=short, months=6)
    Membership.objects.create(cluster=long, organisation=user.organisation)
    assert months_for(user) == 36
    Membership.objects.create(cluster=unset, organisation=user.organisation)
    assert months_for(user) == 24  # a cluster with no setting holds its people to the default
    Membership.objects.create(cluster=short, organisation=user.organisation)
    assert months_for(user) == 6


def test_grants_expire_in_calendar_months():
    since = dt.datetime(2026, 1, 31, 10, tzinfo=dt.UTC)
    assert permissions.grant_expires(since, 1) == dt.datetime(2026, 2, 28, 10, tzinfo=dt.UTC)
    assert permissions.grant_expires(since, 24) == dt.datetime(2028, 1, 31, 10, tzinfo=dt.UTC)


@given(
    since=st.datetimes(
        min_value=dt.datetime(2000, 1, 1),
        max_value=dt.datetime(2090, 12, 31),
        timezones=st.sampled_from([dt.UTC, ZoneInfo("Europe/Sofia"), ZoneInfo("Europe/Madrid")]),
    ),
    months=st.integers(min_value=1, max_value=120),
)
def test_grant_expires_is_calendar_months_later_at_the_same_time(since, months):
    assert permissions.grant_expires(since, months) == since + relativedelta(months=months)


def test_an_expired_grant_shares_nothing_on_the_next_request(sofia, ana_in_sofia, met, tia, mia):
    ana, tia_user = ana_in_sofia.user, tia.user
    Membership.objects.create(cluster=sofia, organisation=tia_user.organisation)
    item = permissions.met_item([ana.pk, tia_user.pk])
    mine = grant(user=ana, scope="met", audience="cluster_members", by=ana)
    grant(user=tia_user, scope="met", audience="cluster_members", by=tia_user)
    contact = grant(user=ana, scope="contact", audience="cluster_members", by=ana)
    assert permissions.can_see_item(mia, item)
    assert permissions.can_see_contact(mia, ana_in_sofia)
    age(mine, months=24, days=1)
    age(contact, months=24, days=1)
    assert not permissions.can_see_item(mia, item)
    assert not permissions.can_see_contact(mia, ana_in_sofia)
    assert permissions.can_see_item(ana, item)  # a party always sees it
    renew(user=ana, scope="met", audience="cluster_members", by=ana)
    assert permissions.can_see_item(mia, item)
    assert not permissions.can_see_contact(mia, ana_in_sofia)


def test_a_shorter_retention_counts_from_the_next_request(sofia, ana_in_sofia, mia, lead_staff):
    ana = ana_in_sofia.user
    consent = age(grant(user=ana, scope="contact", audience="cluster_members", by=ana), months=7)
    assert permissions.can_see_contact(mia, ana_in_sofia)
    set_retention(cluster=sofia, months=6, by=lead_staff)
    assert not permissions.can_see_contact(mia, ana_in_sofia)
    assert active_grants(ana)[("contact", "cluster_members")].expired
    assert consent.withdrawn is None  # expired, not withdrawn: the person may renew it


def test_renewing_restarts_the_period_and_is_audited(db):
    user = factories.UserFactory()
    consent = age(grant(user=user, scope="met", audience="public", by=user), months=23)
    Consent.objects.filter(pk=consent.pk).update(notice_version="2025-01")
    renewed = renew(user=user, scope="met", audience="public", by=user)
    assert renewed.pk == consent.pk and renewed.notice_version != "2025-01"
    expires = active_grants(user)[("met", "public")].expires
    assert expires - timezone.now() > dt.timedelta(days=700)
    entry = AuditEntry.objects.get(action="consent.renewed")
    assert (entry.actor_id, entry.details["notice_before"]) == (user.pk, "2025-01")


def test_sharing_an_expired_grant_again_renews_it(db):
    user = factories.UserFactory()
    consent = age(grant(user=user, scope="met", audience="public", by=user), months=25)
    again = grant(user=user, scope="met", audience="public", by=user)
    assert (again.pk, Consent.objects.count()) == (consent.pk, 1)
    assert not active_grants(user)[("met", "public")].expired


def test_renewing_what_was_not_granted_is_refused(db):
    user, other = factories.UserFactory(), factories.UserFactory()
    with pytest.raises(ValidationError, match="no such consent to renew"):
        renew(user=user, scope="met", audience="public", by=user)
    grant(user=user, scope="met", audience="public", by=user)
    with pytest.raises(PermissionDenied):
        renew(user=user, scope="met", audience="public", by=other)


def test_only_the_clusters_staff_set_the_retention(sofia, ana_in_sofia, lead_staff):
    with pytest.raises(PermissionDenied):
        set_retention(cluster=sofia, months=12, by=ana_in_sofia.user)
    for wrong in (0, 121):
        with pytest.raises(ValidationError) as refused:
            set_retention(cluster=sofia, months=wrong, by=lead_staff)
        assert "months" in refused.value.message_dict
    assert not Retention.objects.exists()
    set_retention(cluster=sofia, months=12, by=lead_staff)
    set_retention(cluster=sofia, months=18, by=lead_staff)
    assert Retention.objects.get(cluster=sofia).months == 18
    entries = AuditEntry.objects.filter(action="retention.changed").order_by("pk")
    assert [(e.details["before"], e.details["months"]) for e in entries] == [(24, 12), (12, 18)]


def test_the_reminder_goes_once_per_grant_and_expiry(db):
    user = factories.UserFactory(full_name="Rita Renew")
    window = settings.OUTCOMES_RETENTION_REMINDER_DAYS
    soon = [
        age(grant(user=user, scope=scope, audience="public", by=user), months=24)
        for scope in ("met", "stage")
    ]
    for consent in soon:  # expiring in 3 days
        Consent.objects.filter(pk=consent.pk).update(granted=consent.granted + dt.timedelta(days=3))
    age(grant(user=user, scope="notes", audience="public", by=user), months=12)  # not yet
    withdrawn = age(grant(user=user, scope="contact", audience="public", by=user), months=24)
    withdraw(user=user, scope="contact", audience="public", by=user)
    assert {consent.pk for consent, _ in expiring(now=timezone.now())} == {c.pk for c in soon}
    assert withdrawn.pk not in {consent.pk for consent, _ in expiring(now=timezone.now())}
    assert remind_expiring() == 1
    assert remind_expiring() == 0
    message = Message.objects.get(kind="outcomes.consent_expiry")
    assert message.to == user.email
    assert f"{settings.SITE_URL}/accounts/me/consent/" in message.body
    assert "That I met someone" in message.body and "My notes" not in message.body
    # Renewed, the grant has a new expiry, reminded again when that one comes near.
    renew(user=user, scope="met", audience="public", by=user)
    assert remind_expiring() == 0
    later = timezone.now() + relativedelta(months=24) - dt.timedelta(days=window - 1)
    assert remind_expiring(now=later) == 1
    assert Message.objects.filter(kind="outcomes.consent_expiry").count() == 2


def test_nobody_is_reminded_about_an_expired_grant(db):
    user = factories.UserFactory()
    age(grant(user=user, scope="met", audience="public", by=user), months=25)
    assert remind_expiring() == 0


def test_a_grant_near_a_months_end_is_not_missed(db):
    """Calendar months clamp to a month's end: a grant of 28 February, 18:00, kept one month,
    expires on 28 March, within 14 days of 17 March, though "31 March less a month" is the
    28 February at noon."""
    user = factories.UserFactory()
    cluster = factories.ClusterFactory()
    Membership.objects.create(cluster=cluster, organisation=user.organisation)
    Retention.objects.create(cluster=cluster, months=1)
    consent = grant(user=user, scope="met", audience="public", by=user)
    Consent.objects.filter(pk=consent.pk).update(
        granted=dt.datetime(2026, 2, 28, 18, tzinfo=dt.UTC)
    )
    found = expiring(now=dt.datetime(2026, 3, 17, 12, tzinfo=dt.UTC))
    assert [(c.pk, expires) for c, expires in found] == [
        (consent.pk, dt.datetime(2026, 3, 28, 18, tzinfo=dt.UTC))
    ]
