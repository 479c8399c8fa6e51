"""EU funding in a browser: a member reads the calls for it; a staff member of its cluster
builds a consortium for a call, edits it and invites the partners; an invitee accepts through
the link in the mail, without logging in."""

import re

from playwright.sync_api import expect

from matchfair.funding.domain import pipeline
from matchfair.funding.domain.proposals import propose_consortium
from matchfair.funding.models import ConsortiumInvitation, ConsortiumProposal, Topic
from matchfair.outbox.models import Message
from tests import factories
from tests.browser.helpers import log_in
from tests.funding.conftest import make_barcelona, make_scene

TOPIC = "HORIZON-CL5-2027-D5-02"


def test_a_member_reads_the_calls_for_it(page, live_server, transactional_db):
    lead, _staff = make_scene()
    person = factories.UserFactory(organisation=lead, full_name="Vera Volta")
    log_in(page, live_server, person.email)
    page.goto(f"{live_server.url}/funding/calls/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Calls for you: Volta Mobility")
    first = page.locator("table.list tbody tr").first
    expect(first).to_contain_text(TOPIC)
    expect(first).to_contain_text("Terms:")


def test_staff_build_edit_and_invite_a_consortium(page, live_server, transactional_db):
    lead, staff = make_scene()
    city, _meeting = make_barcelona(lead)
    topic = Topic.objects.get(identifier=TOPIC)
    log_in(page, live_server, staff.email)
    page.goto(f"{live_server.url}/funding/topics/{topic.pk}/")
    page.get_by_label("Lead member").select_option(label="Volta Mobility")
    page.get_by_role("button", name="Propose a consortium").click()
    expect(page.locator(".messages")).to_contain_text("A consortium is proposed.")
    members = page.locator("table.consortium-members")
    expect(members).to_contain_text("Ajuntament de Barcelona")
    expect(members).to_contain_text("met at the expo: valuable contact")
    expect(page.locator(".checker-ok")).to_be_visible()
    # Removing the city leaves two countries: the checker says so next to the proposal.
    page.get_by_role("button", name="Remove Ajuntament de Barcelona").click()
    expect(page.locator(".checker-problems")).to_contain_text(
        "independent legal entities: 2 listed, 3 required"
    )
    page.get_by_label("Candidate").select_option(value=str(city.pk))
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator(".checker-ok")).to_be_visible()
    page.get_by_role("button", name="Invite the partners").click()
    expect(page.locator(".messages")).to_contain_text("1 invitation is sent.")
    expect(page.locator(".messages")).to_contain_text("CAMARA MUNICIPAL DO PORTO")
    expect(page.locator(".consortium-state")).to_have_text("invited")
    assert Message.objects.filter(kind="funding.invitation").count() == 1


def test_an_invitee_accepts_through_the_mail_link(page, live_server, transactional_db):
    lead, staff = make_scene()
    city, _meeting = make_barcelona(lead)
    topic = Topic.objects.get(identifier=TOPIC)
    proposal = propose_consortium(topic=topic, lead=lead, by=staff)
    pipeline.invite(proposal, by=staff)
    mail = Message.objects.get(kind="funding.invitation")
    link = re.search(r"https?://\S+/funding/invitations/\S+/", mail.body).group(0)
    page.goto(live_server.url + link[link.index("/funding/") :])
    expect(page.get_by_role("heading", level=1)).to_have_text("Invitation to a consortium")
    expect(page.locator("main")).to_contain_text("Volta Mobility invites Ajuntament de Barcelona")
    page.get_by_role("button", name="Accept").click()
    expect(page.locator("main")).to_contain_text("Thank you: you accepted.")
    invitation = ConsortiumInvitation.objects.get(proposal=proposal)
    assert (invitation.organisation, invitation.status) == (city, "accepted")
    # The link answers once.
    page.goto(live_server.url + link[link.index("/funding/") :])
    expect(page.locator("main")).to_contain_text("answered already")
    assert ConsortiumProposal.objects.get().state == "invited"  # Porto is asked by hand
