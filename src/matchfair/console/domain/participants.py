"""The participants an organiser manages: the lead everyone, a co-organiser only its own; with
filters, figures in aggregate, exports, and the event's validation setting."""

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.events.models import Event, Registration
from matchfair.spreadsheets import safe_cell


def managed(user: Any, event: Event) -> QuerySet[Registration]:
    """The registrations `user` may list, open and export in the console (none for others)."""
    queryset = Registration.objects.filter(event=event).select_related(
        "user__organisation", "organiser__cluster__organisation"
    )
    if not permissions.is_organiser(user, event):
        return queryset.none()
    organisers = permissions.organiser_scope(user, event)
    if organisers is not None:
        queryset = queryset.filter(organiser__in=organisers)
    return queryset


def filtered(queryset: QuerySet[Registration], filters: dict[str, Any]) -> QuerySet[Registration]:
    query = (filters.get("q") or "").strip()
    if query:
        queryset = queryset.filter(
            Q(user__full_name__icontains=query)
            | Q(user__email__icontains=query)
            | Q(user__organisation__name__icontains=query)
            | Q(headline__icontains=query)
        )
    if filters.get("status"):
        queryset = queryset.filter(status=filters["status"])
    if filters.get("country"):
        queryset = queryset.filter(user__organisation__country=filters["country"])
    if filters.get("organiser"):
        queryset = queryset.filter(organiser=filters["organiser"])
    return queryset.order_by("user__full_name", "pk")


def countries_of(queryset: QuerySet[Registration]) -> set[str]:
    """The countries of the organisations of these participants, for the filter's choices."""
    return set(
        queryset.exclude(user__organisation__isnull=True)
        .order_by()
        .values_list("user__organisation__country", flat=True)
        .distinct()
    )


def totals(event: Event) -> dict[str, int]:
    """Event-wide counts by status: figures only, which every organiser may see."""
    counts = dict(
        Registration.objects.filter(event=event)
        .values_list("status")
        .annotate(count=Count("pk"))
        .values_list("status", "count")
    )
    return {
        "all": sum(counts.values()),
        **{status: counts.get(status, 0) for status in Registration.Status.values},
    }


def set_requires_validation(*, event: Event, by: Any, value: bool) -> Event:
    """Whether new registrations wait for their organiser's validation."""
    if not permissions.can_manage_event(by, event):
        raise PermissionDenied
    with transaction.atomic():
        event.requires_validation = value
        event.save(update_fields=["requires_validation"])
        record(action="event.validation_set", actor=by, subject=event, event=event, value=value)
    return event


EXPORT_COLUMNS = (
    ("id", gettext_lazy("ID")),
    ("full_name", gettext_lazy("Full name")),
    ("email", gettext_lazy("E-mail")),
    ("phone", gettext_lazy("Phone")),
    ("job_title", gettext_lazy("Job title")),
    ("organisation", gettext_lazy("Organisation")),
    ("organisation_type", gettext_lazy("Organisation type")),
    ("country", gettext_lazy("Country")),
    ("organiser", gettext_lazy("Supporting organiser")),
    ("status", gettext_lazy("Status")),
    ("headline", gettext_lazy("Headline")),
    ("domains", gettext_lazy("Domains")),
    ("registered", gettext_lazy("Registered")),
)


def export_headers() -> list[str]:
    return [str(label) for _key, label in EXPORT_COLUMNS]


def export_rows(queryset: QuerySet[Registration], event: Event) -> Iterator[list[Any]]:
    for registration in queryset.prefetch_related("domains"):
        user = registration.user
        organisation = user.organisation
        yield [
            registration.pk,
            user.full_name,
            user.email,
            user.phone,
            user.job_title,
            organisation.name if organisation else "",
            organisation.get_kind_display() if organisation else "",
            str(organisation.country) if organisation else "",
            str(registration.organiser.cluster),
            registration.get_status_display(),
            registration.headline,
            ", ".join(domain.slug for domain in registration.domains.all()),
            timezone.localtime(registration.created, event.zone).strftime("%Y-%m-%d %H:%M"),
        ]


def export_csv(rows: Iterable[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(export_headers())
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return "\ufeff" + buffer.getvalue()


def export_xlsx(rows: Iterable[list[Any]]) -> bytes:
    from openpyxl import Workbook  # noqa: PLC0415 (slow import)

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title="Participants")
    sheet.append(export_headers())
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
