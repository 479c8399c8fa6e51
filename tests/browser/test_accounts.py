"""Accounts in a real browser: sign up, confirm the address from the mail, ask to join an
organisation that is already here, get approved by its admin, and reset a forgotten password."""

import re

from playwright.sync_api import expect

from matchfair.community.models import User
from matchfair.outbox.models import Message
from tests import factories
from tests.browser.helpers import log_in

PASSPHRASE = "a-long-and-unusual-passphrase"


def link_in_mail(kind, to, pattern):
    body = Message.objects.filter(kind=kind, to=to).latest("pk").body
    return re.search(pattern, body).group(0)


def test_sign_up_confirm_join_approved_and_reset(page, live_server, transactional_db):
    organisation = factories.OrganisationFactory(name="Mobility Lab", country="BG")
    admin = factories.UserFactory(full_name="Ada Admin", organisation=organisation)
    organisation.admins.add(admin)

    # Sign up naming the organisation, in another case.
    page.goto(f"{live_server.url}/accounts/signup/")
    page.get_by_label("Full name").fill("Nia Newcomer")
    page.get_by_label("E-mail address").fill("nia@mobility.example")
    page.get_by_label("Password").fill(PASSPHRASE)
    page.locator("#id_organisation_name").fill("mobility lab")
    page.get_by_label("Organisation type").select_option("company")
    page.get_by_label("Country").select_option("BG")
    page.get_by_role("button", name="Sign up").click()
    expect(page.locator("h1")).to_have_text("Check your inbox")

    # Unconfirmed: the banner says what to do.
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("E-mail address").fill("nia@mobility.example")
    page.get_by_label("Password").fill(PASSPHRASE)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator(".unconfirmed")).to_contain_text("Confirm your e-mail address")

    # Confirm from the queued mail.
    page.goto(
        live_server.url
        + link_in_mail("account.confirm", "nia@mobility.example", r"/accounts/confirm/\S+")
    )
    page.get_by_role("button", name="Confirm my address").click()
    expect(page.locator(".messages")).to_contain_text("your e-mail address is confirmed")
    expect(page.locator(".unconfirmed")).to_have_count(0)
    page.goto(f"{live_server.url}/accounts/me/organisation/")
    expect(page.locator("main")).to_contain_text("You asked to join Mobility Lab")
    nia = User.objects.get(email="nia@mobility.example")
    assert nia.organisation is None

    # The admin approves.
    page.get_by_role("button", name="Log out").click()
    log_in(page, live_server, admin.email)
    page.goto(f"{live_server.url}/accounts/me/")
    page.get_by_role("link", name="Membership requests to decide").click()
    page.get_by_role("button", name="Approve Nia Newcomer").click()
    expect(page.locator(".messages")).to_contain_text(
        "Nia Newcomer is now a member of Mobility Lab"
    )
    nia.refresh_from_db()
    assert nia.organisation == organisation
    assert Message.objects.filter(kind="membership.approved", to=nia.email).count() == 1
    page.get_by_role("button", name="Log out").click()

    # Nia forgets her password and resets it from the log-in page.
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("link", name="Forgot your password?").click()
    page.get_by_label("Email").fill("nia@mobility.example")
    page.get_by_role("button", name="Send me the link").click()
    expect(page.locator("h1")).to_have_text("Check your inbox")
    page.goto(
        live_server.url
        + link_in_mail("account.password_reset", "nia@mobility.example", r"/accounts/reset/\S+")
    )
    page.locator("#id_new_password1").fill("another-long-passphrase")
    page.get_by_label("New password confirmation").fill("another-long-passphrase")
    page.get_by_role("button", name="Save my new password").click()
    expect(page.locator("h1")).to_have_text("Your password is changed")
    page.get_by_role("link", name="Log in").last.click()
    page.get_by_label("E-mail address").fill("nia@mobility.example")
    page.get_by_label("Password").fill("another-long-passphrase")
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/accounts/me/organisation/")
    expect(page.locator("main")).to_contain_text("You are a member of Mobility Lab.")
