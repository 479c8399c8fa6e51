import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from matchfair.audit.models import AuditEntry
from matchfair.contacts.domain.contacts import add_contact, delete_contact, update_contact
from matchfair.contacts.models import Contact
from matchfair.meetings.domain.requests import accept_request, send_request
from tests import factories

CARD = {
    "name": "  Laia Puig ",
    "organisation": "Barcelona Activa",
    "job_title": "Innovation manager",
    "email": "laia@barcelonactiva.example",
    "phone": "+34 600 000 000",
    "website": "https://barcelonactiva.example",
    "country": "ES",
}


def meet(first, second):
    return accept_request(
        send_request(sender=first, recipient=second, message="Hi", by=first.user), by=second.user
    )


def test_a_typed_card_is_stored_trimmed_and_audited(ana):
    contact = add_contact(owner=ana, by=ana.user, place="Nordic pavilion", **CARD)
    entry = AuditEntry.objects.get(action="contact.added")
    assert (contact.name, contact.place, contact.event, entry.subject_id, entry.actor) == (
        "Laia Puig",
        "Nordic pavilion",
        ana.event,
        str(contact.pk),
        ana.user,
    )


def test_a_card_without_a_name_names_the_field(ana):
    with pytest.raises(ValidationError) as caught:
        add_contact(owner=ana, by=ana.user, **{**CARD, "name": "  "})
    assert list(caught.value.message_dict) == ["name"]


def test_a_bad_email_names_the_field(ana):
    with pytest.raises(ValidationError) as caught:
        add_contact(owner=ana, by=ana.user, **{**CARD, "email": "not an address"})
    assert list(caught.value.message_dict) == ["email"]
    assert not Contact.objects.exists()


def test_a_scanned_badge_copies_only_the_public_profile(ana, jonas):
    jonas.user.phone = "+358 40 123"
    jonas.user.job_title = "CTO"
    jonas.user.save()
    contact = add_contact(owner=ana, by=ana.user, registration=jonas)
    assert (
        contact.registration,
        contact.name,
        contact.job_title,
        contact.organisation,
        str(contact.country),
        contact.email,
        contact.phone,
        contact.website,
    ) == (jonas, "Jonas Berg", "CTO", jonas.user.organisation.name, "FI", "", "", "")


def test_a_participant_is_added_once(ana, jonas):
    add_contact(owner=ana, by=ana.user, registration=jonas)
    with pytest.raises(ValidationError, match="in your contacts already"):
        add_contact(owner=ana, by=ana.user, registration=jonas)
    assert Contact.objects.count() == 1


def test_one_cannot_add_oneself_or_someone_of_another_event(ana):
    elsewhere = factories.RegistrationFactory()
    with pytest.raises(ValidationError, match="yourself"):
        add_contact(owner=ana, by=ana.user, registration=ana)
    with pytest.raises(ValidationError, match="does not take part"):
        add_contact(owner=ana, by=ana.user, registration=elsewhere)


def test_only_the_owner_adds_to_their_list(ana, jonas):
    with pytest.raises(PermissionDenied):
        add_contact(owner=ana, by=jonas.user, **CARD)


def test_the_meeting_must_be_one_the_owner_took_part_in(event, ana, jonas):
    third = factories.RegistrationFactory(event=event)
    theirs = meet(jonas, third)
    with pytest.raises(ValidationError) as caught:
        add_contact(owner=ana, by=ana.user, meeting=theirs, **CARD)
    assert list(caught.value.message_dict) == ["meeting"]
    mine = meet(ana, jonas)
    contact = add_contact(owner=ana, by=ana.user, registration=jonas, meeting=mine)
    assert contact.meeting == mine


def test_a_meeting_and_a_stand_together_are_refused(ana, jonas):
    meeting = meet(ana, jonas)
    with pytest.raises(ValidationError) as caught:
        add_contact(owner=ana, by=ana.user, meeting=meeting, place="Stand B12", **CARD)
    assert list(caught.value.message_dict) == ["place"]


def test_a_due_date_needs_a_follow_up(ana):
    import datetime as dt

    with pytest.raises(ValidationError) as caught:
        add_contact(owner=ana, by=ana.user, follow_up_due=dt.date(2026, 12, 1), **CARD)
    assert list(caught.value.message_dict) == ["follow_up_due"]


def test_update_changes_notes_and_is_audited(ana):
    contact = add_contact(owner=ana, by=ana.user, **CARD)
    update_contact(contact=contact, by=ana.user, note="Wants a pilot", follow_up=True)
    entry = AuditEntry.objects.get(action="contact.updated")
    assert (contact.note, contact.follow_up, entry.details) == (
        "Wants a pilot",
        True,
        {"fields": ["follow_up", "note"]},
    )


def test_the_card_of_a_scanned_badge_cannot_be_rewritten(ana, jonas):
    contact = add_contact(owner=ana, by=ana.user, registration=jonas)
    with pytest.raises(TypeError):
        update_contact(contact=contact, by=ana.user, name="Someone else")


def test_nobody_else_updates_or_deletes(ana, jonas, lead_staff):
    contact = add_contact(owner=ana, by=ana.user, **CARD)
    for someone in (jonas.user, lead_staff):
        with pytest.raises(PermissionDenied):
            update_contact(contact=contact, by=someone, note="mine now")
        with pytest.raises(PermissionDenied):
            delete_contact(contact=contact, by=someone)
    contact.refresh_from_db()
    assert contact.note == ""


def test_delete_removes_and_audits(ana):
    contact = add_contact(owner=ana, by=ana.user, **CARD)
    delete_contact(contact=contact, by=ana.user)
    assert (
        Contact.objects.count(),
        AuditEntry.objects.filter(action="contact.deleted").count(),
    ) == (
        0,
        1,
    )
