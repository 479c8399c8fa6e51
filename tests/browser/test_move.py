"""The guided Move page in a real browser: only free slots, then free tables, and the walk
that would be too tight said before saving."""

import datetime as dt

from django.db.models import F
from playwright.sync_api import expect

from matchfair.events.models import Session, Slot
from matchfair.meetings.domain.requests import accept_request, send_request
from matchfair.meetings.models import Placement, Plan
from matchfair.visits.models import Hall
from tests import factories
from tests.browser.conftest import ARTIFACTS
from tests.browser.helpers import log_in

# The factories' event lies in the past of the real clock; whole weeks keep its weekdays.
LATER = dt.timedelta(weeks=3652)


def _meet(first, second):
    return accept_request(
        send_request(sender=first, recipient=second, message="Hello", by=first.user),
        by=second.user,
    )


def test_move_offers_free_slots_then_tables_and_warns_of_a_walk(
    page, live_server, transactional_db
):
    event = factories.b2b_event()
    Session.objects.filter(event=event).update(
        starts_at=F("starts_at") + LATER, ends_at=F("ends_at") + LATER
    )
    Slot.objects.filter(session__event=event).update(
        starts_at=F("starts_at") + LATER, ends_at=F("ends_at") + LATER
    )
    Hall.objects.create(event=event, name="Hall 2", x=0, y=0, width=100, depth=60)
    Hall.objects.create(event=event, name="Hall 6", x=700, y=0, width=100, depth=60)
    event.tables.filter(name="Table 4").update(location="Hall 6")
    lead = factories.UserFactory(full_name="Lena Lead")
    event.organisers.get(is_lead=True).staff.add(lead)
    ana, jonas, carl = (
        factories.RegistrationFactory(event=event, user__full_name=name)
        for name in ("Ana Petrova", "Jonas Berg", "Carl Third")
    )
    slots = list(Slot.objects.filter(session__event=event).order_by("starts_at"))
    draft = Plan.objects.create(event=event, kind=Plan.Kind.DRAFT)
    draft.placements.create(
        meeting=_meet(ana, jonas), slot=slots[0], table=event.tables.get(name="Table 1")
    )
    moving = _meet(ana, carl)
    log_in(page, live_server, lead.email)

    page.goto(f"{live_server.url}/e/{event.slug}/console/meetings/{moving.pk}/move/")
    rows = page.locator("main table.list tbody tr")
    expect(rows).to_have_count(len(slots) - 1)  # Ana meets Jonas in the first slot
    expect(rows.first).to_contain_text("walk too tight to Hall 6")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "move-form-slots.png"), full_page=True)
    rows.first.get_by_role("link", name="Choose a table").click()
    expect(page.locator("#walk-warnings")).to_contain_text(
        "Ana Petrova has a meeting at Table 1 (Hall 2)"
    )
    page.screenshot(path=str(ARTIFACTS / "move-form-tables.png"), full_page=True)
    page.get_by_label("Table").select_option(label="Table 2 · Hall 2")
    page.get_by_role("button", name="Move here").click()
    expect(page.locator(".messages")).to_contain_text(f"Meeting #{moving.pk} moved to")
    placed = Placement.objects.get(plan=draft, meeting=moving)
    assert (placed.slot, placed.table.name) == (slots[1], "Table 2")
