"""The check-in QR on the badge: a signed token that only the session's secretariat can use,
good until the end of the session's day."""

import datetime as dt

import pytest
from django.core import signing

from matchfair.assembly.domain.badges import badge_qr_svg, check_in_token, check_in_url, scan_badge
from matchfair.assembly.domain.sessions import register_attendee
from matchfair.assembly.models import Attendee, Session, Statute
from matchfair.community.models import Network
from tests import factories

pytestmark = pytest.mark.django_db

ON_THE_DAY = dt.datetime(2026, 3, 16, 9, 30, tzinfo=dt.UTC)


@pytest.fixture
def waiting(session, members, secretary):
    """Porto's delegate, registered, not yet checked in."""
    person = factories.UserFactory(full_name="Pedro Delegate", organisation=members[3].organisation)
    return register_attendee(
        session, cluster=members[3], user=person, role="delegate", by=secretary
    )


def test_scanning_checks_the_attendee_in_then_says_already(waiting, secretary):
    token = check_in_token(waiting)
    first = scan_badge(token, by=secretary, now=ON_THE_DAY)
    again = scan_badge(token, by=secretary, now=ON_THE_DAY)
    waiting.refresh_from_db()
    assert (first.outcome, again.outcome, waiting.checked_in_at is not None) == (
        "checked-in",
        "already",
        True,
    )


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        "",
        signing.dumps({"a": 1, "s": 1}, salt="another purpose"),
        signing.dumps({"attendee": 1}, salt="matchfair.assembly.check-in"),
    ],
)
def test_a_token_not_made_here_is_invalid(waiting, secretary, token):
    assert scan_badge(token, by=secretary, now=ON_THE_DAY).outcome == "invalid"


def test_a_token_changed_by_hand_is_invalid(waiting, secretary):
    token = check_in_token(waiting)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    assert scan_badge(tampered, by=secretary, now=ON_THE_DAY).outcome == "invalid"


def test_a_removed_registration_makes_the_badge_invalid(waiting, secretary):
    token = check_in_token(waiting)
    Attendee.objects.filter(pk=waiting.pk).delete()
    assert scan_badge(token, by=secretary, now=ON_THE_DAY).outcome == "invalid"


def test_another_partnerships_secretariat_cannot_use_the_badge(waiting):
    other = Network.objects.create(name="Nordic Partnership", kind="partnership")
    lead = factories.ClusterFactory()
    lead.networks.add(other)
    Statute.objects.create(network=other, secretariat=lead)
    stranger = factories.UserFactory(organisation=lead.organisation)
    found = scan_badge(check_in_token(waiting), by=stranger, now=ON_THE_DAY)
    waiting.refresh_from_db()
    assert (found.outcome, waiting.checked_in_at) == ("foreign", None)


def test_after_the_sessions_day_the_badge_has_expired(waiting, secretary):
    the_day_after = dt.datetime(2026, 3, 17, 8, 0, tzinfo=dt.UTC)
    found = scan_badge(check_in_token(waiting), by=secretary, now=the_day_after)
    waiting.refresh_from_db()
    assert (found.outcome, waiting.checked_in_at) == ("expired", None)


def test_a_badge_of_another_session_names_that_session(session, waiting, secretary):
    later = Session.objects.create(
        network=session.network, title="Extraordinary", date=dt.date(2026, 3, 16), place="Sofia"
    )
    other = register_attendee(
        later, cluster=waiting.cluster, user=waiting.user, role="delegate", by=secretary
    )
    found = scan_badge(check_in_token(other), by=secretary, now=ON_THE_DAY)
    waiting.refresh_from_db()
    assert (found.attendee.session, waiting.checked_in_at) == (later, None)


def test_the_qr_is_an_svg_of_the_check_in_address(waiting):
    svg = badge_qr_svg(waiting).decode()
    assert (
        svg.lstrip().startswith("<?xml"),
        "<svg" in svg,
        "Pedro Delegate" in svg,
        "/assembly/scan/" in check_in_url(waiting),
        check_in_url(waiting).startswith("http"),
    ) == (True, True, True, True, True)
