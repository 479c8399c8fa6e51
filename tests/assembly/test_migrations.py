"""Turning a work plan item's `adopted_by` text into a link to its motion: an exact title of a
motion of the item's network links it; any other text is kept in the item's description."""

import pytest

from tests import factories
from tests.migrations import latest, migrate

BEFORE = [("assembly", "0004_session_setup")]
AFTER = [("assembly", "0006_work_item_adopted_by_column")]


@pytest.mark.django_db(transaction=True)
def test_adopted_by_links_exact_titles_and_keeps_other_text():
    # The community's tables are not migrated here: their rows are made with today's models.
    made = factories.ClusterFactory(organisation__name="Sofia")
    old = migrate(BEFORE)
    Network = old.get_model("community", "Network")
    Cluster = old.get_model("community", "Cluster")
    Session = old.get_model("assembly", "Session")
    AgendaItem = old.get_model("assembly", "AgendaItem")
    Motion = old.get_model("assembly", "Motion")
    WorkItem = old.get_model("assembly", "WorkItem")
    network = Network.objects.create(name="Partnership", kind="partnership")
    elsewhere = Network.objects.create(name="Another", kind="partnership")
    cluster = Cluster.objects.get(pk=made.pk)
    motions = {}
    for net in (network, elsewhere):
        session = Session.objects.create(network=net, title="Assembly", date="2026-11-09")
        item = AgendaItem.objects.create(session=session, position=1, title="Plan", minutes=10)
        motions[net.pk] = Motion.objects.create(
            session=session, agenda_item=item, title="Adopt the plan", text="x", mover=cluster
        )
    # "Elsewhere only" names a motion of another network only: kept as text.
    Motion.objects.create(
        session=motions[elsewhere.pk].session,
        agenda_item=motions[elsewhere.pk].agenda_item,
        title="Elsewhere only",
        text="x",
        mover=cluster,
    )
    rows = {}
    for title, adopted_by, description in (
        ("Linked", "Adopt the plan", "Pilot."),
        ("Kept", "Motion 3, annual assembly 2025", "Study."),
        ("Foreign", "Elsewhere only", ""),
        ("None", "", "Nothing."),
    ):
        rows[title] = WorkItem.objects.create(
            network=network,
            title=title,
            description=description,
            owner=cluster,
            deadline="2027-06-30",
            adopted_by=adopted_by,
        ).pk

    new = migrate(AFTER)
    migrated = new.get_model("assembly", "WorkItem")
    found = {
        row.title: (row.adopted_by_id, row.description)
        for row in migrated.objects.filter(pk__in=rows.values())
    }
    migrate(latest())
    assert found == {
        "Linked": (motions[network.pk].pk, "Pilot."),
        "Kept": (None, "Study.\n\nAdopted by: Motion 3, annual assembly 2025"),
        "Foreign": (None, "Adopted by: Elsewhere only"),
        "None": (None, "Nothing."),
    }
