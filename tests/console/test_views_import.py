"""The import pages: upload → map the columns → review and import, for each role."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from matchfair.console.models import ImportBatch, PendingRegistration
from matchfair.events.models import Registration
from tests import factories

CSV = (
    b"Adresse,Nom,Employer,Kind,Land\n"
    b"lena@example.org,Lena Novak,Ljubljana Mobility Lab,startup,SI\n"
    b"bad-address,Bad Row,Ljubljana Mobility Lab,startup,SI\n"
)


def url(name, event, **kwargs):
    return reverse(f"console:{name}", kwargs={"event": event.slug, **kwargs})


def upload(client, event, organiser, data=CSV, name="people.csv"):
    return client.post(
        url("import", event), {"file": SimpleUploadedFile(name, data), "organiser": organiser.pk}
    )


def test_the_whole_flow_for_a_co_organiser(
    client, event, co_staff, mailoutbox, django_capture_on_commit_callbacks
):
    co = co_staff.organiser_roles.get(event=event)
    client.force_login(co_staff)
    page = client.get(url("import", event))
    assert page.status_code == 200
    assert list(page.context["form"].fields["organiser"].queryset) == [co]
    response = upload(client, event, co)
    batch = ImportBatch.objects.get()
    assert response["Location"] == url("import_mapping", event, pk=batch.pk)
    mapping = client.get(response["Location"])
    assert mapping.status_code == 200
    # "Adresse" and "Nom" are not guessed; the organiser maps them by hand
    form = mapping.context["form"]
    assert form["organisation"].initial == "2"
    assert form["email"].initial == ""
    response = client.post(
        url("import_mapping", event, pk=batch.pk),
        {
            "email": "0",
            "full_name": "1",
            "organisation": "2",
            "organisation_type": "3",
            "country": "4",
        },
    )
    assert response["Location"] == url("import_review", event, pk=batch.pk)
    review = client.get(response["Location"])
    assert b"Row 3" in review.content and b"bad-address" in review.content
    refused = client.post(url("import_review", event, pk=batch.pk), {}, follow=True)
    assert "nothing was imported" in refused.content.decode()
    assert not Registration.objects.filter(user__email="lena@example.org").exists()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            url("import_review", event, pk=batch.pk), {"only_valid": "on"}, follow=True
        )
    assert done.status_code == 200
    lena = Registration.objects.get(user__email="lena@example.org")
    assert lena.organiser == co
    assert [mail.to for mail in mailoutbox] == [["lena@example.org"]]
    assert b"Rows left out" in done.content


def test_mapping_a_column_twice_is_refused_on_the_page(client, event, lead_staff):
    client.force_login(lead_staff)
    upload(client, event, event.organisers.get(is_lead=True))
    batch = ImportBatch.objects.get()
    response = client.post(
        url("import_mapping", event, pk=batch.pk), {"email": "0", "full_name": "0"}
    )
    assert response.status_code == 200
    assert "more than one field" in response.content.decode()
    batch.refresh_from_db()
    assert batch.mapping == {}


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("people.docx", b"whatever", "Upload a file of one of these types"),
        ("people.xlsx", CSV, "content is not a xlsx file"),
        ("people.csv", b"x" * (2 * 1024 * 1024 + 1), "at most 2.0"),
    ],
)
def test_the_upload_refuses_wrong_files(client, event, lead_staff, name, data, message):
    client.force_login(lead_staff)
    response = upload(client, event, event.organisers.get(is_lead=True), data=data, name=name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_a_co_organiser_cannot_upload_into_the_leads_tenant(client, event, co_staff):
    client.force_login(co_staff)
    response = upload(client, event, event.organisers.get(is_lead=True))
    assert response.status_code == 200
    assert "organiser" in response.context["form"].errors
    assert not ImportBatch.objects.exists()


def test_participant_and_anonymous(client, event, ana):
    assert client.get(url("import", event)).status_code == 302
    client.force_login(ana.user)
    assert client.get(url("import", event)).status_code == 403
    assert upload(client, event, event.organisers.get(is_lead=True)).status_code == 403
    assert not ImportBatch.objects.exists()


def test_cancel_deletes_the_rows(client, event, lead_staff):
    client.force_login(lead_staff)
    upload(client, event, event.organisers.get(is_lead=True))
    batch = ImportBatch.objects.get()
    client.post(url("import_cancel", event, pk=batch.pk))
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.CANCELLED
    assert batch.rows == []


def test_confirm_registration_page_registers_its_owner_only(client, event, lead_staff):
    known = factories.UserFactory(email="known@example.org", full_name="Known Person")
    batch = ImportBatch.objects.create(
        event=event, organiser=event.organisers.get(is_lead=True), created_by=lead_staff
    )
    pending = PendingRegistration.objects.create(
        batch=batch, event=event, organiser=batch.organiser, user=known, row=2
    )
    url = f"/e/{event.slug}/console/welcome/confirm/{pending.pk}/"
    client.force_login(lead_staff)
    assert client.post(url, {"answer": "confirm"}).status_code == 404
    client.force_login(known)
    assert "Register me" in client.get(url).content.decode()
    response = client.post(url, {"answer": "confirm"})
    assert (response.status_code, known.registrations.get().status) == (302, "validated")


TYPICAL = (
    b"e-mail,name,company,country,role\nivo@example.org,Ivo Ivanov,Sofia Sensors,Bulgaria,CTO\n"
)


def test_a_typical_csv_is_imported_with_the_values_offered_for_missing_columns(
    client, event, lead_staff, django_capture_on_commit_callbacks
):
    client.force_login(lead_staff)
    upload(client, event, event.organisers.get(is_lead=True), data=TYPICAL)
    batch = ImportBatch.objects.get()
    page = client.get(url("import_mapping", event, pk=batch.pk))
    form = page.context["form"]
    country = str(event.organisers.get(is_lead=True).cluster.organisation.country)
    assert (form["organisation_type"].initial, form["default_organisation_type"].initial) == (
        "",
        "company",
    )
    assert form["default_country"].initial == country
    assert "Values for missing columns" in page.content.decode()
    posted = {
        "email": "0",
        "full_name": "1",
        "organisation": "2",
        "country": "3",
        "job_title": "4",
        "default_organisation_type": "company",
        "default_country": "BG",
    }
    response = client.post(url("import_mapping", event, pk=batch.pk), posted)
    assert response["Location"] == url("import_review", event, pk=batch.pk)
    review = client.get(response["Location"]).content.decode()
    assert "Where the file gives none:" in review and "Every row is valid." in review
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("import_review", event, pk=batch.pk), {})
    ivo = Registration.objects.get(user__email="ivo@example.org")
    assert (ivo.user.organisation.kind, ivo.user.job_title) == ("company", "CTO")
