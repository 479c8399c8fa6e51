"""Setting an assembly up in the product: sessions, their documents, the agenda, who attends
for each member, and elections."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from matchfair.assembly.domain.counting import open_election
from matchfair.assembly.domain.motions import propose_motion
from matchfair.assembly.domain.proxies import give_proxy
from matchfair.assembly.domain.sessions import (
    add_agenda_item,
    change_agenda_item,
    move_agenda_item,
    register_attendee,
    remove_agenda_item,
    unregister_attendee,
)
from matchfair.assembly.domain.setup import (
    add_document,
    change_session,
    create_election,
    create_session,
    remove_document,
)
from matchfair.assembly.models import AgendaItem, Election, SessionDocument
from tests import factories
from tests.assembly.conftest import stand

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_the_secretariat_creates_and_changes_a_session(network, secretary):
    session = create_session(
        network,
        title="Annual assembly 2027",
        date=dt.date(2027, 3, 15),
        starts_at=dt.time(14, 30),
        place="",
        online_url="https://meet.example.org/a",
        event=None,
        by=secretary,
    )
    changed = change_session(session, place="Lyon, Hall B", by=secretary)
    assert (changed.title, changed.starts_at, changed.place, changed.online_url) == (
        "Annual assembly 2027",
        dt.time(14, 30),
        "Lyon, Hall B",
        "https://meet.example.org/a",
    )


def test_a_session_needs_a_place_or_a_link(network, secretary):
    with pytest.raises(ValidationError) as error:
        create_session(network, title="X", date=dt.date(2027, 3, 15), by=secretary)
    assert list(error.value.message_dict) == ["place"]


def test_only_the_secretariat_creates_sessions(network, member_people):
    with pytest.raises(PermissionDenied):
        create_session(
            network, title="X", date=dt.date(2027, 3, 15), place="Lyon", by=member_people[1]
        )


def test_a_pdf_is_checked_stored_and_removed(
    session, secretary, django_capture_on_commit_callbacks
):
    upload = SimpleUploadedFile("budget.pdf", PDF, content_type="application/pdf")
    document = add_document(session, title="Budget 2027", upload=upload, by=secretary)
    stored = document.file.name
    with django_capture_on_commit_callbacks(execute=True):
        remove_document(document, by=secretary)
    assert (
        stored.startswith("assembly/documents/"),
        document.size,
        SessionDocument.objects.count(),
        document.file.storage.exists(stored),
    ) == (True, len(PDF), 0, False)


def test_a_file_that_is_no_pdf_is_refused(session, secretary):
    fake = SimpleUploadedFile("budget.pdf", b"<html>not a pdf</html>")
    with pytest.raises(ValidationError, match="not"):
        add_document(session, title="Budget", upload=fake, by=secretary)
    assert SessionDocument.objects.count() == 0


def test_a_document_is_a_pdf_or_a_link_not_both(session, secretary):
    upload = SimpleUploadedFile("budget.pdf", PDF)
    with pytest.raises(ValidationError, match="one of the two"):
        add_document(session, title="B", upload=upload, url="https://x.org/b.pdf", by=secretary)
    with pytest.raises(ValidationError) as error:
        add_document(session, title="B", url="ftp://x.org/b.pdf", by=secretary)
    link = add_document(session, title="Statutes", url="https://x.org/s.pdf", by=secretary)
    assert (list(error.value.message_dict), link.url, bool(link.file)) == (
        ["url"],
        "https://x.org/s.pdf",
        False,
    )


def _agenda(session):
    return list(session.agenda.values_list("position", "title"))


def test_agenda_items_are_edited_moved_and_removed(session, secretary):
    opening, budget, board = (
        add_agenda_item(session, title=title, minutes=10, by=secretary)
        for title in ("Opening", "Budget", "Board")
    )
    change_agenda_item(budget, title="Budget 2027", minutes=25, presenter="Treasurer", by=secretary)
    move_agenda_item(board, up=True, by=secretary)
    moved = _agenda(session)
    move_agenda_item(opening, up=True, by=secretary)  # the first stays first
    remove_agenda_item(AgendaItem.objects.get(title="Board"), by=secretary)
    assert (moved, _agenda(session), AgendaItem.objects.get(position=2).presenter) == (
        [(1, "Opening"), (2, "Board"), (3, "Budget 2027")],
        [(1, "Opening"), (2, "Budget 2027")],
        "Treasurer",
    )


def test_an_item_with_motions_stays_on_the_agenda(session, secretary):
    item = add_agenda_item(session, title="Work plan", minutes=20, by=secretary)
    propose_motion(session, agenda_item=item, title="Adopt", text="Adopted.", by=secretary)
    with pytest.raises(ValidationError, match="has motions"):
        remove_agenda_item(item, by=secretary)
    with pytest.raises(ValidationError) as error:
        change_agenda_item(item, title=" ", minutes=0, by=secretary)
    assert sorted(error.value.message_dict) == ["minutes", "title"]


def test_only_the_secretariat_edits_the_agenda(session, secretary, member_people):
    item = add_agenda_item(session, title="Opening", minutes=10, by=secretary)
    with pytest.raises(PermissionDenied):
        move_agenda_item(item, up=False, by=member_people[1])


def test_a_delegate_is_unregistered_unless_they_hold_a_proxy(
    session, members, secretary, lyon_people, aarhus_delegate
):
    give_proxy(
        session,
        cluster=members[3],
        holder=session.attendees.get(user=aarhus_delegate),
        by=secretary,
    )
    unregister_attendee(session.attendees.get(user=lyon_people[2]), by=secretary)
    with pytest.raises(ValidationError, match="proxy"):
        unregister_attendee(session.attendees.get(user=aarhus_delegate), by=secretary)
    # The member's delegate place is free again once the delegate is taken off.
    unregister_attendee(session.attendees.get(user=lyon_people[0]), by=secretary)
    newcomer = factories.UserFactory(organisation=members[1].organisation)
    register_attendee(session, cluster=members[1], user=newcomer, role="delegate", by=secretary)
    assert sorted(session.attendees.values_list("user__full_name", flat=True)) == [
        "Anders Delegate",
        "Hugo Substitute",
        newcomer.full_name,
    ]


def test_the_secretariat_creates_elections(session, secretary):
    board = create_election(
        session, position="board", seats=5, method="scottish-stv", seed=None, by=secretary
    )
    chair = create_election(session, position="chair", seats=1, method="irv", seed=42, by=secretary)
    assert [(e.position, e.seats, e.method, e.seed, e.status) for e in (board, chair)] == [
        ("board", 5, "scottish-stv", 0, "draft"),
        ("chair", 1, "irv", 42, "draft"),
    ]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"position": "chair", "seats": 2, "method": "irv", "seed": None}, "seats"),
        ({"position": "board", "seats": 3, "method": "approval", "seed": None}, "method"),
        ({"position": "treasurer", "seats": 1, "method": "irv", "seed": None}, "position"),
        ({"position": "board", "seats": 3, "method": "meek-stv", "seed": 0}, "seed"),
    ],
)
def test_an_election_that_cannot_be_is_refused_by_field(session, secretary, fields, field):
    with pytest.raises(ValidationError) as error:
        create_election(session, by=secretary, **fields)
    assert list(error.value.message_dict) == [field]


def test_one_election_per_position(session, secretary):
    create_election(session, position="chair", seats=1, method="irv", seed=None, by=secretary)
    with pytest.raises(ValidationError, match="already has an election for the chair"):
        create_election(
            session, position="chair", seats=1, method="plurality", seed=None, by=secretary
        )
    assert Election.objects.count() == 1


def test_a_seed_set_by_the_secretariat_is_kept_when_voting_opens(session, members, secretary):
    election = create_election(
        session, position="chair", seats=1, method="irv", seed=42, by=secretary
    )
    stand(election, members[1], "Camille", by=secretary, nominated_by=members[0])
    open_election(election, by=secretary)
    election.refresh_from_db()
    assert (election.status, election.seed) == ("open", 42)
