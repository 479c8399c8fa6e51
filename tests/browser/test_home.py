"""The attendee home on a phone: after logging in, a participant of a running event sees what
waits for them, with nothing scrolling sideways at 390 px."""

from playwright.sync_api import expect

from matchfair.meetings.domain.requests import send_request
from tests import factories
from tests.browser.conftest import ARTIFACTS
from tests.browser.helpers import log_in
from tests.matchmaking.home_rows import meeting_tomorrow, running, suggest


def test_participant_lands_on_the_home_on_a_phone(page, live_server, transactional_db):
    event = factories.b2b_event()
    session = running(event)
    ana = factories.RegistrationFactory(event=event, user__full_name="Ana Petrova")
    jonas = factories.RegistrationFactory(event=event, user__full_name="Jonas Berg")
    meeting_tomorrow(event, session, ana, jonas)
    tia = factories.RegistrationFactory(
        event=event,
        user__full_name="Tia Third",
        user__organisation__name="Universitat Politècnica de Catalunya, Departament d'Enginyeria",
    )
    send_request(sender=tia, recipient=ana, message="Talk?", by=tia.user)
    suggest(ana, factories.RegistrationFactory(event=event, user__full_name="Mia van Dijk"))

    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server, ana.user.email, lands="/home/")
    expect(page.get_by_role("link", name="1 request waiting for you")).to_be_visible()
    expect(page.locator(".home-meetings")).to_contain_text("Table 1 · Hall 2")
    expect(page.locator(".home-meetings")).to_contain_text("Jonas Berg")
    expect(page.locator(".home-people")).to_contain_text("Mia van Dijk")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "home-390.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.get_by_role("link", name="1 request waiting for you").click()
    expect(page.locator('nav.tabs a[aria-current="page"]')).to_contain_text("Waiting for me 1")
    expect(page.locator(".request-cards")).to_contain_text("Tia Third")
    page.screenshot(path=str(ARTIFACTS / "requests-390.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    # On a phone the account menu sits in the folded main menu.
    page.get_by_role("button", name="Menu").click()
    page.locator(".account-menu summary").click()
    expect(page.get_by_role("link", name="Calendar subscription and API keys")).to_be_visible()
    page.get_by_role("link", name="My home").click()
    expect(page).to_have_url(f"{live_server.url}/home/")
