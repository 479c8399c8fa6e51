"""Each role's main path in a real browser: a newcomer registers and fills in the profile, the
organiser validates, schedules and releases, and a delegation member reads the day."""

import re

from playwright.sync_api import expect

from matchfair.events.models import Registration
from matchfair.meetings.domain.requests import accept_request, send_request
from tests import factories
from tests.browser.helpers import log_in
from tests.visits.rows import one_of_each


def test_newcomer_registers_and_writes_a_profile(page, live_server, transactional_db):
    event = factories.b2b_event()
    user = factories.UserFactory(full_name="Nadia Newcomer")
    log_in(page, live_server, user.email)
    page.goto(f"{live_server.url}/e/{event.slug}/register/")
    page.get_by_label("What do you come for?").fill("Parking sensors for old towns")
    page.get_by_role("button", name="Register").click()
    expect(page.locator(".messages")).to_be_visible()
    page.goto(f"{live_server.url}/e/{event.slug}/profile/")
    page.get_by_label("About").fill("We count free parking places with cheap sensors.")
    page.get_by_role("button", name="Save profile").click()
    expect(page.locator(".messages")).to_contain_text("Your profile is saved.")
    registration = Registration.objects.get(event=event, user=user)
    assert registration.description == "We count free parking places with cheap sensors."


def test_organiser_validates_schedules_and_releases(page, live_server, transactional_db):
    event = factories.b2b_event()
    event.requires_validation = True
    event.save()
    lead = factories.UserFactory(full_name="Lena Lead")
    event.organisers.get(is_lead=True).staff.add(lead)
    waiting = factories.RegistrationFactory(
        event=event, user__full_name="Wanda Waiting", status=Registration.Status.PENDING
    )
    ana = factories.RegistrationFactory(event=event, user__full_name="Ana Petrova")
    jonas = factories.RegistrationFactory(event=event, user__full_name="Jonas Berg")
    accept_request(
        send_request(sender=ana, recipient=jonas, message="Hello", by=ana.user), by=jonas.user
    )
    log_in(page, live_server, lead.email)

    page.goto(f"{live_server.url}/e/{event.slug}/console/participants/")
    page.get_by_role("link", name="Wanda Waiting").click()
    page.get_by_label("Action").select_option("validate")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator(".messages")).to_be_visible()
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.VALIDATED

    page.goto(f"{live_server.url}/e/{event.slug}/console/")
    page.get_by_role("button", name="Schedule").click()
    release = page.get_by_role("button", name="Release this draft")
    expect(release).to_be_visible(timeout=30_000)
    release.click()
    expect(page.locator(".messages")).to_contain_text("Released as version 1.")


def test_member_reads_the_day_with_meetings_and_visits(page, live_server, transactional_db):
    event = factories.b2b_event()
    ana = factories.RegistrationFactory(event=event, user__full_name="Ana Petrova")
    tia = factories.RegistrationFactory(event=event, user__full_name="Tia Third")
    one_of_each(event, ana, tia)  # Ana is in the lead cluster's delegation, with a planned stop
    log_in(page, live_server, ana.user.email)
    page.goto(f"{live_server.url}/e/{event.slug}/")
    page.get_by_role("link", name="My day").click()
    expect(page.locator("main")).to_contain_text("AMEC Urbis")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"calendar \(\.ics\)")).click()
    assert download.value.suggested_filename.endswith(".ics")
