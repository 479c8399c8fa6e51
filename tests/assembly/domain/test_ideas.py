"""The ideas board's domain: proposing, commenting, one support per member, and the way from new
to under evaluation to accepted (into the work plan) or refused with a reason."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from matchfair.assembly.domain.ideas import (
    accept_idea,
    comment_idea,
    propose_idea,
    refuse_idea,
    start_evaluation,
    support_idea,
    withdraw_support,
)
from matchfair.assembly.domain.workplan import add_item
from matchfair.assembly.models import Idea, IdeaSupport, WorkItem
from matchfair.audit.models import AuditEntry
from matchfair.community.models import Delegate, Membership
from matchfair.outbox.models import Message
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(network, members, member_people):
    return propose_idea(
        network=network,
        cluster=members[1],
        title="Shared mobility data space",
        description_en="A **data space** for mobility.",
        domains=["mobility", "ict"],
        partners_sought="Cities with open data",
        by=member_people[1],
    )


def test_propose_idea_keeps_the_domains_in_the_taxonomy_order_and_audits(idea, member_people):
    assert (idea.status, idea.domains, idea.author, idea.domain_codes) == (
        "new",
        ",mobility,ict,",
        member_people[1],
        ["mobility", "ict"],
    )
    assert AuditEntry.objects.filter(action="assembly.idea_proposed").count() == 1


def test_propose_idea_needs_a_title_and_a_description_in_one_language(
    network, members, member_people
):
    with pytest.raises(ValidationError) as error:
        propose_idea(network=network, cluster=members[1], title=" ", by=member_people[1])
    assert sorted(error.value.message_dict) == ["description_en", "title"]


def test_propose_idea_in_bulgarian_only_is_enough(network, members, member_people):
    idea = propose_idea(
        network=network,
        cluster=members[2],
        title="Умни паркинги",
        description_bg="Сензори за паркиране",
        by=member_people[2],
    )
    assert (idea.description_en, idea.description_bg) == ("", "Сензори за паркиране")


def test_propose_idea_refuses_an_unknown_domain(network, members, member_people):
    with pytest.raises(ValidationError, match="Unknown domains: space"):
        propose_idea(
            network=network,
            cluster=members[1],
            title="Rockets",
            description_en="x",
            domains=["space", "energy"],
            by=member_people[1],
        )


def test_propose_idea_for_a_member_one_does_not_belong_to_is_refused(
    network, members, member_people
):
    with pytest.raises(PermissionDenied):
        propose_idea(
            network=network,
            cluster=members[2],
            title="Not mine",
            description_en="x",
            by=member_people[1],
        )


def test_people_of_a_member_organisation_and_a_standing_delegate_propose(network, members):
    company = factories.OrganisationFactory()
    Membership.objects.create(cluster=members[3], organisation=company)
    employee = factories.UserFactory(organisation=company)
    delegate = factories.UserFactory()  # of an organisation outside the network
    Delegate.objects.create(network=network, cluster=members[2], user=delegate)
    ideas = [
        propose_idea(
            network=network, cluster=cluster, title="T", description_en="x", by=person
        ).cluster
        for cluster, person in ((members[3], employee), (members[2], delegate))
    ]
    assert ideas == [members[3], members[2]]


def test_an_outsider_cannot_propose_nor_comment(network, members, idea):
    outsider = factories.UserFactory()
    with pytest.raises(PermissionDenied):
        propose_idea(
            network=network, cluster=members[1], title="T", description_en="x", by=outsider
        )
    with pytest.raises(PermissionDenied):
        comment_idea(idea, body="Hello", by=outsider)


def test_comment_idea_keeps_the_text_and_refuses_an_empty_one(idea, member_people):
    comment = comment_idea(idea, body="  We would join.  ", by=member_people[2])
    assert (comment.body, comment.author) == ("We would join.", member_people[2])
    with pytest.raises(ValidationError, match="Write a comment first"):
        comment_idea(idea, body=" ", by=member_people[2])


def test_a_member_supports_an_idea_once_whoever_of_its_people_clicks(idea, members, member_people):
    colleague = factories.UserFactory(organisation=members[2].organisation)
    support_idea(idea, cluster=members[2], by=member_people[2])
    with pytest.raises(ValidationError, match="Aarhus Digital already supports this idea"):
        support_idea(idea, cluster=members[2], by=colleague)
    assert list(IdeaSupport.objects.values_list("cluster", "user")) == [
        (members[2].pk, member_people[2].pk)
    ]


def test_the_database_refuses_a_second_support_of_a_member(idea, members):
    IdeaSupport.objects.create(idea=idea, cluster=members[3])
    with pytest.raises(IntegrityError):
        IdeaSupport.objects.create(idea=idea, cluster=members[3])


def test_support_only_for_a_member_one_acts_for(idea, members, member_people):
    with pytest.raises(PermissionDenied):
        support_idea(idea, cluster=members[3], by=member_people[2])


def test_withdraw_support_then_support_again(idea, members, member_people):
    support_idea(idea, cluster=members[2], by=member_people[2])
    withdraw_support(idea, cluster=members[2], by=member_people[2])
    support_idea(idea, cluster=members[2], by=member_people[2])
    assert idea.supports.count() == 1


def test_an_idea_goes_through_evaluation_into_a_new_work_plan_item(
    idea, members, secretary, member_people
):
    start_evaluation(idea, by=secretary)
    accepted = accept_idea(idea, deadline=dt.date(2027, 6, 30), by=secretary)
    item = accepted.work_item
    assert (accepted.status, item.title, item.owner, item.deadline, item.description) == (
        "accepted",
        "Shared mobility data space",
        members[1],
        dt.date(2027, 6, 30),
        "A **data space** for mobility.",
    )
    assert list(item.ideas.all()) == [accepted]
    assert sorted(
        Message.objects.filter(kind="assembly.idea_status").values_list("key", flat=True)
    ) == [
        f"assembly.idea:{idea.pk}:accepted",
        f"assembly.idea:{idea.pk}:evaluation",
    ]


def test_accept_idea_into_an_existing_item(idea, network, members, secretary):
    item = add_item(
        network=network, title="Data", owner=members[0], deadline=dt.date(2027, 1, 1), by=secretary
    )
    start_evaluation(idea, by=secretary)
    assert accept_idea(idea, work_item=item, by=secretary).work_item == item
    assert WorkItem.objects.count() == 1


def test_accept_idea_without_a_deadline_or_item_is_refused_and_changes_nothing(idea, secretary):
    start_evaluation(idea, by=secretary)
    with pytest.raises(ValidationError, match="deadline"):
        accept_idea(idea, by=secretary)
    assert (Idea.objects.get().status, WorkItem.objects.count()) == ("evaluation", 0)


def test_an_idea_is_accepted_or_refused_only_under_evaluation(idea, secretary):
    with pytest.raises(ValidationError, match="An idea that is new cannot become refused"):
        refuse_idea(idea, reason="Out of scope", by=secretary)
    start_evaluation(idea, by=secretary)
    refused = refuse_idea(idea, reason=" Out of scope ", by=secretary)
    assert (refused.status, refused.refusal_reason) == ("refused", "Out of scope")
    with pytest.raises(ValidationError, match="cannot become accepted"):
        accept_idea(idea, deadline=dt.date(2027, 1, 1), by=secretary)


def test_refusing_needs_a_reason(idea, secretary):
    start_evaluation(idea, by=secretary)
    with pytest.raises(ValidationError, match="Say why"):
        refuse_idea(idea, reason="  ", by=secretary)
    assert Idea.objects.get().status == "evaluation"


def test_the_database_refuses_a_refusal_without_reason(idea):
    with pytest.raises(IntegrityError):
        Idea.objects.filter(pk=idea.pk).update(status="refused", refusal_reason="")


def test_only_the_secretariat_decides(idea, member_people):
    with pytest.raises(PermissionDenied):
        start_evaluation(idea, by=member_people[1])


def test_a_decided_idea_takes_no_more_support(idea, members, member_people, secretary):
    start_evaluation(idea, by=secretary)
    refuse_idea(idea, reason="Out of scope", by=secretary)
    with pytest.raises(ValidationError, match="takes no more support"):
        support_idea(Idea.objects.get(), cluster=members[2], by=member_people[2])
