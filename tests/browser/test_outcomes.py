"""After the expo in a browser: a participant answers on a phone, a member asks for an
introduction, and the organiser reads the impact report."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import openpyxl
from django.utils import timezone
from playwright.sync_api import expect

from matchfair.community.models import Membership
from matchfair.outbox.models import Message
from matchfair.outcomes.domain import campaigns
from matchfair.outcomes.domain.consents import grant
from matchfair.outcomes.models import Campaign, CampaignMail, FollowUpStep, Outcome, Stage
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


def test_participant_answers_a_follow_up_from_the_mail_link_on_a_phone(
    page, live_server, transactional_db
):
    event, ana, _tia, meeting, _sofia = _scene()
    campaign = Campaign.objects.filter(event=event).order_by("days_after").first()
    assert campaigns.send_campaign(campaign, now=timezone.now()) == 2
    mail = Message.objects.get(kind="outcomes.campaign", to=ana.user.email)
    link = re.search(r"https?://\S+/follow-up/\S+/", mail.body)
    assert link, mail.body
    page.set_viewport_size({"width": 390, "height": 844})
    # The link as mailed, opened on this test's server, without logging in.
    page.goto(f"{live_server.url}{urlsplit(link.group(0)).path}")
    expect(page.locator("h1")).to_contain_text(f"Your meetings at {event.name}")
    section = page.locator("section.follow-up")
    expect(section.locator("h2")).to_contain_text("Tia Third")
    section.get_by_label("Stage").select_option(label="Negotiation started")
    section.get_by_role("button", name="Save this step").click()
    expect(page.locator(".messages")).to_contain_text("Thank you: the step is recorded.")
    expect(page.locator("section.follow-up")).to_contain_text("Your last step: Negotiation started")
    # The form starts from that step, so a second save does not move the meeting back.
    expect(page.get_by_label("Stage")).to_have_value(str(Stage.NEGOTIATION_STARTED))
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert list(FollowUpStep.objects.values_list("meeting", "registration", "stage", "on")) == [
        (meeting.pk, ana.pk, Stage.NEGOTIATION_STARTED, timezone.localdate())
    ]
    assert CampaignMail.objects.get(registration=ana).answered is not None
    assert CampaignMail.objects.exclude(registration=ana).get().answered is None


def test_member_asks_for_an_introduction(page, live_server, transactional_db):
    event, ana, tia, meeting, sofia = _scene()
    mia = factories.UserFactory(full_name="Mia Member")
    Membership.objects.create(cluster=sofia, organisation=mia.organisation)
    grant(user=ana.user, scope="met", audience="cluster_members", by=ana.user)
    grant(user=tia.user, scope="met", audience="public", by=tia.user)
    log_in(page, live_server, mia.email)
    page.goto(f"{live_server.url}/e/{event.slug}/knowledge/")
    expect(page.locator("table.knowledge")).to_contain_text("Tia Third")
    page.get_by_role("button", name="Ask for an introduction").click()
    expect(page.locator(".messages")).to_contain_text("Your request is sent")
    sent = Message.objects.get(kind="introduction_asked")
    assert sent.to == ana.user.email
    assert "Mia Member" in sent.body
    assert f"/e/{event.slug}/outcomes/{meeting.pk}/" in sent.body
    # The request copies nothing about the person met, and the asker gets no mail.
    assert "Tia" not in sent.body and tia.user.email not in sent.body
    assert not Message.objects.filter(to=mia.email).exists()


def test_organiser_reads_the_impact_report_and_downloads_it(
    page, live_server, transactional_db, tmp_path
):
    event, _ana, tia, meeting, _sofia = _scene()
    lead = factories.UserFactory(full_name="Lena Lead")
    event.organisers.get(is_lead=True).staff.add(lead)
    Outcome.objects.create(meeting=meeting, registration=tia, took_place=False)
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, lead.email)
    page.goto(f"{live_server.url}/e/{event.slug}/")
    page.get_by_role("link", name="Impact").click()
    funnel = page.locator("table.funnel")
    expect(funnel).to_contain_text("Scheduled")
    expect(funnel.locator("tbody tr")).to_have_count(7)
    expect(funnel.locator("tbody tr").nth(2)).to_contain_text("Scheduled 1")
    for title in ("By country", "By domain", "By type of organisation", "By supporting organiser"):
        expect(page.get_by_role("heading", name=title)).to_be_visible()
    expect(page.get_by_role("region", name="By country")).to_contain_text("Finland")
    expect(page.locator("main")).to_contain_text("Tia Third: it did not take place")
    with page.expect_download() as xlsx:
        page.get_by_role("link", name="Download (XLSX)").click()
    assert xlsx.value.suggested_filename == f"{event.slug}-impact.xlsx"
    saved = tmp_path / "impact.xlsx"
    xlsx.value.save_as(saved)
    book = openpyxl.load_workbook(saved)
    assert book.sheetnames[0] == "Impact"
    rows = list(book["Impact"].iter_rows(values_only=True))
    assert rows[0][:2] == ("Step", "Meetings")
    assert rows[3][:2] == ("Scheduled", 1)
    with page.expect_download() as pdf:
        page.get_by_role("link", name="Download (PDF)").click()
    assert pdf.value.suggested_filename == f"{event.slug}-impact.pdf"
    content = Path(pdf.value.path()).read_bytes()
    assert content.startswith(b"%PDF-") and b"%%EOF" in content[-1024:]
