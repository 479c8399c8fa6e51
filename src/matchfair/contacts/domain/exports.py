"""A participant's contacts as one vCard file and as a CSV file that Excel opens correctly."""

import csv
import io
from collections.abc import Iterable
from typing import Any

import vobject
from django.utils.translation import gettext as _
from django_countries import countries

from matchfair.contacts.domain.queries import details_for
from matchfair.contacts.models import Contact
from matchfair.spreadsheets import safe_cell

# A cell starting with one of these is read as a formula by spreadsheets (CSV injection).


def _country(contact: Contact) -> str:
    return str(countries.name(str(contact.country))) if contact.country else ""


def _where(contact: Contact) -> str:
    if contact.meeting_id is not None:
        return _("Meeting %(number)s") % {"number": contact.meeting_id}
    return contact.place


def _vcard(viewer: Any, contact: Contact) -> Any:
    details = details_for(viewer, contact)
    card = vobject.vCard()
    card.add("fn").value = contact.name
    parts = contact.name.rsplit(" ", 1)
    family, given = (parts[1], parts[0]) if len(parts) == 2 else (parts[0], "")
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    if contact.organisation:
        card.add("org").value = [contact.organisation]
    if contact.job_title:
        card.add("title").value = contact.job_title
    if details.email:
        email = card.add("email")
        email.value = details.email
        email.type_param = "INTERNET"
    if details.phone:
        card.add("tel").value = details.phone
    if details.website:
        card.add("url").value = details.website
    if contact.country:
        card.add("adr").value = vobject.vcard.Address(country=_country(contact))
    note = "\n".join(part for part in (_where(contact), contact.note) if part)
    if note:
        card.add("note").value = note
    card.add("uid").value = f"matchfair-contact-{contact.pk}"
    return card


def vcard_file(viewer: Any, contacts: Iterable[Contact]) -> str:
    """One .vcf text with a vCard 3.0 per contact."""
    return "".join(_vcard(viewer, contact).serialize() for contact in contacts)


def _cell(value: Any) -> str:
    return str(safe_cell("" if value is None else str(value)))


def csv_file(viewer: Any, contacts: Iterable[Contact]) -> str:
    """CSV text starting with a UTF-8 byte order mark, so Excel reads the accents right."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(
        [
            _("Name"),
            _("Organisation"),
            _("Job title"),
            _("E-mail"),
            _("Phone"),
            _("Website"),
            _("Country"),
            _("Where"),
            _("Note"),
            _("Follow up"),
            _("Follow up by"),
            _("Followed up"),
            _("Shared with my cluster"),
        ]
    )
    for contact in contacts:
        details = details_for(viewer, contact)
        row = [
            contact.name,
            contact.organisation,
            contact.job_title,
            details.email,
            details.phone,
            details.website,
            _country(contact),
            _where(contact),
            contact.note,
            _("yes") if contact.follow_up else _("no"),
            contact.follow_up_due.isoformat() if contact.follow_up_due else "",
            _("yes") if contact.done else _("no"),
            _("yes") if contact.shared_with_cluster else _("no"),
        ]
        writer.writerow([_cell(value) for value in row])
    return out.getvalue()
