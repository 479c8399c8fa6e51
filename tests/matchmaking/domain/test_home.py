import datetime as dt

from django.utils import timezone

from matchfair.events.models import Registration
from matchfair.matchmaking.domain.home import Phase, home_for, phase_of
from matchfair.meetings.domain.requests import accept_request, decline_request, send_request
from tests import factories
from tests.matchmaking.home_rows import meeting_tomorrow, running, suggest


def ask(sender, recipient):
    return send_request(sender=sender, recipient=recipient, message="Talk?", by=sender.user)


def test_phase_of_an_event_by_its_days(event):
    day = dt.date(2026, 11, 11)
    assert [
        phase_of(event, day - dt.timedelta(days=2)),
        phase_of(event, day),
        phase_of(event, day + dt.timedelta(days=2)),
    ] == [Phase.NEXT, Phase.RUNNING, Phase.PAST]


def test_home_puts_the_running_event_first_then_the_next_then_the_past(ana):
    user = ana.user
    today = timezone.now().date()
    later = factories.EventFactory(
        starts_on=today + dt.timedelta(days=30), ends_on=today + dt.timedelta(days=31)
    )
    sooner = factories.EventFactory(
        starts_on=today + dt.timedelta(days=10), ends_on=today + dt.timedelta(days=11)
    )
    running(ana.event, days_before=1)
    old = factories.EventFactory(
        starts_on=today - dt.timedelta(days=100), ends_on=today - dt.timedelta(days=99)
    )
    for event in (later, sooner, old):
        factories.RegistrationFactory(event=event, user=user)
    assert [(home.event, home.phase) for home in home_for(user)] == [
        (ana.event, Phase.RUNNING),
        (sooner, Phase.NEXT),
        (later, Phase.NEXT),
        (old, Phase.PAST),
    ]


def test_home_leaves_out_withdrawn_registrations(ana):
    ana.status = Registration.Status.WITHDRAWN
    ana.save()
    assert home_for(ana.user) == []


def test_home_counts_requests_waiting_sent_and_accepted(event, ana, jonas):
    running(event)
    third, fourth, fifth = (factories.RegistrationFactory(event=event) for _ in range(3))
    ask(jonas, ana)
    ask(third, ana)
    ask(ana, fourth)
    accept_request(ask(fifth, ana), by=ana.user)
    sixth = factories.RegistrationFactory(event=event)
    decline_request(ask(ana, sixth), by=sixth.user)
    [home] = home_for(ana.user)
    assert (home.waiting, home.sent, home.accepted) == (2, 1, 1)


def test_home_shows_the_next_meetings_with_table_and_hall(event, ana, jonas):
    session = running(event)
    meeting_tomorrow(event, session, ana, jonas)
    [home] = home_for(ana.user)
    [item] = home.next_meetings
    assert (item.starts_at, item.table.location, item.others) == (
        session.slots.order_by("starts_at")[0].starts_at,
        "Hall 2",
        (jonas,),
    )


def test_home_leaves_out_meetings_that_are_over(event, ana, jonas):
    session = running(event)
    meeting_tomorrow(event, session, ana, jonas)
    after = timezone.now() + dt.timedelta(days=3)
    assert home_for(ana.user, now=after)[0].next_meetings == ()


def test_home_shows_the_top_three_suggestions_in_rank_order(event, ana):
    running(event)
    others = [factories.RegistrationFactory(event=event) for _ in range(4)]
    suggest(ana, *others)
    [home] = home_for(ana.user)
    assert [s.suggested for s in home.suggestions] == others[:3]


def test_home_of_a_past_event_skips_meetings_and_suggestions(event, ana, jonas):
    suggest(ana, jonas)
    [home] = home_for(ana.user, now=dt.datetime(2027, 1, 5, tzinfo=dt.UTC))
    assert (home.phase, home.suggestions, home.next_meetings) == (Phase.PAST, (), ())


def test_booking_state_follows_the_window(event, ana):
    running(event)
    now = timezone.now()
    states = []
    for opens, closes in (
        (now + dt.timedelta(days=1), None),
        (now - dt.timedelta(days=1), now + dt.timedelta(days=1)),
        (None, now - dt.timedelta(minutes=1)),
    ):
        event.booking_opens_at, event.booking_closes_at = opens, closes
        event.save()
        states.append(home_for(ana.user)[0].booking_state)
    assert states == ["not_yet", "open", "closed"]
