"""A participant's main path in a real browser: log in, find a partner, request, and read the agenda."""

from playwright.sync_api import expect

from tests import factories
from tests.browser.helpers import log_in, release_meeting


def test_participant_requests_a_meeting_from_the_directory(page, live_server, transactional_db):
    event = factories.b2b_event()
    ana = factories.RegistrationFactory(
        event=event, user__full_name="Ana Petrova", user__organisation__country="BG"
    )
    factories.RegistrationFactory(
        event=event, user__full_name="Jonas Berg", user__organisation__country="FI"
    )
    log_in(page, live_server, ana.user.email)
    page.goto(f"{live_server.url}/e/{event.slug}/participants/")
    page.get_by_label("Country").select_option("FI")
    expect(page.locator("#results")).to_contain_text("1 participant")
    page.get_by_role("link", name="Jonas Berg").click()
    expect(page.locator("#contact-hidden")).to_be_visible()
    page.get_by_label("Message").fill("Shall we talk about parking sensors?")
    page.get_by_role("button", name="Request a meeting").click()
    expect(page.locator(".messages")).to_contain_text("Your request was sent to Jonas Berg.")


def test_participant_sees_the_released_agenda_in_local_time(page, live_server, transactional_db):
    event = factories.b2b_event()
    ana = factories.RegistrationFactory(event=event, user__full_name="Ana Petrova")
    jonas = factories.RegistrationFactory(event=event, user__full_name="Jonas Berg")
    release_meeting(event, ana, jonas)
    log_in(page, live_server, ana.user.email)
    page.goto(f"{live_server.url}/e/{event.slug}/agenda/")
    meeting = page.locator(".agenda .timeline-item")
    # 09:30 in Barcelona, although the browser itself runs on Sofia time.
    expect(meeting.locator("time")).to_have_text("09:30–10:00")
    expect(meeting).to_contain_text("Table 1 · Hall 2")
    expect(meeting).to_contain_text("Jonas Berg")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download for my calendar (.ics)").click()
    assert download.value.suggested_filename == f"{event.slug}-ana-petrova.ics"
