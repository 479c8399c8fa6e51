import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.views.debug import SafeExceptionReporterFilter

from matchfair.assembly.domain.casting import cast_ballot
from matchfair.assembly.domain.counting import (
    board,
    close_election,
    open_election,
    publish_election,
)
from matchfair.assembly.domain.sessions import add_agenda_item
from matchfair.assembly.models import Ballot, Election, RollEntry
from matchfair.assembly.record import verify
from matchfair.outbox.models import Message
from tests.assembly.conftest import attend

pytestmark = pytest.mark.django_db


def test_the_session_page_shows_agenda_and_quorum(client, session, secretary, lyon_people):
    add_agenda_item(session, title="Election of the board", minutes=40, by=secretary)
    client.force_login(lyon_people[0])
    page = client.get(reverse("assembly:session", kwargs={"pk": session.pk})).content.decode()
    quorum = client.get(reverse("assembly:quorum", kwargs={"pk": session.pk})).content.decode()
    assert (
        "Election of the board" in page,
        "1 of 4 members present or represented; 2 needed (50%)" in quorum,
        'hx-trigger="every 2s"' in quorum,
    ) == (True, True, True)


def test_a_delegate_ranks_casts_and_gets_the_tracker(
    client, board_election, secretary, lyon_people
):
    election, (camille, _frederik, rita) = board_election
    open_election(election, by=secretary)
    client.force_login(lyon_people[2])
    url = reverse("assembly:ballot", kwargs={"pk": election.pk})
    assert client.get(url).status_code == 200
    answer = client.post(url, {f"rank-{rita.pk}": "1", f"rank-{camille.pk}": "2"})
    shown = re.search(r"<code>([0-9a-f]{64})</code>", answer.content.decode()).group(1)
    assert (answer.status_code, Ballot.objects.get().choices, Ballot.objects.get().tracker) == (
        200,
        [rita.pk, camille.pk],
        shown,
    )


def test_two_candidates_on_one_rank_are_refused(client, board_election, secretary, lyon_people):
    election, (camille, frederik, _) = board_election
    open_election(election, by=secretary)
    client.force_login(lyon_people[0])
    url = reverse("assembly:ballot", kwargs={"pk": election.pk})
    answer = client.post(url, {f"rank-{frederik.pk}": "1", f"rank-{camille.pk}": "1"}, follow=True)
    assert (
        "Give each rank to one candidate only." in answer.content.decode(),
        Ballot.objects.count(),
    ) == (
        True,
        0,
    )


@pytest.mark.parametrize(
    ("named", "refusal"),
    [
        ("aarhus", "Only Aarhus Digital&#x27;s checked-in delegate or substitute"),
        ("unknown", "Only a member&#x27;s checked-in delegate or substitute votes."),
        ("too large", "Only a member&#x27;s checked-in delegate or substitute votes."),
    ],
)
def test_a_ballot_for_a_member_the_voter_does_not_vote_for_is_refused(
    client, board_election, secretary, members, lyon_people, aarhus_delegate, named, refusal
):
    election, (camille, *_) = board_election
    open_election(election, by=secretary)
    client.force_login(lyon_people[0])
    url = reverse("assembly:ballot", kwargs={"pk": election.pk})
    member = {"aarhus": members[2].pk, "unknown": 999_999, "too large": 10**20}[named]
    answer = client.post(url, {"for": member, f"rank-{camille.pk}": "1"})
    assert (
        answer.status_code,
        refusal in answer.content.decode(),
        RollEntry.objects.count(),
        Ballot.objects.count(),
        Message.objects.count(),
    ) == (403, True, 0, 0, 0)


def test_the_tracker_page_names_the_member_voted_for(
    client, board_election, secretary, members, lyon_people
):
    election, (camille, *_) = board_election
    open_election(election, by=secretary)
    client.force_login(lyon_people[1])
    url = reverse("assembly:ballot", kwargs={"pk": election.pk})
    answer = client.post(url, {"for": members[1].pk, f"rank-{camille.pk}": "1"})
    assert (
        answer.status_code,
        "The ballot of Lyon Urban Lab is in the box." in answer.content.decode(),
        list(RollEntry.objects.values_list("cluster", flat=True)),
    ) == (200, True, [members[1].pk])


def test_a_bad_ranking_for_a_member_the_voter_does_not_vote_for_is_refused(
    client, board_election, secretary, members, lyon_people
):
    election, _candidacies = board_election
    open_election(election, by=secretary)
    client.force_login(lyon_people[0])
    url = reverse("assembly:ballot", kwargs={"pk": election.pk})
    answer = client.post(url, {"for": members[2].pk, "rank-x": "1"})
    assert (answer.status_code, Ballot.objects.count()) == (403, 0)


def test_the_secretariat_opens_closes_and_publishes_then_anyone_sees_the_board(
    client, board_election, secretary, lyon_people
):
    election, (camille, *_) = board_election
    client.force_login(secretary)
    client.post(reverse("assembly:open", kwargs={"pk": election.pk}))
    voter = client.__class__()
    voter.force_login(lyon_people[0])
    voter.post(reverse("assembly:ballot", kwargs={"pk": election.pk}), {f"rank-{camille.pk}": "1"})
    client.post(reverse("assembly:close", kwargs={"pk": election.pk}))
    result_url = reverse("assembly:result", kwargs={"pk": election.pk})
    before = client.__class__().get(result_url).status_code
    client.post(reverse("assembly:publish", kwargs={"pk": election.pk}))
    public = client.__class__().get(result_url)
    election.refresh_from_db()
    tracker = board(election)[0].tracker
    assert (
        before,
        election.status,
        public.status_code,
        tracker in public.content.decode(),
        election.board_head in public.content.decode(),
    ) == (404, Election.Status.PUBLISHED, 200, True, True)


def test_error_reports_hide_what_the_ballot_page_was_sent(
    client, board_election, secretary, lyon_people
):
    election, (camille, *_) = board_election
    open_election(election, by=secretary)
    client.force_login(lyon_people[0])
    answer = client.post(
        reverse("assembly:ballot", kwargs={"pk": election.pk}), {f"rank-{camille.pk}": "1"}
    )
    shown = SafeExceptionReporterFilter().get_post_parameters(answer.wsgi_request)
    assert shown.dict() == {f"rank-{camille.pk}": "********************"}


def test_the_record_is_downloaded_once_counted(client, board_election, secretary, lyon_people):
    election, (camille, *_) = board_election
    open_election(election, by=secretary)
    url = reverse("assembly:record", kwargs={"pk": election.pk})
    hidden = client.get(url).status_code
    cast_ballot(
        election,
        voter=lyon_people_member(election, lyon_people),
        choices=[camille.pk],
        by=lyon_people[0],
    )
    close_election(election, by=secretary)
    client.force_login(lyon_people[1])
    record = client.get(url).json()
    assert (hidden, record["format"], verify(record)) == (404, "matchfair-election/1", [])


def lyon_people_member(election, lyon_people):
    return election.session.attendees.get(user=lyon_people[0]).cluster


def test_the_result_shows_each_round_as_a_table_and_a_chart(
    client, board_election, secretary, members, session, lyon_people, aarhus_delegate
):
    """Four members, two seats by Scottish STV: the count takes more than one round, and the
    chart has a bar per candidate per round with the same figures as the table."""
    election, (camille, frederik, rita) = board_election
    open_election(election, by=secretary)
    porto = attend(session, members[3], "Paulo", "delegate", by=secretary)
    sofia = attend(session, members[0], "Sofia", "delegate", by=secretary)
    for member, person, choices in (
        (members[1], lyon_people[0], [camille.pk, rita.pk]),
        (members[2], aarhus_delegate, [camille.pk, frederik.pk]),
        (members[3], porto, [camille.pk, rita.pk]),
        (members[0], sofia, [frederik.pk, rita.pk]),
    ):
        cast_ballot(election, voter=member, choices=choices, by=person)
    publish_election(close_election(election, by=secretary), by=secretary)
    election.refresh_from_db()
    page = client.get(reverse("assembly:result", kwargs={"pk": election.pk})).content.decode()
    svg = page[page.index("<svg") : page.index("</svg>") + len("</svg>")]
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    rounds = election.result["rounds"]
    bars = [(rect.get("data-series"), rect.get("data-value")) for rect in root.iter(f"{ns}rect")]
    expected = [
        (f"Round {r['round']}", str(float(r["votes"][i]))) for i in range(3) for r in rounds
    ]
    assert (
        len(rounds) > 1,
        root.get("role"),
        root.find(f"{ns}title").text,
        bars,
        "style=" in svg,
        '<table class="list rounds">' in page,
    ) == (True, "img", "Votes per candidate in each round", expected, False, True)
