import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from matchfair.visits.domain.venue import ImportError_, import_exhibitors, read_csv
from matchfair.visits.models import Stand
from matchfair.visits.svg import floor_plan

HEADER = "code,exhibitor,organisation,country,hall,pavilion,x,y,width,depth,opens,closes\n"


def rows(text):
    return read_csv((HEADER + text).encode())


# The import: every row checked, nothing written unless all are right


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


def test_import_page_reports_rows_and_is_for_the_lead_only(client, event, halls, lead_staff, ana):
    upload = SimpleUploadedFile(
        "stands.csv", (HEADER + "1B,,,,Hall 1,,10,10,3,3,,\n").encode(), content_type="text/csv"
    )
    client.force_login(ana.user)
    assert client.get(f"/e/{event.slug}/venue/import/").status_code == 403
    client.force_login(lead_staff)
    response = client.post(f"/e/{event.slug}/venue/import/", {"file": upload})
    assert response.status_code == 400
    assert "Row 2, exhibitor: required" in response.content.decode()


def test_import_page_refuses_a_file_that_is_not_csv(client, event, halls, lead_staff):
    client.force_login(lead_staff)
    upload = SimpleUploadedFile("stands.xlsx", b"PK\x03\x04", content_type="application/zip")
    response = client.post(f"/e/{event.slug}/venue/import/", {"file": upload})
    assert "Upload a file of one of these types: .csv, .txt." in response.content.decode()


def test_import_page_refuses_a_binary_file_named_csv(client, event, halls, lead_staff):
    """The exhibitor import goes through uploads.check_upload: the content is checked, not
    only the name the browser sends."""
    client.force_login(lead_staff)
    upload = SimpleUploadedFile("stands.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00")
    response = client.post(f"/e/{event.slug}/venue/import/", {"file": upload})
    assert "The file is called .csv but its content is not a csv file." in (
        response.content.decode()
    )


def test_import_page_imports_and_goes_to_the_directory(client, event, halls, lead_staff):
    client.force_login(lead_staff)
    upload = SimpleUploadedFile(
        "stands.csv", (HEADER + "1B,Civic Flow,,,Hall 1,,10,10,3,3,,\n").encode()
    )
    response = client.post(f"/e/{event.slug}/venue/import/", {"file": upload})
    assert (response.status_code, response["Location"]) == (302, f"/e/{event.slug}/venue/")
    assert Stand.objects.filter(event=event, exhibitor="Civic Flow").exists()


# The directory, the stand page and the floor plan


def test_directory_searches_exhibitors(client, event, stands):
    response = client.get(f"/e/{event.slug}/venue/", {"q": "portugal ubi"})
    assert response.status_code == 200
    assert [s.exhibitor for s in response.context["page"]] == []
    response = client.get(f"/e/{event.slug}/venue/", {"q": "ubi PT"})
    assert [s.exhibitor for s in response.context["page"]] == ["Ubiwhere"]


def test_stand_page_shows_the_stand_and_highlights_it(client, event, stands):
    response = client.get(f"/e/{event.slug}/venue/stands/{stands[2].pk}/")
    html = response.content.decode()
    assert (response.status_code, "Munich Mobility" in html, "10:00–12:00" in html) == (
        200,
        True,
        True,
    )
    assert 'fill="#ffcf4d"' in html


def test_stand_of_another_event_is_not_found(client, event, stands):
    from tests import factories

    other = factories.b2b_event()
    assert client.get(f"/e/{other.slug}/venue/stands/{stands[0].pk}/").status_code == 404


def test_floor_plan_draws_halls_pavilions_and_clickable_stands(event, stands, bavaria):
    svg = str(floor_plan(event))
    # A group, not an image: the plan's stands are links, and an image cannot hold links.
    assert svg.startswith("<svg") and 'role="group"' in svg
    assert svg.count("<rect") == 2 + 1 + 3
    for stand in stands:
        assert f'<a href="/e/{event.slug}/venue/stands/{stand.pk}/" class="stand"' in svg
    assert f'href="/e/{event.slug}/venue/pavilions/{bavaria.pk}/"' in svg
    assert "<title>1A10 AMEC Urbis</title>" in svg and ">Hall 2</text>" in svg
    assert "style=" not in svg


def test_floor_plan_escapes_names(event, halls):
    Stand.objects.create(event=event, hall=halls[0], code="X<1>", exhibitor="<script>", x=1, y=1)
    svg = str(floor_plan(event))
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_floor_plan_draws_the_route(event, stands):
    svg = str(floor_plan(event, route=[(50, 30), (63, 12), (300, 30), (50, 30)]))
    assert '<polyline points="50,30 63,12 300,30 50,30"' in svg
    assert (">1</text>" in svg, ">2</text>" in svg) == (True, True)


def test_route_labels_join_the_numbers_of_one_spot():
    from matchfair.visits.svg import route_labels

    route = [(0, 0), (5, 5), (9, 9), (5, 5), (0, 0), (0, 0)]
    assert route_labels(route) == {(5, 5): ["1", "3"], (9, 9): ["2"], (0, 0): ["4"]}


def test_database_refuses_a_stand_closing_before_it_opens(event, halls):
    import datetime as dt

    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        Stand.objects.create(
            event=event,
            hall=halls[0],
            code="Z",
            exhibitor="Z",
            opens=dt.time(12),
            closes=dt.time(10),
        )


def test_directory_queries_do_not_grow_with_the_stands(client, event, stands, halls):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(f"/e/{event.slug}/venue/")
    with CaptureQueriesContext(connection) as few:
        client.get(f"/e/{event.slug}/venue/")
    for number in range(10):
        Stand.objects.create(
            event=event,
            hall=halls[1],
            code=f"M{number}",
            exhibitor=f"M {number}",
            x=260 + number * 5,
            y=5,
            width=3,
            depth=3,
        )
    with CaptureQueriesContext(connection) as many:
        client.get(f"/e/{event.slug}/venue/")
    assert len(many) == len(few)


def test_read_csv_refuses_a_file_over_one_megabyte():
    with pytest.raises(Exception, match="larger than 1 MB"):
        read_csv(HEADER.encode() + b"x" * 1_000_001)


def test_read_csv_reads_semicolons_and_a_bom(event, halls, lead_staff):
    text = "\ufeffCode;Exhibitor;Hall;X;Y\n7Q;Grid Labs;Hall 2;300;20\n"
    result = import_exhibitors(event=event, rows=read_csv(text.encode()), by=lead_staff)
    assert (result.created, Stand.objects.get(code="7Q").exhibitor) == (1, "Grid Labs")
