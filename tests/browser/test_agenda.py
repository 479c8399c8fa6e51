"""The participant's agenda as a time line: per day, time, whom, table, hall and status, with
nothing scrolling sideways at 390 px and no console error (the page fixture checks that)."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import ARTIFACTS
from tests.browser.helpers import log_in, release_meetings
from tests.matchmaking.home_rows import running


@pytest.mark.parametrize("width", [390, 1280])
def test_agenda_is_a_time_line_that_fits(page, live_server, transactional_db, width):
    event = factories.b2b_event()
    session = running(event)
    ana = factories.RegistrationFactory(event=event, user__full_name="Ana Petrova")
    jonas = factories.RegistrationFactory(
        event=event,
        user__full_name="Jonas Berg-Vandenbroucke",
        user__organisation__name="Universitat Politècnica de Catalunya, Departament d'Enginyeria",
    )
    mia = factories.RegistrationFactory(event=event, user__full_name="Mia van Dijk")
    slots = list(session.slots.order_by("starts_at"))
    release_meetings(event, [(ana, jonas, slots[0]), (mia, ana, slots[2])])

    page.set_viewport_size({"width": width, "height": 844})
    log_in(page, live_server, ana.user.email, lands="/home/")
    page.goto(f"{live_server.url}/e/{event.slug}/agenda/")
    items = page.locator("ol.timeline > li.timeline-item")
    expect(items).to_have_count(2)
    expect(items.nth(0)).to_contain_text("09:00–09:30")
    expect(items.nth(0)).to_contain_text("Next")
    expect(items.nth(0)).to_contain_text("Jonas Berg-Vandenbroucke")
    expect(items.nth(0)).to_contain_text("Table 1 · Hall 2")
    expect(items.nth(1)).to_contain_text("10:00–10:30")
    expect(items.nth(1)).to_contain_text("Coming")
    expect(items.nth(1)).to_contain_text("Mia van Dijk")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"agenda-{width}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
