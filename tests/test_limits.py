"""Rate limits and the client's address behind the shipped proxy (`matchfair.limits`)."""

import pytest
from django.test import RequestFactory

from matchfair import limits
from matchfair.meetings.models import MeetingRequest
from tests import factories

PROXY = "127.0.0.1"


def _request(remote: str, forwarded: str | None = None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


@pytest.mark.parametrize(
    ("trusted", "remote", "forwarded", "expected"),
    [
        # No proxy configured: the peer is the client, whatever headers say.
        ([], "203.0.113.5", "198.51.100.1", "203.0.113.5"),
        # A forged header from an address that is not our proxy is ignored.
        ([PROXY], "203.0.113.5", "198.51.100.1", "203.0.113.5"),
        # Behind nginx: the address nginx appended.
        ([PROXY], PROXY, "198.51.100.7", "198.51.100.7"),
        # A client's own X-Forwarded-For comes first; only the part our proxy wrote counts.
        ([PROXY], PROXY, "10.9.9.9, 198.51.100.7", "198.51.100.7"),
        # Two proxies of ours (a network): skip both.
        (["127.0.0.1", "10.0.0.0/8"], PROXY, "198.51.100.7, 10.0.0.12", "198.51.100.7"),
        # IPv6 clients.
        (["::1"], "::1", "2001:db8::5", "2001:db8::5"),
        # Our proxy without a header, or with garbage: the proxy itself is the best we know.
        ([PROXY], PROXY, None, PROXY),
        ([PROXY], PROXY, "not-an-address", PROXY),
        # No peer address at all.
        ([PROXY], "", None, limits.UNKNOWN),
    ],
)
def test_client_ip_believes_only_the_trusted_proxies(
    settings, trusted, remote, forwarded, expected
):
    settings.TRUSTED_PROXIES = trusted
    assert limits.client_ip(_request(remote, forwarded)) == expected


def _login(client, email, password, address):
    return client.post(
        "/accounts/login/",
        {"username": email, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=address,
    )


def test_lockout_behind_the_proxy_locks_the_stranger_not_the_owner(client, db, settings):
    """Five wrong passwords from one address lock that address out of that account only: the
    owner logs in from elsewhere. Before, every client was 127.0.0.1 to axes, so a stranger's
    five tries locked the owner out for 15 minutes."""
    settings.TRUSTED_PROXIES = [PROXY]
    owner = factories.UserFactory(email="ana@mobility.example")
    tries = [_login(client, owner.email, "wrong", "203.0.113.66").status_code for _ in range(6)]
    stranger_right = _login(client, owner.email, factories.PASSWORD, "203.0.113.66")
    owner_right = _login(client, owner.email, factories.PASSWORD, "198.51.100.20")
    assert (tries[-1], stranger_right.status_code, owner_right.status_code) == (429, 429, 302)


def test_signup_over_the_limit_from_one_address_answers_429(client, db, settings, monkeypatch):
    settings.TRUSTED_PROXIES = [PROXY]
    monkeypatch.setitem(limits.RATES, "signup", (None, "2/h"))
    statuses = [
        client.post(
            "/accounts/signup/", {}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.9"
        ).status_code
        for _ in range(3)
    ]
    elsewhere = client.post(
        "/accounts/signup/", {}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.3"
    )
    assert (statuses, elsewhere.status_code) == ([200, 200, 429], 200)
    refused = client.post(
        "/accounts/signup/", {}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.9"
    )
    assert refused["Retry-After"] == "3600"


def test_meeting_requests_over_the_limit_answer_429_and_send_nothing(
    client, event, ana, monkeypatch
):
    monkeypatch.setitem(limits.RATES, "meeting_request", ("2/h", None))
    others = [factories.RegistrationFactory(event=event) for _ in range(3)]
    client.force_login(ana.user)
    statuses = [
        client.post(
            f"/e/{event.slug}/participants/{other.pk}/request/", {"message": "Shall we meet?"}
        ).status_code
        for other in others
    ]
    assert (statuses, MeetingRequest.objects.count()) == ([302, 302, 429], 2)


def test_password_checks_on_erasure_are_limited_per_user(client, db, monkeypatch):
    monkeypatch.setitem(limits.RATES, "password_check", ("3/15m", None))
    user = factories.UserFactory()
    client.force_login(user)
    statuses = [
        client.post("/accounts/me/erase/", {"password": "wrong"}).status_code for _ in range(4)
    ]
    assert statuses == [302, 302, 302, 429]


def test_api_over_the_limit_answers_429(client, db, monkeypatch):
    # Counted over an hour: a count of a minute could restart between the three requests.
    monkeypatch.setitem(limits.RATES, "api", (None, "2/h"))
    answers = [client.get("/api/events") for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 429]
    assert answers[-1]["Retry-After"] == "3600"


def test_a_refusal_says_to_wait_the_longest_period_of_its_action(monkeypatch):
    monkeypatch.setitem(limits.RATES, "password_check", ("5/15m", "20/h"))
    monkeypatch.setitem(limits.RATES, "login", (None, "30/m"))
    monkeypatch.setitem(limits.RATES, "signup", (None, "3/2d"))
    assert [limits.retry_after(a) for a in ("password_check", "login", "signup")] == [
        3600,
        60,
        172800,
    ]


def test_api_limit_per_token_holder_counts_across_addresses(client, db, monkeypatch):
    from matchfair.api.domain.tokens import create_token

    monkeypatch.setitem(limits.RATES, "api", ("2/h", None))
    user = factories.UserFactory()
    _token, key = create_token(user=user, name="laptop", by=user)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    statuses = [
        client.get("/api/me", REMOTE_ADDR=f"203.0.113.{n}", **auth).status_code for n in range(3)
    ]
    assert statuses == [200, 200, 429]


def test_meeting_requests_through_the_api_count_against_the_same_limit(
    client, event, ana, monkeypatch
):
    """The API's POST /requests mails the recipient like the page does, so it counts against
    the meeting-request limit too; before, only the API's own 600 a minute applied."""
    from tests.api.conftest import ApiClient

    monkeypatch.setitem(limits.RATES, "meeting_request", ("2/h", None))
    others = [factories.RegistrationFactory(event=event) for _ in range(3)]
    api = ApiClient(ana.user)
    statuses = [
        api.post(f"/events/{event.slug}/requests", {"recipient": other.pk, "message": "Meet?"})
        for other in others
    ]
    assert ([r.status_code for r in statuses], MeetingRequest.objects.count()) == (
        [201, 201, 429],
        2,
    )
    assert statuses[-1]["Retry-After"] == "3600"
