"""Consent: granted per scope and audience, withdrawn with a date, with its history."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from matchfair.outcomes.domain.consents import (
    NOTICE_VERSION,
    active_grants,
    grant,
    history,
    withdraw,
)
from matchfair.outcomes.models import Consent
from tests import factories


def test_nothing_is_granted_by_default(db):
    assert active_grants(factories.UserFactory()) == {}


def test_grant_records_the_notice_version_and_date(db):
    user = factories.UserFactory()
    consent = grant(user=user, scope="met", audience="cluster_members", by=user)
    assert (consent.notice_version, consent.withdrawn, consent.granted is not None) == (
        NOTICE_VERSION,
        None,
        True,
    )
    assert set(active_grants(user)) == {("met", "cluster_members")}


def test_grant_twice_keeps_one_grant(db):
    user = factories.UserFactory()
    first = grant(user=user, scope="met", audience="public", by=user)
    assert grant(user=user, scope="met", audience="public", by=user) == first
    assert Consent.objects.count() == 1


def test_withdraw_ends_the_grant_and_keeps_the_history(db):
    user = factories.UserFactory()
    grant(user=user, scope="notes", audience="cluster_staff", by=user)
    assert withdraw(user=user, scope="notes", audience="cluster_staff", by=user) == 1
    grant(user=user, scope="notes", audience="cluster_staff", by=user)
    assert [(c.scope, c.withdrawn is None) for c in history(user)] == [
        ("notes", True),
        ("notes", False),
    ]


def test_withdraw_what_was_not_granted_is_refused(db):
    user = factories.UserFactory()
    with pytest.raises(ValidationError, match="no such consent"):
        withdraw(user=user, scope="met", audience="public", by=user)


def test_grant_for_someone_else_is_refused(db):
    user, other = factories.UserFactory(), factories.UserFactory()
    with pytest.raises(PermissionDenied, match="Only the person"):
        grant(user=user, scope="met", audience="public", by=other)
    assert Consent.objects.count() == 0


def test_grant_of_an_unknown_scope_is_refused(db):
    user = factories.UserFactory()
    with pytest.raises(ValidationError, match="Unknown scope"):
        grant(user=user, scope="everything", audience="public", by=user)
