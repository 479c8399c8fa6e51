"""The work plan's domain: items and milestones by the secretariat, progress by the person
responsible, and the deadline reminders queued through the outbox once per step."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from matchfair.assembly.domain.workplan import (
    add_item,
    add_milestone,
    change_item,
    remind_deadlines,
    report_progress,
    set_milestone_done,
)
from matchfair.assembly.models import WorkItem
from matchfair.community.models import Delegate, Network
from matchfair.outbox.models import Message
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = dt.date(2027, 3, 1)


@pytest.fixture
def item(network, members, member_people, secretary, work_plan_motion):
    return add_item(
        network=network,
        title="Pilot in three cities",
        owner=members[1],
        person=member_people[1],
        deadline=TODAY + dt.timedelta(days=10),
        adopted_by=work_plan_motion,
        by=secretary,
    )


def test_add_item_keeps_what_was_given(item, members, member_people, work_plan_motion):
    assert (item.owner, item.person, item.status, item.progress, item.adopted_by) == (
        members[1],
        member_people[1],
        "planned",
        0,
        work_plan_motion,
    )


def test_an_item_is_adopted_only_by_a_motion_of_its_own_network(
    network, members, secretary, work_plan_motion
):
    other = Network.objects.create(name="Another partnership", kind="partnership")
    with pytest.raises(ValidationError) as error:
        add_item(
            network=other,
            title="X",
            owner=members[1],
            deadline=TODAY,
            adopted_by=work_plan_motion,
            by=factories.UserFactory(is_superuser=True),
        )
    assert error.value.message_dict["adopted_by"] == [
        "“Adopt the work plan 2027” is a motion of another partnership."
    ]


def test_add_item_for_a_cluster_outside_the_network_is_refused(network, secretary):
    stranger = factories.ClusterFactory()
    with pytest.raises(ValidationError) as error:
        add_item(network=network, title="X", owner=stranger, deadline=TODAY, by=secretary)
    assert list(error.value.message_dict) == ["owner"]


def test_only_the_secretariat_adds_and_changes_items(network, members, member_people, item):
    with pytest.raises(PermissionDenied):
        add_item(network=network, title="X", owner=members[1], deadline=TODAY, by=member_people[1])
    with pytest.raises(PermissionDenied):
        change_item(item, title="Mine now", by=member_people[1])


def test_change_item_refuses_a_progress_over_100_and_keeps_the_row(item, secretary):
    with pytest.raises(ValidationError, match="from 0 to 100"):
        change_item(item, progress=120, by=secretary)
    assert WorkItem.objects.get().progress == 0


def test_the_person_responsible_reports_progress_and_done_means_100(item, member_people):
    in_progress = report_progress(item, status="in-progress", progress=40, by=member_people[1])
    assert (in_progress.status, in_progress.progress) == ("in-progress", 40)
    done = report_progress(item, status="done", progress=80, by=member_people[1])
    assert (done.status, done.progress) == ("done", 100)


def test_another_member_cannot_report_progress(item, member_people):
    with pytest.raises(PermissionDenied):
        report_progress(item, status="done", progress=100, by=member_people[2])


def test_report_progress_refuses_an_unknown_status(item, member_people):
    with pytest.raises(ValidationError, match="Choose one of"):
        report_progress(item, status="nearly", progress=10, by=member_people[1])


def test_milestones_are_added_by_the_secretariat_and_ticked_by_the_person(
    item, secretary, member_people
):
    milestone = add_milestone(item, title="Kick-off", due=TODAY, by=secretary)
    with pytest.raises(PermissionDenied):
        add_milestone(item, title="Mine", by=member_people[1])
    ticked = set_milestone_done(milestone, done=True, by=member_people[1])
    assert (ticked.done, list(item.milestones.values_list("title", "done"))) == (
        True,
        [("Kick-off", True)],
    )


def _reminders():
    return sorted(
        Message.objects.filter(kind="assembly.deadline_reminder").values_list("key", "to")
    )


def test_reminders_go_once_per_step_before_the_deadline(item, member_people, settings):
    settings.WORKPLAN_REMINDER_DAYS = [7, 1]
    deadline = item.deadline.isoformat()
    counts = [
        remind_deadlines(today=item.deadline - dt.timedelta(days=days)) for days in (10, 7, 5, 1, 1)
    ]
    assert counts == [0, 1, 0, 1, 0]
    assert _reminders() == [
        (f"assembly.deadline:{item.pk}:{deadline}:1", member_people[1].email),
        (f"assembly.deadline:{item.pk}:{deadline}:7", member_people[1].email),
    ]


def test_a_moved_deadline_is_reminded_again(item, secretary, settings):
    settings.WORKPLAN_REMINDER_DAYS = [7]
    remind_deadlines(today=item.deadline - dt.timedelta(days=3))
    later = change_item(item, deadline=item.deadline + dt.timedelta(days=20), by=secretary)
    assert remind_deadlines(today=later.deadline - dt.timedelta(days=3)) == 1


def test_without_a_person_the_owners_delegate_is_reminded(network, members, secretary, settings):
    settings.WORKPLAN_REMINDER_DAYS = [7]
    delegate = factories.UserFactory(email="delegate@aarhus.example")
    Delegate.objects.create(network=network, cluster=members[2], user=delegate)
    add_item(network=network, title="Open call", owner=members[2], deadline=TODAY, by=secretary)
    assert (remind_deadlines(today=TODAY), [to for _key, to in _reminders()]) == (
        1,
        ["delegate@aarhus.example"],
    )


def test_done_and_dropped_items_and_past_deadlines_are_not_reminded(item, member_people, settings):
    settings.WORKPLAN_REMINDER_DAYS = [30]
    report_progress(item, status="done", progress=100, by=member_people[1])
    assert remind_deadlines(today=item.deadline - dt.timedelta(days=1)) == 0
    report_progress(item, status="in-progress", progress=90, by=member_people[1])
    assert remind_deadlines(today=item.deadline + dt.timedelta(days=1)) == 0


def test_the_reminder_says_the_item_and_its_deadline(item, settings):
    settings.WORKPLAN_REMINDER_DAYS = [7]
    remind_deadlines(today=item.deadline - dt.timedelta(days=2))
    message = Message.objects.get(kind="assembly.deadline_reminder")
    assert (message.subject, "is due on 11 March 2027" in message.body) == (
        "“Pilot in three cities” is due in 2 days",
        True,
    )
