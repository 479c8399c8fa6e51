"""A person's own data: download all of it as JSON, or erase the account.

This module is the registry and the two procedures; it imports no other app. Every app that keeps
personal data, community included, registers its *sections* from its own `privacy.py`, called in
its `AppConfig.ready`: `register(key, collect=…, erase=…, refuse=…, models=[…])`. `collect(user)`
returns what goes into the export under `key` (JSON types only; a dotted key such as
`memberships.organiser_staff` goes into that part of another section); `erase(user)` removes or
anonymises the data inside the erasure's transaction; `refuse(user)` says why the account may not
be erased now; `models` names the models whose personal data the section covers, and
tests/community/domain/test_privacy_registry.py fails when a model pointing to a person is named
by no section. docs/privacy.md lists which app registers what.

Erasure keeps the event's meeting statistics: registrations, meetings, placements and requests
stay (anonymised), and the account becomes an inactive placeholder.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.community.models import User
from matchfair.community.signals import account_erased

FORMAT = "matchfair-personal-data/1"
ERASED_NAME = "Erased account"
ERASED_TEXT = "[erased]"


@dataclass(frozen=True)
class Section:
    key: str
    collect: Callable[[Any], Any] | None = None
    erase: Callable[[Any], None] | None = None
    refuse: Callable[[Any], list[str]] | None = None
    models: tuple[type[Model], ...] = ()


_sections: dict[str, Section] = {}


def register(
    key: str,
    *,
    collect: Callable[[Any], Any] | None = None,
    erase: Callable[[Any], None] | None = None,
    refuse: Callable[[Any], list[str]] | None = None,
    models: Iterable[type[Model]] = (),
) -> None:
    """Add (or replace, so a second `ready()` is harmless) the section `key`.

    `erase` and `refuse` run inside the erasure's transaction, before the account itself is
    anonymised (so they still see the old e-mail and name); `refuse` may lock what it checks.
    """
    if collect is None and erase is None:
        raise ValueError(f"the privacy section {key!r} neither collects nor erases anything")
    _sections[key] = Section(
        key=key, collect=collect, erase=erase, refuse=refuse, models=tuple(models)
    )


def unregister(key: str) -> None:
    _sections.pop(key, None)


def sections() -> list[Section]:
    return list(_sections.values())


def registered_models() -> set[type[Model]]:
    """The models some section exports or erases."""
    return {model for section in _sections.values() for model in section.models}


def erase_name_from_texts(queryset: QuerySet[Any], name: str, fields: Sequence[str]) -> None:
    """Replace a person's name in text written to or about others (a mail, a mailing) with
    ERASED_NAME; the text itself belongs to its recipients and stays."""
    name = name.strip()
    if not name:
        return
    mentions = Q()
    for field in fields:
        mentions |= Q(**{f"{field}__icontains": name})
    for row in queryset.filter(mentions):
        for field in fields:
            setattr(row, field, getattr(row, field).replace(name, ERASED_NAME))
        row.save(update_fields=list(fields))


def moment(value: Any) -> str | None:
    """A date or time for the JSON export, or None."""
    return value.isoformat() if value is not None else None


# Export and erasure


def export_personal_data(*, user: User) -> dict[str, Any]:
    """Everything Matchfair keeps about `user`, by section; other people appear by name only."""
    data: dict[str, Any] = {"format": FORMAT, "exported": moment(timezone.now())}
    for section in sections():
        if section.collect is None:
            continue
        parent, _dot, key = section.key.rpartition(".")
        (data.setdefault(parent, {}) if parent else data)[key] = section.collect(user)
    return data


def erasure_refusals(user: User) -> list[str]:
    """Why this account may not be erased now; empty when it may. Called inside the erasure's
    transaction, after the account row is locked."""
    reasons = []
    if user.is_superuser:
        reasons.append(
            _(
                "A superuser account cannot be erased. Ask another administrator to take "
                "away your superuser status first."
            )
        )
    for section in sections():
        if section.refuse is not None:
            reasons.extend(section.refuse(user))
    return reasons


def _anonymise_user(user: User) -> None:
    user.email = f"erased-{user.pk}@invalid"
    user.full_name = ERASED_NAME
    user.job_title = ""
    user.phone = ""
    user.language = "en"
    user.is_active = False
    user.is_staff = False
    user.last_login = None
    user.set_unusable_password()
    user.save()


def erase_account(*, user: User, by: Any, password: str) -> User:
    """Erase `user`'s personal data and turn the account into an inactive placeholder.

    One transaction: a refusal (wrong password, a superuser, the last staff member of an
    organiser) or any failure leaves everything as it was.
    """
    if not permissions.can_erase_account(by, user):
        raise PermissionDenied(_("You can erase only your own account."))
    if not password or not user.check_password(password):
        raise ValidationError({"password": _("This is not your password.")})
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        refusals = erasure_refusals(locked)
        if refusals:
            raise ValidationError(refusals)
        for section in sections():
            if section.erase is not None:
                section.erase(locked)
        _anonymise_user(locked)
        account_erased.send(sender=User, user=locked)
    user.refresh_from_db()
    return user
