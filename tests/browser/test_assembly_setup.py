"""The secretariat sets an assembly up on a phone: a session, its agenda, a member's voting
delegate and a chair election; the delegate nominates a candidate who accepts with statements in
English and Bulgarian; at the door the secretariat scans the delegate's badge to check them in."""

from django.utils import timezone
from playwright.sync_api import expect

from matchfair.assembly.domain.badges import check_in_token
from matchfair.assembly.models import Attendee, Candidacy, Election, Session, Statute
from matchfair.community.models import Network
from tests import factories
from tests.browser.helpers import log_in

PHONE = {"width": 390, "height": 844}


def fits_the_phone(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_secretariat_sets_up_a_session_and_checks_a_delegate_in(
    page, live_server, transactional_db
):
    network = Network.objects.create(name="Smart City Tech Partnership", kind="partnership")
    sofia, lyon = (
        factories.ClusterFactory(organisation__name=name)
        for name in ("Sofia Tech Cluster", "Lyon Urban Lab")
    )
    for cluster in (sofia, lyon):
        cluster.networks.add(network)
    Statute.objects.create(network=network, secretariat=sofia)
    secretary = factories.UserFactory(full_name="Sasha Secretary", organisation=sofia.organisation)
    lea = factories.UserFactory(full_name="Léa Lyon", organisation=lyon.organisation)
    camille = factories.UserFactory(full_name="Camille Lyon", organisation=lyon.organisation)
    page.set_viewport_size(PHONE)

    # The secretariat: a session for today, its agenda, Léa as Lyon's delegate, a chair election.
    log_in(page, live_server, secretary.email)
    page.goto(f"{live_server.url}/assembly/networks/{network.pk}/sessions/")
    page.get_by_role("link", name="New session").click()
    page.get_by_label("Title").fill("Annual assembly")
    page.get_by_label("Date").fill(timezone.localdate().isoformat())
    page.get_by_label("Starts at").fill("14:00")
    page.get_by_label("Place").fill("Sofia Tech Park, Hall 1")
    page.get_by_role("button", name="Create the session").click()
    expect(page.locator(".messages")).to_contain_text("The session is created.")
    adding = page.locator("form.agenda-add")
    for title, minutes in (("Opening", "10"), ("Election of the chair", "30")):
        adding.get_by_label("Item").fill(title)
        adding.get_by_label("Time box (minutes)").fill(minutes)
        adding.get_by_role("button", name="Add to the agenda").click()
        expect(page.locator(".messages")).to_contain_text(f"“{title}” added to the agenda.")
    page.get_by_role("button", name="Move “Election of the chair” up").click()
    expect(page.locator("ol.agenda > li").first).to_contain_text("Election of the chair")
    assert fits_the_phone(page)
    session = Session.objects.get()
    assert list(session.agenda.values_list("title", flat=True)) == [
        "Election of the chair",
        "Opening",
    ]

    page.get_by_role("link", name="Delegates and substitutes").click()
    page.get_by_label("Member").select_option(label="Lyon Urban Lab")
    page.get_by_label("Person (e-mail)").fill(lea.email)
    page.get_by_label("Role").select_option(label="voting delegate")
    page.get_by_role("button", name="Register", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Léa Lyon is registered.")
    assert fits_the_phone(page)

    page.get_by_role("link", name="New election").click()
    page.get_by_label("Position").select_option(label="chair")
    page.get_by_label("Counting method").select_option("irv")
    page.get_by_role("button", name="Create the election").click()
    expect(page.locator(".messages")).to_contain_text("The election is open for nominations.")
    assert fits_the_phone(page)
    page.context.clear_cookies()

    # Léa nominates Camille, who accepts in both languages.
    log_in(page, live_server, lea.email)
    page.goto(f"{live_server.url}/assembly/{session.pk}/")
    page.get_by_role("link", name="Nominate a candidate").click()
    page.get_by_label("Candidate's member").select_option(label="Lyon Urban Lab")
    page.get_by_label("Candidate (e-mail)").fill(camille.email)
    page.get_by_role("button", name="Nominate").click()
    expect(page.locator(".messages")).to_contain_text("Camille Lyon is nominated")
    assert fits_the_phone(page)
    page.context.clear_cookies()

    log_in(page, live_server, camille.email)
    page.goto(f"{live_server.url}/assembly/{session.pk}/")
    page.get_by_role("link", name="You are nominated for the chair: accept or not").click()
    page.get_by_label("Statement in English").fill("I will chair with care.")
    page.get_by_label("Statement in Bulgarian").fill("Ще председателствам грижливо.")
    page.get_by_role("button", name="Accept and stand").click()
    expect(page.locator(".messages")).to_contain_text("You stand for the chair.")
    expect(page.locator(".candidates")).to_contain_text("Ще председателствам грижливо.")
    assert fits_the_phone(page)
    assert Candidacy.objects.get(election=Election.objects.get()).accepted
    page.context.clear_cookies()

    # Léa's badge carries the QR; the secretariat's phone opens it and Léa is checked in.
    log_in(page, live_server, lea.email)
    page.goto(f"{live_server.url}/assembly/{session.pk}/")
    page.get_by_role("link", name="Your badge with the check-in code").click()
    qr = page.locator(".assembly-badge img")
    expect(qr).to_be_visible()
    page.wait_for_function(
        "() => { const i = document.querySelector('.assembly-badge img');"
        " return i.complete && i.naturalWidth > 0; }"
    )
    assert fits_the_phone(page)
    page.context.clear_cookies()

    attendee = Attendee.objects.get(user=lea)
    log_in(page, live_server, secretary.email)
    page.goto(f"{live_server.url}/assembly/scan/{check_in_token(attendee)}/")
    expect(page.locator("h1")).to_have_text("Léa Lyon is checked in")
    page.reload()
    expect(page.locator("h1")).to_have_text("Léa Lyon is already checked in")
    assert fits_the_phone(page)
    page.goto(f"{live_server.url}/assembly/{session.pk}/")
    expect(page.locator("#quorum")).to_contain_text("1 of 2 members present or represented")
