import re

import pytest
from axes.models import AccessAttempt
from django.test import Client

from matchfair import limits, permissions
from matchfair.community.domain.memberships import approve
from matchfair.community.models import Membership, MembershipRequest, Network, User
from matchfair.outbox.models import Message
from matchfair.visits.domain.delegations import eligible_registrations
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


def test_signup_with_a_taken_address_answers_as_for_a_new_one(client, db):
    """A second sign-up with an address does not reveal that the first exists."""
    factories.UserFactory(email="ana@mobility.example")
    taken = client.post("/accounts/signup/", SIGNUP)
    fresh = Client().post("/accounts/signup/", {**SIGNUP, "email": "bob@mobility.example"})
    assert (taken.status_code, taken["Location"]) == (fresh.status_code, fresh["Location"])
    assert (
        User.objects.filter(email="bob@mobility.example").exists(),
        logged_in_user_id(client),
    ) == (
        True,
        None,
    )
    assert list(Message.objects.order_by("pk").values_list("kind", "to")) == [
        ("account.address_taken", "ana@mobility.example"),
        ("account.confirm", "bob@mobility.example"),
    ]


def test_signup_does_not_log_in_and_says_to_check_the_inbox(client, db):
    response = client.post("/accounts/signup/", SIGNUP)
    assert (response.status_code, response["Location"]) == (302, "/accounts/signup/sent/")
    assert logged_in_user_id(client) is None
    page = client.get("/accounts/signup/sent/").content.decode()
    assert "We sent a message to ana@mobility.example." in page


def confirmation_path(email):
    body = Message.objects.get(kind="account.confirm", to=email).body
    return re.search(r"(/accounts/confirm/[^/]+/[^/]+/)", body).group(1)


def test_confirmation_link_confirms_on_the_button_only(client, db):
    client.post("/accounts/signup/", SIGNUP)
    path = confirmation_path("ana@mobility.example")
    opened = client.get(path)
    assert (opened.status_code, User.objects.get().email_verified) == (200, False)
    confirmed = client.post(path)
    assert (confirmed.status_code, confirmed["Location"]) == (302, "/accounts/login/")
    assert User.objects.get().email_verified is True


def test_confirmation_link_used_twice_is_refused_with_a_clear_message(client, db):
    client.post("/accounts/signup/", SIGNUP)
    path = confirmation_path("ana@mobility.example")
    client.post(path)
    again = client.post(path)
    assert again.status_code == 400
    assert "This link was used already: your e-mail address is confirmed." in again.content.decode()


def test_confirmation_link_broken_is_refused_with_a_clear_message(client, db):
    client.post("/accounts/signup/", SIGNUP)
    path = confirmation_path("ana@mobility.example")
    broken = client.post(
        path.replace("/accounts/confirm/", "/accounts/confirm/").rstrip("/") + "x/"
    )
    assert broken.status_code == 400
    assert "This link has expired or is not valid." in broken.content.decode()
    assert User.objects.get().email_verified is False


def test_an_unconfirmed_account_sees_the_banner_and_can_ask_for_a_new_link(client, db):
    user = factories.UserFactory(email_verified=False)
    client.force_login(user)
    page = client.get("/accounts/me/").content.decode()
    assert "Confirm your e-mail address: open the link we mailed you." in page
    response = client.post("/accounts/confirm/")
    assert (response.status_code, Message.objects.get().kind) == (302, "account.confirm")


def test_an_unconfirmed_account_edits_its_own_details(client, db):
    user = factories.UserFactory(email_verified=False)
    client.force_login(user)
    client.post(
        "/accounts/me/", {"full_name": "Ana P", "job_title": "", "phone": "1", "language": "en"}
    )
    user.refresh_from_db()
    assert (user.full_name, user.phone) == ("Ana P", "1")


def test_a_sign_up_naming_an_existing_organisation_gets_none_of_its_cluster_rights(client, event):
    """Trust review, finding 1: anyone could claim an organisation at sign-up and read the
    contacts shared with its cluster."""
    cluster = event.organisers.get(is_lead=True).cluster
    victim = factories.OrganisationFactory(name="Mobility Lab", country="BG")
    Membership.objects.create(cluster=cluster, organisation=victim)
    client.post("/accounts/signup/", SIGNUP)
    client.post(confirmation_path("ana@mobility.example"))
    client.post(
        "/accounts/login/", {"username": "ana@mobility.example", "password": SIGNUP["password"]}
    )
    user = User.objects.get(email="ana@mobility.example")
    assert (user.email_verified, user.organisation, logged_in_user_id(client)) == (
        True,
        None,
        str(user.pk),
    )
    assert client.get(f"/e/{event.slug}/contacts/shared/").status_code == 404
    assert list(permissions.clusters_of(user)) == []


def reset_path(email):
    body = Message.objects.get(kind="account.password_reset", to=email).body
    return re.search(r"(/accounts/reset/[^/]+/[^/]+/)", body).group(1)


def test_password_reset_works_end_to_end(client, db):
    """Trust review, finding 6: there was no password reset at all."""
    user = factories.UserFactory(email="ana@mobility.example")
    assert 'href="/accounts/password_reset/"' in client.get("/accounts/login/").content.decode()
    asked = client.post("/accounts/password_reset/", {"email": "ANA@mobility.example"})
    assert (asked.status_code, asked["Location"]) == (302, "/accounts/password_reset/sent/")
    form = client.get(reset_path(user.email), follow=True)
    assert form.status_code == 200
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "a-brand-new-passphrase", "new_password2": "a-brand-new-passphrase"},
    )
    assert (done.status_code, done["Location"]) == (302, "/accounts/reset/done/")
    user.refresh_from_db()
    assert user.check_password("a-brand-new-passphrase") is True


def test_password_reset_for_an_unknown_address_answers_the_same_and_mails_nobody(client, db):
    factories.UserFactory(email="ana@mobility.example")
    known = client.post("/accounts/password_reset/", {"email": "ana@mobility.example"})
    unknown = Client().post("/accounts/password_reset/", {"email": "nobody@mobility.example"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert list(Message.objects.values_list("to", flat=True)) == ["ana@mobility.example"]


def test_password_reset_link_used_twice_is_refused_with_a_clear_message(client, db):
    user = factories.UserFactory(email="ana@mobility.example")
    client.post("/accounts/password_reset/", {"email": user.email})
    path = reset_path(user.email)
    form = client.get(path, follow=True)
    new = {"new_password1": "a-brand-new-passphrase", "new_password2": "a-brand-new-passphrase"}
    client.post(form.redirect_chain[-1][0], new)
    again = client.get(path, follow=True).content.decode()
    assert "This link is not valid any more: it was used already, it has expired" in again


def test_password_reset_link_expired_is_refused_with_a_clear_message(client, db, settings):
    user = factories.UserFactory(email="ana@mobility.example")
    client.post("/accounts/password_reset/", {"email": user.email})
    settings.PASSWORD_RESET_TIMEOUT = -1  # every link made before now has expired
    page = client.get(reset_path(user.email), follow=True).content.decode()
    assert "This link is not valid any more: it was used already, it has expired" in page


def test_password_reset_confirms_an_unconfirmed_address(client, db):
    user = factories.UserFactory(email="ana@mobility.example", email_verified=False)
    client.post("/accounts/password_reset/", {"email": user.email})
    form = client.get(reset_path(user.email), follow=True)
    new = {"new_password1": "a-brand-new-passphrase", "new_password2": "a-brand-new-passphrase"}
    client.post(form.redirect_chain[-1][0], new)
    user.refresh_from_db()
    assert user.email_verified is True


def test_password_reset_over_the_limit_answers_429(client, db, monkeypatch):
    monkeypatch.setitem(limits.RATES, "account_mail", (None, "2/h"))
    statuses = [
        client.post("/accounts/password_reset/", {"email": "a@example.org"}).status_code
        for _ in range(3)
    ]
    assert statuses == [302, 302, 429]


def test_resending_the_confirmation_over_the_limit_answers_429(client, db, monkeypatch):
    monkeypatch.setitem(limits.RATES, "account_mail", (None, "2/h"))
    client.force_login(factories.UserFactory(email_verified=False))
    statuses = [client.post("/accounts/confirm/").status_code for _ in range(3)]
    assert (statuses, Message.objects.count()) == ([302, 302, 429], 2)


def test_membership_pages_ask_approve_and_show_the_status(client, db):
    organisation = factories.OrganisationFactory(name="Mobility Lab")
    admin = factories.UserFactory(organisation=organisation)
    organisation.admins.add(admin)
    person = factories.UserFactory(organisation=None)
    client.force_login(person)
    client.post(
        "/accounts/me/organisation/",
        {"organisation_name": "mobility lab", "organisation_kind": "company", "country": "BG"},
    )
    assert (
        "its admins have not answered yet"
        in client.get("/accounts/me/organisation/").content.decode()
    )
    asked = MembershipRequest.objects.get()
    admin_client = Client()
    admin_client.force_login(admin)
    assert person.email in admin_client.get("/accounts/organisations/requests/").content.decode()
    assert client.post(f"/accounts/organisations/requests/{asked.pk}/approve/").status_code == 404
    response = admin_client.post(f"/accounts/organisations/requests/{asked.pk}/approve/")
    person.refresh_from_db()
    assert (response.status_code, person.organisation) == (302, organisation)
    assert (
        "You are a member of Mobility Lab."
        in client.get("/accounts/me/organisation/").content.decode()
    )


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
    # /start/ sends a participant of a running or coming event home, everyone else to "/".
    assert (response.status_code, response["Location"]) == (302, "/start/")
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


def test_a_sign_up_naming_a_cluster_member_joins_its_delegations_only_once_approved(client, event):
    """Trust review, finding 1: the claimed organisation also made the account eligible for the
    cluster's delegations."""
    cluster = event.organisers.get(is_lead=True).cluster
    victim = factories.OrganisationFactory(name="Mobility Lab", country="BG")
    Membership.objects.create(cluster=cluster, organisation=victim)
    admin = factories.UserFactory(organisation=victim)
    victim.admins.add(admin)
    client.post("/accounts/signup/", SIGNUP)
    user = User.objects.get(email="ana@mobility.example")
    registration = factories.RegistrationFactory(event=event, user=user)
    assert list(eligible_registrations(event, cluster)) == []
    client.post(confirmation_path(user.email))
    assert list(eligible_registrations(event, cluster)) == []
    approve(request=MembershipRequest.objects.get(user=user), by=admin)
    assert list(eligible_registrations(event, cluster)) == [registration]


@pytest.mark.parametrize("url", ["/accounts/signup/", "/accounts/me/organisation/"])
def test_the_country_starts_empty_and_must_be_chosen(client, db, url):
    """Afghanistan, the first country in the list, was everyone's country by default."""
    if url != "/accounts/signup/":
        client.force_login(factories.UserFactory(organisation=None))
    page = client.get(url).content.decode()
    assert '<option value="" selected>' in page
    assert '<option value="AF" selected>' not in page
