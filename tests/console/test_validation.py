"""Validating and rejecting participants, and the event setting that makes new ones wait."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from matchfair.audit.models import AuditEntry
from matchfair.events.domain.registrations import (
    register,
    reject_registration,
    validate_registration,
)
from matchfair.events.models import Registration
from matchfair.meetings.domain.requests import send_request
from tests import factories


def test_a_pending_participant_cannot_request_or_be_requested_until_validated(
    event, ana, lead_staff
):
    event.requires_validation = True
    event.save()
    newcomer = register(event=event, user=factories.UserFactory())
    assert newcomer.status == Registration.Status.PENDING
    with pytest.raises(ValidationError, match="not validated"):
        send_request(sender=newcomer, recipient=ana, message="Hello", by=newcomer.user)
    with pytest.raises(ValidationError, match="cannot receive"):
        send_request(sender=ana, recipient=newcomer, message="Hello", by=ana.user)
    assert validate_registration(registration=newcomer, by=lead_staff)
    assert send_request(sender=ana, recipient=newcomer, message="Hello", by=ana.user).pk


def test_validation_is_audited_and_mailed_once(
    event, co_staff, carla, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert validate_registration(registration=carla, by=co_staff) is True
        assert validate_registration(registration=carla, by=co_staff) is False
    carla.refresh_from_db()
    assert carla.status == Registration.Status.VALIDATED
    assert AuditEntry.objects.filter(action="registration.validated", actor=co_staff).count() == 1
    assert len(mailoutbox) == 1
    assert event.name in mailoutbox[0].subject


def test_a_co_organiser_cannot_decide_for_another(event, other_staff, carla):
    with pytest.raises(PermissionDenied):
        validate_registration(registration=carla, by=other_staff)
    with pytest.raises(PermissionDenied):
        reject_registration(registration=carla, by=other_staff)
    carla.refresh_from_db()
    assert carla.status == Registration.Status.PENDING


def test_rejection_keeps_the_reason_and_can_be_undone(
    event, co_staff, carla, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reject_registration(registration=carla, by=co_staff, reason="Not a smart-city topic")
    entry = AuditEntry.objects.get(action="registration.rejected")
    assert entry.details["reason"] == "Not a smart-city topic"
    assert "Not a smart-city topic" in mailoutbox[0].body
    assert validate_registration(registration=carla, by=co_staff)


def test_rejecting_someone_with_open_requests_is_refused(event, ana, jonas, lead_staff):
    factories.MeetingRequestFactory(sender=ana, recipient=jonas)
    with pytest.raises(ValidationError, match="open requests"):
        reject_registration(registration=jonas, by=lead_staff)
    jonas.refresh_from_db()
    assert jonas.status == Registration.Status.VALIDATED


def test_a_withdrawn_registration_is_not_decided_here(event, lead_staff, ana):
    ana.status = Registration.Status.WITHDRAWN
    ana.save()
    with pytest.raises(ValidationError, match="withdrawn"):
        validate_registration(registration=ana, by=lead_staff)


def test_the_mail_is_in_the_participants_language(
    event, co_staff, carla, mailoutbox, django_capture_on_commit_callbacks
):
    carla.user.language = "bg"
    carla.user.save()
    with django_capture_on_commit_callbacks(execute=True):
        validate_registration(registration=carla, by=co_staff)
    assert mailoutbox[0].to == ["carla@example.org"]
    assert carla.user.full_name in mailoutbox[0].body
