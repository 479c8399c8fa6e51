"""Read-only questions about requests that several pages ask: `meetings.domain.queries`."""

from matchfair.meetings.domain.queries import open_request_between, requests_of
from matchfair.meetings.domain.requests import (
    accept_request,
    cancel_request,
    decline_request,
    send_request,
)
from tests import factories


def ask(sender, recipient):
    return send_request(sender=sender, recipient=recipient, message="Hi", by=sender.user)


def test_open_request_between_finds_an_asked_request_from_either_side(ana, jonas):
    asked = ask(ana, jonas)
    assert (open_request_between(ana, jonas), open_request_between(jonas, ana)) == (asked, asked)


def test_open_request_between_finds_an_accepted_request(ana, jonas):
    asked = ask(ana, jonas)
    accept_request(asked, by=jonas.user)
    assert open_request_between(jonas, ana) == asked


def test_open_request_between_ignores_declined_and_cancelled_requests(ana, jonas):
    decline_request(ask(ana, jonas), by=jonas.user)
    cancel_request(ask(jonas, ana), by=jonas.user)
    assert open_request_between(ana, jonas) is None


def test_open_request_between_two_who_never_asked_is_none(event, ana, jonas):
    carl = factories.RegistrationFactory(event=event)
    ask(ana, carl)
    assert open_request_between(ana, jonas) is None


def test_requests_of_holds_sent_and_received_newest_first(event, ana, jonas):
    carl = factories.RegistrationFactory(event=event)
    sent = ask(ana, jonas)
    received = ask(carl, ana)
    ask(jonas, carl)  # neither from nor to Ana
    assert list(requests_of(ana)) == [received, sent]


def test_requests_of_keeps_answered_requests(ana, jonas):
    declined = decline_request(ask(ana, jonas), by=jonas.user)
    assert list(requests_of(jonas)) == [declined]
