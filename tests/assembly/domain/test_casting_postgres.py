"""Fifty-one casts at once on PostgreSQL, from a member's delegate and two substitutes (and the
holder of its proxy), each in its own thread and connection: the member still votes once."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from matchfair.assembly.domain.casting import cast_ballot
from matchfair.assembly.domain.counting import board, board_head, close_election, open_election
from matchfair.assembly.domain.proxies import give_proxy
from matchfair.assembly.models import Attendee, Ballot, Election, RollEntry
from tests.deploy.test_concurrency import at_once, kinds

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_fifty_one_casts_at_once_for_one_member_make_one_roll_row_and_one_ballot(
    board_election, members, lyon_people, secretary
):
    election, (camille, frederik, rita) = board_election
    open_election(election, by=secretary)

    def cast(person, choice):
        def job(barrier):
            barrier.wait()
            return cast_ballot(election, voter=members[1], choices=[choice], by=person)

        return job

    jobs = [cast(lyon_people[i % 3], (camille, frederik, rita)[i % 3].pk) for i in range(51)]
    outcomes = at_once(*jobs)
    assert (kinds(outcomes), RollEntry.objects.count(), Ballot.objects.count()) == (
        {"Receipt": 1, "ValidationError": 50},
        1,
        1,
    )


def test_casts_at_once_by_the_members_delegate_and_its_proxy_holder_make_one_ballot(
    session, board_election, members, lyon_people, aarhus_delegate, secretary
):
    """Lyon's delegate and substitutes, and Aarhus's delegate holding Lyon's proxy, all cast for
    Lyon at the same moment: Lyon still votes once."""
    election, (camille, frederik, rita) = board_election
    give_proxy(
        session,
        cluster=members[1],
        holder=Attendee.objects.get(user=aarhus_delegate),
        by=secretary,
    )
    open_election(election, by=secretary)
    people = [*lyon_people, aarhus_delegate]

    def cast(person, choice):
        def job(barrier):
            barrier.wait()
            return cast_ballot(election, voter=members[1], choices=[choice], by=person)

        return job

    jobs = [cast(people[i % 4], (camille, frederik, rita)[i % 3].pk) for i in range(52)]
    outcomes = at_once(*jobs)
    assert (kinds(outcomes), RollEntry.objects.count(), Ballot.objects.count()) == (
        {"Receipt": 1, "ValidationError": 51},
        1,
        1,
    )


def test_casts_do_not_wait_for_each_other_and_closing_waits_for_the_casts_under_way(
    board_election, members, lyon_people, aarhus_delegate, secretary
):
    """Lyon's cast is held open (its transaction not yet committed). Aarhus casts meanwhile
    without waiting; the secretariat's close waits until Lyon's cast commits, then counts both;
    a cast after the close is refused."""
    election, (camille, frederik, _rita) = board_election
    open_election(election, by=secretary)
    in_flight, release = threading.Event(), threading.Event()
    outcomes = {}

    def start(name, job):
        def run():
            try:
                outcomes[name] = job()
            except Exception as error:
                outcomes[name] = error
            finally:
                connection.close()

        thread = threading.Thread(target=run)
        thread.start()
        return thread

    def lyon_held_open():
        with transaction.atomic():
            tracker = cast_ballot(
                election, voter=members[1], choices=[camille.pk], by=lyon_people[0]
            )
            in_flight.set()
            release.wait(timeout=30)
        return tracker

    lyon = start("lyon", lyon_held_open)
    assert in_flight.wait(timeout=30)
    aarhus = start(
        "aarhus",
        lambda: cast_ballot(election, voter=members[2], choices=[frederik.pk], by=aarhus_delegate),
    )
    aarhus.join(timeout=10)
    aarhus_waited = aarhus.is_alive()
    closing = start("close", lambda: close_election(election, by=secretary))
    closing.join(timeout=1)
    close_waited = closing.is_alive()
    release.set()
    for thread in (lyon, aarhus, closing):
        thread.join(timeout=30)
    with pytest.raises(ValidationError, match="not open"):
        cast_ballot(election, voter=members[1], choices=[frederik.pk], by=lyon_people[1])
    election.refresh_from_db()
    assert (
        aarhus_waited,
        close_waited,
        {name: type(outcome).__name__ for name, outcome in outcomes.items()},
        election.status,
        len(board(election)),
        RollEntry.objects.count(),
        election.board_head == board_head(election),
    ) == (
        False,
        True,
        {"lyon": "Receipt", "aarhus": "Receipt", "close": "Election"},
        Election.Status.CLOSED,
        2,
        2,
        True,
    )
