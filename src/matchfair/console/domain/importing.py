"""Importing participants: upload a file, map its columns, review every row, then import.

A batch keeps the parsed rows in the database between the steps. `review` checks every row and
names each problem with its row number and field; duplicates are found by e-mail and by
organisation plus name, inside the file and against the event's registrations and the accounts
that exist. `import_batch` imports in one transaction: all rows, or, when the organiser chooses
so, only the valid ones. People without an account get one with no usable password and an
invitation to set it. An account that exists already is never enrolled by an import: its owner
is asked to confirm (`pending_registrations`), and only then is the registration made.
"""

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_countries import countries

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.community.models import Organisation, OrganisationType
from matchfair.console.domain import pending_registrations
from matchfair.console.domain.tabular import FIELDS, FIELDS_BY_KEY, KINDS, MAX_BYTES, read_table
from matchfair.console.models import ImportBatch, PendingRegistration
from matchfair.events.models import Domain, Event, Organiser, Registration
from matchfair.outbox.domain import queue_message
from matchfair.uploads import check_upload, read_all


@dataclass
class RowReport:
    number: int
    values: dict[str, Any]
    errors: list[tuple[str, str]] = field(default_factory=list)
    existing_user: Any = None

    @property
    def ok(self) -> bool:
        return not self.errors

    def add(self, key: str, message: str) -> None:
        self.errors.append((key, message))

    @property
    def error_list(self) -> list[dict[str, str]]:
        return [
            {"field": str(FIELDS_BY_KEY[key].label), "message": message}
            for key, message in self.errors
        ]


@dataclass
class Review:
    rows: list[RowReport]

    @property
    def valid(self) -> list[RowReport]:
        return [row for row in self.rows if row.ok]

    @property
    def invalid(self) -> list[RowReport]:
        return [row for row in self.rows if not row.ok]


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def create_batch(*, event: Event, organiser: Organiser, by: Any, upload: Any) -> ImportBatch:
    """Check and parse the uploaded file and keep its rows; ValidationError names the problem."""
    if organiser.event_id != event.pk or organiser not in permissions.import_organisers(by, event):
        raise PermissionDenied
    kind = check_upload(upload, max_bytes=MAX_BYTES, kinds=KINDS)
    headers, rows = read_table(read_all(upload), kind)
    with transaction.atomic():
        batch = ImportBatch.objects.create(
            event=event,
            organiser=organiser,
            created_by=by,
            file_name=str(upload.name)[:255],
            kind=kind,
            headers=headers,
            rows=rows,
        )
        record(
            action="import.uploaded",
            actor=by,
            subject=batch,
            event=event,
            file=batch.file_name,
            rows=len(rows),
        )
    return batch


# The fields a whole file may share one value for, when it has no column (or an empty cell) for
# them: a list of company contacts rarely says "company" on each row.
DEFAULTABLE = ("organisation_type", "country")


def suggested_defaults(batch: ImportBatch) -> dict[str, str]:
    """The values offered for missing columns: a company, in the organiser's own country."""
    organisation = batch.organiser.cluster.organisation
    return {"organisation_type": OrganisationType.COMPANY, "country": str(organisation.country)}


def filled_in(batch: ImportBatch) -> list[tuple[str, str]]:
    """The batch's values for missing columns as a reader sees them: (field, value) pairs."""
    shown = []
    for key, value in batch.defaults.items():
        if key == "organisation_type":
            shown.append((str(FIELDS_BY_KEY[key].label), str(OrganisationType(value).label)))
        elif key == "country":
            shown.append((str(FIELDS_BY_KEY[key].label), str(countries.name(value))))
    return shown


def _clean_defaults(defaults: dict[str, str]) -> dict[str, str]:
    clean = {key: str(value).strip() for key, value in defaults.items() if key in DEFAULTABLE}
    clean = {key: value for key, value in clean.items() if value}
    if "organisation_type" in clean and _organisation_kind(clean["organisation_type"]) is None:
        raise ValidationError({"organisation_type": _("Choose an organisation type.")})
    if "country" in clean and not _country(clean["country"]):
        raise ValidationError({"country": _("Choose a country.")})
    return clean


def set_mapping(
    *,
    batch: ImportBatch,
    by: Any,
    mapping: dict[str, int],
    defaults: dict[str, str] | None = None,
) -> ImportBatch:
    """Keep which column holds which field (field key to column index), and the values used
    where the file gives none (`DEFAULTABLE` fields only)."""
    if not permissions.can_open_import(by, batch):
        raise PermissionDenied
    if batch.status != ImportBatch.Status.UPLOADED:
        raise ValidationError(_("This import is finished already."))
    width = len(batch.headers)
    clean = {key: int(index) for key, index in mapping.items() if key in FIELDS_BY_KEY}
    if any(not 0 <= index < width for index in clean.values()):
        raise ValidationError(_("Choose columns of the file."))
    missing = [str(item.label) for item in FIELDS if item.required and item.key not in clean]
    if missing:
        raise ValidationError(
            _("Choose the column for: %(fields)s.") % {"fields": ", ".join(missing)}
        )
    repeated = [index for index, count in Counter(clean.values()).items() if count > 1]
    if repeated:
        raise ValidationError(
            _("The column %(column)s is chosen for more than one field.")
            % {"column": batch.headers[repeated[0]]}
        )
    filled = _clean_defaults(defaults or {})
    with transaction.atomic():
        batch.mapping = clean
        batch.defaults = filled
        batch.save(update_fields=["mapping", "defaults"])
        record(
            action="import.mapped",
            actor=by,
            subject=batch,
            event=batch.event,
            mapping=clean,
            defaults=filled,
        )
    return batch


def _organisation_kind(text: str) -> str | None:
    wanted = _key(text)
    for value, label in OrganisationType.choices:
        if wanted in (value, _key(str(label))):
            return value
    return None


def _country(text: str) -> str:
    return countries.alpha2(text.strip()) or countries.by_name(text.strip()) or ""


class _Lookups:
    """What the database already knows, fetched once for all rows."""

    def __init__(self, event: Event, rows: list[RowReport]) -> None:
        User = get_user_model()
        emails = {_key(row.values["email"]) for row in rows if row.values["email"]}
        names = {_key(row.values["full_name"]) for row in rows if row.values["full_name"]}
        self.users = {
            _key(user.email): user
            for user in User.objects.annotate(lower=Lower("email")).filter(lower__in=emails)
        }
        registered = set(Registration.objects.filter(event=event).values_list("user_id", flat=True))
        self.registered_ids = registered
        self.asked_ids = set(
            PendingRegistration.objects.filter(
                event=event, status=PendingRegistration.Status.ASKED
            ).values_list("user_id", flat=True)
        )
        self.people: dict[tuple[str, str], list[tuple[str, bool]]] = {}
        for user in (
            User.objects.annotate(lower=Lower("full_name"))
            .filter(lower__in=names, organisation__isnull=False)
            .select_related("organisation")
        ):
            organisation_name = user.organisation.name if user.organisation else ""
            pair = (_key(organisation_name), _key(user.full_name))
            self.people.setdefault(pair, []).append((_key(user.email), user.pk in registered))
        self.organisations: dict[str, list[Organisation]] = {}
        wanted = {_key(row.values["organisation"]) for row in rows if row.values["organisation"]}
        for organisation in Organisation.objects.annotate(lower=Lower("name")).filter(
            lower__in=wanted
        ):
            self.organisations.setdefault(_key(organisation.name), []).append(organisation)
        self.domains: dict[str, Domain] = {}
        for domain in Domain.objects.all():
            self.domains[_key(domain.slug)] = domain
            self.domains[_key(domain.name)] = domain
            self.domains[_key(str(domain))] = domain

    def organisation(self, name: str, country: str) -> list[Organisation]:
        found = self.organisations.get(_key(name), [])
        return [item for item in found if not country or item.country == country]


def _values(batch: ImportBatch, cells: list[str]) -> dict[str, Any]:
    values = {
        item.key: (cells[batch.mapping[item.key]].strip() if item.key in batch.mapping else "")
        for item in FIELDS
    }
    for key, value in batch.defaults.items():
        if key in DEFAULTABLE and not values[key]:
            values[key] = value
    return values


def _check_fields(row: RowReport, lookups: _Lookups) -> None:
    values = row.values
    for item in FIELDS:
        if item.required and not values[item.key]:
            row.add(item.key, _("Required; this row has no value."))
        elif item.max_length and len(values[item.key]) > item.max_length:
            row.add(
                item.key,
                _("At most %(limit)d characters; this has %(count)d.")
                % {"limit": item.max_length, "count": len(values[item.key])},
            )
    if values["email"]:
        try:
            validate_email(values["email"])
        except ValidationError:
            row.add(
                "email", _("“%(value)s” is not an e-mail address.") % {"value": values["email"]}
            )
    if values["country"]:
        values["country_code"] = _country(values["country"])
        if not values["country_code"]:
            row.add("country", _("Unknown country “%(value)s”.") % {"value": values["country"]})
    if values["organisation_type"]:
        values["kind"] = _organisation_kind(values["organisation_type"])
        if values["kind"] is None:
            row.add(
                "organisation_type",
                _("Unknown type “%(value)s”; use one of: %(choices)s.")
                % {
                    "value": values["organisation_type"],
                    "choices": ", ".join(value for value, _label in OrganisationType.choices),
                },
            )
    values["domain_ids"] = []
    for part in values["domains"].replace(";", ",").replace("|", ",").split(","):
        if not part.strip():
            continue
        domain = lookups.domains.get(_key(part))
        if domain is None:
            row.add("domains", _("Unknown domain “%(value)s”.") % {"value": part.strip()})
        else:
            values["domain_ids"].append(domain.pk)
    if values["organisation"]:
        _check_organisation(row, lookups)


def _check_organisation(row: RowReport, lookups: _Lookups) -> None:
    values = row.values
    if values["country"] and not values.get("country_code"):
        return
    found = lookups.organisation(values["organisation"], values.get("country_code", ""))
    if len(found) == 1:
        values["organisation_id"] = found[0].pk
    elif len(found) > 1:
        row.add("country", _("Several organisations have this name; give the country."))
    else:
        if not values["country"]:
            row.add("country", _("Required for a new organisation."))
        if not values["organisation_type"]:
            row.add("organisation_type", _("Required for a new organisation."))


def review(batch: ImportBatch) -> Review:
    """Every row of the batch with the problems found in it."""
    rows = [
        RowReport(number=item["number"], values=_values(batch, item["cells"]))
        for item in batch.rows
    ]
    lookups = _Lookups(batch.event, rows)
    seen_emails: dict[str, int] = {}
    seen_people: dict[tuple[str, str], int] = {}
    for row in rows:
        _check_fields(row, lookups)
        email = _key(row.values["email"])
        if email:
            if email in seen_emails:
                row.add(
                    "email",
                    _("Duplicate: the same e-mail address as row %(row)d.")
                    % {"row": seen_emails[email]},
                )
            else:
                seen_emails[email] = row.number
            user = lookups.users.get(email)
            if user is not None and user.pk in lookups.registered_ids:
                row.add("email", _("Duplicate: this person is registered for the event already."))
            elif user is not None and user.pk in lookups.asked_ids:
                row.add(
                    "email",
                    _("Duplicate: this person was asked already to confirm a registration."),
                )
            row.existing_user = user
        if row.values["organisation"] and row.values["full_name"]:
            pair = (_key(row.values["organisation"]), _key(row.values["full_name"]))
            if pair in seen_people:
                row.add(
                    "full_name",
                    _("Duplicate: the same name and organisation as row %(row)d.")
                    % {"row": seen_people[pair]},
                )
            else:
                seen_people[pair] = row.number
            others = [item for item in lookups.people.get(pair, []) if item[0] != email]
            if any(is_registered for _email, is_registered in others):
                row.add(
                    "full_name",
                    _(
                        "Duplicate: someone with this name and organisation is registered for "
                        "the event already, under another e-mail address."
                    ),
                )
            elif others:
                row.add(
                    "full_name",
                    _(
                        "Duplicate: someone with this name and organisation has an account "
                        "under another e-mail address."
                    ),
                )
    return Review(rows=rows)


def _invite(user: Any, event: Event) -> None:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    url = reverse(
        "console:set_password", kwargs={"event": event.slug, "uidb64": uid, "token": token}
    )
    queue_message(
        key=f"invitation:{event.pk}:{user.pk}",
        kind="console.invitation",
        user=user,
        template="console/mail/invitation",
        context={"event": event, "url": url},
        event=event,
    )


def _organisation_for(values: dict[str, Any]) -> Organisation | None:
    if not values["organisation"]:
        return None
    if values.get("organisation_id"):
        return Organisation.objects.get(pk=values["organisation_id"])
    organisation, _created = Organisation.objects.get_or_create(
        name=" ".join(values["organisation"].split()),
        country=values["country_code"],
        defaults={"kind": values["kind"]},
    )
    return organisation


def _import_row(row: RowReport, *, batch: ImportBatch, by: Any) -> str:
    """Import one valid row and say how: "invited" (a new account, registered and invited to set
    a password) or "asked" (an existing account, whose owner must confirm the registration)."""
    values = row.values
    if row.existing_user is not None:
        pending = pending_registrations.ask(
            batch=batch, user=row.existing_user, row=row.number, values=values
        )
        record(
            action="registration.asked",
            actor=by,
            subject=pending,
            event=batch.event,
            batch=batch.pk,
            row=row.number,
        )
        return "asked"
    user = get_user_model().objects.create_user(
        email=values["email"],
        password=None,
        full_name=" ".join(values["full_name"].split()),
        job_title=values["job_title"],
        phone=values["phone"],
        organisation=_organisation_for(values),
    )
    registration = Registration.objects.create(
        event=batch.event,
        user=user,
        organiser=batch.organiser,
        status=Registration.Status.VALIDATED,
        headline=values["headline"],
        description=values["description"],
    )
    if values["domain_ids"]:
        registration.domains.set(values["domain_ids"])
    record(
        action="registration.imported",
        actor=by,
        subject=registration,
        event=batch.event,
        batch=batch.pk,
        row=row.number,
        new_account=True,
    )
    _invite(user, batch.event)
    return "invited"


def import_batch(*, batch: ImportBatch, by: Any, only_valid: bool = False) -> dict[str, Any]:
    """Import the mapped rows in one transaction. Refused when a row is bad, unless `only_valid`;
    a batch is imported once only."""
    if not permissions.can_open_import(by, batch):
        raise PermissionDenied
    with transaction.atomic():
        locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if locked.status != ImportBatch.Status.UPLOADED:
            raise ValidationError(_("This import is finished already."))
        if not locked.mapping:
            raise ValidationError(_("Map the columns first."))
        result = review(locked)
        if result.invalid and not only_valid:
            raise ValidationError(
                _(
                    "%(count)d rows have problems; nothing was imported. Correct the file, or "
                    "choose to import only the valid rows."
                )
                % {"count": len(result.invalid)}
            )
        outcomes = Counter(_import_row(row, batch=locked, by=by) for row in result.valid)
        report = {
            "imported": outcomes["invited"],
            "skipped": [row.number for row in result.invalid],
            "invited": outcomes["invited"],
            "asked": outcomes["asked"],
        }
        locked.status = ImportBatch.Status.IMPORTED
        locked.report = report
        locked.finished = timezone.now()
        locked.save(update_fields=["status", "report", "finished"])
        record(action="import.done", actor=by, subject=locked, event=locked.event, **report)
    batch.refresh_from_db()
    return report


def cancel_batch(*, batch: ImportBatch, by: Any) -> None:
    if not permissions.can_open_import(by, batch):
        raise PermissionDenied
    with transaction.atomic():
        locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if locked.status != ImportBatch.Status.UPLOADED:
            raise ValidationError(_("This import is finished already."))
        locked.status = ImportBatch.Status.CANCELLED
        locked.rows = []
        locked.finished = timezone.now()
        locked.save(update_fields=["status", "rows", "finished"])
        record(action="import.cancelled", actor=by, subject=locked, event=locked.event)
    batch.refresh_from_db()
