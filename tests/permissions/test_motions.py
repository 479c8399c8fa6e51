"""The assembly's rules on proxies, motions and minutes, role by role."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.utils import timezone

from matchfair import permissions
from matchfair.assembly.domain.motions import propose_motion
from matchfair.assembly.domain.proxies import give_proxy, withdraw_proxy
from matchfair.assembly.domain.sessions import add_agenda_item
from matchfair.assembly.models import Attendee
from tests import factories
from tests.assembly.conftest import attend

pytestmark = pytest.mark.django_db


@pytest.fixture
def porto(session, members, secretary):
    """Porto's voting delegate, not checked in, who handed Porto's vote to Aarhus."""
    return attend(session, members[3], "Pia", "delegate", by=secretary, checked_in=False)


def test_who_votes_for_which_member(
    session, members, secretary, lyon_people, aarhus_delegate, porto
):
    proxy = give_proxy(
        session, cluster=members[3], holder=Attendee.objects.get(user=aarhus_delegate), by=porto
    )
    outsider = factories.UserFactory()
    assert [
        [m.pk for m in permissions.voting_members(who, session)]
        for who in (lyon_people[1], aarhus_delegate, porto, secretary, outsider, AnonymousUser())
    ] == [[members[1].pk], [members[2].pk, members[3].pk], [], [], [], []]
    withdraw_proxy(proxy, by=porto)
    assert not permissions.can_vote_for(aarhus_delegate, session, members[3])


def test_can_vote_for_is_membership_of_voting_members(
    session, members, secretary, lyon_people, aarhus_delegate, porto
):
    """`can_vote_for` asks in one query what `voting_members` lists: the same answer for every
    person and member, with an active proxy, a withdrawn one, and a holder not checked in."""
    sofia = attend(session, members[0], "Sven", "delegate", by=secretary, checked_in=False)
    give_proxy(
        session, cluster=members[3], holder=Attendee.objects.get(user=aarhus_delegate), by=porto
    )
    withdrawn = give_proxy(
        session, cluster=members[1], holder=Attendee.objects.get(user=sofia), by=lyon_people[0]
    )
    withdraw_proxy(withdrawn, by=lyon_people[0])
    give_proxy(
        session, cluster=members[1], holder=Attendee.objects.get(user=sofia), by=lyon_people[0]
    )
    people = (*lyon_people, aarhus_delegate, porto, sofia, secretary, AnonymousUser())
    answers = {
        (n, m.pk): permissions.can_vote_for(who, session, m)
        for n, who in enumerate(people)
        for m in members
    }
    listed = {
        (n, m.pk): m.pk in {v.pk for v in permissions.voting_members(who, session)}
        for n, who in enumerate(people)
        for m in members
    }
    assert answers == listed
    assert {key for key, yes in answers.items() if yes} == {
        (0, members[1].pk),
        (1, members[1].pk),
        (2, members[1].pk),
        (3, members[2].pk),
        (3, members[3].pk),
    }


def test_vote_right_sql_answers_as_can_vote_for(
    session, members, secretary, lyon_people, aarhus_delegate, porto
):
    """The SQL condition the cast's locked read asks gives `can_vote_for`'s answer for every
    person and member: an active proxy, a withdrawn one, a holder not checked in, anonymous."""
    sofia = attend(session, members[0], "Sven", "delegate", by=secretary, checked_in=False)
    give_proxy(
        session, cluster=members[3], holder=Attendee.objects.get(user=aarhus_delegate), by=porto
    )
    withdrawn = give_proxy(
        session, cluster=members[1], holder=Attendee.objects.get(user=sofia), by=lyon_people[0]
    )
    withdraw_proxy(withdrawn, by=lyon_people[0])
    people = (*lyon_people, aarhus_delegate, porto, sofia, secretary, AnonymousUser())

    def in_sql(who, member):
        sql, params = permissions.vote_right_sql(str(int(session.pk)), who, member)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT CASE WHEN {sql} THEN 1 ELSE 0 END", params)
            return cursor.fetchone()[0] == 1

    answers = {(n, m.pk): in_sql(who, m) for n, who in enumerate(people) for m in members}
    expected = {
        (n, m.pk): permissions.can_vote_for(who, session, m)
        for n, who in enumerate(people)
        for m in members
    }
    assert answers == expected
    assert {key for key, yes in answers.items() if yes} == {
        (0, members[1].pk),
        (1, members[1].pk),
        (2, members[1].pk),
        (3, members[2].pk),
        (3, members[3].pk),
    }


def test_who_moves_seconds_and_withdraws(session, members, secretary, lyon_people, aarhus_delegate):
    item = add_agenda_item(session, title="Plan", minutes=5, by=secretary)
    motion = propose_motion(session, agenda_item=item, title="T", text="X", by=lyon_people[0])
    assert (
        permissions.moving_for(lyon_people[1], session),
        permissions.moving_for(secretary, session),
        permissions.moving_for(factories.UserFactory(), session),
    ) == (members[1], members[0], None)
    assert (
        permissions.seconding_for(lyon_people[2], motion),
        permissions.seconding_for(aarhus_delegate, motion),
        permissions.seconding_for(secretary, motion),
    ) == (None, members[2], None)
    assert [
        permissions.can_withdraw_motion(who, motion)
        for who in (lyon_people[1], aarhus_delegate, secretary)
    ] == [True, False, True]


def test_who_hands_a_vote_over(session, members, secretary, lyon_people):
    assert [
        permissions.can_give_proxy(who, session, members[1])
        for who in (lyon_people[0], lyon_people[1], secretary, AnonymousUser())
    ] == [True, False, True, False]


def test_who_reads_the_minutes(session, secretary, lyon_people):
    before = [
        permissions.can_see_minutes(who, session)
        for who in (secretary, lyon_people[0], AnonymousUser())
    ]
    session.minutes_published_at = timezone.now()
    assert (before, permissions.can_see_minutes(AnonymousUser(), session)) == (
        [True, False, False],
        True,
    )
