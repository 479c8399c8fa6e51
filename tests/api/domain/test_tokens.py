"""Creating and revoking API tokens and calendar feed URLs: hashing, ownership and the audit log."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from matchfair.api.domain.tokens import (
    create_feed,
    create_token,
    registration_for_feed,
    revoke_feed,
    revoke_token,
    user_for_key,
)
from matchfair.api.models import CalendarFeed, hash_key
from matchfair.audit.models import AuditEntry
from matchfair.events.models import Registration
from tests import factories


def test_create_token_keeps_only_the_hash(ana):
    token, key = create_token(user=ana.user, name=" CRM ", by=ana.user)
    assert (token.name, token.key_hash, token.prefix, key.startswith("mf_")) == (
        "CRM",
        hash_key(key),
        key[:10],
        True,
    )


def test_create_token_is_audited_without_the_key(ana):
    token, _key = create_token(user=ana.user, name="CRM", by=ana.user)
    entry = AuditEntry.objects.filter(action__startswith="api.").get()
    assert (entry.action, entry.actor, entry.subject_id, entry.details) == (
        "api.token_created",
        ana.user,
        str(token.pk),
        {"name": "CRM"},
    )


def test_create_token_without_a_name_is_refused(ana):
    with pytest.raises(ValidationError, match="Give the token a name"):
        create_token(user=ana.user, name="  ", by=ana.user)


def test_create_token_for_someone_else_is_refused(ana, jonas):
    with pytest.raises(PermissionDenied, match="only for yourself"):
        create_token(user=jonas.user, name="CRM", by=ana.user)


def test_revoke_token_stops_the_key_and_is_audited_once(ana):
    token, key = create_token(user=ana.user, name="CRM", by=ana.user)
    revoke_token(token=token, by=ana.user)
    revoke_token(token=token, by=ana.user)
    assert (user_for_key(key), token.is_active) == (None, False)
    assert list(
        AuditEntry.objects.filter(action__startswith="api.")
        .values_list("action", flat=True)
        .order_by("id")
    ) == [
        "api.token_created",
        "api.token_revoked",
    ]


def test_user_for_key_finds_the_owner(ana):
    _token, key = create_token(user=ana.user, name="CRM", by=ana.user)
    assert (user_for_key(key), user_for_key(key + "x")) == (ana.user, None)


def test_create_feed_replaces_the_live_one(ana):
    old, _secret = create_feed(registration=ana, by=ana.user)
    new, _secret = create_feed(registration=ana, by=ana.user)
    old.refresh_from_db()
    assert (old.is_active, new.is_active, CalendarFeed.objects.count()) == (False, True, 2)


def test_create_feed_for_someone_else_is_refused(ana, jonas):
    with pytest.raises(PermissionDenied, match="Only the participant"):
        create_feed(registration=jonas, by=ana.user)


def test_revoke_feed_by_someone_else_is_refused(ana, jonas):
    feed, _secret = create_feed(registration=ana, by=ana.user)
    with pytest.raises(PermissionDenied, match="Only the participant"):
        revoke_feed(feed=feed, by=jonas.user)


def test_revoke_feed_is_audited_on_the_event(ana):
    feed, _secret = create_feed(registration=ana, by=ana.user)
    revoke_feed(feed=feed, by=ana.user)
    entry = AuditEntry.objects.filter(action="api.feed_revoked").get()
    assert (entry.event, entry.subject_id, feed.is_active) == (ana.event, str(feed.pk), False)


def test_feed_secrets_are_unique_long_and_stored_only_as_fingerprints(ana):
    secrets = {create_feed(registration=ana, by=ana.user)[1] for _ in range(5)}
    stored = set(CalendarFeed.objects.values_list("token_hash", flat=True))
    assert (len(secrets), min(len(secret) for secret in secrets) >= 40) == (5, True)
    assert stored == {hash_key(secret) for secret in secrets}
    assert secrets & stored == set()


def test_feed_of_a_deactivated_account_or_withdrawn_registration_opens_nothing(ana):
    """A leaked URL must not outlive the account or the registration it belongs to."""
    _feed, secret = create_feed(registration=ana, by=ana.user)
    alive = registration_for_feed(secret)
    ana.user.is_active = False
    ana.user.save(update_fields=["is_active"])
    deactivated = registration_for_feed(secret)
    ana.user.is_active = True
    ana.user.save(update_fields=["is_active"])
    ana.status = Registration.Status.REJECTED
    ana.save(update_fields=["status"])
    assert (alive, deactivated, registration_for_feed(secret)) == (ana, None, None)


def test_tokens_of_two_people_differ(ana):
    other = factories.UserFactory()
    _first, first_key = create_token(user=ana.user, name="A", by=ana.user)
    _second, second_key = create_token(user=other, name="B", by=other)
    assert (user_for_key(first_key), user_for_key(second_key)) == (ana.user, other)
