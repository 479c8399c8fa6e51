"""The work plan's pages: the members' progress page at a fixed number of queries, an item's
page, progress by the person responsible, and the secretariat's CSV export and import."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from matchfair.assembly.domain.workplan import add_item, add_milestone
from matchfair.assembly.models import Milestone, WorkItem
from tests import factories

pytestmark = pytest.mark.django_db


def _item(network, owner, secretary, title="Pilot", person=None, days=30):
    return add_item(
        network=network,
        title=title,
        owner=owner,
        person=person,
        deadline=dt.date.today() + dt.timedelta(days=days),
        by=secretary,
    )


def test_the_progress_page_shows_items_milestones_and_overdue(
    client, network, members, member_people, secretary
):
    late = _item(network, members[1], secretary, title="Late report", days=-2)
    add_milestone(late, title="Draft sent", by=secretary)
    _item(network, members[2], secretary, title="Open call")
    client.force_login(member_people[3])
    page = client.get(reverse("assembly:work_plan", kwargs={"network": network.pk}))
    text = page.content.decode()
    assert (
        page.status_code,
        "Late report" in text,
        "overdue" in text,
        "Draft sent" in text,
        "Export as CSV" in text,
    ) == (200, True, True, True, False)


def test_the_progress_page_costs_the_same_queries_for_2_and_20_items(
    client, network, members, member_people, secretary, django_assert_max_num_queries
):
    client.force_login(member_people[1])
    url = reverse("assembly:work_plan", kwargs={"network": network.pk})
    for n in range(2):
        add_milestone(_item(network, members[1], secretary, f"I{n}"), title="M", by=secretary)
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    for n in range(18):
        add_milestone(_item(network, members[2], secretary, f"J{n}"), title="M", by=secretary)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_the_person_responsible_reports_progress_and_ticks_a_milestone(
    client, network, members, member_people, secretary
):
    item = _item(network, members[1], secretary, person=member_people[1])
    milestone = add_milestone(item, title="Kick-off", by=secretary)
    client.force_login(member_people[1])
    client.post(
        reverse("assembly:work_item_progress", kwargs={"pk": item.pk}),
        {"status": "in-progress", "progress": "35"},
    )
    client.post(reverse("assembly:milestone_done", kwargs={"pk": milestone.pk}), {"done": "1"})
    item.refresh_from_db()
    assert (item.status, item.progress, Milestone.objects.get().done) == ("in-progress", 35, True)


def test_another_member_cannot_report_progress(client, network, members, member_people, secretary):
    item = _item(network, members[1], secretary, person=member_people[1])
    client.force_login(member_people[2])
    answer = client.post(
        reverse("assembly:work_item_progress", kwargs={"pk": item.pk}),
        {"status": "done", "progress": "100"},
    )
    assert (answer.status_code, WorkItem.objects.get().status) == (403, "planned")


def test_the_secretariat_adds_an_item_through_the_form(
    client, network, members, secretary, member_people, work_plan_motion
):
    client.force_login(secretary)
    client.post(
        reverse("assembly:work_item_add", kwargs={"network": network.pk}),
        {
            "title": "Study visit",
            "owner": members[3].pk,
            "person_email": member_people[3].email.upper(),
            "deadline": "2027-05-01",
            "adopted_by": work_plan_motion.pk,
        },
    )
    item = WorkItem.objects.get()
    assert (item.title, item.owner, item.person, item.adopted_by) == (
        "Study visit",
        members[3],
        member_people[3],
        work_plan_motion,
    )


def test_export_then_import_through_the_pages(client, network, members, secretary):
    _item(network, members[1], secretary, title="Pilot")
    client.force_login(secretary)
    exported = client.get(reverse("assembly:work_plan_csv", kwargs={"network": network.pk}))
    body = b"".join(exported.streaming_content) if exported.streaming else exported.content
    upload = SimpleUploadedFile("plan.csv", body + b",New item,,Porto Smart,,2027-12-01,,,,,\n")
    answer = client.post(
        reverse("assembly:work_plan_import", kwargs={"network": network.pk}), {"file": upload}
    )
    assert (
        exported["Content-Type"],
        answer.status_code,
        sorted(WorkItem.objects.values_list("title", flat=True)),
    ) == ("text/csv; charset=utf-8", 302, ["New item", "Pilot"])


def test_a_bad_import_lists_the_rows_and_writes_nothing(client, network, secretary):
    client.force_login(secretary)
    upload = SimpleUploadedFile("plan.csv", b"title,owner,deadline\nX,Nowhere,2027-01-01\n")
    answer = client.post(
        reverse("assembly:work_plan_import", kwargs={"network": network.pk}), {"file": upload}
    )
    assert (
        "Row 2, owner: “Nowhere” is not a member of Smart City Tech Partnership"
        in answer.content.decode(),
        WorkItem.objects.count(),
    ) == (True, 0)


def test_members_cannot_export(client, network, member_people):
    client.force_login(member_people[1])
    url = reverse("assembly:work_plan_csv", kwargs={"network": network.pk})
    assert client.get(url).status_code == 403


def test_an_outsider_sees_no_work_plan(client, network):
    client.force_login(factories.UserFactory())
    url = reverse("assembly:work_plan", kwargs={"network": network.pk})
    assert client.get(url).status_code == 403


def test_the_secretariat_changes_an_item_and_a_wrong_address_changes_nothing(
    client, network, members, member_people, secretary
):
    item = _item(network, members[1], secretary, title="Pilot")
    client.force_login(secretary)
    url = reverse("assembly:work_item_edit", kwargs={"pk": item.pk})
    form = {"title": "Pilot in Lyon", "owner": members[1].pk, "deadline": "2027-04-01"}
    client.post(url, {**form, "person_email": "nobody@example.org"})
    unchanged = WorkItem.objects.get().title
    client.post(url, {**form, "person_email": member_people[1].email})
    item.refresh_from_db()
    assert (unchanged, item.title, item.person, str(item.deadline)) == (
        "Pilot",
        "Pilot in Lyon",
        member_people[1],
        "2027-04-01",
    )


def test_the_item_page_links_to_the_motion_that_adopted_it(
    client, network, members, secretary, work_plan_motion
):
    item = _item(network, members[1], secretary, title="Pilot")
    WorkItem.objects.filter(pk=item.pk).update(adopted_by=work_plan_motion)
    client.force_login(secretary)
    page = client.get(reverse("assembly:work_item", kwargs={"pk": item.pk})).content.decode()
    link = reverse("assembly:motion", kwargs={"pk": work_plan_motion.pk})
    assert f'<a href="{link}">Adopt the work plan 2027</a>' in page
