import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from matchfair.audit.models import AuditEntry
from matchfair.community.domain.accounts import sign_up, update_account
from matchfair.community.models import Organisation, User
from tests import factories


def sign_up_ana(**overrides):
    fields = {
        "email": "ana@mobility.example",
        "full_name": " Ana Petrova ",
        "password": "a-long-and-unusual-passphrase",
        "organisation_name": " Mobility Lab ",
        "organisation_kind": "startup",
        "country": "BG",
        "job_title": "CEO",
        "website": "https://mobility.example",
    }
    return sign_up(**{**fields, **overrides})


def test_sign_up_creates_the_user_and_the_organisation(db):
    user = sign_up_ana()
    organisation = Organisation.objects.get()
    assert (user.email, user.full_name, user.job_title, user.organisation) == (
        "ana@mobility.example",
        "Ana Petrova",
        "CEO",
        organisation,
    )
    assert (
        organisation.name,
        organisation.kind,
        organisation.country.code,
        organisation.website,
    ) == ("Mobility Lab", "startup", "BG", "https://mobility.example")
    assert user.check_password("a-long-and-unusual-passphrase") is True


def test_sign_up_writes_the_audit_entry(db):
    user = sign_up_ana()
    assert list(
        AuditEntry.objects.values_list("action", "actor", "subject_type", "subject_id")
    ) == [("account.signed_up", user.pk, "community.user", str(user.pk))]


def test_sign_up_reuses_an_organisation_of_the_same_name_and_country(db):
    existing = factories.OrganisationFactory(name="Mobility Lab", country="BG", kind="company")
    user = sign_up_ana(organisation_name="MOBILITY lab", organisation_kind="startup")
    assert (user.organisation, Organisation.objects.count()) == (existing, 1)
    existing.refresh_from_db()
    assert existing.kind == "company"


def test_sign_up_creates_a_new_organisation_for_the_same_name_in_another_country(db):
    existing = factories.OrganisationFactory(name="Mobility Lab", country="FI")
    user = sign_up_ana()
    assert sorted(Organisation.objects.values_list("name", "country")) == [
        ("Mobility Lab", "BG"),
        ("Mobility Lab", "FI"),
    ]
    assert user.organisation != existing


def test_sign_up_with_an_existing_email_is_refused_on_the_email_field(db):
    factories.UserFactory(email="ana@mobility.example")
    with pytest.raises(ValidationError) as caught:
        sign_up_ana(email="Ana@Mobility.example")
    assert caught.value.message_dict == {
        "email": ["An account with this e-mail address exists already."]
    }
    assert (User.objects.count(), Organisation.objects.filter(name="Mobility Lab").count()) == (
        1,
        0,
    )


def test_sign_up_refused_writes_no_audit_entry(db):
    factories.UserFactory(email="ana@mobility.example")
    with pytest.raises(ValidationError, match="exists already"):
        sign_up_ana()
    assert AuditEntry.objects.count() == 0


def test_update_account_saves_the_fields_and_writes_the_audit_entry(db):
    user = factories.UserFactory(full_name="Ana")
    update_account(
        user=user, by=user, full_name=" Ana Petrova ", phone=" +359 2 123 ", language="bg"
    )
    user.refresh_from_db()
    assert (user.full_name, user.phone, user.language) == ("Ana Petrova", "+359 2 123", "bg")
    assert list(
        AuditEntry.objects.values_list("action", "actor", "subject_type", "subject_id", "details")
    ) == [
        (
            "account.updated",
            user.pk,
            "community.user",
            str(user.pk),
            {"fields": ["full_name", "language", "phone"]},
        )
    ]


def test_update_account_of_someone_else_is_refused(db):
    user, other = factories.UserFactory(full_name="Ana"), factories.UserFactory()
    with pytest.raises(PermissionDenied, match="You can only change your own account"):
        update_account(user=user, by=other, full_name="Hijacked")
    user.refresh_from_db()
    assert (user.full_name, AuditEntry.objects.count()) == ("Ana", 0)


def test_update_account_by_a_superuser_is_allowed(db):
    user = factories.UserFactory(full_name="Ana")
    admin = factories.UserFactory(is_superuser=True, is_staff=True)
    update_account(user=user, by=admin, job_title="CTO")
    user.refresh_from_db()
    assert user.job_title == "CTO"


def test_update_account_with_an_unknown_language_names_the_field(db):
    user = factories.UserFactory()
    with pytest.raises(ValidationError) as caught:
        update_account(user=user, by=user, language="xx")
    assert caught.value.message_dict == {"language": ["Value 'xx' is not a valid choice."]}


def test_update_account_of_a_protected_field_is_refused(db):
    user = factories.UserFactory()
    with pytest.raises(TypeError, match=r"not account fields: \['email', 'is_superuser'\]"):
        update_account(user=user, by=user, is_superuser=True, email="x@example.org")
