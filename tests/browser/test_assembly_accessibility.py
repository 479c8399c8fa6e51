"""axe-core finds no serious or critical violation on the election's pages on a phone: the ballot,
Edit my vote, and the result with its rounds' table, chart and ballot board."""

import pytest

from matchfair.assembly.domain.candidacies import accept, nominate
from matchfair.assembly.domain.casting import cast_ballot
from matchfair.assembly.domain.counting import close_election, open_election, publish_election
from matchfair.assembly.domain.sessions import check_in
from matchfair.assembly.models import Election, Statute
from tests.browser.helpers import log_in
from tests.browser.test_accessibility import violations
from tests.browser.test_assembly import PHONE
from tests.browser.test_assembly_election import _scene


@pytest.fixture
def context_options():
    # axe is injected as a script the page did not ship; the CSP would rightly refuse it.
    return {"bypass_csp": True}


def test_the_election_pages_on_a_phone_have_no_serious_violations(
    page, live_server, transactional_db
):
    session, secretary, people, _motion, board = _scene()
    for attendee in session.attendees.filter(checked_in_at__isnull=True):
        check_in(attendee, by=secretary)
    open_election(board, by=secretary)
    candidacies = list(board.candidacies.order_by("pk"))
    for person, ranking in (
        (people["Anders"], [0, 1]),
        (people["Pia"], [1, 2, 0]),
        (people["Léa"], [2, 0]),
    ):
        cast_ballot(
            board,
            voter=person.organisation.cluster,
            choices=[candidacies[i].pk for i in ranking],
            by=person,
        )
    chair = Election.objects.create(session=session, position="chair", method="irv")
    for candidacy in candidacies[:2]:
        accept(
            nominate(
                chair,
                nominated_by=candidacy.cluster,
                cluster=candidacy.cluster,
                candidate=candidacy.candidate,
                by=secretary,
            ),
            by=candidacy.candidate,
        )
    open_election(chair, by=secretary)
    publish_election(close_election(board, by=secretary), by=secretary)
    assert Statute.objects.get().revoting
    page.set_viewport_size(PHONE)
    found = {}
    log_in(page, live_server, people["Léa"].email)
    for path in (
        f"/assembly/{session.pk}/",
        f"/assembly/elections/{chair.pk}/ballot/",
        f"/assembly/elections/{chair.pk}/revote/",
        f"/assembly/elections/{board.pk}/result/",
    ):
        problems = violations(page, live_server.url + path)
        if problems:
            found[path] = problems
    assert found == {}
