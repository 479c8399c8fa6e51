import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from matchfair.audit.models import AuditEntry
from matchfair.community.domain.memberships import (
    address_confirmed,
    approve,
    ask_to_join,
    organisations_decided_by,
    record_request,
    refuse,
    remove_member,
    requests_to_decide,
    withdraw,
)
from matchfair.community.models import Membership, MembershipRequest
from matchfair.outbox.models import Message
from tests import factories


def company_with_admin():
    organisation = factories.OrganisationFactory(name="Mobility Lab")
    admin = factories.UserFactory(organisation=organisation, full_name="Ada Admin")
    organisation.admins.add(admin)
    return organisation, admin


def asking(organisation, **user_fields):
    """A confirmed person without an organisation asking to join `organisation`."""
    person = factories.UserFactory(organisation=None, full_name="Nia New", **user_fields)
    return person, ask_to_join(
        user=person,
        by=person,
        organisation_name=organisation.name.upper(),
        organisation_kind="company",
        country=organisation.country.code,
    )


def test_ask_to_join_an_existing_organisation_waits_and_tells_its_admins(db):
    organisation, admin = company_with_admin()
    person, asked = asking(organisation)
    person.refresh_from_db()
    assert (asked.organisation, asked.status, asked.founder, person.organisation) == (
        organisation,
        "pending",
        False,
        None,
    )
    assert list(Message.objects.values_list("kind", "to")) == [
        ("membership.requested", admin.email)
    ]
    assert requests_to_decide(admin) == [asked]


def test_ask_to_join_a_new_organisation_makes_the_person_its_admin(db):
    person = factories.UserFactory(organisation=None)
    asked = ask_to_join(
        user=person,
        by=person,
        organisation_name="Fresh Co",
        organisation_kind="startup",
        country="ES",
    )
    person.refresh_from_db()
    assert (asked.status, person.organisation.name, list(person.organisation.admins.all())) == (
        "approved",
        "Fresh Co",
        [person],
    )


def test_ask_to_join_with_an_unconfirmed_address_is_refused(db):
    organisation, _admin = company_with_admin()
    person = factories.UserFactory(organisation=None, email_verified=False)
    with pytest.raises(ValidationError, match="Confirm your e-mail address first"):
        ask_to_join(
            user=person,
            by=person,
            organisation_name=organisation.name,
            organisation_kind="company",
            country="BG",
        )
    assert MembershipRequest.objects.count() == 0


def test_ask_to_join_while_a_member_or_waiting_is_refused(db):
    organisation, admin = company_with_admin()
    with pytest.raises(ValidationError, match="You belong to Mobility Lab already"):
        ask_to_join(
            user=admin,
            by=admin,
            organisation_name="Other",
            organisation_kind="company",
            country="BG",
        )
    person, _asked = asking(organisation)
    with pytest.raises(ValidationError, match="withdraw that request first"):
        ask_to_join(
            user=person,
            by=person,
            organisation_name="Other",
            organisation_kind="company",
            country="BG",
        )


def test_ask_to_join_for_someone_else_is_refused(db):
    _organisation, admin = company_with_admin()
    person = factories.UserFactory(organisation=None)
    with pytest.raises(PermissionDenied):
        ask_to_join(
            user=person, by=admin, organisation_name="X", organisation_kind="company", country="BG"
        )


def test_approve_gives_the_organisation_audits_and_tells_the_person(db):
    organisation, admin = company_with_admin()
    person, asked = asking(organisation)
    approve(request=asked, by=admin)
    person.refresh_from_db()
    asked.refresh_from_db()
    assert (person.organisation, asked.status, asked.decided_by) == (
        organisation,
        "approved",
        admin,
    )
    assert list(
        AuditEntry.objects.filter(action="membership.approved").values_list(
            "actor", "subject_id", "details"
        )
    ) == [(admin.pk, str(asked.pk), {"organisation": organisation.pk, "person": person.pk})]
    assert Message.objects.filter(kind="membership.approved", to=person.email).count() == 1


def test_refuse_leaves_the_person_without_the_organisation_and_tells_them(db):
    organisation, admin = company_with_admin()
    person, asked = asking(organisation)
    refuse(request=asked, by=admin)
    person.refresh_from_db()
    assert (person.organisation, MembershipRequest.objects.get().status) == (None, "refused")
    assert list(AuditEntry.objects.filter(action="membership.refused").values_list("actor")) == [
        (admin.pk,)
    ]
    assert Message.objects.filter(kind="membership.refused", to=person.email).count() == 1


def test_approve_twice_is_refused(db):
    organisation, admin = company_with_admin()
    _person, asked = asking(organisation)
    approve(request=asked, by=admin)
    with pytest.raises(ValidationError, match="This request was answered already: approved"):
        refuse(request=asked, by=admin)


def test_approve_by_someone_who_is_not_an_admin_is_refused(db):
    organisation, _admin = company_with_admin()
    colleague = factories.UserFactory(organisation=organisation)
    _person, asked = asking(organisation)
    with pytest.raises(PermissionDenied, match="Only the organisation's admins"):
        approve(request=asked, by=colleague)
    assert requests_to_decide(colleague) == []


def test_approve_of_an_unconfirmed_person_is_refused(db):
    _organisation, admin = company_with_admin()
    person = factories.UserFactory(organisation=None, email_verified=False)
    asked = record_request(
        user=person, organisation_name="Mobility Lab", organisation_kind="company", country="BG"
    )
    with pytest.raises(ValidationError, match="has not confirmed their e-mail address yet"):
        approve(request=asked, by=admin)


def test_cluster_staff_decide_for_an_organisation_without_admin(db):
    event = factories.EventFactory()
    organiser = factories.OrganiserFactory(event=event)
    staff = factories.UserFactory()
    organiser.staff.add(staff)
    organisation = factories.OrganisationFactory(name="Member Co")
    Membership.objects.create(cluster=organiser.cluster, organisation=organisation)
    outsider_staff = factories.co_organiser(event).staff.get()
    person, asked = asking(organisation)
    assert (requests_to_decide(staff), requests_to_decide(outsider_staff)) == ([asked], [])
    assert list(Message.objects.values_list("to", flat=True)) == [staff.email]
    approve(request=asked, by=staff)
    person.refresh_from_db()
    assert person.organisation == organisation


def test_cluster_staff_do_not_decide_once_the_organisation_has_an_admin(db):
    organiser = factories.OrganiserFactory()
    staff = factories.UserFactory()
    organiser.staff.add(staff)
    organisation, _admin = company_with_admin()
    Membership.objects.create(cluster=organiser.cluster, organisation=organisation)
    _person, asked = asking(organisation)
    with pytest.raises(PermissionDenied):
        approve(request=asked, by=staff)


def test_a_founder_who_confirms_late_only_asks_when_others_joined_meanwhile(db):
    founder = factories.UserFactory(organisation=None, email_verified=False)
    asked = record_request(
        user=founder, organisation_name="New Co", organisation_kind="company", country="BG"
    )
    first = factories.UserFactory(organisation=asked.organisation)
    asked.organisation.admins.add(first)
    founder.email_verified = True
    founder.save()
    address_confirmed(user=founder)
    asked.refresh_from_db()
    assert (asked.status, list(asked.organisation.admins.all())) == ("pending", [first])


def test_withdraw_is_the_persons_own(db):
    organisation, admin = company_with_admin()
    person, asked = asking(organisation)
    with pytest.raises(PermissionDenied):
        withdraw(request=asked, by=admin)
    withdraw(request=asked, by=person)
    assert MembershipRequest.objects.get().status == "withdrawn"


def test_remove_member_takes_the_rights_away_audits_and_tells(db):
    organisation, admin = company_with_admin()
    member = factories.UserFactory(organisation=organisation)
    organisation.admins.add(member)
    assert organisations_decided_by(admin) == [organisation]
    remove_member(organisation=organisation, person=member, by=admin)
    member.refresh_from_db()
    assert (member.organisation, list(organisation.admins.all())) == (None, [admin])
    assert list(AuditEntry.objects.values_list("action", "actor", "subject_id", "details")) == [
        ("membership.removed", admin.pk, str(member.pk), {"organisation": organisation.pk})
    ]
    assert list(Message.objects.values_list("kind", "to")) == [("membership.removed", member.email)]


def test_remove_someone_not_a_member_or_by_a_non_admin_is_refused(db):
    organisation, admin = company_with_admin()
    stranger = factories.UserFactory()
    with pytest.raises(ValidationError, match="is not a member of Mobility Lab"):
        remove_member(organisation=organisation, person=stranger, by=admin)
    with pytest.raises(PermissionDenied):
        remove_member(organisation=organisation, person=admin, by=stranger)
