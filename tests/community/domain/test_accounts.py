import re

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from matchfair.audit.models import AuditEntry
from matchfair.community.domain.accounts import (
    confirm_email,
    send_confirmation,
    sign_up,
    update_account,
)
from matchfair.community.models import MembershipRequest, Organisation, User
from matchfair.community.tokens import email_confirmation
from matchfair.outbox.models import Message
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


def token_in(message):
    """The token of the confirmation link in a queued mail."""
    return re.search(r"/accounts/confirm/[^/]+/([^/]+)/", message.body).group(1)


def test_sign_up_creates_an_unconfirmed_user_and_the_organisation_it_asks_for(db):
    user = sign_up_ana()
    organisation = Organisation.objects.get()
    assert (user.email, user.full_name, user.job_title, user.organisation, user.email_verified) == (
        "ana@mobility.example",
        "Ana Petrova",
        "CEO",
        None,
        False,
    )
    assert (
        organisation.name,
        organisation.kind,
        organisation.country.code,
        organisation.website,
    ) == ("Mobility Lab", "startup", "BG", "https://mobility.example")
    assert list(
        MembershipRequest.objects.values_list("user", "organisation", "status", "founder")
    ) == [(user.pk, organisation.pk, "pending", True)]
    assert user.check_password("a-long-and-unusual-passphrase") is True


def test_sign_up_mails_a_confirmation_link_that_checks(db):
    user = sign_up_ana()
    message = Message.objects.get()
    assert (message.kind, message.to, message.subject) == (
        "account.confirm",
        "ana@mobility.example",
        "Confirm your e-mail address for Matchfair",
    )
    assert email_confirmation.check_token(user, token_in(message)) is True


def test_sign_up_writes_the_audit_entries(db):
    user = sign_up_ana()
    assert list(
        AuditEntry.objects.order_by("pk").values_list(
            "action", "actor", "subject_type", "subject_id"
        )
    ) == [
        ("account.signed_up", user.pk, "community.user", str(user.pk)),
        ("account.confirmation_sent", user.pk, "community.user", str(user.pk)),
    ]


def test_sign_up_naming_an_existing_organisation_only_asks_to_join_it(db):
    """Trust review, finding 1: a sign-up joined any organisation whose name matched."""
    existing = factories.OrganisationFactory(name="Mobility Lab", country="BG", kind="company")
    user = sign_up_ana(organisation_name="MOBILITY lab", organisation_kind="startup")
    confirm_email(user=user, token=token_in(Message.objects.get(kind="account.confirm")))
    user.refresh_from_db()
    existing.refresh_from_db()
    assert (user.organisation, Organisation.objects.count(), existing.kind) == (None, 1, "company")
    assert list(MembershipRequest.objects.values_list("organisation", "status", "founder")) == [
        (existing.pk, "pending", False)
    ]


def test_sign_up_creates_a_new_organisation_for_the_same_name_in_another_country(db):
    existing = factories.OrganisationFactory(name="Mobility Lab", country="FI")
    sign_up_ana()
    assert sorted(Organisation.objects.values_list("name", "country")) == [
        ("Mobility Lab", "BG"),
        ("Mobility Lab", "FI"),
    ]
    assert MembershipRequest.objects.get().organisation != existing


def test_sign_up_with_a_taken_address_creates_nothing_and_mails_its_owner(db):
    owner = factories.UserFactory(email="ana@mobility.example")
    assert sign_up_ana(email="Ana@Mobility.example") is None
    assert (User.objects.count(), Organisation.objects.filter(name="Mobility Lab").count()) == (
        1,
        0,
    )
    assert list(Message.objects.values_list("kind", "to")) == [
        ("account.address_taken", owner.email)
    ]
    assert list(AuditEntry.objects.values_list("action", "actor", "subject_id")) == [
        ("account.sign_up_with_taken_address", None, str(owner.pk))
    ]


def test_confirm_email_confirms_and_makes_the_founder_admin_of_the_new_organisation(db):
    user = sign_up_ana()
    confirm_email(user=user, token=token_in(Message.objects.get()))
    user.refresh_from_db()
    organisation = Organisation.objects.get()
    assert (user.email_verified, user.organisation, list(organisation.admins.all())) == (
        True,
        organisation,
        [user],
    )
    assert MembershipRequest.objects.get().status == "approved"


def test_confirm_email_with_a_used_link_is_refused_as_used(db):
    user = sign_up_ana()
    token = token_in(Message.objects.get())
    confirm_email(user=user, token=token)
    with pytest.raises(ValidationError, match="This link was used already"):
        confirm_email(user=user, token=token)


def test_confirm_email_with_an_expired_link_is_refused_as_expired(db):
    user = sign_up_ana()
    long_ago = email_confirmation._num_seconds(email_confirmation._now()) - (
        settings.PASSWORD_RESET_TIMEOUT + 60
    )
    expired = email_confirmation._make_token_with_timestamp(
        user, long_ago, email_confirmation.secret
    )
    with pytest.raises(ValidationError, match="This link has expired or is not valid"):
        confirm_email(user=user, token=expired)
    user.refresh_from_db()
    assert user.email_verified is False


def test_confirm_email_with_a_forged_token_or_no_account_is_refused(db):
    user = sign_up_ana()
    with pytest.raises(ValidationError, match="expired or is not valid"):
        confirm_email(user=user, token="abc-123")
    with pytest.raises(ValidationError, match="expired or is not valid"):
        confirm_email(user=None, token="abc-123")


def test_confirm_email_of_another_account_with_my_token_is_refused(db):
    ana = sign_up_ana()
    token = token_in(Message.objects.get())
    other = sign_up_ana(email="bob@mobility.example")
    with pytest.raises(ValidationError, match="expired or is not valid"):
        confirm_email(user=other, token=token)
    assert User.objects.get(pk=ana.pk).email_verified is False


def test_send_confirmation_of_a_confirmed_address_is_refused(db):
    user = factories.UserFactory()
    with pytest.raises(ValidationError, match="confirmed already"):
        send_confirmation(user=user)


def test_accounts_made_with_a_password_start_unconfirmed_and_imports_confirmed(db):
    signed = User.objects.create_user(email="a@example.org", password="x-long-password")
    imported = User.objects.create_user(email="b@example.org", password=None)
    admin = User.objects.create_superuser(email="c@example.org", password="x-long-password")
    assert (signed.email_verified, imported.email_verified, admin.email_verified) == (
        False,
        True,
        True,
    )


def test_confirmation_link_uid_is_the_accounts(db):
    user = sign_up_ana()
    assert f"/accounts/confirm/{urlsafe_base64_encode(force_bytes(user.pk))}/" in (
        Message.objects.get().body
    )


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
