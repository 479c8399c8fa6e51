import re

import segno
from django.test import override_settings

from matchfair.meetings.models import Placement
from matchfair.reports.domain.badges import badge_qr, badges_pdf, profile_url, table_signs_pdf
from matchfair.reports.domain.pdf import agendas_pdf, tables_pdf
from tests import factories

PAGE = re.compile(rb"/Type /Page\b(?!s)")


def pages(pdf: bytes) -> int:
    return len(PAGE.findall(pdf))


def test_participant_agenda_has_times_tables_and_the_other_party(world):
    pdf = agendas_pdf(world.event, world.release, [world.ana], compress=False)
    assert pdf.startswith(b"%PDF")
    for text in (
        b"Agenda of Ana Petrova",
        b"09:00",
        b"10:00",
        b"Table 1, Hall 2",
        b"Jonas Berg ",
        b"Jonas Berg Ltd, Finland",
        b"Cleo Martin Ltd, France",
        b"Europe/Madrid",
        b"Schedule as released on ",
    ):
        assert text in pdf, text


def test_times_are_in_the_event_time_zone(world):
    world.event.time_zone = "Europe/Sofia"
    world.event.save()
    pdf = agendas_pdf(world.event, world.release, [world.ana], compress=False)
    assert (b"10:00" in pdf, b"Europe/Sofia" in pdf, b"(09:00" in pdf) == (True, True, False)


def test_agenda_without_meetings_says_so(world):
    lonely = factories.RegistrationFactory(event=world.event, user__full_name="Lonely Luka")
    pdf = agendas_pdf(world.event, world.release, [lonely], compress=False)
    assert b"No meetings in the released schedule." in pdf


def test_all_agendas_are_one_document_with_a_page_each(world):
    people = [world.ana, world.jonas, world.eve, world.cleo, world.dan]
    pdf = agendas_pdf(world.event, world.release, people, compress=False)
    assert (pdf.count(b"%PDF"), pages(pdf), pdf.count(b"Agenda of ")) == (1, 5, 5)


def test_a_long_agenda_continues_on_more_pages_with_a_running_header(world):
    from tests.reports.conftest import meet

    taken = set(
        Placement.objects.filter(plan=world.release, slot__isnull=False).values_list(
            "slot_id", "table_id"
        )
    )
    free = [
        (slot, table)
        for slot in world.slots
        for table in world.tables
        if (slot.pk, table.pk) not in taken
    ]
    others = [factories.RegistrationFactory(event=world.event) for _number in free]
    Placement.objects.bulk_create(
        Placement(plan=world.release, meeting=meet(world.ana, other), slot=slot, table=table)
        for other, (slot, table) in zip(others, free, strict=True)
    )
    pdf = agendas_pdf(world.event, world.release, [world.ana], compress=False)
    # "Agenda of Ana Petrova" on the first page, "<event> — Ana Petrova" atop each further page
    assert (pages(pdf) > 1, pdf.count(b" Ana Petrova) Tj")) == (True, pages(pdf))


def test_cyrillic_and_polish_names_do_not_break_the_pdf(world):
    user = world.jonas.user
    user.full_name = "Николай Василев"
    user.save()
    organisation = user.organisation
    organisation.name = "Łódź Smart City"
    organisation.save()
    pdf = agendas_pdf(world.event, world.release, [world.ana], compress=False)
    badges = badges_pdf(world.event, [world.jonas], compress=False)
    # The packaged font has the letters, so each is given a code that maps back to it (a letter
    # the font lacks would be drawn as its empty box, code 0, with no such entry)
    assert (pdf.startswith(b"%PDF"), badges.startswith(b"%PDF")) == (True, True)
    assert (b"<041D>" in pdf, b"<0141>" in pdf, b"<041D>" in badges) == (True, True, True)


def test_table_agenda_lists_each_meeting_by_slot_with_both_participants(world):
    pdf = tables_pdf(world.event, world.release, [world.tables[0]], compress=False)
    order = [pdf.find(text) for text in (b"Ana Petrova ", b"Cleo Martin ", b"Dan Ruiz ")]
    assert (b"Agenda of Table 1" in pdf, b"Jonas Berg " in pdf, order == sorted(order)) == (
        True,
        True,
        True,
    )


def test_all_table_agendas_are_one_document(world):
    pdf = tables_pdf(world.event, world.release, world.tables, compress=False)
    assert (pages(pdf), pdf.count(b"Agenda of Table")) == (4, 4)


def test_badge_qr_code_opens_the_public_profile_at_the_site_url(world):
    with override_settings(SITE_URL="https://matchfair.example/"):
        url = profile_url(world.ana)
        qr = badge_qr(world.ana)
    assert (url, qr.matrix) == (
        f"https://matchfair.example/e/{world.event.slug}/participants/{world.ana.pk}/",
        segno.make_qr(url, error="m").matrix,
    )


def test_badges_fit_eight_to_a_page_with_names_and_organisations(world):
    people = [world.ana] + [factories.RegistrationFactory(event=world.event) for _n in range(8)]
    pdf = badges_pdf(world.event, people, compress=False)
    assert (
        pdf.startswith(b"%PDF"),
        pages(pdf),
        b"Ana Petrova" in pdf,
        b"Ana Petrova Ltd" in pdf,
    ) == (
        True,
        2,
        True,
        True,
    )


def test_table_signs_show_the_name_and_the_booth_owner(world):
    table = world.tables[1]
    table.booth_of = world.eve
    table.save()
    pdf = table_signs_pdf(world.event, world.tables, compress=False)
    assert (pages(pdf), b"Table 2" in pdf, b"Booth of Eve Ivanova" in pdf, b"Hall 2" in pdf) == (
        4,
        True,
        True,
        True,
    )


def test_empty_documents_still_open(world):
    assert [
        pages(document)
        for document in (
            agendas_pdf(world.event, world.release, [], compress=False),
            tables_pdf(world.event, None, [], compress=False),
            badges_pdf(world.event, [], compress=False),
            table_signs_pdf(world.event, [], compress=False),
        )
    ] == [1, 1, 1, 1]


def test_pages_are_compressed_by_default(world):
    pdf = agendas_pdf(world.event, world.release, [world.ana])
    assert (pdf.startswith(b"%PDF"), b"Agenda of Ana Petrova" in pdf) == (True, False)
