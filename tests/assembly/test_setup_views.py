"""The secretariat's set-up pages, nominations and acceptance, the badge and its scan."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from matchfair.assembly.domain.badges import check_in_token
from matchfair.assembly.domain.sessions import add_agenda_item, register_attendee
from matchfair.assembly.domain.setup import add_document
from matchfair.assembly.models import Attendee, Candidacy, Election, Session
from matchfair.community.models import Delegate
from tests import factories

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_the_secretariat_creates_a_session_through_the_form(client, network, secretary):
    client.force_login(secretary)
    answer = client.post(
        reverse("assembly:session_new", kwargs={"network": network.pk}),
        {"title": "Assembly 2027", "date": "2027-03-15", "starts_at": "10:00", "place": "Porto"},
    )
    session = Session.objects.get(title="Assembly 2027")
    listing = client.get(reverse("assembly:sessions", kwargs={"network": network.pk}))
    assert (answer.status_code, answer["Location"], session.starts_at) == (
        302,
        reverse("assembly:agenda", kwargs={"pk": session.pk}),
        dt.time(10, 0),
    )
    assert "Assembly 2027" in listing.content.decode()


def test_a_session_without_place_or_link_gets_the_error_on_the_field(client, network, secretary):
    client.force_login(secretary)
    answer = client.post(
        reverse("assembly:session_new", kwargs={"network": network.pk}),
        {"title": "Assembly 2027", "date": "2027-03-15", "starts_at": "10:00"},
    )
    assert (answer.status_code, Session.objects.filter(title="Assembly 2027").count()) == (200, 0)
    assert "Place: Give a place, an online meeting link, or both." in answer.content.decode()


def test_the_agenda_page_adds_moves_and_edits_items(client, session, secretary):
    client.force_login(secretary)
    url = reverse("assembly:agenda", kwargs={"pk": session.pk})
    client.post(url, {"title": "Opening", "minutes": "10"})
    client.post(url, {"title": "Board election", "minutes": "45", "presenter": "Chair"})
    board = session.agenda.get(title="Board election")
    client.post(reverse("assembly:agenda_item_move", kwargs={"pk": board.pk}), {"direction": "up"})
    client.post(
        reverse("assembly:agenda_item_edit", kwargs={"pk": board.pk}),
        {f"item-{board.pk}-title": "Elections", f"item-{board.pk}-minutes": "50"},
    )
    page = client.get(url).content.decode()
    assert list(session.agenda.values_list("title", "minutes", "presenter")) == [
        ("Elections", 50, ""),
        ("Opening", 10, ""),
    ]
    assert "60 minutes in all, from 09:00" in page


def test_a_bad_upload_names_the_field_and_saves_nothing(client, session, secretary):
    client.force_login(secretary)
    answer = client.post(
        reverse("assembly:document_add", kwargs={"pk": session.pk}),
        {"title": "Budget", "file": SimpleUploadedFile("budget.pdf", b"not a pdf at all")},
        follow=True,
    )
    assert (session.documents.count(), "PDF:" in answer.content.decode()) == (0, True)


def test_members_download_a_pdf_others_are_refused(
    client, session, secretary, lyon_people, member_people
):
    document = add_document(
        session, title="Budget", upload=SimpleUploadedFile("b.pdf", PDF), by=secretary
    )
    url = reverse("assembly:document", kwargs={"pk": document.pk})
    client.force_login(lyon_people[0])
    member = client.get(url)
    body = b"".join(member.streaming_content)
    client.force_login(factories.UserFactory())
    stranger = client.get(url)
    on_media = client.get(f"/media/{document.file.name}")
    assert (member.status_code, body, stranger.status_code, on_media.status_code) == (
        200,
        PDF,
        403,
        404,
    )


def test_the_attendees_page_registers_by_email_and_lists_each_member(
    client, session, members, secretary
):
    person = factories.UserFactory(full_name="Ana Aarhus", organisation=members[2].organisation)
    client.force_login(secretary)
    url = reverse("assembly:attendees", kwargs={"pk": session.pk})
    client.post(url, {"cluster": members[2].pk, "email": person.email.upper(), "role": "delegate"})
    unknown = client.post(
        url, {"cluster": members[2].pk, "email": "nobody@example.org", "role": "substitute"}
    )
    page = client.get(url).content.decode()
    attendee = Attendee.objects.get()
    assert (attendee.user, attendee.cluster, attendee.role) == (person, members[2], "delegate")
    assert "Person (e-mail): Nobody has an account with this e-mail." in unknown.content.decode()
    assert all(str(m) in page for m in members) and "Ana Aarhus" in page


def test_the_secretariat_creates_an_election_with_a_clear_error_for_a_second_chair(
    client, session, secretary
):
    client.force_login(secretary)
    url = reverse("assembly:election_new", kwargs={"pk": session.pk})
    fields = {"position": "chair", "seats": "1", "method": "irv"}
    first = client.post(url, fields)
    second = client.post(url, {**fields, "method": "plurality"})
    assert (first.status_code, Election.objects.count()) == (302, 1)
    assert "This session already has an election for the chair." in second.content.decode()


def test_a_delegate_nominates_and_the_candidate_accepts_in_two_languages(
    client, session, members, secretary, lyon_people
):
    election = Election.objects.create(session=session, position="chair", method="irv")
    candidate = factories.UserFactory(full_name="Camille", organisation=members[1].organisation)
    client.force_login(lyon_people[0])
    client.post(
        reverse("assembly:nominate", kwargs={"pk": election.pk}),
        {"nominated_by": members[1].pk, "cluster": members[1].pk, "email": candidate.email},
    )
    refused = client.post(
        reverse("assembly:nominate", kwargs={"pk": election.pk}),
        {"nominated_by": members[1].pk, "cluster": members[1].pk, "email": lyon_people[1].email},
    )
    candidacy = Candidacy.objects.get()
    client.force_login(candidate)
    client.post(
        reverse("assembly:candidacy", kwargs={"pk": candidacy.pk}),
        {"statement_en": "I will serve.", "statement_bg": "Ще служа."},
    )
    candidacy.refresh_from_db()
    client.force_login(lyon_people[2])
    session_page = client.get(reverse("assembly:session", kwargs={"pk": session.pk}))
    assert (candidacy.accepted, candidacy.statement_en, candidacy.statement_bg) == (
        True,
        "I will serve.",
        "Ще служа.",
    )
    assert (
        "Candidate&#x27;s member: Lyon Urban Lab already has a candidate for the chair."
        in refused.content.decode()
    )
    assert "Ще служа." in session_page.content.decode()


def test_acceptance_needs_both_statements(client, session, members, secretary):
    election = Election.objects.create(session=session, position="chair", method="irv")
    candidate = factories.UserFactory(organisation=members[1].organisation)
    candidacy = Candidacy.objects.create(
        election=election, cluster=members[1], candidate=candidate, nominated_by=members[1]
    )
    client.force_login(candidate)
    answer = client.post(
        reverse("assembly:candidacy", kwargs={"pk": candidacy.pk}), {"statement_en": "Yes."}
    )
    candidacy.refresh_from_db()
    assert (answer.status_code, candidacy.accepted) == (200, False)


def test_the_badge_shows_the_qr_served_as_svg(client, session, members, secretary, lyon_people):
    attendee = session.attendees.get(user=lyon_people[0])
    client.force_login(lyon_people[0])
    page = client.get(reverse("assembly:badge", kwargs={"pk": attendee.pk})).content.decode()
    qr = client.get(reverse("assembly:badge_qr", kwargs={"pk": attendee.pk}))
    client.force_login(lyon_people[1])
    other = client.get(reverse("assembly:badge_qr", kwargs={"pk": attendee.pk}))
    assert reverse("assembly:badge_qr", kwargs={"pk": attendee.pk}) in page
    assert (qr["Content-Type"], qr.content.startswith(b"<?xml"), other.status_code) == (
        "image/svg+xml",
        True,
        403,
    )


@pytest.fixture
def porto(session, members, secretary):
    person = factories.UserFactory(full_name="Pedro Delegate", organisation=members[3].organisation)
    return register_attendee(
        session, cluster=members[3], user=person, role="delegate", by=secretary
    )


@pytest.fixture
def on_the_day(session):
    Session.objects.filter(pk=session.pk).update(date=timezone.localdate())


@pytest.mark.usefixtures("on_the_day")
def test_scanning_a_badge_checks_in_then_says_already(client, porto, secretary):
    url = reverse("assembly:scan", kwargs={"token": check_in_token(porto)})
    client.force_login(secretary)
    first, again = client.get(url), client.get(url)
    porto.refresh_from_db()
    assert (first.status_code, again.status_code, porto.checked_in_at is not None) == (
        200,
        200,
        True,
    )
    assert "Pedro Delegate is checked in" in first.content.decode()
    assert "Pedro Delegate is already checked in" in again.content.decode()


@pytest.mark.usefixtures("on_the_day")
def test_scan_pages_for_bad_foreign_and_expired_badges(client, session, porto, secretary):
    token = check_in_token(porto)
    client.force_login(secretary)
    invalid = client.get(reverse("assembly:scan", kwargs={"token": token[:-3] + "xyz"}))
    client.force_login(factories.UserFactory())
    foreign = client.get(reverse("assembly:scan", kwargs={"token": token}))
    Session.objects.filter(pk=session.pk).update(date=timezone.localdate() - dt.timedelta(days=2))
    client.force_login(secretary)
    expired = client.get(reverse("assembly:scan", kwargs={"token": token}))
    porto.refresh_from_db()
    assert (invalid.status_code, foreign.status_code, expired.status_code) == (400, 403, 410)
    assert "Not a valid badge" in invalid.content.decode()
    assert "Not a badge of your assembly" in foreign.content.decode()
    assert "Pedro" not in foreign.content.decode()
    assert "This badge has expired" in expired.content.decode()
    assert porto.checked_in_at is None


def test_the_session_page_shows_documents_and_the_setup_links_to_the_secretariat(
    client, session, secretary, lyon_people
):
    add_document(session, title="Statutes", url="https://example.org/statutes.pdf", by=secretary)
    add_agenda_item(session, title="Opening", minutes=10, by=secretary)
    client.force_login(secretary)
    theirs = client.get(reverse("assembly:session", kwargs={"pk": session.pk})).content.decode()
    client.force_login(lyon_people[0])
    mine = client.get(reverse("assembly:session", kwargs={"pk": session.pk})).content.decode()
    agenda_url = reverse("assembly:agenda", kwargs={"pk": session.pk})
    assert ("Statutes" in mine, agenda_url in theirs, agenda_url in mine) == (True, True, False)
    assert "Your badge with the check-in code" in mine


def test_the_standing_delegates_are_registered_from_the_attendees_page(
    client, session, members, secretary
):
    person = factories.UserFactory(organisation=members[2].organisation)
    Delegate.objects.create(network=session.network, cluster=members[2], user=person)
    client.force_login(secretary)
    answer = client.post(
        reverse("assembly:register_delegates", kwargs={"pk": session.pk}), follow=True
    )
    assert "1 standing delegate registered." in answer.content.decode()
    assert list(session.attendees.values_list("user", "role")) == [(person.pk, "delegate")]
