from matchfair.newsroom.models import DigestSubscription
from tests import factories


def test_digest_page_needs_a_log_in(client, db):
    response = client.get("/news/digest/")
    assert (response.status_code, response["Location"].startswith("/accounts/login/")) == (
        302,
        True,
    )


def test_member_subscribes_changes_and_stops(client, db):
    person = factories.UserFactory()
    client.force_login(person)
    page = client.get("/news/digest/")
    client.post("/news/digest/", {"kinds": ["news", "blog"], "language": "bg"})
    made = DigestSubscription.objects.get(user=person)
    client.post("/news/digest/", {"kinds": ["case-study"], "language": "en"})
    changed = DigestSubscription.objects.get(user=person)
    client.post("/news/digest/stop/")
    assert (page.status_code, made.kind_codes, made.language) == (200, ["news", "blog"], "bg")
    assert (changed.kind_codes, changed.language) == (["case-study"], "en")
    assert DigestSubscription.objects.filter(user=person).exists() is False


def test_subscribing_without_a_kind_is_refused_with_the_field_named(client, db):
    client.force_login(factories.UserFactory())
    response = client.post("/news/digest/", {"language": "en"}, follow=True)
    assert (
        "Kinds of article" in response.content.decode(),
        DigestSubscription.objects.count(),
    ) == (
        True,
        0,
    )
