"""A person's ideas, comments, supports, work plan items, motions and proxies in their data
export, and what erasing the account leaves: the member's ideas and supports without the name,
no comment, and motions and proxies on the record without the person."""

import datetime as dt

import pytest

from matchfair.assembly.domain.ideas import comment_idea, propose_idea, support_idea
from matchfair.assembly.domain.motions import propose_motion
from matchfair.assembly.domain.proxies import give_proxy
from matchfair.assembly.domain.sessions import add_agenda_item
from matchfair.assembly.domain.workplan import add_item
from matchfair.assembly.models import (
    Attendee,
    Idea,
    IdeaComment,
    IdeaSupport,
    Motion,
    Proxy,
    WorkItem,
)
from matchfair.assembly.privacy import collect, erase
from matchfair.community.domain.privacy import erase_account, export_personal_data
from tests import factories
from tests.assembly.conftest import attend

pytestmark = pytest.mark.django_db


@pytest.fixture
def lyon_idea(network, members, member_people, secretary):
    lyon = member_people[1]
    idea = propose_idea(
        network=network, cluster=members[1], title="Data space", description_en="x", by=lyon
    )
    comment_idea(idea, body="We start in Lyon.", by=lyon)
    support_idea(idea, cluster=members[1], by=lyon)
    add_item(
        network=network,
        title="Pilot",
        owner=members[1],
        person=lyon,
        deadline=dt.date(2027, 6, 30),
        by=secretary,
    )
    return idea


def test_the_export_holds_ideas_comments_supports_and_items(lyon_idea, member_people):
    section = export_personal_data(user=member_people[1])["assembly"]
    assert (
        [i["title"] for i in section["ideas"]],
        [c["comment"] for c in section["idea_comments"]],
        [s["member"] for s in section["idea_supports"]],
        [w["title"] for w in section["work_items"]],
    ) == (["Data space"], ["We start in Lyon."], ["Lyon Urban Lab"], ["Pilot"])


def test_erasure_keeps_the_members_idea_and_support_without_the_person(lyon_idea, member_people):
    lyon = member_people[1]
    erase_account(user=lyon, by=lyon, password=factories.PASSWORD)
    assert (
        Idea.objects.get().author,
        IdeaComment.objects.count(),
        list(IdeaSupport.objects.values_list("cluster__organisation__name", "user")),
        WorkItem.objects.get().person,
    ) == (None, 0, [("Lyon Urban Lab", None)], None)


def test_motions_and_proxies_are_exported_and_stay_on_the_record_without_the_person(
    session, members, secretary, aarhus_delegate
):
    lea = attend(session, members[1], "Léa", "delegate", by=secretary)
    item = add_agenda_item(session, title="Plan", minutes=5, by=secretary)
    propose_motion(session, agenda_item=item, title="Adopt", text="Adopted.", by=lea)
    give_proxy(
        session, cluster=members[1], holder=Attendee.objects.get(user=aarhus_delegate), by=lea
    )
    data = collect(lea)
    assert (data["motions_proposed"][0]["title"], data["proxies_handed_over"][0]["member"]) == (
        "Adopt",
        "Lyon Urban Lab",
    )
    erase(lea)
    assert (Motion.objects.get().proposed_by, Proxy.objects.get().given_by) == (None, None)
