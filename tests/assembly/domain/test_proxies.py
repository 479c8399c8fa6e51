import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from matchfair.assembly.domain.casting import cast_ballot
from matchfair.assembly.domain.counting import open_election
from matchfair.assembly.domain.proxies import give_proxy, withdraw_proxy
from matchfair.assembly.domain.sessions import quorum
from matchfair.assembly.models import Attendee, Ballot, RollEntry
from matchfair.audit.models import AuditEntry
from matchfair.community.models import Cluster
from tests.assembly.conftest import attend

pytestmark = pytest.mark.django_db


@pytest.fixture
def porto_delegate(session, members, secretary):
    """Porto's voting delegate, registered but not here: Porto hands its vote on."""
    return attend(session, members[3], "Pia Porto", "delegate", by=secretary, checked_in=False)


def holder_of(session, user):
    return Attendee.objects.get(session=session, user=user)


def test_a_proxy_counts_the_represented_member_in_the_quorum(
    session, members, secretary, aarhus_delegate, porto_delegate
):
    assert (quorum(session).present, quorum(session).by_proxy) == (1, 0)
    give_proxy(
        session, cluster=members[3], holder=holder_of(session, aarhus_delegate), by=porto_delegate
    )
    assert (quorum(session).present, quorum(session).by_proxy, quorum(session).reached) == (
        2,
        1,
        True,
    )


def test_a_proxy_whose_holder_is_not_checked_in_represents_nobody(
    session, members, secretary, porto_delegate
):
    absent = attend(session, members[2], "Anders", "delegate", by=secretary, checked_in=False)
    give_proxy(session, cluster=members[3], holder=holder_of(session, absent), by=secretary)
    assert quorum(session).present == 0


def test_the_statute_limits_the_proxies_one_delegate_holds(
    session, network, members, secretary, aarhus_delegate, porto_delegate
):
    lyon = attend(session, members[1], "Léa", "delegate", by=secretary, checked_in=False)
    holder = holder_of(session, aarhus_delegate)
    give_proxy(session, cluster=members[3], holder=holder, by=porto_delegate)
    with pytest.raises(ValidationError, match="already holds 1 proxies; the statute allows 1"):
        give_proxy(session, cluster=members[1], holder=holder, by=lyon)
    network.statute.proxies_per_holder = 2
    network.statute.save()
    give_proxy(session, cluster=members[1], holder=holder, by=lyon)
    assert holder.proxies_held.filter(withdrawn_at__isnull=True).count() == 2


def test_a_member_hands_its_vote_once_and_takes_it_back(
    session, members, secretary, aarhus_delegate, porto_delegate
):
    lyon = attend(session, members[1], "Léa", "delegate", by=secretary)
    proxy = give_proxy(
        session, cluster=members[3], holder=holder_of(session, aarhus_delegate), by=porto_delegate
    )
    with pytest.raises(ValidationError, match="already handed its vote on"):
        give_proxy(session, cluster=members[3], holder=holder_of(session, lyon), by=porto_delegate)
    withdraw_proxy(proxy, by=porto_delegate)
    give_proxy(session, cluster=members[3], holder=holder_of(session, lyon), by=porto_delegate)
    assert list(
        AuditEntry.objects.filter(action__startswith="assembly.proxy_").values_list(
            "action", "details__member"
        )
    ) == [
        ("assembly.proxy_given", members[3].pk),
        ("assembly.proxy_withdrawn", members[3].pk),
        ("assembly.proxy_given", members[3].pk),
    ]
    assert session.proxies.count() == 2


def test_proxies_go_to_another_members_voting_delegate_and_do_not_chain(
    session, members, secretary, aarhus_delegate, porto_delegate, lyon_people
):
    substitute = holder_of(session, lyon_people[1])
    with pytest.raises(ValidationError, match="another member's voting delegate"):
        give_proxy(session, cluster=members[3], holder=substitute, by=porto_delegate)
    with pytest.raises(ValidationError, match="its own delegate"):
        give_proxy(
            session, cluster=members[3], holder=holder_of(session, porto_delegate), by=secretary
        )
    give_proxy(
        session, cluster=members[3], holder=holder_of(session, aarhus_delegate), by=porto_delegate
    )
    with pytest.raises(ValidationError, match="holds proxies, so Aarhus Digital keeps its vote"):
        give_proxy(
            session, cluster=members[2], holder=holder_of(session, lyon_people[0]), by=secretary
        )
    with pytest.raises(ValidationError, match="has handed its own vote on"):
        give_proxy(
            session, cluster=members[1], holder=holder_of(session, porto_delegate), by=secretary
        )


def test_only_the_members_delegate_or_the_secretariat_hands_its_vote_on(
    session, members, aarhus_delegate, porto_delegate, lyon_people
):
    with pytest.raises(PermissionDenied):
        give_proxy(
            session,
            cluster=members[3],
            holder=holder_of(session, aarhus_delegate),
            by=lyon_people[1],
        )
    assert not session.proxies.exists()


def test_the_proxy_holder_casts_a_ballot_for_the_represented_member_once(
    session, board_election, members, secretary, aarhus_delegate, porto_delegate
):
    election, (camille, _frederik, _rita) = board_election
    give_proxy(
        session, cluster=members[3], holder=holder_of(session, aarhus_delegate), by=porto_delegate
    )
    open_election(election, by=secretary)
    cast_ballot(election, voter=members[2], choices=[camille.pk], by=aarhus_delegate)
    cast_ballot(election, voter=members[3], choices=[camille.pk], by=aarhus_delegate)
    with pytest.raises(ValidationError, match="Porto Smart has already voted"):
        cast_ballot(election, voter=members[3], choices=[camille.pk], by=aarhus_delegate)
    assert (RollEntry.objects.count(), Ballot.objects.count()) == (2, 2)


def test_after_withdrawal_the_holder_no_longer_casts_for_the_member(
    session, board_election, members, secretary, aarhus_delegate, porto_delegate
):
    election, (camille, _frederik, _rita) = board_election
    proxy = give_proxy(
        session, cluster=members[3], holder=holder_of(session, aarhus_delegate), by=porto_delegate
    )
    withdraw_proxy(proxy, by=porto_delegate)
    open_election(election, by=secretary)
    with pytest.raises(PermissionDenied, match="holder of its proxy"):
        cast_ballot(election, voter=members[3], choices=[camille.pk], by=aarhus_delegate)
    assert not RollEntry.objects.filter(cluster=Cluster.objects.get(pk=members[3].pk)).exists()
