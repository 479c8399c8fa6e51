"""The demo participant's suggestions in a real browser, on a desktop and on a phone."""

from playwright.sync_api import expect

from matchfair.demo import scenario
from matchfair.demo.loader import load_demo
from tests.browser.conftest import ARTIFACTS


def test_demo_participant_suggestions_answer_her_requests(page, live_server, transactional_db):
    load_demo(solve=False)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("E-mail address").fill(scenario.PARTICIPANT.email)
    page.get_by_label("Password").fill(scenario.PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/e/{scenario.EVENT_SLUG}/suggestions/")
    expect(page.get_by_role("heading", name="Suggested for you")).to_be_visible()
    cards = page.locator("ol.suggestions > li.card")
    first_reasons = [cards.nth(i).locator("ul.reasons > li").first.inner_text() for i in range(5)]
    requests = [
        o.title for o in scenario.PARTICIPANT_ORGANISATION.opportunities if o.kind == "request"
    ]
    assert [
        any(reason.endswith(f'answers your request "{title}"') for title in requests)
        for reason in first_reasons
    ] == [True] * 5
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "suggestions-1280.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(ARTIFACTS / "suggestions-390.png"), full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
