"""The delegate's full path through an election on a phone (390 px): the secretariat checks them
in, they see the quorum, vote on a motion, rank the board, get the tracker and the re-vote key,
change their vote, and once the secretariat has closed and published the count, find their
tracker on the public ballot board beside the rounds' table and chart."""

import datetime as dt
import re

from playwright.sync_api import expect

from matchfair.assembly.domain.candidacies import accept, nominate
from matchfair.assembly.domain.motions import open_motion_vote, propose_motion, second_motion
from matchfair.assembly.domain.sessions import add_agenda_item, check_in, register_attendee
from matchfair.assembly.models import Ballot, Election, Session, Statute
from matchfair.community.models import Network
from tests import factories
from tests.browser.helpers import log_in
from tests.browser.test_assembly import PHONE, fits_the_phone


def _scene():
    """Four members; Léa is Lyon's registered delegate, not yet checked in; Anders (Aarhus) and
    Pia (Porto) are in. A seconded motion is open for voting, and a two-seat board election by
    Scottish STV with three accepted candidates waits to be opened. The statute allows
    re-voting."""
    network = Network.objects.create(name="Smart City Tech Partnership", kind="partnership")
    sofia, lyon, aarhus, porto = (
        factories.ClusterFactory(organisation__name=name)
        for name in ("Sofia Tech Cluster", "Lyon Urban Lab", "Aarhus Digital", "Porto Smart")
    )
    for cluster in (sofia, lyon, aarhus, porto):
        cluster.networks.add(network)
    Statute.objects.create(network=network, secretariat=sofia, revoting=True)
    secretary = factories.UserFactory(full_name="Sasha Secretary", organisation=sofia.organisation)
    session = Session.objects.create(
        network=network, title="Annual assembly", date=dt.date(2026, 11, 9), place="Barcelona"
    )
    item = add_agenda_item(session, title="Work plan 2027", minutes=20, by=secretary)
    people = {}
    for cluster, name in ((lyon, "Léa Lyon"), (aarhus, "Anders Aarhus"), (porto, "Pia Porto")):
        user = factories.UserFactory(full_name=name, organisation=cluster.organisation)
        attendee = register_attendee(
            session, cluster=cluster, user=user, role="delegate", by=secretary
        )
        if cluster != lyon:
            check_in(attendee, by=secretary)
        people[name.split()[0]] = user
    motion = propose_motion(
        session, agenda_item=item, title="Adopt the work plan 2027", text="Adopted.", by=secretary
    )
    second_motion(motion, by=people["Anders"])
    open_motion_vote(motion, by=secretary)
    board = Election.objects.create(
        session=session, position="board", seats=2, method="scottish-stv"
    )
    for cluster, name in (
        (aarhus, "Camille Candidate"),
        (porto, "Rita Candidate"),
        (sofia, "Sven Candidate"),
    ):
        candidate = factories.UserFactory(full_name=name, organisation=cluster.organisation)
        accept(
            nominate(board, nominated_by=sofia, cluster=cluster, candidate=candidate, by=secretary),
            statement_en=f"{name} will serve.",
            by=candidate,
        )
    return session, secretary, people, motion, board


def _codes(page):
    return re.findall(r"[0-9a-f]{32,64}", " ".join(page.locator("p.tracker").all_inner_texts()))


def test_a_delegate_checks_in_votes_ranks_and_finds_the_tracker_on_a_phone(
    page, live_server, transactional_db
):
    session, secretary, people, motion, board = _scene()
    page.set_viewport_size(PHONE)
    session_url = f"{live_server.url}/assembly/{session.pk}/"

    # The secretariat opens voting and checks Léa in at the door.
    log_in(page, live_server, secretary.email)
    page.goto(session_url)
    page.get_by_role("button", name="Open voting").click()
    expect(page.locator(".messages")).to_contain_text("Voting is open.")
    page.get_by_role("row", name=re.compile("Léa Lyon")).get_by_role(
        "button", name="Check in"
    ).click()
    expect(page.locator(".messages")).to_contain_text("Léa Lyon is checked in.")
    assert fits_the_phone(page)
    page.context.clear_cookies()

    # Léa sees the quorum, votes on the motion, and ranks the board.
    log_in(page, live_server, people["Léa"].email)
    page.goto(session_url)
    expect(page.locator("#quorum")).to_contain_text("3 of 4 members present or represented")
    expect(page.locator("#quorum")).to_contain_text("Quorum reached")
    page.get_by_role("link", name="Adopt the work plan 2027").click()
    page.locator("form.vote").get_by_role("button", name="yes").click()
    expect(page.locator(".messages")).to_contain_text("Lyon Urban Lab's vote is recorded.")
    assert (fits_the_phone(page), motion.votes.get().choice) == (True, "yes")
    page.goto(session_url)
    page.get_by_role("link", name="Vote", exact=True).click()
    page.get_by_label(re.compile("Rita Candidate")).select_option("1")
    page.get_by_label(re.compile("Camille Candidate")).select_option("2")
    assert fits_the_phone(page)
    page.get_by_role("button", name="Cast the ballot").click()
    expect(page.locator("h1")).to_have_text("Your ballot is cast")
    first_tracker, key = _codes(page)
    assert fits_the_phone(page)

    # She changes her mind: Edit my vote, with the key.
    page.goto(session_url)
    page.get_by_role("link", name="Edit my vote").click()
    page.get_by_label("Re-vote key").fill(key)
    page.get_by_label(re.compile("Camille Candidate")).select_option("1")
    page.get_by_label(re.compile("Sven Candidate")).select_option("2")
    page.get_by_role("button", name="Replace my ballot").click()
    expect(page.locator("h1")).to_have_text("Your ballot is replaced")
    tracker, same_key = _codes(page)
    assert (tracker != first_tracker, same_key, fits_the_phone(page)) == (True, key, True)
    assert Ballot.objects.filter(tracker=first_tracker).count() == 0
    page.context.clear_cookies()

    # The secretariat closes and publishes.
    log_in(page, live_server, secretary.email)
    page.goto(session_url)
    page.get_by_role("button", name="Close and count").click()
    expect(page.locator(".messages")).to_contain_text("Voting is closed and the ballots counted.")
    page.get_by_role("button", name="Publish the result").click()
    expect(page.locator(".messages")).to_contain_text("The result and ballot board are public.")
    page.context.clear_cookies()

    # Anyone, Léa included, finds her tracker on the public board, with the rounds.
    page.goto(f"{live_server.url}/assembly/elections/{board.pk}/result/")
    row = page.locator("table.board tr", has_text=tracker)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Camille Candidate")
    expect(page.locator("table.board")).not_to_contain_text(first_tracker)
    expect(page.locator("table.rounds")).to_be_visible()
    expect(page.locator("svg.chart title").first).to_have_text("Votes per candidate in each round")
    assert fits_the_phone(page)
