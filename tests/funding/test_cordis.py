import datetime as dt
from pathlib import Path

import pytest

from matchfair.funding.cordis import (
    CordisError,
    ParticipationRow,
    normalise_vat,
    read_participations,
    read_projects,
)

FIXTURES = Path(__file__).resolve().parents[2] / "src/matchfair/funding/fixtures"


def test_read_projects_reads_the_published_columns_and_multiline_objectives():
    projects = read_projects((FIXTURES / "project.csv").read_text())
    first = projects[0]
    assert (len(projects), first.cordis_id, first.acronym, first.start_date, first.objective) == (
        5,
        "101096001",
        "SOFIAMOVE",
        dt.date(2023, 1, 1),
        "Mobility hubs combining smart charging of electric vehicles, shared bikes and public "
        "transport data,\npiloted in Sofia, Porto and Tartu.",
    )


def test_read_participations_normalises_vat_and_eu_country_codes():
    rows = read_participations((FIXTURES / "organization.csv").read_text())
    assert (len(rows), rows[8]) == (
        16,
        ParticipationRow(
            project_id="101096003",
            cordis_organisation_id="999000009",
            name="ETHNIKO METSOVIO POLYTECHNEIO",
            short_name="NTUA",
            vat_number="EL090000009",
            sme=False,
            activity_type="HES",
            country="GR",
            role="participant",
        ),
    )


def test_bad_rows_are_named_by_file_row_and_column():
    text = (
        "projectID;organisationID;vatNumber;name;shortName;SME;activityType;country;role\n"
        "1;;;A;;maybe;PRC;BG;participant\n"
        "2;7;;B;;true;PRC;Bulgaria;participant\n"
    )
    with pytest.raises(CordisError) as raised:
        read_participations(text)
    assert raised.value.errors == [
        "organization.csv: row 2: organisationID: is empty",
        "organization.csv: row 2: SME: must be true or false, got 'maybe'",
        "organization.csv: row 3: country: must be a two-letter code, got 'BULGARIA'",
    ]


def test_missing_columns_are_named():
    with pytest.raises(
        CordisError, match=r"^project.csv: row 1: missing columns topics, objective"
    ):
        read_projects("id;acronym;status;title;frameworkProgramme;fundingScheme\n")


def test_bad_date_is_named():
    text = (FIXTURES / "project.csv").read_text().replace("2023-01-01", "01/01/2023", 1)
    with pytest.raises(CordisError, match=r"project.csv: row 2: startDate: is not a date"):
        read_projects(text)


def test_normalise_vat_keeps_letters_and_digits():
    assert normalise_vat(" bg 175-000.001 ") == "BG175000001"
