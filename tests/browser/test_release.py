"""A safe release in a real browser: a draft with a double booking is refused, and the console
lists the problem with its fixes."""

from playwright.sync_api import expect

from matchfair.events.models import Slot
from matchfair.meetings.domain.requests import accept_request, send_request
from matchfair.meetings.models import Plan
from tests import factories
from tests.browser.helpers import log_in


def test_a_double_booked_draft_is_refused_with_the_problem_listed(
    page, live_server, transactional_db
):
    event = factories.b2b_event()
    lead = factories.UserFactory(full_name="Lena Lead")
    event.organisers.get(is_lead=True).staff.add(lead)
    ana = factories.RegistrationFactory(event=event, user__full_name="Ana Petrova")
    others = [
        factories.RegistrationFactory(event=event, user__full_name=name)
        for name in ("Jonas Berg", "Carl Third")
    ]
    slot = Slot.objects.filter(session__event=event).order_by("starts_at").first()
    draft = Plan.objects.create(event=event, kind=Plan.Kind.DRAFT, stats={"scheduled": 2})
    for other, table in zip(others, event.tables.order_by("id"), strict=False):
        meeting = accept_request(
            send_request(sender=ana, recipient=other, message="Hello", by=ana.user),
            by=other.user,
        )
        draft.placements.create(meeting=meeting, slot=slot, table=table)
    log_in(page, live_server, lead.email)

    page.goto(f"{live_server.url}/e/{event.slug}/console/")
    problems = page.locator("#release-problems")
    expect(problems).to_contain_text("This draft cannot be released until 1 problem is fixed.")
    expect(problems).to_contain_text("Booked twice")
    expect(problems.get_by_role("button", name="Unschedule this meeting")).to_be_visible()
    page.get_by_role("button", name="Release this draft").click()
    messages = page.locator(".messages")
    expect(messages).to_contain_text(
        "This draft cannot be released until these problems are fixed:"
    )
    expect(messages).to_contain_text("Booked twice: Ana Petrova has 2 meetings in one slot")
    expect(page.locator("main")).not_to_contain_text("double_booked")
    assert not Plan.objects.filter(event=event, kind=Plan.Kind.RELEASE).exists()
    # On a phone the problems read as cards: nothing scrolls sideways.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/e/{event.slug}/console/")
    expect(page.locator("#release-problems td[data-label]").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
