import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import given
from hypothesis import strategies as st

from matchfair.assembly.domain.motions import (
    cast_motion_vote,
    close_motion_vote,
    open_motion_vote,
    outcome,
    propose_motion,
    second_motion,
    withdraw_motion,
)
from matchfair.assembly.domain.proxies import give_proxy
from matchfair.assembly.domain.sessions import add_agenda_item
from matchfair.assembly.models import Attendee, Motion, MotionVote
from matchfair.audit.models import AuditEntry
from tests.assembly.conftest import attend

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(session, secretary):
    return add_agenda_item(session, title="Work plan 2027", minutes=20, by=secretary)


@pytest.fixture
def voters(session, members, secretary):
    """A checked-in delegate for each of the three voting members (not the secretariat)."""
    return [
        attend(session, cluster, name, "delegate", by=secretary)
        for cluster, name in zip(members[1:], ("Léa", "Anders", "Pia"), strict=True)
    ]


def motion_on(session, item, voters, **kwargs):
    motion = propose_motion(
        session,
        agenda_item=item,
        title=kwargs.pop("title", "Adopt the work plan"),
        text="The assembly adopts the work plan 2027.",
        by=voters[0],
        **kwargs,
    )
    return second_motion(motion, by=voters[1])


def test_a_motion_is_proposed_seconded_voted_and_adopted_with_its_figures(
    session, members, item, voters, secretary
):
    motion = motion_on(session, item, voters)
    assert (motion.mover, motion.seconded_by, motion.status) == (
        members[1],
        members[2],
        "seconded",
    )
    open_motion_vote(motion, by=secretary)
    for voter, cluster, choice in zip(voters, members[1:], ("yes", "yes", "no"), strict=True):
        cast_motion_vote(motion, voter=cluster, choice=choice, by=voter)
    motion = close_motion_vote(motion, by=secretary)
    assert (motion.yes, motion.no, motion.abstain, motion.members, motion.adopted) == (
        2,
        1,
        0,
        4,
        True,
    )
    assert list(motion.votes.values_list("cluster", "choice")) == [
        (members[1].pk, "yes"),
        (members[2].pk, "yes"),
        (members[3].pk, "no"),
    ]


def test_a_member_votes_once_on_a_motion(session, members, item, voters, secretary):
    substitute = attend(session, members[1], "Hugo", "substitute", by=secretary)
    motion = motion_on(session, item, voters)
    open_motion_vote(motion, by=secretary)
    cast_motion_vote(motion, voter=members[1], choice="yes", by=voters[0])
    with pytest.raises(ValidationError, match="Lyon Urban Lab has already voted on this motion"):
        cast_motion_vote(motion, voter=members[1], choice="no", by=substitute)
    motion.refresh_from_db()
    assert (motion.yes, motion.no, MotionVote.objects.count()) == (1, 0, 1)


def test_a_secret_motion_vote_keeps_only_the_tally(session, members, item, voters, secretary):
    motion = motion_on(session, item, voters, secret=True)
    open_motion_vote(motion, by=secretary)
    cast_motion_vote(motion, voter=members[1], choice="no", by=voters[0])
    motion.refresh_from_db()
    assert (motion.no, list(motion.votes.values_list("choice", flat=True))) == (1, [""])
    assert "choice" not in AuditEntry.objects.get(action="assembly.motion_vote_cast").details


def test_the_statute_makes_motions_secret_by_default(session, network, item, voters):
    network.statute.secret_motions = True
    network.statute.save()
    assert motion_on(session, item, voters).secret is True


def test_seconding_is_by_another_member(session, members, item, voters, secretary):
    substitute = attend(session, members[1], "Hugo", "substitute", by=secretary)
    motion = propose_motion(session, agenda_item=item, title="T", text="X", by=voters[0])
    with pytest.raises(PermissionDenied, match="another member"):
        second_motion(motion, by=substitute)
    with pytest.raises(PermissionDenied, match="another member"):
        second_motion(motion, by=secretary)
    with pytest.raises(ValidationError, match="seconded motion"):
        open_motion_vote(motion, by=secretary)


def test_a_motion_needs_a_title_a_text_and_an_agenda_item_of_the_session(
    session, item, voters, members, secretary
):
    with pytest.raises(ValidationError) as error:
        propose_motion(session, agenda_item=None, title=" ", text="", by=voters[0])
    assert set(error.value.message_dict) == {"title", "text", "agenda_item"}
    assert not Motion.objects.exists()


def test_someone_not_checked_in_does_not_move(session, members, item, secretary):
    absent = attend(session, members[1], "Léa", "delegate", by=secretary, checked_in=False)
    with pytest.raises(PermissionDenied):
        propose_motion(session, agenda_item=item, title="T", text="X", by=absent)


def test_amendments_are_voted_first_and_an_adopted_one_rewords_the_motion(
    session, members, item, voters, secretary
):
    motion = motion_on(session, item, voters)
    amendment = propose_motion(
        session,
        title="Add a deadline",
        text="The assembly adopts the work plan 2027, to be reviewed in June.",
        amends=motion,
        by=voters[2],
    )
    second_motion(amendment, by=voters[0])
    with pytest.raises(ValidationError, match="amendments are voted first"):
        open_motion_vote(motion, by=secretary)
    open_motion_vote(amendment, by=secretary)
    for voter, cluster in zip(voters, members[1:], strict=True):
        cast_motion_vote(amendment, voter=cluster, choice="yes", by=voter)
    close_motion_vote(amendment, by=secretary)
    motion.refresh_from_db()
    assert (amendment.agenda_item, motion.text, motion.original_text) == (
        item,
        "The assembly adopts the work plan 2027, to be reviewed in June.",
        "The assembly adopts the work plan 2027.",
    )
    assert open_motion_vote(motion, by=secretary).status == "open"
    with pytest.raises(ValidationError, match="not yet put to the vote"):
        propose_motion(session, title="Late", text="X", amends=motion, by=voters[2])


def test_withdrawing_a_motion_withdraws_its_amendments(session, item, voters, secretary):
    motion = motion_on(session, item, voters)
    amendment = propose_motion(session, title="A", text="B", amends=motion, by=voters[2])
    with pytest.raises(PermissionDenied):
        withdraw_motion(motion, by=voters[1])
    withdraw_motion(motion, by=voters[0])
    amendment.refresh_from_db()
    assert amendment.status == "withdrawn"


def test_a_motion_is_put_to_the_vote_only_with_a_quorum(session, network, members, item, secretary):
    network.statute.quorum_percent = 75
    network.statute.save()
    mover = attend(session, members[1], "Léa", "delegate", by=secretary)
    motion = propose_motion(session, agenda_item=item, title="T", text="X", by=mover)
    second_motion(motion, by=attend(session, members[2], "Anders", "delegate", by=secretary))
    with pytest.raises(ValidationError, match="No quorum: 2 of 4 members, 3 needed"):
        open_motion_vote(motion, by=secretary)


def test_a_proxy_holder_votes_for_the_represented_member(session, members, item, voters, secretary):
    pia = Attendee.objects.get(user=voters[2])
    pia.checked_in_at = None
    pia.save()
    give_proxy(
        session,
        cluster=members[3],
        holder=Attendee.objects.get(user=voters[1]),
        by=voters[2],
    )
    motion = motion_on(session, item, voters)
    open_motion_vote(motion, by=secretary)
    vote = cast_motion_vote(motion, voter=members[3], choice="abstain", by=voters[1])
    with pytest.raises(PermissionDenied):
        cast_motion_vote(motion, voter=members[3], choice="yes", by=voters[2])
    assert (vote.by_proxy, vote.choice) == (True, "abstain")


@pytest.mark.parametrize(
    ("threshold", "yes", "no", "abstain", "members", "adopted", "needed"),
    [
        ("simple", 3, 3, 0, 12, False, 4),  # a tie fails
        ("simple", 4, 3, 5, 12, True, 4),  # abstentions are not votes cast
        ("absolute", 6, 0, 0, 12, False, 7),
        ("absolute", 7, 5, 0, 12, True, 7),
        ("two-thirds", 6, 3, 0, 12, True, 6),
        ("two-thirds", 5, 3, 0, 12, False, 6),
        ("simple", 0, 0, 4, 12, False, 1),  # nobody voted yes or no
    ],
)
def test_thresholds(threshold, yes, no, abstain, members, adopted, needed):
    result = outcome(threshold, yes=yes, no=no, abstain=abstain, members=members)
    assert (result.adopted, result.needed) == (adopted, needed)


@given(
    st.sampled_from(["simple", "absolute", "two-thirds"]),
    st.integers(0, 60),
    st.integers(0, 60),
    st.integers(0, 60),
)
def test_thresholds_match_their_definition(threshold, yes, no, abstain):
    members = yes + no + abstain
    adopted = outcome(threshold, yes=yes, no=no, abstain=abstain, members=members).adopted
    expected = {
        "simple": 2 * yes > yes + no,
        "absolute": 2 * yes > members,
        "two-thirds": yes > 0 and 3 * yes >= 2 * (yes + no),
    }[threshold]
    assert adopted == expected
