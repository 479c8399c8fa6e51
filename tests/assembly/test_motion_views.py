import pytest
from django.urls import reverse

from matchfair.assembly.domain.counting import open_election
from matchfair.assembly.domain.minutes import publish_minutes
from matchfair.assembly.domain.proxies import give_proxy
from matchfair.assembly.domain.sessions import add_agenda_item
from matchfair.assembly.models import Attendee, Ballot, Motion, MotionVote, Proxy, RollEntry
from tests.assembly.conftest import attend

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(session, secretary):
    return add_agenda_item(session, title="Work plan 2027", minutes=20, by=secretary)


def test_a_delegate_proposes_another_seconds_the_secretariat_runs_the_vote(
    client, session, members, item, secretary, lyon_people, aarhus_delegate
):
    client.force_login(lyon_people[0])
    answer = client.post(
        reverse("assembly:propose", kwargs={"pk": session.pk}),
        {
            "agenda_item": item.pk,
            "title": "Adopt the work plan",
            "text": "Adopted.",
            "threshold": "two-thirds",
        },
    )
    motion = Motion.objects.get()
    assert answer.url == reverse("assembly:motion", kwargs={"pk": motion.pk})
    client.force_login(aarhus_delegate)
    client.post(reverse("assembly:second", kwargs={"pk": motion.pk}))
    client.force_login(secretary)
    client.post(reverse("assembly:open_motion", kwargs={"pk": motion.pk}))
    for person, cluster, choice in (
        (lyon_people[1], members[1], "yes"),
        (aarhus_delegate, members[2], "no"),
    ):
        client.force_login(person)
        client.post(
            reverse("assembly:motion_vote", kwargs={"pk": motion.pk}),
            {"member": cluster.pk, "choice": choice},
        )
    client.force_login(secretary)
    client.post(reverse("assembly:close_motion", kwargs={"pk": motion.pk}))
    page = client.get(reverse("assembly:motion", kwargs={"pk": motion.pk})).content.decode()
    motion.refresh_from_db()
    assert (motion.status, motion.yes, motion.no, motion.adopted) == ("closed", 1, 1, False)
    assert "<tr><th>yes needed</th><td>2</td></tr>" in page
    assert "Lyon Urban Lab: yes" in page
    assert "Rejected" in page


def test_a_bad_motion_is_refused_with_each_field_named_and_kept_in_the_form(
    client, session, item, lyon_people
):
    client.force_login(lyon_people[0])
    answer = client.post(
        reverse("assembly:propose", kwargs={"pk": session.pk}),
        {"agenda_item": item.pk, "title": "", "text": "Keep me", "threshold": "simple"},
    )
    assert (answer.status_code, Motion.objects.count()) == (200, 0)
    assert "A motion needs a title." in answer.content.decode()
    assert "Keep me</textarea>" in answer.content.decode()


def test_someone_voting_for_a_member_they_do_not_represent_is_refused(
    client, session, members, item, secretary, lyon_people, aarhus_delegate
):
    motion = Motion.objects.create(
        session=session,
        agenda_item=item,
        title="T",
        text="X",
        mover=members[1],
        status="open",
    )
    client.force_login(aarhus_delegate)
    answer = client.post(
        reverse("assembly:motion_vote", kwargs={"pk": motion.pk}),
        {"member": members[1].pk, "choice": "yes"},
    )
    assert (answer.status_code, MotionVote.objects.count()) == (403, 0)


def test_a_delegate_hands_the_vote_over_and_the_holder_votes_by_proxy(
    client, session, members, secretary, board_election, aarhus_delegate
):
    pia = attend(session, members[3], "Pia Porto", "delegate", by=secretary, checked_in=False)
    client.force_login(pia)
    page = client.get(reverse("assembly:proxies", kwargs={"pk": session.pk})).content.decode()
    assert "Aarhus Digital — Anders Delegate" in page
    holder = Attendee.objects.get(user=aarhus_delegate)
    client.post(
        reverse("assembly:proxies", kwargs={"pk": session.pk}),
        {"cluster": members[3].pk, "holder": holder.pk},
    )
    assert Proxy.objects.get().holder == holder
    election, (camille, _frederik, _rita) = board_election
    open_election(election, by=secretary)
    client.force_login(aarhus_delegate)
    session_page = client.get(reverse("assembly:session", kwargs={"pk": session.pk}))
    assert "Vote for Porto Smart (proxy)" in session_page.content.decode()
    quorum = client.get(reverse("assembly:quorum", kwargs={"pk": session.pk})).content.decode()
    assert "2 of 4 members present or represented; 2 needed (50%). (1 by proxy)" in quorum
    url = reverse("assembly:ballot", kwargs={"pk": election.pk})
    assert "By proxy for Porto Smart" in client.get(url, {"for": members[3].pk}).content.decode()
    client.post(url, {"for": members[3].pk, f"rank-{camille.pk}": "1"})
    assert list(RollEntry.objects.values_list("cluster", flat=True)) == [members[3].pk]
    assert Ballot.objects.count() == 1


def test_only_the_members_delegate_hands_its_vote_over(
    client, session, members, secretary, lyon_people, aarhus_delegate
):
    pia = attend(session, members[3], "Pia Porto", "delegate", by=secretary)
    client.force_login(lyon_people[1])  # a substitute, not Lyon's voting delegate
    answer = client.post(
        reverse("assembly:proxies", kwargs={"pk": session.pk}),
        {"cluster": members[3].pk, "holder": Attendee.objects.get(user=pia).pk},
    )
    assert (answer.status_code, Proxy.objects.count()) == (403, 0)


def test_the_minutes_are_for_the_secretariat_then_for_everyone(client, session, secretary):
    url = reverse("assembly:minutes", kwargs={"pk": session.pk})
    assert client.get(url).status_code == 404
    client.force_login(secretary)
    draft = client.get(url)
    assert (draft.status_code, draft["Content-Type"], draft.content[:4]) == (
        200,
        "application/pdf",
        b"%PDF",
    )
    publish_minutes(session, by=secretary)
    client.logout()
    assert client.get(url).status_code == 200


def test_proxies_given_and_withdrawn_in_the_page(
    client, session, members, secretary, aarhus_delegate
):
    pia = attend(session, members[3], "Pia Porto", "delegate", by=secretary)
    proxy = give_proxy(
        session, cluster=members[3], holder=Attendee.objects.get(user=aarhus_delegate), by=pia
    )
    client.force_login(pia)
    client.post(reverse("assembly:withdraw_proxy", kwargs={"pk": proxy.pk}))
    proxy.refresh_from_db()
    assert proxy.withdrawn_at is not None
