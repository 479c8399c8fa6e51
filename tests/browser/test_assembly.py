"""The assembly on a phone: a delegate hands its member's vote to another member's delegate, who
proposes a motion, votes for both members once it is put to the vote, and reads the result."""

import datetime as dt

from playwright.sync_api import expect

from matchfair.assembly.domain.motions import close_motion_vote, open_motion_vote, second_motion
from matchfair.assembly.domain.sessions import add_agenda_item, check_in, register_attendee
from matchfair.assembly.models import Motion, MotionVote, Proxy, Session, Statute
from matchfair.community.models import Network
from tests import factories
from tests.browser.helpers import log_in

PHONE = {"width": 390, "height": 844}


def _scene():
    network = Network.objects.create(name="Smart City Tech Partnership", kind="partnership")
    sofia, lyon, aarhus, porto = (
        factories.ClusterFactory(organisation__name=name)
        for name in ("Sofia Tech Cluster", "Lyon Urban Lab", "Aarhus Digital", "Porto Smart")
    )
    for cluster in (sofia, lyon, aarhus, porto):
        cluster.networks.add(network)
    Statute.objects.create(network=network, secretariat=sofia)
    secretary = factories.UserFactory(full_name="Sasha Secretary", organisation=sofia.organisation)
    session = Session.objects.create(
        network=network, title="Annual assembly", date=dt.date(2026, 11, 9), place="Sofia"
    )
    add_agenda_item(session, title="Work plan 2027", minutes=20, by=secretary)
    people = {}
    for cluster, name, here in (
        (lyon, "Léa Lyon", True),
        (aarhus, "Anders Aarhus", True),
        (porto, "Pia Porto", False),
    ):
        user = factories.UserFactory(full_name=name, organisation=cluster.organisation)
        attendee = register_attendee(
            session, cluster=cluster, user=user, role="delegate", by=secretary
        )
        if here:
            check_in(attendee, by=secretary)
        people[name.split()[0]] = user
    return session, secretary, people


def fits_the_phone(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_delegate_holds_a_proxy_moves_and_votes_on_a_phone(page, live_server, transactional_db):
    session, secretary, people = _scene()
    page.set_viewport_size(PHONE)

    log_in(page, live_server, people["Pia"].email)
    page.goto(f"{live_server.url}/assembly/{session.pk}/proxies/")
    page.get_by_label("To the voting delegate of").select_option(label="Lyon Urban Lab — Léa Lyon")
    page.get_by_role("button", name="Hand the vote over").click()
    expect(page.locator(".messages")).to_contain_text("Porto Smart's vote is handed to Léa Lyon.")
    assert fits_the_phone(page)
    page.context.clear_cookies()

    log_in(page, live_server, people["Léa"].email)
    page.goto(f"{live_server.url}/assembly/{session.pk}/")
    expect(page.locator("#quorum")).to_contain_text("3 of 4 members present or represented")
    page.get_by_role("link", name="Propose a motion").click()
    page.get_by_label("Title").fill("Adopt the work plan 2027")
    page.get_by_label("Text").fill("The assembly adopts the work plan 2027.")
    page.get_by_label("Threshold").select_option(label="two thirds of the votes cast")
    page.get_by_role("button", name="Propose").click()
    expect(page.locator("h1")).to_have_text("Adopt the work plan 2027")
    assert fits_the_phone(page)

    motion = Motion.objects.get()
    second_motion(motion, by=people["Anders"])
    open_motion_vote(motion, by=secretary)
    page.reload()
    expect(page.locator("form.vote")).to_have_count(2)  # Lyon's own vote, then Porto's
    page.locator("form.vote").nth(0).get_by_role("button", name="yes").click()
    expect(page.locator(".messages")).to_contain_text("Lyon Urban Lab's vote is recorded.")
    page.locator("form.vote").nth(1).get_by_role("button", name="abstain").click()
    expect(page.locator(".messages")).to_contain_text("Porto Smart's vote is recorded.")
    assert fits_the_phone(page)
    assert sorted(MotionVote.objects.values_list("choice", "by_proxy")) == [
        ("abstain", True),
        ("yes", False),
    ]

    close_motion_vote(motion, by=secretary)
    page.reload()
    expect(page.locator("table.figures")).to_contain_text("yes needed")
    expect(page.get_by_text("Adopted", exact=True)).to_be_visible()
    expect(page.get_by_text("Porto Smart: abstain")).to_be_visible()
    assert fits_the_phone(page)
    assert Proxy.objects.get().holder.user == people["Léa"]


def test_the_secretariat_runs_the_vote_and_publishes_the_minutes(
    page, live_server, transactional_db
):
    session, secretary, people = _scene()
    motion = Motion.objects.create(
        session=session,
        agenda_item=session.agenda.get(),
        title="Adopt the work plan 2027",
        text="Adopted.",
        mover=people["Léa"].organisation.cluster,
        seconded_by=people["Anders"].organisation.cluster,
        status="seconded",
    )
    log_in(page, live_server, secretary.email)
    page.goto(f"{live_server.url}/assembly/motions/{motion.pk}/")
    page.get_by_role("button", name="Put to the vote").click()
    expect(page.locator(".messages")).to_contain_text("The motion is put to the vote.")
    page.get_by_role("button", name="Close the vote").click()
    expect(page.locator(".messages")).to_contain_text("The vote is closed")
    expect(page.get_by_text("Rejected", exact=True)).to_be_visible()
    page.get_by_role("link", name="Annual assembly").click()
    page.get_by_role("button", name="Publish the minutes").click()
    expect(page.locator(".messages")).to_contain_text("The minutes are public.")
    page.context.clear_cookies()
    answer = page.request.get(f"{live_server.url}/assembly/{session.pk}/minutes.pdf")
    assert (answer.status, answer.body()[:4]) == (200, b"%PDF")
