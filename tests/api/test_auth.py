"""Who the API recognises: bearer tokens (valid, revoked, wrong), the session with CSRF, nobody."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from matchfair.api.domain.tokens import create_token, revoke_token
from matchfair.api.models import ApiToken
from tests import factories


def bearer(key):
    return {"Authorization": f"Bearer {key}"}


def test_me_with_a_valid_token_is_its_user(client, ana):
    _token, key = create_token(user=ana.user, name="CRM", by=ana.user)
    response = client.get("/api/me", headers=bearer(key))
    assert (response.status_code, response.json()) == (
        200,
        {
            "id": ana.user.pk,
            "email": ana.user.email,
            "full_name": "Ana Petrova",
            "registrations": [{"id": ana.pk, "event": ana.event.slug, "status": "validated"}],
        },
    )


def test_me_with_a_revoked_token_is_401(client, ana):
    token, key = create_token(user=ana.user, name="CRM", by=ana.user)
    revoke_token(token=token, by=ana.user)
    response = client.get("/api/me", headers=bearer(key))
    assert (response.status_code, response.json()) == (401, {"detail": "Invalid or revoked token."})


def test_me_with_a_wrong_token_is_401(client, ana):
    create_token(user=ana.user, name="CRM", by=ana.user)
    response = client.get("/api/me", headers=bearer("mf_not-a-real-key"))
    assert response.status_code == 401


def test_me_without_credentials_is_401(client, db):
    assert client.get("/api/me").status_code == 401


def test_me_with_another_scheme_is_401(client, db):
    assert client.get("/api/me", headers={"Authorization": "Basic YTpi"}).status_code == 401


def test_public_read_with_a_wrong_token_is_401_not_anonymous(client, event):
    response = client.get("/api/events", headers=bearer("mf_wrong"))
    assert response.status_code == 401


def test_public_read_without_credentials_is_allowed(client, event):
    assert client.get(f"/api/events/{event.slug}").status_code == 200


def test_token_of_an_inactive_user_is_401(client, ana):
    _token, key = create_token(user=ana.user, name="CRM", by=ana.user)
    ana.user.is_active = False
    ana.user.save()
    assert client.get("/api/me", headers=bearer(key)).status_code == 401


def test_using_a_token_notes_when(client, ana):
    token, key = create_token(user=ana.user, name="CRM", by=ana.user)
    client.get("/api/me", headers=bearer(key))
    token.refresh_from_db()
    assert token.last_used is not None


def test_the_plain_key_is_not_stored(ana):
    _token, key = create_token(user=ana.user, name="CRM", by=ana.user)
    stored = list(ApiToken.objects.values_list("key_hash", "prefix"))
    assert (len(stored), key in stored[0], stored[0][1] == key[:10]) == (1, False, True)


def test_session_authenticates_reads(client, ana):
    client.force_login(ana.user)
    assert client.get("/api/me").json()["id"] == ana.user.pk


def test_session_post_without_csrf_token_is_403(ana, jonas):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(ana.user)
    response = browser.post(
        f"/api/events/{ana.event.slug}/requests",
        {"recipient": jonas.pk, "message": "Hi"},
        content_type="application/json",
    )
    assert (response.status_code, response.json()) == (403, {"detail": "CSRF check Failed"})


def test_session_post_with_csrf_token_is_accepted(ana, jonas):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(ana.user)
    browser.get("/api/tokens/")  # the page sets the CSRF cookie, as /api/docs does
    token = browser.cookies["csrftoken"].value
    response = browser.post(
        f"/api/events/{ana.event.slug}/requests",
        {"recipient": jonas.pk, "message": "Hi"},
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert response.status_code == 201


def test_token_post_needs_no_csrf_token(ana, jonas):
    _token, key = create_token(user=ana.user, name="CRM", by=ana.user)
    response = Client(enforce_csrf_checks=True).post(
        f"/api/events/{ana.event.slug}/requests",
        {"recipient": jonas.pk, "message": "Hi"},
        content_type="application/json",
        headers=bearer(key),
    )
    assert response.status_code == 201


def test_docs_page_is_served_without_inline_scripts(client, db):
    response = client.get("/api/docs")
    body = response.content.decode()
    assert (response.status_code, "<script>" in body, "swagger-ui-init.js" in body) == (
        200,
        False,
        True,
    )


def test_openapi_schema_declares_bearer_and_session(client, db):
    schemes = client.get("/api/openapi.json").json()["components"]["securitySchemes"]
    assert schemes == {
        "TokenAuth": {"type": "http", "scheme": "bearer"},
        "SessionAuth": {"type": "apiKey", "in": "cookie", "name": "sessionid"},
    }


def test_another_users_token_cannot_be_revoked(ana):
    token, _key = create_token(user=ana.user, name="CRM", by=ana.user)
    other = factories.UserFactory()
    with pytest.raises(PermissionDenied, match="only your own tokens"):
        revoke_token(token=token, by=other)
