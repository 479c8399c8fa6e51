"""The work plan's CSV: an export imports back unchanged, new rows add items, and one bad row
refuses the whole file with every problem named by row and field."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from matchfair.assembly.domain.motions import propose_motion
from matchfair.assembly.domain.workplan import add_item, add_milestone
from matchfair.assembly.domain.workplan_csv import (
    WorkPlanImportError,
    export_csv,
    import_items,
    read_csv,
)
from matchfair.assembly.models import Milestone, WorkItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def planned(network, members, member_people, secretary):
    item = add_item(
        network=network,
        title="=Pilot, phase 1",
        description="Three cities\nand a report",
        owner=members[1],
        person=member_people[1],
        deadline=dt.date(2027, 6, 30),
        by=secretary,
    )
    add_milestone(item, title="Kick-off", due=dt.date(2027, 1, 15), by=secretary)
    done = add_milestone(item, title="Partners found", by=secretary)
    Milestone.objects.filter(pk=done.pk).update(done=True)
    return item


def _snapshot():
    return [
        (
            i.title,
            i.description,
            i.owner_id,
            i.person_id,
            i.deadline,
            i.status,
            i.progress,
            [(m.title, m.due, m.done) for m in i.milestones.all()],
        )
        for i in WorkItem.objects.order_by("pk")
    ]


def test_export_defuses_formulas_and_lists_milestones(network, planned):
    text = export_csv(network)
    lines = text.splitlines()
    assert lines[0] == (
        "id,title,description,owner,person,deadline,status,progress,adopted_by,ideas,milestones"
    )
    assert "'=Pilot, phase 1" in text
    assert "2027-01-15 Kick-off\n[x] Partners found" in text


def test_an_export_imports_back_unchanged(network, planned, secretary):
    before = _snapshot()
    result = import_items(
        network=network, rows=read_csv(export_csv(network).encode()), by=secretary
    )
    assert ((result.created, result.updated), _snapshot()) == ((0, 1), before)


def test_rows_without_an_id_add_items(network, members, secretary):
    data = (
        b"title;owner;deadline;progress;status\n"
        b"Joint Horizon proposal;Aarhus Digital;2027-02-01;10;in-progress\n"
    )
    result = import_items(network=network, rows=read_csv(data), by=secretary)
    item = WorkItem.objects.get()
    assert (result.created, item.owner, item.progress, item.status) == (
        1,
        members[2],
        10,
        "in-progress",
    )


def test_one_bad_row_refuses_the_file_and_names_each_row_and_field(network, planned, secretary):
    before = _snapshot()
    data = (
        "id,title,owner,person,deadline,progress,milestones\n"
        f"{planned.pk},Renamed,Lyon Urban Lab,,2027-07-01,50,\n"
        ",New,Nowhere Cluster,nobody@example.org,31/12/2027,150,\n"
        "999,,Porto Smart,,2027-01-01,x,2027-13-01 Bad date\n"
    ).encode()
    with pytest.raises(WorkPlanImportError) as error:
        import_items(network=network, rows=read_csv(data), by=secretary)
    assert [(e.row, e.field) for e in error.value.row_errors] == [
        (3, "owner"),
        (3, "person"),
        (3, "deadline"),
        (4, "id"),
        (4, "progress"),
        (4, "title"),
        (4, "milestones"),
    ]
    assert str(error.value.row_errors[0]) == (
        "Row 3, owner: “Nowhere Cluster” is not a member of Smart City Tech Partnership"
    )
    assert _snapshot() == before


def test_the_same_id_twice_is_refused(network, planned, secretary):
    row = f"{planned.pk},T,Lyon Urban Lab,2027-07-01\n"
    with pytest.raises(WorkPlanImportError, match="is already on row 2"):
        import_items(
            network=network,
            rows=read_csv(("id,title,owner,deadline\n" + row + row).encode()),
            by=secretary,
        )


def test_read_csv_refuses_missing_and_unknown_columns():
    with pytest.raises(ValidationError, match="Missing columns: owner, deadline"):
        read_csv(b"title\nX\n")
    with pytest.raises(ValidationError, match="Unknown columns: budget"):
        read_csv(b"title,owner,deadline,budget\nX,Y,2027-01-01,5\n")


def test_only_the_secretariat_imports(network, member_people):
    rows = read_csv(b"title,owner,deadline\nX,Lyon Urban Lab,2027-01-01\n")
    with pytest.raises(PermissionDenied):
        import_items(network=network, rows=rows, by=member_people[1])


def test_adopted_by_is_exported_by_title_and_imported_by_title_or_id(
    network, planned, secretary, work_plan_motion
):
    WorkItem.objects.filter(pk=planned.pk).update(adopted_by=work_plan_motion)
    exported = read_csv(export_csv(network).encode())
    WorkItem.objects.filter(pk=planned.pk).update(adopted_by=None)
    import_items(network=network, rows=exported, by=secretary)
    by_title = WorkItem.objects.get(pk=planned.pk).adopted_by
    data = f"id,title,owner,deadline,adopted_by\n{planned.pk},Pilot,Lyon Urban Lab,2027-06-30,"
    import_items(
        network=network, rows=read_csv(f"{data}{work_plan_motion.pk}\n".encode()), by=secretary
    )
    assert (exported[0]["adopted_by"], by_title, WorkItem.objects.get().adopted_by) == (
        "Adopt the work plan 2027",
        work_plan_motion,
        work_plan_motion,
    )


def test_a_motion_title_shared_by_two_is_exported_as_its_id(
    network, session, planned, secretary, work_plan_motion
):
    twin = propose_motion(
        session,
        agenda_item=work_plan_motion.agenda_item,
        title=work_plan_motion.title,
        text="Again.",
        by=secretary,
    )
    WorkItem.objects.filter(pk=planned.pk).update(adopted_by=twin)
    exported = read_csv(export_csv(network).encode())
    ambiguous = (
        "title,owner,deadline,adopted_by\n"
        "Study visit,Lyon Urban Lab,2027-06-30,Adopt the work plan 2027\n"
    )
    with pytest.raises(WorkPlanImportError) as error:
        import_items(network=network, rows=read_csv(ambiguous.encode()), by=secretary)
    assert exported[0]["adopted_by"] == str(twin.pk)
    assert [str(e) for e in error.value.row_errors] == [
        "Row 2, adopted_by: several motions are titled “Adopt the work plan 2027”; "
        "give the motion's id"
    ]


def test_an_unknown_motion_names_row_and_column_and_nothing_is_written(
    network, members, secretary, work_plan_motion
):
    data = (
        "title,owner,deadline,adopted_by\n"
        "Pilot,Lyon Urban Lab,2027-06-30,Adopt the work plan 2027\n"
        "Study,Lyon Urban Lab,2027-06-30,Motion 99\n"
        "Visit,Lyon Urban Lab,2027-06-30,99999\n"
    )
    with pytest.raises(WorkPlanImportError) as error:
        import_items(network=network, rows=read_csv(data.encode()), by=secretary)
    assert [str(e) for e in error.value.row_errors] == [
        "Row 3, adopted_by: no motion “Motion 99” in this partnership's assemblies",
        "Row 4, adopted_by: no motion “99999” in this partnership's assemblies",
    ]
    assert WorkItem.objects.count() == 0
