"""A participant's contacts as one vCard file and as a CSV file: `contacts.domain.exports`."""

import csv
import io

import vobject

from matchfair.contacts.domain.contacts import add_contact
from matchfair.contacts.domain.exports import csv_file, vcard_file
from matchfair.meetings.domain.requests import accept_request, send_request


def laia(owner, **fields):
    return add_contact(
        owner=owner,
        by=owner.user,
        name="Laia Puig i Ferré",
        organisation="Barcelona Activa",
        job_title="Innovation manager",
        email="laia@barcelonactiva.example",
        country="ES",
        **fields,
    )


def test_vcard_file_holds_one_card_a_contact_that_reads_back(ana):
    contact = laia(ana, place="Catalonia pavilion", note="Pilot in December")
    [card] = vobject.readComponents(vcard_file(ana.user, [contact]))
    assert (
        card.fn.value,
        (card.n.value.given, card.n.value.family),
        card.org.value,
        card.email.value,
        card.adr.value.country,
        card.note.value,
        card.uid.value,
    ) == (
        "Laia Puig i Ferré",
        ("Laia Puig i", "Ferré"),
        ["Barcelona Activa"],
        "laia@barcelonactiva.example",
        "Spain",
        "Catalonia pavilion\nPilot in December",
        f"matchfair-contact-{contact.pk}",
    )


def test_vcard_of_a_contact_met_at_a_meeting_names_the_meeting(ana, jonas):
    meeting = accept_request(
        send_request(sender=ana, recipient=jonas, message="Hi", by=ana.user), by=jonas.user
    )
    contact = add_contact(owner=ana, by=ana.user, registration=jonas, meeting=meeting)
    [card] = vobject.readComponents(vcard_file(ana.user, [contact]))
    assert (card.note.value, card.email.value) == (f"Meeting {meeting.pk}", jonas.user.email)


def test_vcard_of_a_scanned_badge_leaves_out_hidden_details(ana, jonas):
    contact = add_contact(owner=ana, by=ana.user, registration=jonas)
    [card] = vobject.readComponents(vcard_file(ana.user, [contact]))
    assert ("email" in card.contents, "tel" in card.contents) == (False, False)


def test_vcard_file_of_no_contacts_is_empty(ana):
    assert vcard_file(ana.user, []) == ""


def rows_of(text):
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_csv_file_has_a_row_a_contact_with_yes_and_no(ana):
    laia(ana, follow_up=True, shared_with_cluster=True)
    [row] = rows_of(csv_file(ana.user, [ana.contacts_made.get()]))
    assert row == {
        "Name": "Laia Puig i Ferré",
        "Organisation": "Barcelona Activa",
        "Job title": "Innovation manager",
        "E-mail": "laia@barcelonactiva.example",
        "Phone": "",
        "Website": "",
        "Country": "Spain",
        "Where": "",
        "Note": "",
        "Follow up": "yes",
        "Follow up by": "",
        "Followed up": "no",
        "Shared with my cluster": "yes",
    }


def test_csv_file_neutralises_formulas(ana):
    contact = add_contact(owner=ana, by=ana.user, name="=1+1", note="@SUM(A1)")
    [row] = rows_of(csv_file(ana.user, [contact]))
    assert (row["Name"], row["Note"]) == ("'=1+1", "'@SUM(A1)")


def test_csv_file_hides_a_scanned_badges_details_as_the_viewer_may_not_see_them(ana, jonas):
    contact = add_contact(owner=ana, by=ana.user, registration=jonas)
    [row] = rows_of(csv_file(ana.user, [contact]))
    assert (row["Name"], row["E-mail"], row["Phone"]) == ("Jonas Berg", "", "")
