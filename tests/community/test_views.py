import re

from axes.models import AccessAttempt

from matchfair.community.models import Membership, Network, User
from tests import factories

SIGNUP = {
    "full_name": "Ana Petrova",
    "email": "ana@mobility.example",
    "password": "a-long-and-unusual-passphrase",
    "job_title": "CEO",
    "organisation_name": "Mobility Lab",
    "organisation_kind": "company",
    "country": "BG",
    "website": "",
}


def field_errors(response) -> list[str]:
    return re.findall(r'<p class="error" role="alert">(.*?)</p>', response.content.decode())


def logged_in_user_id(client):
    return client.session.get("_auth_user_id")


def test_signup_page_answers(client, db):
    response = client.get("/accounts/signup/")
    assert (response.status_code, response.templates[0].name) == (200, "community/signup.html")


def test_signup_with_errors_names_every_field(client, db):
    response = client.post(
        "/accounts/signup/",
        {
            **SIGNUP,
            "full_name": "",
            "email": "not-an-address",
            "password": "12345",
            "organisation_kind": "pirate",
            "country": "XX",
            "website": "not a url",
        },
    )
    assert response.status_code == 200
    assert field_errors(response) == [
        "Full name: This field is required.",
        "E-mail address: Enter a valid email address.",
        "Password: This password is too short. It must contain at least 8 characters.",
        "Password: This password is too common.",
        "Password: This password is entirely numeric.",
        "Organisation type: Select a valid choice. pirate is not one of the available choices.",
        "Country: Select a valid choice. XX is not one of the available choices.",
        "Website: Enter a valid URL.",
    ]
    assert User.objects.count() == 0


def test_signup_with_a_taken_email_names_the_email_field(client, db):
    factories.UserFactory(email="ana@mobility.example")
    response = client.post("/accounts/signup/", SIGNUP)
    assert (response.status_code, field_errors(response)) == (
        200,
        ["E-mail address: An account with this e-mail address exists already."],
    )


def test_signup_logs_in_and_redirects_home(client, db):
    response = client.post("/accounts/signup/", SIGNUP)
    user = User.objects.get(email="ana@mobility.example")
    assert (response.status_code, response["Location"]) == (302, "/")
    assert logged_in_user_id(client) == str(user.pk)


def test_signup_redirects_to_a_local_next(client, event):
    response = client.post(f"/accounts/signup/?next=/e/{event.slug}/", SIGNUP)
    assert (response.status_code, response["Location"]) == (302, f"/e/{event.slug}/")


def test_signup_ignores_a_next_on_another_site(client, db):
    response = client.post("/accounts/signup/?next=https://evil.example/phish", SIGNUP)
    assert (response.status_code, response["Location"]) == (302, "/")


def test_signup_when_logged_in_redirects_home(client, db):
    client.force_login(factories.UserFactory())
    response = client.get("/accounts/signup/")
    assert (response.status_code, response["Location"]) == (302, "/")


def test_login_page_answers(client, db):
    response = client.get("/accounts/login/")
    assert (response.status_code, response.templates[0].name) == (200, "community/login.html")


def test_login_with_the_right_password_logs_in(client, db):
    user = factories.UserFactory(email="ana@mobility.example")
    response = client.post(
        "/accounts/login/", {"username": "ana@mobility.example", "password": factories.PASSWORD}
    )
    assert (response.status_code, response["Location"]) == (302, "/")
    assert logged_in_user_id(client) == str(user.pk)


def test_login_with_a_wrong_password_shows_the_error(client, db):
    factories.UserFactory(email="ana@mobility.example")
    response = client.post(
        "/accounts/login/", {"username": "ana@mobility.example", "password": "wrong"}
    )
    assert response.status_code == 200
    assert re.findall(
        r'<div class="errors" role="alert"><p>(.*?)</p>', response.content.decode()
    ) == [
        "Please enter a correct e-mail address and password. Note that both fields may be "
        "case-sensitive."
    ]
    assert logged_in_user_id(client) is None


def test_login_after_too_many_failures_is_locked_out_even_with_the_right_password(client, db):
    factories.UserFactory(email="ana@mobility.example")
    wrong = {"username": "ana@mobility.example", "password": "wrong"}
    statuses = [client.post("/accounts/login/", wrong).status_code for _ in range(5)]
    right = client.post(
        "/accounts/login/", {"username": "ana@mobility.example", "password": factories.PASSWORD}
    )
    assert (statuses, right.status_code) == ([200, 200, 200, 200, 429], 429)
    assert sorted(
        {t.name for t in right.templates} & {"community/locked_out.html", "community/login.html"}
    ) == ["community/locked_out.html", "community/login.html"]
    assert "Too many failed log-ins" in right.content.decode()
    assert logged_in_user_id(client) is None


def test_login_failures_are_counted_against_the_account_tried(client, db):
    factories.UserFactory(email="ana@mobility.example")
    for _ in range(2):
        client.post("/accounts/login/", {"username": "ana@mobility.example", "password": "wrong"})
    assert list(AccessAttempt.objects.values_list("username", "failures_since_start")) == [
        ("ana@mobility.example", 2)
    ]


def test_login_lockout_does_not_touch_another_account(client, db):
    factories.UserFactory(email="ana@mobility.example")
    other = factories.UserFactory(email="jonas@city.example")
    for _ in range(5):
        client.post("/accounts/login/", {"username": "ana@mobility.example", "password": "wrong"})
    response = client.post(
        "/accounts/login/", {"username": "jonas@city.example", "password": factories.PASSWORD}
    )
    assert (response.status_code, logged_in_user_id(client)) == (302, str(other.pk))


def test_logout_logs_out(client, db):
    client.force_login(factories.UserFactory())
    response = client.post("/accounts/logout/")
    assert (response.status_code, response["Location"], logged_in_user_id(client)) == (
        302,
        "/",
        None,
    )


def test_account_page_shows_my_clusters_events_and_roles(client, event, ana, lead_staff):
    lead = event.organisers.get(is_lead=True)
    network = Network.objects.create(name="Smart Cities Alliance", kind="alliance")
    lead.cluster.networks.add(network)
    Membership.objects.create(cluster=lead.cluster, organisation=ana.user.organisation)
    lead.staff.add(ana.user)
    client.force_login(ana.user)
    response = client.get("/accounts/me/")
    assert response.status_code == 200
    assert (
        list(response.context["clusters"]),
        [r.event for r in response.context["registrations"]],
        list(response.context["organiser_roles"]),
    ) == ([lead.cluster], [event], [lead])
    assert "Partner networks: Smart Cities Alliance" in response.content.decode()


def test_account_post_saves_my_details(client, db):
    user = factories.UserFactory(full_name="Ana")
    client.force_login(user)
    response = client.post(
        "/accounts/me/",
        {"full_name": "Ana Petrova", "job_title": "CTO", "phone": "", "language": "bg"},
    )
    user.refresh_from_db()
    assert (response.status_code, response["Location"]) == (302, "/accounts/me/")
    assert (user.full_name, user.job_title, user.language) == ("Ana Petrova", "CTO", "bg")


def test_account_post_with_an_error_names_the_field(client, db):
    user = factories.UserFactory(full_name="Ana")
    client.force_login(user)
    response = client.post("/accounts/me/", {"full_name": "", "language": "en"})
    user.refresh_from_db()
    assert (response.status_code, field_errors(response), user.full_name) == (
        200,
        ["Full name: This field is required."],
        "Ana",
    )


def test_account_page_anonymously_goes_to_log_in(client, db):
    response = client.get("/accounts/me/")
    assert response["Location"] == "/accounts/login/?next=/accounts/me/"
