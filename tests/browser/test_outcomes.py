"""After the expo in a browser: a participant answers on a phone, a member asks for an
introduction, and the organiser reads the impact report."""

from playwright.sync_api import expect

from matchfair.community.models import Membership
from matchfair.outbox.models import Message
from matchfair.outcomes.domain.consents import grant
from matchfair.outcomes.models import Outcome
from tests import factories
from tests.browser.helpers import log_in, release_meeting


def _scene():
    event = factories.b2b_event()
    sofia = event.organisers.get(is_lead=True).cluster
    ana = factories.RegistrationFactory(event=event, user__full_name="Ana Petrova")
    tia = factories.RegistrationFactory(
        event=event, user__full_name="Tia Third", user__organisation__country="FI"
    )
    Membership.objects.create(cluster=sofia, organisation=ana.user.organisation)
    meeting = release_meeting(event, ana, tia)
    return event, ana, tia, meeting, sofia


def test_participant_answers_from_the_agenda_on_a_phone(page, live_server, transactional_db):
    event, ana, _tia, _meeting, _sofia = _scene()
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server, ana.user.email)
    page.goto(f"{live_server.url}/e/{event.slug}/agenda/")
    page.get_by_role("link", name="How did it go?").click()
    page.get_by_label("Yes").check()
    page.get_by_label("4").check()
    page.get_by_label("Call", exact=True).check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("Thank you: your answer is saved.")
    assert list(Outcome.objects.values_list("took_place", "rating", "next_steps")) == [
        (True, 4, ["call"])
    ]


def test_member_asks_for_an_introduction(page, live_server, transactional_db):
    event, ana, tia, _meeting, sofia = _scene()
    mia = factories.UserFactory(full_name="Mia Member")
    Membership.objects.create(cluster=sofia, organisation=mia.organisation)
    grant(user=ana.user, scope="met", audience="cluster_members", by=ana.user)
    grant(user=tia.user, scope="met", audience="public", by=tia.user)
    log_in(page, live_server, mia.email)
    page.goto(f"{live_server.url}/e/{event.slug}/knowledge/")
    expect(page.locator("table.knowledge")).to_contain_text("Tia Third")
    page.get_by_role("button", name="Ask for an introduction").click()
    expect(page.locator(".messages")).to_contain_text("Your request is sent")
    assert Message.objects.filter(kind="introduction_asked", to=ana.user.email).count() == 1


def test_organiser_reads_the_impact_report(page, live_server, transactional_db):
    event, _ana, tia, meeting, _sofia = _scene()
    lead = factories.UserFactory(full_name="Lena Lead")
    event.organisers.get(is_lead=True).staff.add(lead)
    Outcome.objects.create(meeting=meeting, registration=tia, took_place=False)
    log_in(page, live_server, lead.email)
    page.goto(f"{live_server.url}/e/{event.slug}/")
    page.get_by_role("link", name="Impact").click()
    expect(page.locator("table.funnel")).to_contain_text("Scheduled")
    expect(page.locator("main")).to_contain_text("Tia Third: it did not take place")
