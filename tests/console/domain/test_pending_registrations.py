"""Registrations imported for existing accounts: `console.domain.pending_registrations`."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from matchfair import permissions
from matchfair.audit.models import AuditEntry
from matchfair.console.domain import importing, pending_registrations
from matchfair.events.domain import directory
from matchfair.events.models import Registration
from tests import factories
from tests.console.domain.test_importing import HEADER, csv_file, problems, uploaded


@pytest.fixture
def known(db):
    """An account that exists before the import, with a phone number the importer must not see."""
    return factories.UserFactory(
        email="known@example.org", full_name="Known Person", phone="+359 2 555 0100"
    )


@pytest.fixture
def asked(event, lead_staff, known, mailoutbox, django_capture_on_commit_callbacks):
    row = "known@example.org;Known Person;;;;;;Sensors;\n"
    batch = uploaded(event, lead_staff, csv_file(HEADER + row))
    with django_capture_on_commit_callbacks(execute=True):
        importing.import_batch(batch=batch, by=lead_staff)
    return known.pending_registrations.get()


def test_an_import_asks_the_owner_of_an_existing_account_and_registers_nobody(
    asked, known, event, lead_staff, mailoutbox
):
    assert (
        Registration.objects.filter(user=known).exists(),
        list(directory.participants(event, filters={})),
        [(m.to, m.subject) for m in mailoutbox],
    ) == (False, [], [([known.email], f"Confirm your registration for {event.name}")])


def test_confirming_makes_the_validated_registration_under_the_importer(
    asked, known, event, lead_staff
):
    registration = pending_registrations.answer(pending=asked, accept=True, by=known)
    assert (
        registration.status,
        registration.organiser,
        registration.headline,
        asked.status,
        permissions.can_see_contact(lead_staff, registration),
        AuditEntry.objects.filter(action="registration.confirmed", actor=known).count(),
    ) == ("validated", event.organisers.get(is_lead=True), "Sensors", "confirmed", True, 1)


def test_declining_registers_nobody_and_is_final(asked, known):
    assert pending_registrations.answer(pending=asked, accept=False, by=known) is None
    with pytest.raises(ValidationError, match="answered already"):
        pending_registrations.answer(pending=asked, accept=True, by=known)
    assert (asked.status, Registration.objects.filter(user=known).exists()) == ("declined", False)


def test_nobody_but_the_owner_answers(asked, lead_staff):
    with pytest.raises(PermissionDenied):
        pending_registrations.answer(pending=asked, accept=True, by=lead_staff)
    assert Registration.objects.count() == 0


def test_confirming_when_registered_meanwhile_is_refused(asked, known, event):
    factories.RegistrationFactory(event=event, user=known)
    with pytest.raises(ValidationError, match="registered for this event already"):
        pending_registrations.answer(pending=asked, accept=True, by=known)
    asked.refresh_from_db()
    assert asked.status == "asked"


def test_a_second_import_of_someone_asked_is_a_duplicate(asked, event, lead_staff):
    batch = uploaded(
        event, lead_staff, csv_file(HEADER + "known@example.org;Known Person;;;;;;;\n")
    )
    assert problems(batch) == {(2, "email")}
