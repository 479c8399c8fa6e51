"""Creating accounts: a person signs up together with the organisation they represent."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.community.models import Organisation, User


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
) -> User:
    email = User.objects.normalize_email(email).strip()
    with transaction.atomic():
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(
                {"email": _("An account with this e-mail address exists already.")}
            )
        organisation = Organisation.objects.filter(
            name__iexact=organisation_name.strip(), country=country
        ).first()
        if organisation is None:
            organisation = Organisation.objects.create(
                name=organisation_name.strip(),
                kind=organisation_kind,
                country=country,
                website=website,
            )
        user = User.objects.create_user(
            email=email,
            password=password,
            full_name=full_name.strip(),
            job_title=job_title,
            organisation=organisation,
        )
        record(action="account.signed_up", actor=user, subject=user)
    return user


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
