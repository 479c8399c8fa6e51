"""Reading a participant list from CSV or XLSX, and guessing its columns:
`console.domain.tabular`."""

from matchfair.console.domain import tabular


def test_the_columns_are_guessed_from_their_headers():
    headers = [
        "E-mail",
        "Name",
        "Company",
        "Type",
        "Country",
        "Position",
        "Phone",
        "Interests",
        "Topics",
        "Notes",
    ]
    mapping = tabular.guess_mapping(headers)
    assert mapping == {
        "email": 0,
        "full_name": 1,
        "organisation": 2,
        "organisation_type": 3,
        "country": 4,
        "job_title": 5,
        "phone": 6,
        "headline": 7,
        "domains": 8,
    }
