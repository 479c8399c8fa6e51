import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from matchfair.assembly.domain.sessions import (
    Quorum,
    add_agenda_item,
    check_in,
    quorum,
    register_attendee,
    register_network_delegates,
)
from matchfair.assembly.models import Attendee
from matchfair.community.models import Delegate
from tests import factories
from tests.assembly.conftest import attend

pytestmark = pytest.mark.django_db


def test_agenda_items_are_numbered_in_the_order_they_are_added(session, secretary):
    add_agenda_item(session, title="Opening", minutes=10, presenter="Chair", by=secretary)
    add_agenda_item(session, title="Elections", minutes=45, by=secretary)
    assert list(session.agenda.values_list("position", "title", "minutes", "presenter")) == [
        (1, "Opening", 10, "Chair"),
        (2, "Elections", 45, ""),
    ]


def test_agenda_is_changed_only_by_the_secretariat(session, members):
    outsider = factories.UserFactory(organisation=members[1].organisation)
    with pytest.raises(PermissionDenied, match="secretariat"):
        add_agenda_item(session, title="Opening", minutes=10, by=outsider)


def test_a_member_has_one_voting_delegate_and_any_substitutes(session, members, secretary):
    attend(session, members[1], "Léa", "delegate", by=secretary)
    attend(session, members[1], "Hugo", "substitute", by=secretary)
    with pytest.raises(ValidationError, match="already has a voting delegate"):
        attend(session, members[1], "Marc", "delegate", by=secretary)
    assert session.attendees.filter(cluster=members[1]).count() == 2


def test_only_members_of_the_network_are_registered(session, secretary):
    stranger = factories.ClusterFactory(organisation__name="Elsewhere")
    with pytest.raises(ValidationError, match="is not a member of Smart City Tech Partnership"):
        register_attendee(
            session, cluster=stranger, user=factories.UserFactory(), role="delegate", by=secretary
        )


def test_standing_delegates_are_registered_for_the_session(session, network, members, secretary):
    for cluster in members[:2]:
        Delegate.objects.create(network=network, cluster=cluster, user=factories.UserFactory())
    attend(session, members[1], "Léa", "delegate", by=secretary, checked_in=False)
    assert register_network_delegates(session, by=secretary) == 1
    assert sorted(
        session.attendees.filter(role=Attendee.Role.DELEGATE).values_list("cluster", flat=True)
    ) == [members[0].pk, members[1].pk]


def test_quorum_counts_members_with_someone_checked_in(session, members, secretary):
    attend(session, members[1], "Léa", "delegate", by=secretary)
    attend(session, members[1], "Hugo", "substitute", by=secretary)
    attend(session, members[2], "Anders", "delegate", by=secretary, checked_in=False)
    assert (quorum(session), quorum(session).reached) == (Quorum(1, 4, 50), False)


def test_quorum_is_reached_at_the_statute_threshold(session, members, secretary):
    attend(session, members[1], "Léa", "delegate", by=secretary)
    attendee = session.attendees.create(
        cluster=members[2], user=factories.UserFactory(), role="delegate"
    )
    check_in(attendee, by=secretary)
    assert (quorum(session), quorum(session).needed, quorum(session).reached) == (
        Quorum(2, 4, 50),
        2,
        True,
    )
