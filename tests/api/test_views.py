"""The token and calendar feed pages, and the subscribable iCal feed behind its secret URL."""

import re

from matchfair.api.domain.tokens import create_feed, revoke_feed
from matchfair.api.models import ApiToken, CalendarFeed, hash_key
from tests import factories


def test_tokens_page_anonymously_goes_to_log_in(client, db):
    response = client.get("/api/tokens/")
    assert response["Location"] == "/accounts/login/?next=/api/tokens/"


def test_tokens_page_lists_only_my_tokens(client, ana):
    ApiToken.objects.create(user=ana.user, name="Mine", key_hash="a" * 64, prefix="mf_a")
    ApiToken.objects.create(user=factories.UserFactory(), name="Theirs", key_hash="b" * 64)
    client.force_login(ana.user)
    response = client.get("/api/tokens/")
    assert [token.name for token in response.context["tokens"]] == ["Mine"]


def test_creating_a_token_shows_its_key_once(client, ana):
    client.force_login(ana.user)
    response = client.post("/api/tokens/", {"name": "CRM sync"})
    key = response.context["new_key"]
    token = ApiToken.objects.get()
    assert (response.status_code, token.name, token.key_hash, key in response.content.decode()) == (
        201,
        "CRM sync",
        hash_key(key),
        True,
    )
    assert key not in client.get("/api/tokens/").content.decode()


def test_the_created_key_works_on_the_api(client, ana):
    client.force_login(ana.user)
    key = client.post("/api/tokens/", {"name": "CRM sync"}).context["new_key"]
    client.logout()
    response = client.get("/api/me", headers={"Authorization": f"Bearer {key}"})
    assert response.json()["id"] == ana.user.pk


def test_creating_a_token_without_a_name_shows_the_error(client, ana):
    client.force_login(ana.user)
    response = client.post("/api/tokens/", {"name": ""})
    assert (response.status_code, response.context["form"].errors) == (
        200,
        {"name": ["This field is required."]},
    )


def test_revoking_a_token(client, ana):
    client.force_login(ana.user)
    client.post("/api/tokens/", {"name": "CRM sync"})
    token = ApiToken.objects.get()
    response = client.post(f"/api/tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert (response.status_code, token.is_active) == (302, False)


def test_revoking_someone_elses_token_is_404(client, ana):
    theirs = ApiToken.objects.create(user=factories.UserFactory(), name="T", key_hash="c" * 64)
    client.force_login(ana.user)
    assert client.post(f"/api/tokens/{theirs.pk}/revoke/").status_code == 404


def test_revoking_by_get_is_not_allowed(client, ana):
    client.force_login(ana.user)
    assert client.get("/api/tokens/1/revoke/").status_code == 405


# Calendar feeds


def test_feed_url_is_shown_once_when_made_and_then_only_by_its_prefix(client, ana):
    client.force_login(ana.user)
    made = client.post(f"/api/feeds/new/{ana.pk}/")
    secret = re.search(r"/api/feeds/([\w-]+)\.ics", made.content.decode())[1]
    feed = CalendarFeed.objects.get()
    later = client.get("/api/tokens/").content.decode()
    assert (made.status_code, feed.registration, feed.token_hash) == (201, ana, hash_key(secret))
    assert (secret in later, f"{feed.prefix}…" in later) == (False, True)
    assert client.get(f"/api/feeds/{secret}.ics").status_code == 200


def test_feed_url_for_someone_elses_registration_is_404(client, ana, jonas):
    client.force_login(ana.user)
    assert client.post(f"/api/feeds/new/{jonas.pk}/").status_code == 404


def test_feed_serves_the_released_agenda(client, ana, released_meeting):
    _feed, feed_secret = create_feed(registration=ana, by=ana.user)
    response = client.get(f"/api/feeds/{feed_secret}.ics")
    body = response.content.decode()
    assert (
        response.status_code,
        response["Content-Type"],
        body.count("BEGIN:VEVENT"),
        f"UID:meeting-{released_meeting.pk}@{ana.event.slug}.matchfair" in body,
    ) == (200, "text/calendar; charset=utf-8", 1, True)


def test_feed_is_public_but_secret(client, ana):
    assert client.get("/api/feeds/not-the-token.ics").status_code == 404


def test_revoked_feed_is_404(client, ana):
    feed, feed_secret = create_feed(registration=ana, by=ana.user)
    client.force_login(ana.user)
    client.post(f"/api/feeds/{feed.pk}/revoke/")
    assert client.get(f"/api/feeds/{feed_secret}.ics").status_code == 404


def test_a_new_feed_url_stops_the_old_one(client, ana):
    _old, old_secret = create_feed(registration=ana, by=ana.user)
    _new, new_secret = create_feed(registration=ana, by=ana.user)
    assert (
        client.get(f"/api/feeds/{old_secret}.ics").status_code,
        client.get(f"/api/feeds/{new_secret}.ics").status_code,
    ) == (404, 200)


def test_revoking_someone_elses_feed_is_404(client, ana, jonas):
    feed, _feed_secret = create_feed(registration=jonas, by=jonas.user)
    client.force_login(ana.user)
    assert client.post(f"/api/feeds/{feed.pk}/revoke/").status_code == 404


def test_feed_revoked_in_the_domain_is_404(client, ana):
    feed, feed_secret = create_feed(registration=ana, by=ana.user)
    revoke_feed(feed=feed, by=ana.user)
    assert client.get(f"/api/feeds/{feed_secret}.ics").status_code == 404
