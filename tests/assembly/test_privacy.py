"""A person's ideas, comments, supports and work plan items in their data export, and what
erasing the account leaves: the member's ideas and supports without the name, no comment."""

import datetime as dt

import pytest

from matchfair.assembly.domain.ideas import comment_idea, propose_idea, support_idea
from matchfair.assembly.domain.workplan import add_item
from matchfair.assembly.models import Idea, IdeaComment, IdeaSupport, WorkItem
from matchfair.community.domain.privacy import erase_account, export_personal_data
from tests import factories

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
