import csv
import io

import vobject

from matchfair.contacts.domain.contacts import add_contact
from matchfair.meetings.domain.requests import accept_request, send_request
from matchfair.spreadsheets import safe_cell


def url(event, path):
    return f"/e/{event.slug}/contacts/{path}"


def test_the_vcard_file_holds_every_contact_and_reads_back(client, event, ana, jonas):
    add_contact(
        owner=ana,
        by=ana.user,
        name="Laia Puig i Ferré",
        organisation="Barcelona Activa",
        job_title="Innovation manager",
        email="laia@barcelonactiva.example",
        phone="+34 600 000 000",
        website="https://barcelonactiva.example",
        country="ES",
        place="Catalonia pavilion",
        note="Pilot; call in December",
    )
    add_contact(owner=ana, by=ana.user, registration=jonas)
    client.force_login(ana.user)
    response = client.get(url(event, "contacts.vcf"))
    cards = list(vobject.readComponents(response.content.decode("utf-8")))
    laia = next(card for card in cards if card.fn.value == "Laia Puig i Ferré")
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert len(cards) == 2
    assert (
        laia.org.value,
        laia.title.value,
        laia.email.value,
        laia.tel.value,
        laia.url.value,
        laia.adr.value.country,
        laia.note.value,
    ) == (
        ["Barcelona Activa"],
        "Innovation manager",
        "laia@barcelonactiva.example",
        "+34 600 000 000",
        "https://barcelonactiva.example",
        "Spain",
        "Catalonia pavilion\nPilot; call in December",
    )


def test_the_vcard_of_a_scanned_participant_has_no_email_without_a_meeting(
    client, event, ana, jonas
):
    add_contact(owner=ana, by=ana.user, registration=jonas)
    client.force_login(ana.user)
    before = client.get(url(event, "contacts.vcf")).content.decode()
    accept_request(
        send_request(sender=ana, recipient=jonas, message="Hi", by=ana.user), by=jonas.user
    )
    after = client.get(url(event, "contacts.vcf")).content.decode()
    assert (jonas.user.email in before, jonas.user.email in after) == (False, True)


def test_the_csv_file_has_a_bom_quotes_and_no_formulas(client, event, ana):
    add_contact(
        owner=ana,
        by=ana.user,
        name='=HYPERLINK("http://evil.example")',
        organisation='Ajuntament, "Barcelona"',
        phone="+34 600 000 000",
        note="line one\nline two",
        place="@stand",
        job_title="-1+1",
    )
    client.force_login(ana.user)
    response = client.get(url(event, "contacts.csv"))
    raw = response.content
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    header, row = rows
    by_column = dict(zip(header, row, strict=True))
    assert raw.startswith(b"\xef\xbb\xbf")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        by_column["Name"],
        by_column["Organisation"],
        by_column["Phone"],
        by_column["Note"],
        by_column["Where"],
        by_column["Job title"],
    ) == (
        '\'=HYPERLINK("http://evil.example")',
        'Ajuntament, "Barcelona"',
        "'+34 600 000 000",
        "line one\nline two",
        "'@stand",
        "'-1+1",
    )


def test_safe_cell_leaves_plain_text_alone():
    assert [safe_cell(v) for v in ("Ana", "", None, "a=b", 3)] == ["Ana", "", None, "a=b", 3]


def test_exports_hold_only_my_contacts(client, event, ana, jonas):
    add_contact(owner=jonas, by=jonas.user, name="Kari Virtanen")
    client.force_login(ana.user)
    assert "Kari" not in client.get(url(event, "contacts.vcf")).content.decode()
    assert "Kari" not in client.get(url(event, "contacts.csv")).content.decode()
