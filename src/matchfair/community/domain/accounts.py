"""Creating accounts and confirming their e-mail address.

A person signs up with the organisation they represent. The account starts with an unconfirmed
address: it may change its own details, but has no organisation yet and none of the rights that
need a real address (`permissions.is_verified`). The link mailed to the address confirms it; the
organisation named at sign-up then becomes theirs (a new one) or is asked to accept them (an
existing one, `community.domain.memberships`).

A sign-up with an address that has an account already answers exactly like a new one, and tells
the owner of the address by mail instead, so nobody learns which addresses have accounts.
"""

import uuid

from django.contrib.auth.hashers import make_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.community.domain import memberships
from matchfair.community.models import User
from matchfair.community.tokens import email_confirmation
from matchfair.outbox.domain import queue_message


def sign_up(
    *,
    email: str,
    full_name: str,
    password: str,
    organisation_name: str,
    organisation_kind: str,
    country: str,
    job_title: str = "",
    website: str = "",
) -> User | None:
    """The new account, or None when the address has one already (its owner is told by mail).

    Either way a mail goes to the address, so the answer shows nothing about who has an account.
    """
    email = User.objects.normalize_email(email).strip()
    with transaction.atomic():
        owner = User.objects.filter(email__iexact=email).first()
        if owner is not None:
            make_password(password)  # the same work as for a new account, so as long an answer
            record(action="account.sign_up_with_taken_address", subject=owner)
            queue_message(
                key=f"account.address_taken:{owner.pk}:{uuid.uuid4().hex}",
                kind="account.address_taken",
                user=owner,
                template="community/mail/address_taken",
                context={
                    "login_url": reverse("community:login"),
                    "reset_url": reverse("community:password_reset"),
                },
            )
            return None
        try:
            with transaction.atomic():
                user = User.objects.create_user(
                    email=email,
                    password=password,
                    full_name=full_name.strip(),
                    job_title=job_title,
                    email_verified=False,
                )
        except IntegrityError:
            return None  # the same address signed up at the same moment: that one counts

        asked = memberships.record_request(
            user=user,
            organisation_name=organisation_name,
            organisation_kind=organisation_kind,
            country=country,
            website=website,
        )
        record(
            action="account.signed_up",
            actor=user,
            subject=user,
            organisation=asked.organisation_id,
            new_organisation=asked.founder,
        )
        send_confirmation(user=user)
    return user


def confirmation_url(user: User) -> str:
    return reverse(
        "community:confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": email_confirmation.make_token(user),
        },
    )


def send_confirmation(*, user: User) -> None:
    """Mail the link that confirms the account's address."""
    if user.email_verified:
        raise ValidationError(_("Your e-mail address is confirmed already."))
    url = confirmation_url(user)
    queue_message(
        key=f"account.confirm:{user.pk}:{uuid.uuid4().hex}",
        kind="account.confirm",
        user=user,
        template="community/mail/confirm",
        context={"url": url},
    )
    record(action="account.confirmation_sent", actor=user, subject=user)


LINK_USED = gettext_lazy("This link was used already: your e-mail address is confirmed. Log in.")
LINK_EXPIRED = gettext_lazy(
    "This link has expired or is not valid. Log in and ask for a new one on your account page."
)


def confirm_email(*, user: User | None, token: str) -> User:
    """Confirm the address with the token of the mailed link; refused, with the reason, when
    the link was used already or has expired."""
    if user is None:
        raise ValidationError(LINK_EXPIRED)
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        if email_confirmation.was_used(user, token):
            raise ValidationError(LINK_USED)
        if not user.is_active or not email_confirmation.check_token(user, token):
            raise ValidationError(LINK_EXPIRED)
        mark_verified(user=user)
    return user


def mark_verified(*, user: User) -> None:
    """The address is proven (a confirmation or a password-reset link was opened): the account
    gets its rights, and the organisation it asked for learns of it."""
    if user.email_verified:
        return
    user.email_verified = True
    user.save(update_fields=["email_verified"])
    record(action="account.email_confirmed", actor=user, subject=user)
    memberships.address_confirmed(user=user)


ACCOUNT_FIELDS = ("full_name", "job_title", "phone", "language")


def update_account(*, user: User, by: User, **fields: str) -> User:
    unknown = set(fields) - set(ACCOUNT_FIELDS)
    if unknown:
        raise TypeError(f"not account fields: {sorted(unknown)}")
    if not permissions.can_edit_account(by, user):
        raise PermissionDenied(_("You can only change your own account."))
    with transaction.atomic():
        for name, value in fields.items():
            setattr(user, name, value.strip() if isinstance(value, str) else value)
        user.full_clean(exclude=["password"])
        user.save(update_fields=list(fields))
        record(action="account.updated", actor=by, subject=user, fields=sorted(fields))
    return user
