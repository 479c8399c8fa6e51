"""The participants an organiser manages, their filters, figures and exports:
`console.domain.participants`."""

import csv
import io

import pytest
from django.core.exceptions import PermissionDenied
from openpyxl import load_workbook

from matchfair.audit.models import AuditEntry
from matchfair.console.domain.participants import (
    countries_of,
    export_csv,
    export_headers,
    export_rows,
    export_xlsx,
    filtered,
    managed,
    set_requires_validation,
    totals,
)
from matchfair.events.models import Registration


def names(registrations):
    return [registration.user.full_name for registration in registrations]


def test_managed_by_the_lead_is_everyone(event, lead_staff, everyone):
    assert sorted(names(managed(lead_staff, event))) == [
        "Ana Petrova",
        "Carla Costa",
        "Dmitri Ivanov",
    ]


def test_managed_by_a_co_organiser_is_its_own(event, co_staff, other_staff, everyone):
    assert (names(managed(co_staff, event)), names(managed(other_staff, event))) == (
        ["Carla Costa"],
        ["Dmitri Ivanov"],
    )


def test_managed_by_a_participant_is_nobody(event, ana, everyone):
    assert list(managed(ana.user, event)) == []


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["Ana Petrova", "Carla Costa", "Dmitri Ivanov"]),
        ({"q": "carla@"}, ["Carla Costa"]),  # e-mail
        ({"q": " ivanov "}, ["Dmitri Ivanov"]),  # name, trimmed
        ({"status": "pending"}, ["Carla Costa", "Dmitri Ivanov"]),
        ({"country": "PT"}, ["Carla Costa"]),
    ],
)
def test_filtered_by_text_status_and_country(event, lead_staff, everyone, filters, expected):
    assert names(filtered(managed(lead_staff, event), filters)) == expected


def test_filtered_by_organiser_and_headline(event, lead_staff, everyone, co):
    ana, _carla, _dmitri = everyone
    ana.headline = "Smart parking"
    ana.save()
    queryset = managed(lead_staff, event)
    assert (
        names(filtered(queryset, {"organiser": co})),
        names(filtered(queryset, {"q": "PARKING"})),
    ) == (["Carla Costa"], ["Ana Petrova"])


def test_countries_of_are_those_of_the_managed_participants(event, lead_staff, co_staff, everyone):
    assert (
        countries_of(managed(lead_staff, event)),
        countries_of(managed(co_staff, event)),
    ) == ({"BG", "PT"}, {"PT"})


def test_totals_count_the_whole_event_by_status(event, everyone):
    assert totals(event) == {
        "all": 3,
        "pending": 2,
        "validated": 1,
        "rejected": 0,
        "withdrawn": 0,
    }


def test_set_requires_validation_by_the_lead_is_saved_and_audited(event, lead_staff):
    set_requires_validation(event=event, by=lead_staff, value=True)
    event.refresh_from_db()
    entry = AuditEntry.objects.get(action="event.validation_set")
    assert (event.requires_validation, entry.actor, entry.details) == (
        True,
        lead_staff,
        {"value": True},
    )


def test_set_requires_validation_by_a_co_organiser_is_refused(event, co_staff):
    with pytest.raises(PermissionDenied):
        set_requires_validation(event=event, by=co_staff, value=True)
    event.refresh_from_db()
    assert event.requires_validation is False


def test_export_rows_hold_one_row_a_participant_in_the_header_order(event, carla):
    carla.user.job_title = "=CEO"
    carla.user.save()
    [row] = export_rows(Registration.objects.filter(pk=carla.pk), event)
    by_column = dict(zip(export_headers(), row, strict=True))
    assert {
        key: by_column[key] for key in ("ID", "Full name", "Job title", "Country", "Status")
    } == {
        "ID": carla.pk,
        "Full name": "Carla Costa",
        "Job title": "=CEO",
        "Country": "PT",
        "Status": "Waiting for validation",
    }


def test_export_csv_starts_with_a_bom_and_defuses_formulas(event, carla):
    carla.user.job_title = "=CEO"
    carla.user.save()
    text = export_csv(export_rows(Registration.objects.filter(pk=carla.pk), event))
    header, row = csv.reader(io.StringIO(text[1:]))
    assert (text[0], header, row[4]) == ("\ufeff", export_headers(), "'=CEO")


def test_export_xlsx_holds_the_header_and_the_rows(event, carla):
    data = export_xlsx(export_rows(Registration.objects.filter(pk=carla.pk), event))
    sheet = load_workbook(io.BytesIO(data)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert (sheet.title, rows[0], rows[1][:3]) == (
        "Participants",
        export_headers(),
        [carla.pk, "Carla Costa", "carla@example.org"],
    )
