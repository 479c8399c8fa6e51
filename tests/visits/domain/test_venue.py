"""The venue's exhibitors: their import, their directory, and the walks between halls
(`visits.domain.venue`)."""

import pytest

from matchfair.visits.domain.venue import (
    ImportError_,
    exhibitors,
    import_exhibitors,
    read_csv,
    walking_minutes,
)
from matchfair.visits.models import Stand
from tests import factories
from tests.visits.helpers import HEADER

# The import: every row checked, nothing written unless all are right


def rows(text):
    return read_csv((HEADER + text).encode())


def test_import_creates_stands_in_their_hall_and_pavilion(event, halls, bavaria, lead_staff):
    result = import_exhibitors(
        event=event,
        rows=rows(
            "2C01,Ubiwhere,Ubiwhere,PT,Hall 2,,260,10,6,4,,\n"
            "1P02,Munich Data,,DE,hall 1,Bavaria Pavilion,15,15,3,3,10:00,16:00\n"
        ),
        by=lead_staff,
    )
    munich = Stand.objects.get(code="1P02")
    assert (result.created, result.updated, munich.hall, munich.pavilion, str(munich.closes)) == (
        2,
        0,
        halls[0],
        bavaria,
        "16:00:00",
    )


def test_import_names_every_bad_row_and_field_and_writes_nothing(event, halls, lead_staff):
    with pytest.raises(ImportError_) as caught:
        import_exhibitors(
            event=event,
            rows=rows(
                "2C01,Ubiwhere,,PT,Hall 2,,260,10,6,4,,\n"
                "2C02,,,PT,Hall 9,,260,10,6,4,,\n"
                "2C03,Fine,,PT,Hall 2,,abc,10,6,4,11:00,10:00\n"
                "2C01,Twice,,PT,Hall 2,,260,20,6,4,,\n"
            ),
            by=lead_staff,
        )
    found = {(error.row, error.field) for error in caught.value.row_errors}
    assert found == {(3, "exhibitor"), (3, "hall"), (4, "x"), (4, "closes"), (5, "code")}
    assert not Stand.objects.filter(event=event).exists()


def test_import_refuses_a_stand_outside_its_hall(event, halls, lead_staff):
    with pytest.raises(ImportError_) as caught:
        import_exhibitors(event=event, rows=rows("9Z,Far,,,Hall 1,,400,10,6,4,,\n"), by=lead_staff)
    assert [(e.row, e.field) for e in caught.value.row_errors] == [(2, "x")]


def test_import_updates_a_stand_with_the_same_code(event, stands, lead_staff):
    result = import_exhibitors(
        event=event, rows=rows("1A10,AMEC Urbis SL,,ES,Hall 1,,70,20,6,4,,\n"), by=lead_staff
    )
    stands[0].refresh_from_db()
    assert (result.updated, stands[0].exhibitor, stands[0].x) == (1, "AMEC Urbis SL", 70)


def test_read_csv_refuses_missing_columns_and_binary():
    with pytest.raises(Exception, match="Missing columns: hall"):
        read_csv(b"code,exhibitor,x,y\n1,A,1,1\n")
    with pytest.raises(Exception, match="not UTF-8"):
        read_csv(b"\xff\xfe\x00\x00code")


def test_read_csv_refuses_a_file_over_one_megabyte():
    with pytest.raises(Exception, match="larger than 1 MB"):
        read_csv(HEADER.encode() + b"x" * 1_000_001)


def test_read_csv_reads_semicolons_and_a_bom(event, halls, lead_staff):
    text = "\ufeffCode;Exhibitor;Hall;X;Y\n7Q;Grid Labs;Hall 2;300;20\n"
    result = import_exhibitors(event=event, rows=read_csv(text.encode()), by=lead_staff)
    assert (result.created, Stand.objects.get(code="7Q").exhibitor) == (1, "Grid Labs")


# The exhibitor directory and the walks between halls


def exhibitor_names(event, query=""):
    return [stand.exhibitor for stand in exhibitors(event, query)]


def test_exhibitors_without_a_query_are_all_by_name(event, stands):
    assert exhibitor_names(event) == ["AMEC Urbis", "Munich Mobility", "Ubiwhere"]


def test_exhibitors_match_every_word_in_any_field(event, stands):
    assert (
        exhibitor_names(event, "bavaria"),
        exhibitor_names(event, "hall 1"),
        exhibitor_names(event, "PT 2B20"),
        exhibitor_names(event, "ubiwhere ES"),
    ) == (["Munich Mobility"], ["AMEC Urbis", "Munich Mobility"], ["Ubiwhere"], [])


def test_exhibitors_of_another_event_are_not_listed(event, stands):
    other = factories.b2b_event()
    assert exhibitor_names(other) == []


def test_walking_minutes_between_halls_round_up(event, halls):
    # Hall centres 250 m apart at 70 m a minute: 3.6 minutes.
    assert walking_minutes(event, ["Hall 1 — B2B area", "Hall 2", "Lobby"]) == {
        "Hall 1 — B2B area": {"Hall 2": 4},
        "Hall 2": {"Hall 1 — B2B area": 4},
    }


def test_walking_minutes_within_one_hall_are_none(event, halls):
    assert walking_minutes(event, ["Hall 1 — North", "Hall 1 — South"]) == {}
